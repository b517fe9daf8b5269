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
}
