package dev.silica.numerics;

/**
 * An independent reference for floating-point conversion, written from the format definition rather
 * than from the production encoder: the finite magnitudes are enumerated from the value formula
 * {@code e == 0 ? f * 2^(1-B-M) : (2^M + f) * 2^(e-B-M)}, the neighbours of {@code |x|} are found
 * by binary search, and the rounding mode picks one (IEEE 754 §4.3 and §7.4 for overflow).
 *
 * <p>Every value, midpoint and comparison is exact in double for formats of at most 16 bits.
 */
public final class FloatOracle {
  private final int exponentBits;
  private final int mantissaBits;
  private final boolean finiteNan;
  private final boolean saturate;

  /** Finite magnitudes by magnitude code 0..K, plus v[K+1] = max + ulp(max), the overflow value. */
  private final double[] values;

  public FloatOracle(FloatingPoint format) {
    this.exponentBits = format.exponentBits();
    this.mantissaBits = format.mantissaBits();
    this.finiteNan = format.specials() == FloatingPoint.Specials.FINITE_NAN;
    this.saturate = format.overflow() == Overflow.SATURATE;
    int bias = (1 << (exponentBits - 1)) - 1;
    int allOnes = (1 << exponentBits) - 1;
    int maxCode =
        finiteNan ? (1 << (exponentBits + mantissaBits)) - 2 : (allOnes << mantissaBits) - 1;
    values = new double[maxCode + 2];
    for (int k = 0; k <= maxCode; k++) {
      values[k] = magnitude(k, bias);
    }
    int topExponent = (maxCode >> mantissaBits) - bias;
    values[maxCode + 1] = values[maxCode] + Math.scalb(1.0, topExponent - mantissaBits);
  }

  private double magnitude(int code, int bias) {
    int e = code >> mantissaBits;
    int f = code & ((1 << mantissaBits) - 1);
    return e == 0
        ? f * Math.pow(2, 1 - bias - mantissaBits)
        : ((1 << mantissaBits) + f) * Math.pow(2, e - bias - mantissaBits);
  }

  /** Value of a magnitude code (0..K). */
  double value(int code) {
    return values[code];
  }

  /** Largest finite magnitude code K. */
  int maxCode() {
    return values.length - 2;
  }

  private long signBit() {
    return 1L << (exponentBits + mantissaBits);
  }

  private long overflowCode() {
    return finiteNan
        ? (1L << (exponentBits + mantissaBits)) - 1
        : ((1L << exponentBits) - 1) << mantissaBits;
  }

  /** Expected encoding of a non-NaN double (floats widen exactly) under a deterministic mode. */
  public long encode(double x, Rounding mode) {
    boolean negative = Double.doubleToRawLongBits(x) < 0;
    long sign = negative ? signBit() : 0;
    double a = Math.abs(x);
    int max = maxCode();
    if (Double.isInfinite(a)) {
      return sign | (saturate ? max : overflowCode());
    }
    int lo = floorIndex(a);
    int k;
    if (values[lo] == a) {
      k = lo;
    } else {
      boolean away =
          switch (mode) {
            case TOWARD_ZERO -> false;
            case DOWN -> negative;
            case UP -> !negative;
            case NEAREST_EVEN -> {
              double mid = (values[lo] + values[lo + 1]) / 2;
              yield a > mid || (a == mid && (lo & 1) == 1);
            }
            case STOCHASTIC -> throw new IllegalArgumentException("deterministic modes only");
          };
      k = away ? lo + 1 : lo;
    }
    if (k > max) {
      return sign | (saturate ? max : overflowCode());
    }
    return sign | k;
  }

  /** Largest index with values[index] <= a, capped at K + 1 ... used only below K + 1. */
  int floorIndex(double a) {
    int max = maxCode();
    if (a >= values[max]) {
      return max;
    }
    int lo = 0;
    int hi = max;
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (values[mid] <= a) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
