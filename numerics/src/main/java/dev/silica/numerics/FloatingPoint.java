package dev.silica.numerics;

/**
 * A binary floating-point format with {@code exponentBits} exponent bits, {@code mantissaBits}
 * stored fraction bits and one sign bit: FP32, FP16, BF16, FP8 E4M3 and E5M2, or any other
 * "minifloat" with at most 8 exponent and 23 fraction bits (so every value is a Java {@code
 * float}).
 *
 * <h2>Encoding</h2>
 *
 * <p>Bits, most significant first: {@code sign | exponent (E bits) | fraction (M bits)}, exponent
 * bias {@code B = 2^(E-1) - 1}. With biased exponent {@code e} and fraction {@code f}:
 *
 * <pre>
 * e == 0            subnormal   (-1)^s * 2^(1-B) * (f / 2^M)         (includes ±0)
 * 0 &lt; e &lt; emaxField normal      (-1)^s * 2^(e-B) * (1 + f / 2^M)
 * e == all ones     IEEE:   f == 0 → ±Inf, f != 0 → NaN
 *                   FINITE_NAN (OCP E4M3): normal, except f == all ones → NaN; no infinity
 * </pre>
 *
 * <h2>Conversion</h2>
 *
 * <p>{@link #encode(float, Rounder)} and {@link #encode(double, Rounder)} round the exact input
 * once (no double rounding) with the given {@link Rounder}; subnormal results are produced with the
 * same rounding (no flush to zero), the sign of zero is kept (a negative value that rounds to 0
 * gives -0). Overflow follows {@link #overflow()}: {@link Overflow#INFINITY} is IEEE 754 (±Inf, or
 * ±max when the mode rounds toward zero in that direction; NaN for a format without infinity) and
 * {@link Overflow#SATURATE} clamps to ±max (an infinite input too). NaN becomes a quiet NaN with
 * the same sign and the high payload bits that fit (the rule of x86 F16C and ARM FCVT; {@link
 * #decode(long)} quiets the same way); in a FINITE_NAN format NaN is the single pattern {@code
 * S.1111.111}, which decodes to the canonical quiet float NaN of that sign.
 *
 * <p>Overflow is decided after rounding, as if the exponent range were unbounded (IEEE 754 §7.4): a
 * value overflows when it rounds past the largest finite value. So FP16's threshold is {@code 65520
 * = 65504 + ulp/2} (the tie goes to the even 65536 = Inf), while E4M3's tie at {@code 464} goes to
 * the even 448 and only larger values overflow.
 *
 * <p>Round-to-nearest-even error bound for a result in the normal range: {@code |q(x) - x| <=
 * 2^-(M+1) |x|}; in the subnormal range {@code |q(x) - x| <= 2^(-B-M)} (half the smallest
 * subnormal). Directed and stochastic modes: twice these bounds.
 *
 * @param exponentBits E, in {@code [2, 8]}
 * @param mantissaBits M, the stored fraction bits, in {@code [1, 23]}
 * @param specials how the all-ones exponent is used
 * @param overflow {@link Overflow#INFINITY} (IEEE, the default) or {@link Overflow#SATURATE}
 */
public record FloatingPoint(
    int exponentBits, int mantissaBits, Specials specials, Overflow overflow)
    implements NumberFormat {

  /** How a floating-point format spends its all-ones exponent. */
  public enum Specials {
    /** IEEE 754: the all-ones exponent holds ±Inf (fraction 0) and NaN (fraction != 0). */
    IEEE,
    /**
     * OCP FP8 E4M3 ("fn": finite, NaN): no infinity; only {@code S.1..1.1..1} is NaN and the rest
     * of the all-ones exponent holds normal values.
     */
    FINITE_NAN
  }

  /**
   * IEEE binary32. Exact for float inputs; a double rounds with {@code |error| <= 2^-24 |x|} in the
   * normal range {@code [2^-126, 3.4028235e38]}; overflow to ±Inf at {@code |x| >= 2^128 - 2^103}.
   */
  public static final FloatingPoint FP32 =
      new FloatingPoint(8, 23, Specials.IEEE, Overflow.INFINITY);

  /**
   * IEEE binary16: round-to-nearest-even; {@code |error| <= 2^-11 |x|} for normal results {@code
   * [2^-14, 65504]}; subnormals down to {@code 2^-24} with {@code |error| <= 2^-25}; overflow to
   * ±Inf at {@code |x| >= 65520}.
   */
  public static final FloatingPoint FP16 =
      new FloatingPoint(5, 10, Specials.IEEE, Overflow.INFINITY);

  /**
   * bfloat16 (the upper half of binary32): round-to-nearest-even; {@code |error| <= 2^-8 |x|} for
   * normal results {@code [2^-126, 3.3895314e38]}; subnormals down to {@code 2^-133}; overflow to
   * ±Inf at {@code |x| >= 2^128 - 2^119}.
   */
  public static final FloatingPoint BF16 =
      new FloatingPoint(8, 7, Specials.IEEE, Overflow.INFINITY);

  /**
   * OCP FP8 E4M3 (bias 7, no infinity, NaN = {@code S.1111.111}, max 448): round-to-nearest-even;
   * {@code |error| <= 2^-4 |x|} for normal results {@code [2^-6, 448]}; subnormals down to {@code
   * 2^-9} with {@code |error| <= 2^-10}; overflow (non-saturating mode) to NaN for {@code |x| >
   * 464} (464 is a tie that goes to 448, whose mantissa 110 is even); use {@code
   * withOverflow(SATURATE)} for the saturating mode.
   */
  public static final FloatingPoint FP8_E4M3 =
      new FloatingPoint(4, 3, Specials.FINITE_NAN, Overflow.INFINITY);

  /**
   * OCP FP8 E5M2 (IEEE-like, bias 15, ±Inf and NaN, max 57344): round-to-nearest-even; {@code
   * |error| <= 2^-3 |x|} for normal results {@code [2^-14, 57344]}; subnormals down to {@code
   * 2^-16} with {@code |error| <= 2^-17}; overflow to ±Inf at {@code |x| >= 61440}.
   */
  public static final FloatingPoint FP8_E5M2 =
      new FloatingPoint(5, 2, Specials.IEEE, Overflow.INFINITY);

  /** Validates the field widths and the overflow mode. */
  public FloatingPoint {
    String where = Checks.formatWhere("e" + exponentBits + "m" + mantissaBits);
    Checks.require(
        exponentBits >= 2 && exponentBits <= 8,
        where,
        "exponent bits",
        "be in [2, 8]",
        exponentBits);
    Checks.require(
        mantissaBits >= 1 && mantissaBits <= 23,
        where,
        "mantissa bits",
        "be in [1, 23]",
        mantissaBits);
    Checks.require(specials != null, where, "specials", "be given", null);
    validateOverflow(where, overflow);
  }

  static void validateOverflow(String where, Overflow overflow) {
    Checks.require(
        overflow == Overflow.INFINITY || overflow == Overflow.SATURATE,
        where,
        "overflow",
        "be one of infinity, saturate",
        overflow == null ? null : overflow.specName());
  }

  /** This format with another overflow mode ({@link Overflow#SATURATE} or INFINITY). */
  public FloatingPoint withOverflow(Overflow newOverflow) {
    return new FloatingPoint(exponentBits, mantissaBits, specials, newOverflow);
  }

  @Override
  public String name() {
    String base;
    if (exponentBits == 8 && mantissaBits == 23 && specials == Specials.IEEE) {
      base = "fp32";
    } else if (exponentBits == 5 && mantissaBits == 10 && specials == Specials.IEEE) {
      base = "fp16";
    } else if (exponentBits == 8 && mantissaBits == 7 && specials == Specials.IEEE) {
      base = "bf16";
    } else if (exponentBits == 4 && mantissaBits == 3 && specials == Specials.FINITE_NAN) {
      base = "fp8e4m3";
    } else if (exponentBits == 5 && mantissaBits == 2 && specials == Specials.IEEE) {
      base = "fp8e5m2";
    } else {
      base =
          "fp"
              + bitWidth()
              + "e"
              + exponentBits
              + "m"
              + mantissaBits
              + (specials == Specials.FINITE_NAN ? "fn" : "");
    }
    return overflow == Overflow.INFINITY ? base : base + ":" + overflow.specName();
  }

  @Override
  public String toString() {
    return name();
  }

  @Override
  public int bitWidth() {
    return 1 + exponentBits + mantissaBits;
  }

  /** The exponent bias {@code 2^(E-1) - 1}. */
  public int bias() {
    return (1 << (exponentBits - 1)) - 1;
  }

  /** The unbiased exponent of the smallest normal value, {@code 1 - bias}. */
  public int minExponent() {
    return 1 - bias();
  }

  /** The unbiased exponent of the largest finite value. */
  public int maxExponent() {
    int top = (1 << exponentBits) - 1;
    return (specials == Specials.IEEE ? top - 1 : top) - bias();
  }

  /** Encoding of the largest finite magnitude (sign bit clear). */
  public long maxFiniteBits() {
    return specials == Specials.IEEE
        ? (((1L << exponentBits) - 1) << mantissaBits) - 1
        : (1L << (exponentBits + mantissaBits)) - 2;
  }

  /** The largest finite value: 65504 for FP16, 448 for E4M3, 57344 for E5M2. */
  public double maxFinite() {
    return decodeDouble(maxFiniteBits());
  }

  /** The smallest positive normal value, {@code 2^(1 - bias)}. */
  public double minNormal() {
    return Math.scalb(1.0, minExponent());
  }

  /** The smallest positive subnormal value, {@code 2^(1 - bias - M)}. */
  public double minSubnormal() {
    return Math.scalb(1.0, minExponent() - mantissaBits);
  }

  private long signBit() {
    return 1L << (exponentBits + mantissaBits);
  }

  private long infinityBits() {
    return ((1L << exponentBits) - 1) << mantissaBits;
  }

  /** Whether {@code bits} encodes a NaN. */
  public boolean isNaN(long bits) {
    long magnitude = bits & (signBit() - 1);
    return specials == Specials.IEEE
        ? magnitude > infinityBits()
        : magnitude == (1L << (exponentBits + mantissaBits)) - 1;
  }

  /** Whether {@code bits} encodes ±Inf (never true for a FINITE_NAN format). */
  public boolean isInfinite(long bits) {
    return specials == Specials.IEEE && (bits & (signBit() - 1)) == infinityBits();
  }

  @Override
  public long encode(float x, Rounder rounder) {
    int bits = Float.floatToRawIntBits(x);
    boolean negative = bits < 0;
    int biased = (bits >>> 23) & 0xFF;
    int fraction = bits & 0x7F_FFFF;
    if (biased == 0xFF) {
      return fraction != 0 ? nan(negative, fraction, 23) : infinity(negative);
    }
    long significand = biased == 0 ? fraction : fraction | 0x80_0000;
    int exponent = (biased == 0 ? 1 : biased) - 150;
    return encodeFinite(negative, significand, exponent, rounder);
  }

  /**
   * Rounds a double to this format once (used for accumulations computed in double). Same rules as
   * {@link #encode(float, Rounder)}.
   */
  public long encode(double x, Rounder rounder) {
    long bits = Double.doubleToRawLongBits(x);
    boolean negative = bits < 0;
    int biased = (int) (bits >>> 52) & 0x7FF;
    long fraction = bits & 0xF_FFFF_FFFF_FFFFL;
    if (biased == 0x7FF) {
      return fraction != 0 ? nan(negative, fraction, 52) : infinity(negative);
    }
    long significand = biased == 0 ? fraction : fraction | (1L << 52);
    int exponent = (biased == 0 ? 1 : biased) - 1075;
    return encodeFinite(negative, significand, exponent, rounder);
  }

  /**
   * Encodes {@code (-1)^negative * significand * 2^exponent}, rounding once.
   *
   * <p>With {@code e = floor(log2 |x|)}, the quantum of the result is {@code 2^(max(e, emin) - M)};
   * the significand is rounded to that quantum, and the encoding is {@code ((e + B - 1) << M) + q}
   * for a normal result or {@code q} for a subnormal one. A carry out of the significand (q =
   * 2^(M+1) or, for subnormals, q = 2^M) then lands on the next exponent by plain integer addition.
   */
  private long encodeFinite(boolean negative, long significand, int exponent, Rounder rounder) {
    long sign = negative ? signBit() : 0;
    if (significand == 0) {
      return sign; // ±0 keeps its sign
    }
    // e = floor(log2 |x|): the binade of the exact value.
    int msb = 63 - Long.numberOfLeadingZeros(significand);
    int e = msb + exponent;
    if (e > maxExponent()) {
      // |x| >= 2^(emax + 1) is past max whatever the rounding: overflow (IEEE 754 §7.4).
      return sign | overflowBits(negative, rounder);
    }
    // Quantum 2^(max(e, emin) - M): below emin the spacing stays that of the subnormals.
    int emin = minExponent();
    int shift = Math.max(e, emin) - mantissaBits - exponent;
    long q =
        shift <= 0 ? significand << -shift : rounder.roundMagnitude(significand, shift, negative);
    // Normal: biased exponent (e + B) with q's leading 1 dropped, i.e. ((e + B - 1) << M) + q;
    // a rounding carry (q = 2^(M+1)) lands on exponent e + 1 with fraction 0, as it should.
    long magnitude = e >= emin ? ((long) (e + bias() - 1) << mantissaBits) + q : q;
    // Rounding up out of the top binade (or into E4M3's NaN pattern) is an overflow too.
    if (magnitude > maxFiniteBits()) {
      return sign | overflowBits(negative, rounder);
    }
    return sign | magnitude;
  }

  /**
   * The magnitude an overflow produces: ±max when saturating or when the rounding direction points
   * back toward zero; otherwise ±Inf, or NaN in a format without infinity.
   */
  private long overflowBits(boolean negative, Rounder rounder) {
    if (overflow == Overflow.SATURATE || rounder.keepsFiniteOnOverflow(negative)) {
      return maxFiniteBits();
    }
    return specials == Specials.IEEE ? infinityBits() : (1L << (exponentBits + mantissaBits)) - 1;
  }

  /** An infinite input: ±Inf, NaN (no infinity in the format) or ±max when saturating. */
  private long infinity(boolean negative) {
    long sign = negative ? signBit() : 0;
    if (overflow == Overflow.SATURATE) {
      return sign | maxFiniteBits();
    }
    return sign
        | (specials == Specials.IEEE ? infinityBits() : (1L << (exponentBits + mantissaBits)) - 1);
  }

  /**
   * Quiet NaN with the sign and the high payload bits kept: the fraction is the top M bits of the
   * source's P-bit fraction with the quiet (top) bit forced to 1, i.e. {@code (f >>> (P - M)) |
   * 2^(M-1)}. This is what x86 F16C and ARM FCVT conversions do (IEEE 754 §6.2.3 recommends keeping
   * as much payload as fits, and a converted signaling NaN becomes quiet).
   */
  private long nan(boolean negative, long payload, int payloadBits) {
    long sign = negative ? signBit() : 0;
    if (specials == Specials.FINITE_NAN) {
      return sign | ((1L << (exponentBits + mantissaBits)) - 1);
    }
    long kept =
        mantissaBits >= payloadBits
            ? payload << (mantissaBits - payloadBits)
            : payload >>> (payloadBits - mantissaBits);
    return sign | infinityBits() | kept | (1L << (mantissaBits - 1));
  }

  @Override
  public float decode(long bits) {
    int width = exponentBits + mantissaBits;
    boolean negative = ((bits >>> width) & 1) != 0;
    int biased = (int) (bits >>> mantissaBits) & ((1 << exponentBits) - 1);
    long fraction = bits & ((1L << mantissaBits) - 1);
    int signBits = negative ? 0x8000_0000 : 0;
    if (biased == (1 << exponentBits) - 1) {
      if (specials == Specials.IEEE) {
        return Float.intBitsToFloat(
            signBits
                | 0x7F80_0000
                | (fraction == 0 ? 0 : 0x40_0000)
                | (int) (fraction << (23 - mantissaBits)));
      }
      if (fraction == (1L << mantissaBits) - 1) {
        return Float.intBitsToFloat(signBits | 0x7FC0_0000);
      }
    }
    // value = significand * 2^(max(biased, 1) - B - M): exact in float since M <= 23 and the
    // exponent range lies within binary32's.
    long significand = biased == 0 ? fraction : fraction | (1L << mantissaBits);
    float magnitude =
        Math.scalb((float) significand, (biased == 0 ? 1 : biased) - bias() - mantissaBits);
    return negative ? -magnitude : magnitude;
  }

  /** Decodes to a double; exact, like {@link #decode(long)}. */
  public double decodeDouble(long bits) {
    return decode(bits);
  }

  /** Rounds a double to the nearest value of this format (per {@code rounder}), as a double. */
  public double round(double x, Rounder rounder) {
    return decodeDouble(encode(x, rounder));
  }
}
