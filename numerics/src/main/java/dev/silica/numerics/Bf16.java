package dev.silica.numerics;

/**
 * bfloat16 as {@code short} bit patterns (the upper 16 bits of a binary32).
 *
 * <p>{@link #fromFloat(float)} is {@link FloatingPoint#BF16} conversion: round-to-nearest-even,
 * {@code |error| <= 2^-8 |x|} for normal results, subnormals kept (no flush to zero), overflow to
 * ±Inf at {@code |x| >= 2^128 - 2^119}; NaN becomes a quiet NaN with its sign and top 7 fraction
 * bits. {@link #toFloat(short)} is {@code intBitsToFloat(bits << 16)}, exact (NaN quieted).
 */
public final class Bf16 {
  private Bf16() {}

  /** Round-to-nearest-even conversion to bfloat16 bits. */
  public static short fromFloat(float x) {
    return (short) FloatingPoint.BF16.encode(x, Rounder.NEAREST_EVEN);
  }

  /** Conversion to bfloat16 bits with the given rounding. */
  public static short fromFloat(float x, Rounder rounder) {
    return (short) FloatingPoint.BF16.encode(x, rounder);
  }

  /** The exact float value of bfloat16 bits. */
  public static float toFloat(short bits) {
    return FloatingPoint.BF16.decode(bits & 0xFFFF);
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
