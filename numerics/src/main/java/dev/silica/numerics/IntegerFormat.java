package dev.silica.numerics;

import java.util.Locale;

/**
 * An N-bit integer with an affine mapping to reals, per tensor: {@code real = (q - zeroPoint) *
 * scale}. {@code int8}, {@code uint8} and {@code int4} are this record with scale 1 and zero point
 * 0; {@code int32} serves as a MAC accumulator.
 *
 * <h2>ONNX semantics</h2>
 *
 * <p>{@link #quantize(float, Rounder) Quantization} is ONNX {@code QuantizeLinear}:
 *
 * <pre>
 * q = saturate(round(x / scale) + zeroPoint)
 * </pre>
 *
 * where {@code x / scale} is computed in float32 (as the ONNX reference does), {@code round} is
 * round-half-to-even unless another {@link Rounder} is given, and {@code saturate} clamps to {@code
 * [qmin, qmax]} ({@code [-2^(N-1), 2^(N-1) - 1]} signed, {@code [0, 2^N - 1]} unsigned). With
 * {@link Overflow#WRAP} the low N bits are kept instead. NaN maps to the zero point and ±Inf to
 * {@code qmax} / {@code qmin} (ONNX leaves both undefined). Dequantization is {@code
 * DequantizeLinear}: {@code y = (q - zeroPoint) * scale} in float32.
 *
 * <p>Error bound (nearest-even, no saturation): {@code |dequantize(quantize(x)) - x| <= scale / 2}
 * up to the float32 rounding of {@code x / scale} and of the final product. Per-channel parameters
 * live in {@code dev.silica.numerics.quant.AffineQuantizer}.
 *
 * @param bits N, in {@code [1, 32]}
 * @param signed two's complement when true
 * @param scale the real value of one integer step, finite and {@code > 0}
 * @param zeroPoint the integer that represents real 0, in {@code [qmin, qmax]}
 * @param overflow {@link Overflow#SATURATE} (ONNX) or {@link Overflow#WRAP}
 */
public record IntegerFormat(
    int bits, boolean signed, float scale, long zeroPoint, Overflow overflow)
    implements NumberFormat {

  /** Largest supported width, in bits. */
  public static final int MAX_WIDTH = 32;

  /** Signed 8-bit, scale 1, zero point 0, saturating. */
  public static final IntegerFormat INT8 = of(8, true);

  /** Unsigned 8-bit, scale 1, zero point 0, saturating. */
  public static final IntegerFormat UINT8 = of(8, false);

  /** Signed 4-bit, scale 1, zero point 0, saturating. */
  public static final IntegerFormat INT4 = of(4, true);

  /** Signed 16-bit, scale 1, zero point 0, saturating. */
  public static final IntegerFormat INT16 = of(16, true);

  /** Signed 32-bit, scale 1, zero point 0, wrapping like a hardware accumulator register. */
  public static final IntegerFormat INT32 = new IntegerFormat(32, true, 1f, 0, Overflow.WRAP);

  /** Validates width, scale, zero point and overflow mode. */
  public IntegerFormat {
    String where = Checks.formatWhere((signed ? "int" : "uint") + bits);
    validateWidth(where, bits);
    Checks.require(Float.isFinite(scale) && scale > 0, where, "scale", "be finite and > 0", scale);
    long min = signed ? -(1L << (bits - 1)) : 0;
    long max = signed ? (1L << (bits - 1)) - 1 : (1L << bits) - 1;
    Checks.require(
        zeroPoint >= min && zeroPoint <= max,
        where,
        "zero point",
        String.format(Locale.ROOT, "be in [%d, %d]", min, max),
        zeroPoint);
    validateOverflow(where, overflow);
  }

  /** Width checks, shared with the parser (which quotes the user's spec in {@code where}). */
  static void validateWidth(String where, long bits) {
    Checks.require(bits >= 1, where, "width", "be >= 1 bit", bits);
    Checks.require(bits <= MAX_WIDTH, where, "width", "be <= 32 bits", bits);
  }

  static void validateOverflow(String where, Overflow overflow) {
    Checks.require(
        overflow == Overflow.SATURATE || overflow == Overflow.WRAP,
        where,
        "overflow",
        "be one of saturate, wrap",
        overflow == null ? null : overflow.specName());
  }

  /** A plain N-bit integer (scale 1, zero point 0, saturating). */
  public static IntegerFormat of(int bits, boolean signed) {
    return new IntegerFormat(bits, signed, 1f, 0, Overflow.SATURATE);
  }

  /** This format with another scale and zero point (per-tensor affine quantization). */
  public IntegerFormat withAffine(float newScale, long newZeroPoint) {
    return new IntegerFormat(bits, signed, newScale, newZeroPoint, overflow);
  }

  /** This format with another overflow mode. */
  public IntegerFormat withOverflow(Overflow newOverflow) {
    return new IntegerFormat(bits, signed, scale, zeroPoint, newOverflow);
  }

  /**
   * {@code int8}, {@code uint4:wrap}, or with affine parameters {@code int8(scale=0.05,zp=3)}; only
   * the forms without parameters are accepted by {@link NumberFormat#parse}.
   */
  @Override
  public String name() {
    StringBuilder sb = new StringBuilder(signed ? "int" : "uint").append(bits);
    if (scale != 1f || zeroPoint != 0) {
      sb.append("(scale=").append(scale).append(",zp=").append(zeroPoint).append(')');
    }
    if (overflow != Overflow.SATURATE) {
      sb.append(':').append(overflow.specName());
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return name();
  }

  @Override
  public int bitWidth() {
    return bits;
  }

  /** {@code qmin}: {@code -2^(N-1)} signed, 0 unsigned. */
  public long minValue() {
    return signed ? -(1L << (bits - 1)) : 0;
  }

  /** {@code qmax}: {@code 2^(N-1) - 1} signed, {@code 2^N - 1} unsigned. */
  public long maxValue() {
    return signed ? (1L << (bits - 1)) - 1 : (1L << bits) - 1;
  }

  /**
   * Clamps ({@code SATURATE}) or wraps ({@code WRAP}) an exact integer into {@code [qmin, qmax]}.
   */
  public long overflowInteger(long exact) {
    if (overflow == Overflow.SATURATE) {
      return Math.max(minValue(), Math.min(maxValue(), exact));
    }
    int unused = 64 - bits;
    return signed ? (exact << unused) >> unused : exact & ((1L << bits) - 1);
  }

  /**
   * ONNX {@code QuantizeLinear} of one value with this format's scale and zero point: {@code
   * saturate(round(x / scale) + zeroPoint)}.
   */
  public long quantizeToInteger(float x, Rounder rounder) {
    return quantizeToInteger(x, scale, zeroPoint, rounder);
  }

  /**
   * ONNX {@code QuantizeLinear} of one value with explicit (for example per-channel) parameters and
   * this format's width and overflow mode.
   */
  public long quantizeToInteger(float x, float scale, long zeroPoint, Rounder rounder) {
    if (Float.isNaN(x)) {
      return zeroPoint;
    }
    float scaled = x / scale;
    if (Float.isInfinite(scaled)) {
      return scaled > 0 ? maxValue() : minValue();
    }
    if (overflow == Overflow.SATURATE && Math.abs(scaled) >= 0x1p62f) {
      return scaled > 0 ? maxValue() : minValue();
    }
    return overflowInteger(rounder.roundToInteger(scaled) + zeroPoint);
  }

  /** ONNX {@code DequantizeLinear}: {@code (q - zeroPoint) * scale} in float32. */
  public float dequantize(long q) {
    return dequantize(q, scale, zeroPoint);
  }

  /** {@code DequantizeLinear} with explicit parameters: {@code (q - zeroPoint) * scale}. */
  public static float dequantize(long q, float scale, long zeroPoint) {
    return (float) (q - zeroPoint) * scale;
  }

  /** Low N bits of an integer value (two's complement when signed). */
  public long integerToBits(long q) {
    return q & ((1L << bits) - 1);
  }

  /** The integer value of N-bit {@code bits}: sign-extended when signed, masked otherwise. */
  public long bitsToInteger(long bitPattern) {
    int unused = 64 - bits;
    return signed ? (bitPattern << unused) >> unused : bitPattern & ((1L << bits) - 1);
  }

  @Override
  public long encode(float x, Rounder rounder) {
    return integerToBits(quantizeToInteger(x, rounder));
  }

  @Override
  public float decode(long bitPattern) {
    return dequantize(bitsToInteger(bitPattern));
  }
}
