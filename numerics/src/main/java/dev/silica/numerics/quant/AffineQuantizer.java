package dev.silica.numerics.quant;

import dev.silica.numerics.Checks;
import dev.silica.numerics.IntegerFormat;
import dev.silica.numerics.Rounder;
import java.util.Arrays;

/**
 * ONNX {@code QuantizeLinear} / {@code DequantizeLinear} over a whole tensor, per tensor or per
 * channel.
 *
 * <h2>Semantics</h2>
 *
 * <p>For a row-major tensor of shape {@code d_0 × … × d_{r-1}} and a channel axis {@code a},
 * element {@code i} belongs to channel {@code c(i) = (i / stride_a) mod d_a} with {@code stride_a =
 * d_{a+1} ⋯ d_{r-1}}; per-tensor quantization is the case of one channel. Then, exactly as in the
 * ONNX operators (opset 13+),
 *
 * <pre>
 * q_i = saturate(round(x_i / scale_c) + zp_c)      QuantizeLinear, x_i / scale_c in float32
 * y_i = (q_i - zp_c) * scale_c                     DequantizeLinear, in float32
 * </pre>
 *
 * <p>with {@code round} half-to-even unless another {@link Rounder} is given, and {@code saturate}
 * the clamp to the integer format's range (or wrap-around, if the format wraps). Values of formats
 * up to 32 bits are held in {@code int[]} (a {@code uint32} value above {@code 2^31 - 1} appears as
 * a negative int; use {@link Integer#toUnsignedLong(int)}).
 *
 * <h2>Calibration</h2>
 *
 * <p>{@link #minMax} follows ONNX {@code DynamicQuantizeLinear}: the range {@code [min(x, 0),
 * max(x, 0)]} is mapped onto {@code [qmin, qmax]}: {@code scale = (max - min) / (qmax - qmin)},
 * {@code zp = saturate(round(qmin - min / scale))}. {@link #symmetric} uses {@code zp = 0} and
 * {@code scale = max|x| / qmax}. A channel that is all zeros gets {@code scale = 1} (ONNX would
 * divide by zero).
 *
 * <p>Instances are immutable; the arrays passed in are copied.
 */
public final class AffineQuantizer {
  private final IntegerFormat format;
  private final int axis;
  private final float[] scales;
  private final long[] zeroPoints;

  private AffineQuantizer(IntegerFormat format, int axis, float[] scales, long[] zeroPoints) {
    Checks.require(
        scales.length == zeroPoints.length,
        "affine quantizer",
        "zero points",
        "have one entry per scale (" + scales.length + ")",
        zeroPoints.length);
    Checks.require(scales.length >= 1, "affine quantizer", "scales", "be non-empty", 0);
    for (int c = 0; c < scales.length; c++) {
      // Validates scale and zero point with the format's own checks and messages.
      format.withAffine(scales[c], zeroPoints[c]);
    }
    this.format = format;
    this.axis = axis;
    this.scales = scales.clone();
    this.zeroPoints = zeroPoints.clone();
  }

  /**
   * Per-tensor quantization with the format's own scale and zero point.
   *
   * @param format width, signedness, overflow mode, scale and zero point
   * @return a quantizer with one channel
   */
  public static AffineQuantizer perTensor(IntegerFormat format) {
    return new AffineQuantizer(
        format, -1, new float[] {format.scale()}, new long[] {format.zeroPoint()});
  }

  /**
   * Per-tensor quantization with an explicit scale and zero point.
   *
   * @param format width, signedness and overflow mode (its own scale and zero point are ignored)
   * @param scale the real value of one integer step, finite and {@code > 0}
   * @param zeroPoint the integer that represents 0, within the format's range
   * @return a quantizer with one channel
   * @throws IllegalArgumentException for an invalid scale or zero point, worded as by {@link
   *     IntegerFormat}
   */
  public static AffineQuantizer perTensor(IntegerFormat format, float scale, long zeroPoint) {
    return new AffineQuantizer(format, -1, new float[] {scale}, new long[] {zeroPoint});
  }

  /**
   * Per-channel quantization along {@code axis}: channel {@code c} uses {@code scales[c]} and
   * {@code zeroPoints[c]} (ONNX per-axis {@code QuantizeLinear}).
   *
   * @param format width, signedness and overflow mode
   * @param axis the channel dimension of the tensors this quantizer will see, {@code >= 0}
   * @param scales one scale per channel, each finite and {@code > 0}
   * @param zeroPoints one zero point per channel, each within the format's range
   * @return the quantizer; the tensors passed later must have {@code scales.length} channels
   */
  public static AffineQuantizer perChannel(
      IntegerFormat format, int axis, float[] scales, long[] zeroPoints) {
    Checks.require(axis >= 0, "affine quantizer", "axis", "be >= 0", axis);
    return new AffineQuantizer(format, axis, scales, zeroPoints);
  }

  /**
   * Asymmetric per-tensor calibration (ONNX {@code DynamicQuantizeLinear}): {@code scale = (max -
   * min) / (qmax - qmin)} over {@code [min(x, 0), max(x, 0)]}, {@code zp = saturate(round(qmin -
   * min / scale))}.
   *
   * @param format the target integer format (usually {@code uint8})
   * @param x the calibration tensor, finite values
   * @return a per-tensor quantizer
   */
  public static AffineQuantizer minMax(IntegerFormat format, float[] x) {
    float[] range = range(x, 0, x.length, 1);
    float scale = minMaxScale(format, range);
    return perTensor(format, scale, minMaxZeroPoint(format, range, scale));
  }

  /**
   * Asymmetric per-channel calibration along {@code axis}: the per-tensor rule applied to each
   * channel's values separately.
   *
   * @param format the target integer format
   * @param x the calibration tensor, row-major, finite values
   * @param shape its dimensions
   * @param axis the channel dimension
   * @return a per-channel quantizer with {@code shape[axis]} channels
   */
  public static AffineQuantizer minMax(IntegerFormat format, float[] x, int[] shape, int axis) {
    int[] layout = layout(x.length, shape, axis);
    float[] scales = new float[layout[1]];
    long[] zps = new long[layout[1]];
    for (int c = 0; c < layout[1]; c++) {
      float[] range = channelRange(x, layout, c);
      scales[c] = minMaxScale(format, range);
      zps[c] = minMaxZeroPoint(format, range, scales[c]);
    }
    return perChannel(format, axis, scales, zps);
  }

  /**
   * Symmetric per-tensor calibration: {@code zp = 0}, {@code scale = max|x| / qmax}, the usual
   * choice for weights (no zero-point correction term in the integer MAC).
   *
   * @param format the target integer format (usually {@code int8})
   * @param x the calibration tensor, finite values
   * @return a per-tensor quantizer
   */
  public static AffineQuantizer symmetric(IntegerFormat format, float[] x) {
    float[] range = range(x, 0, x.length, 1);
    return perTensor(format, symmetricScale(format, range), 0);
  }

  /**
   * Symmetric per-channel calibration along {@code axis} (for example per output channel of a
   * convolution weight).
   *
   * @param format the target integer format
   * @param x the calibration tensor, row-major, finite values
   * @param shape its dimensions
   * @param axis the channel dimension
   * @return a per-channel quantizer with {@code shape[axis]} channels
   */
  public static AffineQuantizer symmetric(IntegerFormat format, float[] x, int[] shape, int axis) {
    int[] layout = layout(x.length, shape, axis);
    float[] scales = new float[layout[1]];
    for (int c = 0; c < layout[1]; c++) {
      scales[c] = symmetricScale(format, channelRange(x, layout, c));
    }
    return perChannel(format, axis, scales, new long[layout[1]]);
  }

  private static float minMaxScale(IntegerFormat format, float[] range) {
    float scale = (range[1] - range[0]) / (float) (format.maxValue() - format.minValue());
    return scale > 0 && Float.isFinite(scale) ? scale : 1f;
  }

  private static long minMaxZeroPoint(IntegerFormat format, float[] range, float scale) {
    float zp = (float) format.minValue() - range[0] / scale;
    long rounded = Rounder.NEAREST_EVEN.roundToInteger(zp);
    return Math.max(format.minValue(), Math.min(format.maxValue(), rounded));
  }

  private static float symmetricScale(IntegerFormat format, float[] range) {
    float maxAbs = Math.max(Math.abs(range[0]), Math.abs(range[1]));
    float scale = maxAbs / (float) format.maxValue();
    return scale > 0 && Float.isFinite(scale) ? scale : 1f;
  }

  /** {@code [min(x, 0), max(x, 0)]} over {@code x[start], x[start + step], …} ({@code count}). */
  private static float[] range(float[] x, int start, int count, int step) {
    float min = 0;
    float max = 0;
    for (int k = 0, i = start; k < count; k++, i += step) {
      float v = x[i];
      Checks.require(
          Float.isFinite(v), "affine quantizer calibration", "x[" + i + "]", "be finite", v);
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return new float[] {min, max};
  }

  private static float[] channelRange(float[] x, int[] layout, int channel) {
    int stride = layout[2];
    int channels = layout[1];
    float min = 0;
    float max = 0;
    for (int outer = 0; outer < layout[0]; outer++) {
      int base = (outer * channels + channel) * stride;
      float[] r = range(x, base, stride, 1);
      min = Math.min(min, r[0]);
      max = Math.max(max, r[1]);
    }
    return new float[] {min, max};
  }

  /**
   * {@code {outer, channels, stride}} for a row-major tensor and an axis; axis -1 means one
   * channel.
   */
  private static int[] layout(int length, int[] shape, int axis) {
    long product = 1;
    for (int i = 0; i < shape.length; i++) {
      Checks.require(shape[i] >= 0, "affine quantizer", "shape[" + i + "]", "be >= 0", shape[i]);
      product *= shape[i];
    }
    Checks.require(
        product == length,
        "affine quantizer",
        "tensor length",
        "equal the shape's element count " + product + " " + Arrays.toString(shape),
        length);
    if (axis < 0) {
      return new int[] {1, 1, length};
    }
    Checks.require(
        axis < shape.length, "affine quantizer", "axis", "be < rank " + shape.length, axis);
    int outer = 1;
    for (int i = 0; i < axis; i++) {
      outer *= shape[i];
    }
    int stride = 1;
    for (int i = axis + 1; i < shape.length; i++) {
      stride *= shape[i];
    }
    return new int[] {outer, shape[axis], stride};
  }

  private int[] checkedLayout(int length, int[] shape) {
    int[] layout = layout(length, shape, axis);
    Checks.require(
        layout[1] == scales.length,
        "affine quantizer",
        "channel count along axis " + axis,
        "equal the number of scales " + scales.length,
        layout[1]);
    return layout;
  }

  /** The integer format (width, signedness, overflow). */
  public IntegerFormat format() {
    return format;
  }

  /** The channel axis, or -1 for per-tensor quantization. */
  public int axis() {
    return axis;
  }

  /** A copy of the per-channel scales (one entry when per tensor). */
  public float[] scales() {
    return scales.clone();
  }

  /** A copy of the per-channel zero points (one entry when per tensor). */
  public long[] zeroPoints() {
    return zeroPoints.clone();
  }

  /**
   * {@code QuantizeLinear} with round-half-to-even.
   *
   * @param x the tensor, row-major
   * @param shape its dimensions; {@code shape[axis]} must equal the number of channels
   * @return the integers, one per element
   */
  public int[] quantize(float[] x, int[] shape) {
    return quantize(x, shape, Rounder.NEAREST_EVEN);
  }

  /**
   * {@code QuantizeLinear} with the given rounding (stochastic rounding draws once per inexact
   * element, in element order).
   *
   * @param x the tensor, row-major
   * @param shape its dimensions
   * @param rounder the rounding of {@code x / scale}
   * @return the integers, one per element
   */
  public int[] quantize(float[] x, int[] shape, Rounder rounder) {
    int[] layout = checkedLayout(x.length, shape);
    int[] q = new int[x.length];
    int stride = layout[2];
    int channels = layout[1];
    for (int outer = 0, i = 0; outer < layout[0]; outer++) {
      for (int c = 0; c < channels; c++) {
        float scale = scales[c];
        long zp = zeroPoints[c];
        for (int k = 0; k < stride; k++, i++) {
          q[i] = (int) format.quantizeToInteger(x[i], scale, zp, rounder);
        }
      }
    }
    return q;
  }

  /**
   * {@code DequantizeLinear}: {@code (q - zp) * scale} in float32.
   *
   * @param q the integers, row-major (unsigned 32-bit values as their int bit patterns)
   * @param shape their dimensions
   * @return the real values
   */
  public float[] dequantize(int[] q, int[] shape) {
    int[] layout = checkedLayout(q.length, shape);
    float[] y = new float[q.length];
    int stride = layout[2];
    int channels = layout[1];
    for (int outer = 0, i = 0; outer < layout[0]; outer++) {
      for (int c = 0; c < channels; c++) {
        for (int k = 0; k < stride; k++, i++) {
          long value = format.signed() ? q[i] : Integer.toUnsignedLong(q[i]);
          y[i] = IntegerFormat.dequantize(value, scales[c], zeroPoints[c]);
        }
      }
    }
    return y;
  }

  /** {@code dequantize(quantize(x))}: the values the hardware would see. */
  public float[] fakeQuantize(float[] x, int[] shape) {
    return dequantize(quantize(x, shape), shape);
  }
}
