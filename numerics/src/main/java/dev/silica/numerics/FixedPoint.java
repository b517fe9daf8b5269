package dev.silica.numerics;

/**
 * Binary fixed point {@code Qm.n}: a {@code w = m + n} bit integer {@code k} representing {@code k
 * * 2^-n}. For a signed format {@code m} counts the sign bit ({@code q8.8} is a 16-bit two's
 * complement number with range {@code [-128, 128 - 2^-8]}); {@code uq4.4} is unsigned with range
 * {@code [0, 16 - 2^-4]}.
 *
 * <h2>Conversion</h2>
 *
 * <p>A real {@code x} becomes {@code k = overflow(round(x * 2^n))}: the product {@code x * 2^n} is
 * exact (a power-of-two scaling of a float), {@code round} is the given {@link Rounder}, and {@code
 * overflow} either clamps to {@code [kmin, kmax]} ({@link Overflow#SATURATE}, the default) or keeps
 * the low {@code w} bits ({@link Overflow#WRAP}). Round-to-nearest-even within range: {@code |q(x)
 * - x| <= 2^-(n+1)}; directed and stochastic modes: {@code < 2^-n}. NaN converts to 0 and ±Inf to
 * the extreme value of that sign, in both overflow modes (wrap-around of an infinity has no
 * meaning).
 *
 * <p>{@link #decode(long)} returns {@code k * 2^-n} as a float, which is exact for {@code w <= 24}
 * and otherwise the nearest float; {@link #decodeDouble(long)} is always exact.
 *
 * <h2>Exact arithmetic</h2>
 *
 * <p>{@link #fromFixed(long, int, Rounder)} converts an exact fixed-point value (a long with its
 * own number of fraction bits, such as the {@code na + nb}-fraction-bit product of two operands)
 * into this format with one rounding and one overflow step; the MAC emulation in {@code arith} is
 * built on it.
 *
 * @param integerBits m, integer bits including the sign bit when signed ({@code >= 1} if signed)
 * @param fractionBits n, fraction bits, {@code >= 0}
 * @param signed two's complement when true
 * @param overflow {@link Overflow#SATURATE} (default) or {@link Overflow#WRAP}
 */
public record FixedPoint(int integerBits, int fractionBits, boolean signed, Overflow overflow)
    implements NumberFormat {

  /** Largest supported total width {@code m + n}, in bits. */
  public static final int MAX_WIDTH = 32;

  /** Validates widths ({@code 1 <= m + n <= 32}) and the overflow mode. */
  public FixedPoint {
    validate(
        Checks.formatWhere((signed ? "q" : "uq") + integerBits + "." + fractionBits),
        integerBits,
        fractionBits,
        signed,
        overflow);
  }

  /**
   * The checks of the canonical constructor, with the {@code <where>} of the caller (the parser
   * quotes the user's spec). Widths are longs so that a parsed {@code q5.99999999999} is reported,
   * not overflowed.
   */
  static void validate(
      String where, long integerBits, long fractionBits, boolean signed, Overflow overflow) {
    Checks.require(integerBits >= 0, where, "integer bits", "be >= 0", integerBits);
    Checks.require(fractionBits >= 0, where, "fraction bits", "be >= 0", fractionBits);
    Checks.require(
        !signed || integerBits >= 1,
        where,
        "integer bits of a signed format (they include the sign bit)",
        "be >= 1",
        integerBits);
    long width = integerBits + fractionBits;
    Checks.require(width >= 1, where, "total width", "be >= 1 bit", width);
    Checks.require(width <= MAX_WIDTH, where, "total width", "be <= 32 bits", width);
    Checks.require(
        overflow == Overflow.SATURATE || overflow == Overflow.WRAP,
        where,
        "overflow",
        "be one of saturate, wrap",
        overflow == null ? null : overflow.specName());
  }

  /** Signed {@code Qm.n}, saturating. */
  public static FixedPoint q(int integerBits, int fractionBits) {
    return new FixedPoint(integerBits, fractionBits, true, Overflow.SATURATE);
  }

  /** Unsigned {@code UQm.n}, saturating. */
  public static FixedPoint uq(int integerBits, int fractionBits) {
    return new FixedPoint(integerBits, fractionBits, false, Overflow.SATURATE);
  }

  /** This format with another overflow mode. */
  public FixedPoint withOverflow(Overflow newOverflow) {
    return new FixedPoint(integerBits, fractionBits, signed, newOverflow);
  }

  @Override
  public String name() {
    String base = (signed ? "q" : "uq") + integerBits + "." + fractionBits;
    return overflow == Overflow.SATURATE ? base : base + ":" + overflow.specName();
  }

  @Override
  public String toString() {
    return name();
  }

  @Override
  public int bitWidth() {
    return integerBits + fractionBits;
  }

  /** Smallest raw integer: {@code -2^(w-1)} signed, 0 unsigned. */
  public long minRaw() {
    return signed ? -(1L << (bitWidth() - 1)) : 0;
  }

  /** Largest raw integer: {@code 2^(w-1) - 1} signed, {@code 2^w - 1} unsigned. */
  public long maxRaw() {
    return signed ? (1L << (bitWidth() - 1)) - 1 : (1L << bitWidth()) - 1;
  }

  /** The resolution {@code 2^-n}. */
  public double ulp() {
    return Math.scalb(1.0, -fractionBits);
  }

  /**
   * Applies this format's overflow rule to an exact integer: clamp to {@code [minRaw, maxRaw]} or
   * keep the low {@code w} bits (sign-extended when signed).
   */
  public long overflowRaw(long exact) {
    if (overflow == Overflow.SATURATE) {
      return Math.max(minRaw(), Math.min(maxRaw(), exact));
    }
    int unused = 64 - bitWidth();
    return signed ? (exact << unused) >> unused : exact & ((1L << bitWidth()) - 1);
  }

  /**
   * Converts the exact value {@code value * 2^-valueFractionBits} to a raw integer of this format:
   * one rounding (when {@code valueFractionBits > n}) and one overflow step.
   *
   * @param value the exact value's integer, any long
   * @param valueFractionBits its fraction bits, {@code >= 0}
   * @param rounder how discarded fraction bits are rounded
   * @return the raw integer {@code k}, in {@code [minRaw, maxRaw]}
   */
  public long fromFixed(long value, int valueFractionBits, Rounder rounder) {
    int shift = valueFractionBits - fractionBits;
    if (shift > 0) {
      boolean negative = value < 0;
      if (value == Long.MIN_VALUE) {
        // |value| = 2^63 does not fit a long magnitude; halve it exactly first.
        return fromFixed(value >> 1, valueFractionBits - 1, rounder);
      }
      long magnitude = rounder.roundMagnitude(Math.abs(value), shift, negative);
      return overflowRaw(negative ? -magnitude : magnitude);
    }
    int left = -shift;
    if (overflow == Overflow.SATURATE && left > 0) {
      long limit = Long.MAX_VALUE >> left;
      if (value > limit) {
        return maxRaw();
      }
      if (value < -limit) {
        return minRaw();
      }
    }
    return overflowRaw(left >= 64 ? 0 : value << left);
  }

  /** Converts a float to this format's raw integer. See the class comment for the rules. */
  public long toRaw(float x, Rounder rounder) {
    if (Float.isNaN(x)) {
      return 0;
    }
    if (Float.isInfinite(x)) {
      return x > 0 ? maxRaw() : minRaw();
    }
    double scaled = Math.scalb((double) x, fractionBits);
    if (overflow == Overflow.SATURATE && Math.abs(scaled) >= 0x1p62) {
      return scaled > 0 ? maxRaw() : minRaw();
    }
    return overflowRaw(rounder.roundToInteger(scaled));
  }

  /** Returns the low {@code w} bits of a raw integer (two's complement for signed formats). */
  public long rawToBits(long raw) {
    return raw & ((1L << bitWidth()) - 1);
  }

  /** Sign-extends (signed) or masks (unsigned) the low {@code w} bits of {@code bits}. */
  public long bitsToRaw(long bits) {
    int unused = 64 - bitWidth();
    return signed ? (bits << unused) >> unused : bits & ((1L << bitWidth()) - 1);
  }

  @Override
  public long encode(float x, Rounder rounder) {
    return rawToBits(toRaw(x, rounder));
  }

  @Override
  public float decode(long bits) {
    return (float) decodeDouble(bits);
  }

  /** {@code raw * 2^-n}, exact. */
  public double decodeDouble(long bits) {
    return Math.scalb((double) bitsToRaw(bits), -fractionBits);
  }
}
