package dev.silica.workloads.quant;

import java.util.Arrays;
import java.util.Locale;

/**
 * How calibration turns a tensor's values into the range a format must cover: the largest magnitude
 * ({@code max}) or a percentile of the magnitudes ({@code percentile:99.99}), which clips rare
 * outliers to spend the format's resolution on the bulk of the values.
 *
 * <p>The percentile is the nearest-rank order statistic: for {@code n} magnitudes sorted ascending,
 * {@code |x|_(k)} with {@code k = ⌈p/100 · n⌉} (1-based, at least 1), so {@code percentile:100}
 * equals {@code max}.
 *
 * @param percentile in {@code (0, 100]}; {@code 100} is max-abs calibration
 */
public record Calibration(double percentile) {
  /** Max-abs calibration. */
  public static final Calibration MAX = new Calibration(100);

  public Calibration {
    if (!(percentile > 0 && percentile <= 100)) {
      throw new IllegalArgumentException(
          "calibration 'percentile:"
              + percentile
              + "': percentile must be in (0, 100], got "
              + percentile);
    }
  }

  /**
   * Parses {@code max} or {@code percentile:P}.
   *
   * @throws IllegalArgumentException naming the spec and the valid forms
   */
  public static Calibration parse(String spec) {
    String s = spec.trim().toLowerCase(Locale.ROOT);
    if (s.equals("max") || s.equals("max-abs")) {
      return MAX;
    }
    if (s.startsWith("percentile:")) {
      String p = s.substring("percentile:".length());
      double v;
      try {
        v = Double.parseDouble(p);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "calibration '"
                + spec.trim()
                + "': percentile must be a number in (0, 100], got '"
                + p
                + "'");
      }
      if (!(v > 0 && v <= 100)) {
        throw new IllegalArgumentException(
            "calibration '" + spec.trim() + "': percentile must be in (0, 100], got " + p);
      }
      return new Calibration(v);
    }
    throw new IllegalArgumentException(
        "calibration '" + spec.trim() + "': unknown method (expected one of: max, percentile:P)");
  }

  /** {@code max} or {@code percentile:P}. */
  public String spec() {
    return percentile == 100 ? "max" : "percentile:" + format(percentile);
  }

  private static String format(double p) {
    return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
  }

  /**
   * The calibrated magnitude of {@code n} values read as {@code x[offset + i·stride]}: their
   * max-abs, or the nearest-rank percentile of their magnitudes. NaN values are skipped.
   */
  public double range(float[] x, int offset, int stride, int n) {
    if (percentile == 100) {
      double m = 0;
      for (int i = 0, j = offset; i < n; i++, j += stride) {
        float v = Math.abs(x[j]);
        if (v > m) {
          m = v;
        }
      }
      return m;
    }
    float[] mag = new float[n];
    int k = 0;
    for (int i = 0, j = offset; i < n; i++, j += stride) {
      if (!Float.isNaN(x[j])) {
        mag[k++] = Math.abs(x[j]);
      }
    }
    if (k == 0) {
      return 0;
    }
    Arrays.sort(mag, 0, k);
    // the epsilon keeps p·n that is an integer in exact arithmetic (99.99% of 10^4) from rounding
    // up
    int rank = (int) Math.ceil(percentile / 100 * k - 1e-9);
    return mag[Math.max(1, Math.min(k, rank)) - 1];
  }

  /** {@link #range(float[], int, int, int)} over the whole array. */
  public double range(float[] x) {
    return range(x, 0, 1, x.length);
  }

  @Override
  public String toString() {
    return spec();
  }
}
