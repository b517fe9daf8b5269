package dev.silica.numerics;

/**
 * How a value that falls between two representable neighbours is resolved.
 *
 * <p>Every mode is defined on the exact (infinitely precise) input: for an exact value {@code v}
 * with representable neighbours {@code lo < v < hi},
 *
 * <ul>
 *   <li>{@link #NEAREST_EVEN}: the nearer of {@code lo}, {@code hi}; on a tie the one whose last
 *       significand (or integer) bit is 0. IEEE 754 {@code roundTiesToEven}, ONNX's rounding.
 *       {@code |error| <= ulp/2}.
 *   <li>{@link #TOWARD_ZERO}: the neighbour of smaller magnitude (truncation of sign-magnitude).
 *       {@code |error| < ulp}.
 *   <li>{@link #DOWN}: {@code lo}, toward negative infinity (floor). {@code |error| < ulp}.
 *   <li>{@link #UP}: {@code hi}, toward positive infinity (ceiling). {@code |error| < ulp}.
 *   <li>{@link #STOCHASTIC}: {@code hi} with probability {@code (v - lo) / (hi - lo)}, else {@code
 *       lo}; unbiased in expectation, {@code |error| < ulp}. The random bits come from a seeded
 *       {@link Rounder}, so a run is reproducible given the seed and the order of the calls.
 * </ul>
 *
 * <p>Exactly representable values are returned unchanged by every mode.
 */
public enum Rounding {
  /** Round to nearest, ties to even. */
  NEAREST_EVEN,
  /** Round toward zero (truncate the magnitude). */
  TOWARD_ZERO,
  /** Round toward negative infinity. */
  DOWN,
  /** Round toward positive infinity. */
  UP,
  /** Round up with probability equal to the discarded fraction; needs a seeded {@link Rounder}. */
  STOCHASTIC
}
