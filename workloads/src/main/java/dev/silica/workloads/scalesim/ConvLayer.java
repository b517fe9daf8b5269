package dev.silica.workloads.scalesim;

import java.util.Locale;

/**
 * A row of SCALE-Sim's convolution topology ({@code Layer name, IFMAP Height, IFMAP Width, Filter
 * Height, Filter Width, Channels, Num Filter, Strides[, Stride Width],}).
 *
 * <p>SCALE-Sim's output size is {@code ceil((H - R + s) / s)} ({@link #outputHeight()}), which is
 * one more than the framework formula {@code floor((H - R) / s) + 1} whenever the stride does not
 * divide {@code H - R}: the last window then hangs over the bottom (right) edge by {@link
 * #overhangBottom()} rows ({@link #overhangRight()} columns), which SCALE-Sim marks as absent
 * addresses and still counts as MACs.
 *
 * <p>A layer whose name contains {@code DP} is split by SCALE-Sim into {@code Channels} layers of
 * one channel and {@code Num Filter} filters each: a depthwise convolution with channel multiplier
 * {@code Num Filter} ({@link #depthwise()}).
 *
 * @param name the layer name, as in the file
 * @param ifmapHeight IFMAP rows {@code H} (any padding already included, SCALE-Sim has none)
 * @param ifmapWidth IFMAP columns {@code W}
 * @param filterHeight filter rows {@code R}
 * @param filterWidth filter columns {@code S}
 * @param channels input channels {@code C}
 * @param filters number of filters (output channels; per input channel when depthwise)
 * @param strideHeight vertical stride (the {@code Strides} column)
 * @param strideWidth horizontal stride (the optional ninth column; equal to the vertical stride
 *     when absent)
 */
public record ConvLayer(
    String name,
    int ifmapHeight,
    int ifmapWidth,
    int filterHeight,
    int filterWidth,
    int channels,
    int filters,
    int strideHeight,
    int strideWidth)
    implements ScaleSimLayer {
  public ConvLayer {
    ScaleSimLayer.checkName(name);
    if (Math.min(Math.min(ifmapHeight, ifmapWidth), Math.min(filterHeight, filterWidth)) < 1
        || Math.min(Math.min(channels, filters), Math.min(strideHeight, strideWidth)) < 1) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s: every dimension must be a positive integer, got %dx%d ifmap, %dx%d filter,"
                  + " %d channels, %d filters, stride %dx%d",
              name,
              ifmapHeight,
              ifmapWidth,
              filterHeight,
              filterWidth,
              channels,
              filters,
              strideHeight,
              strideWidth));
    }
    if (filterHeight > ifmapHeight || filterWidth > ifmapWidth) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s: filter %dx%d does not fit ifmap %dx%d",
              name,
              filterHeight,
              filterWidth,
              ifmapHeight,
              ifmapWidth));
    }
  }

  /** A layer with the same stride in both directions. */
  public ConvLayer(
      String name,
      int ifmapHeight,
      int ifmapWidth,
      int filterHeight,
      int filterWidth,
      int channels,
      int filters,
      int stride) {
    this(
        name,
        ifmapHeight,
        ifmapWidth,
        filterHeight,
        filterWidth,
        channels,
        filters,
        stride,
        stride);
  }

  /** SCALE-Sim's output rows: {@code ceil((H - R + s) / s)}. */
  public int outputHeight() {
    return outputs(ifmapHeight, filterHeight, strideHeight);
  }

  /** SCALE-Sim's output columns: {@code ceil((W - S + s) / s)}. */
  public int outputWidth() {
    return outputs(ifmapWidth, filterWidth, strideWidth);
  }

  /**
   * Rows by which the last window reaches below the IFMAP: {@code (P - 1)·s + R - H}, between 0 and
   * {@code s - 1}; 0 when the stride divides {@code H - R}.
   */
  public int overhangBottom() {
    return (outputHeight() - 1) * strideHeight + filterHeight - ifmapHeight;
  }

  /** Columns by which the last window reaches right of the IFMAP. */
  public int overhangRight() {
    return (outputWidth() - 1) * strideWidth + filterWidth - ifmapWidth;
  }

  /** True when SCALE-Sim simulates the row as depthwise: its name contains {@code DP}. */
  public boolean depthwise() {
    return name.contains(DEPTHWISE_MARK);
  }

  /** Output pixels per filter, {@code P·Q}. */
  @Override
  public long m() {
    return (long) outputHeight() * outputWidth();
  }

  /** Filters; for a depthwise row, {@code Channels · Num Filter} in total. */
  @Override
  public long n() {
    return depthwise() ? (long) channels * filters : filters;
  }

  /** Window size: {@code R·S·C}, or {@code R·S} for a depthwise row. */
  @Override
  public long k() {
    return (long) filterHeight * filterWidth * (depthwise() ? 1 : channels);
  }

  /** The substring by which SCALE-Sim recognises a depthwise layer (case-sensitive). */
  public static final String DEPTHWISE_MARK = "DP";

  /** SCALE-Sim's output count along one axis: {@code ceil((in - k + s) / s)}. */
  static int outputs(int in, int k, int s) {
    return (in - k + s - 1) / s + 1;
  }
}
