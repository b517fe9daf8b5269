package dev.silica.numerics;

/**
 * IEEE binary16 as {@code short} bit patterns, for kernels that keep FP16 tensors in {@code
 * short[]}.
 *
 * <p>{@link #fromFloat(float)} is {@link FloatingPoint#FP16} conversion: round-to-nearest-even,
 * {@code |error| <= 2^-11 |x|} for normal results, gradual underflow, overflow to ±Inf at {@code
 * |x| >= 65520}; bit-identical to {@link Float#floatToFloat16} for every non-NaN input (the tests
 * check all 2^32). NaN becomes a quiet NaN of the same sign with the top 10 fraction bits, as F16C
 * hardware does (the JDK leaves NaN payloads unspecified: its intrinsic and its Java code differ).
 * {@link #toFloat(short)} is exact for numbers and uses a 2^16-entry table.
 */
public final class Fp16 {
  private Fp16() {}

  private static final float[] TABLE = decodeTable(FloatingPoint.FP16);

  /** Decodes every pattern of a format of at most 16 bits into a table indexed by the bits. */
  static float[] decodeTable(FloatingPoint format) {
    float[] table = new float[1 << format.bitWidth()];
    for (int i = 0; i < table.length; i++) {
      table[i] = format.decode(i);
    }
    return table;
  }

  /** Round-to-nearest-even conversion to binary16 bits. */
  public static short fromFloat(float x) {
    return (short) FloatingPoint.FP16.encode(x, Rounder.NEAREST_EVEN);
  }

  /** Conversion to binary16 bits with the given rounding (IEEE overflow rules per mode). */
  public static short fromFloat(float x, Rounder rounder) {
    return (short) FloatingPoint.FP16.encode(x, rounder);
  }

  /** The exact float value of binary16 bits. */
  public static float toFloat(short bits) {
    return TABLE[bits & 0xFFFF];
  }

  /**
   * Converts a float array element by element with round-to-nearest-even.
   *
   * @param src the values
   * @return the bit patterns, {@code src.length} of them
   */
  public static short[] fromFloats(float[] src) {
    short[] dst = new short[src.length];
    for (int i = 0; i < src.length; i++) {
      dst[i] = fromFloat(src[i]);
    }
    return dst;
  }

  /**
   * Decodes a bit-pattern array element by element (exact).
   *
   * @param src the bit patterns
   * @return their values, {@code src.length} of them
   */
  public static float[] toFloats(short[] src) {
    float[] dst = new float[src.length];
    for (int i = 0; i < src.length; i++) {
      dst[i] = toFloat(src[i]);
    }
    return dst;
  }
}
