package dev.silica.numerics.arith;

/**
 * Exact addition of two doubles, delivered rounded to odd.
 *
 * <p>Knuth's TwoSum gives {@code s = fl(a + b)} and the exact error {@code e = (a + b) - s}. When
 * {@code e != 0} the sum is inexact; stepping {@code s} toward zero when {@code e} points that way
 * gives the truncation {@code t}, and forcing the last significand bit of {@code t} to 1 gives the
 * round-to-odd result. A value rounded to odd with {@code p} bits and then rounded once more, in
 * any mode, to a format of at most {@code p - 2} bits equals the direct rounding of the exact sum
 * (Boldo and Melquiond, "Emulation of FMA and correctly rounded sums: proved algorithms using
 * rounding to odd", IEEE TC 2008). With {@code p = 53} this covers every format up to FP32.
 */
final class ExactSum {
  private ExactSum() {}

  /**
   * {@code a + b} rounded to odd; infinities and NaN propagate as in IEEE addition.
   *
   * @param a a double of any value
   * @param b a double of any value; {@code |a + b|} must not overflow a double for finite inputs
   */
  static double roundToOdd(double a, double b) {
    double s = a + b;
    if (!Double.isFinite(s)) {
      return s;
    }
    double bv = s - a;
    double e = (a - (s - bv)) + (b - bv);
    if (e == 0) {
      return s;
    }
    double t = (s > 0) == (e > 0) ? s : (s > 0 ? Math.nextDown(s) : Math.nextUp(s));
    return Double.longBitsToDouble(Double.doubleToRawLongBits(t) | 1L);
  }
}
