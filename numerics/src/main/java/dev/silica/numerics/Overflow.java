package dev.silica.numerics;

import java.util.Locale;

/**
 * What a format does with a value beyond its largest finite magnitude.
 *
 * <ul>
 *   <li>{@link #SATURATE}: clamp to the largest (or smallest) finite value. Valid for every format;
 *       for floating point it is the OCP "saturating" / CUDA {@code .satfinite} behaviour, which
 *       also maps an infinite input to ±max.
 *   <li>{@link #WRAP}: keep the low {@code bitWidth} bits of the exact (rounded) integer, as two's
 *       complement hardware does. Fixed-point and integer formats only.
 *   <li>{@link #INFINITY}: IEEE 754 overflow: ±Inf, or ±max when the rounding mode rounds toward
 *       zero in that direction. In a format without infinities (FP8 E4M3) the overflow value is
 *       NaN, the OCP "non-saturating" mode. Floating-point formats only.
 * </ul>
 */
public enum Overflow {
  /** Clamp to the finite range. */
  SATURATE,
  /** Two's complement wrap-around modulo {@code 2^bitWidth}. */
  WRAP,
  /** IEEE overflow to infinity (NaN where the format has no infinity). */
  INFINITY;

  /** The lower-case name used in format specs, e.g. {@code "wrap"} in {@code "q8.8:wrap"}. */
  public String specName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
