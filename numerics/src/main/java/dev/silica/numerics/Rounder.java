package dev.silica.numerics;

import java.util.SplittableRandom;

/**
 * A {@link Rounding} mode together with the state it needs: the random stream of {@link
 * Rounding#STOCHASTIC} rounding. Every format conversion in this package rounds through one.
 *
 * <h2>Core operation</h2>
 *
 * <p>All conversions reduce to {@link #roundMagnitude}: given a non-negative integer magnitude
 * {@code m}, a shift {@code s} and the sign of the value, return {@code round(m / 2^s)} as a
 * non-negative integer. With {@code q = floor(m / 2^s)} and remainder {@code r = m mod 2^s}:
 *
 * <pre>
 * NEAREST_EVEN  q + 1  if r &gt; 2^(s-1), or r == 2^(s-1) and q is odd
 * TOWARD_ZERO   q
 * DOWN          q + 1  if r != 0 and the value is negative   (magnitude grows toward -inf)
 * UP            q + 1  if r != 0 and the value is positive
 * STOCHASTIC    q + 1  if u &lt; r, u uniform on [0, 2^s) from the seeded stream
 * </pre>
 *
 * <p>Shifts above 62 are first reduced to 62 by shifting right with the discarded bits OR-ed into
 * the lowest kept bit ("sticky" bit). This preserves every deterministic mode exactly (the kept
 * bits still decide above, at or below the half-way point, and whether the value was inexact) and
 * changes the stochastic probability by less than {@code 2^-60}.
 *
 * <h2>Determinism and threads</h2>
 *
 * <p>The deterministic modes are stateless and the shared constants ({@link #NEAREST_EVEN} etc.)
 * may be used from any thread. A stochastic rounder draws one {@code long} from a {@link
 * SplittableRandom} per inexact rounding, so its results depend only on the seed and the order of
 * the calls; it is not thread-safe: give each thread (or each simulated hardware unit) its own, for
 * example via {@link #split()}.
 */
public final class Rounder {
  /** Round to nearest, ties to even; the default of every format. */
  public static final Rounder NEAREST_EVEN = new Rounder(Rounding.NEAREST_EVEN, null);

  /** Round toward zero. */
  public static final Rounder TOWARD_ZERO = new Rounder(Rounding.TOWARD_ZERO, null);

  /** Round toward negative infinity. */
  public static final Rounder DOWN = new Rounder(Rounding.DOWN, null);

  /** Round toward positive infinity. */
  public static final Rounder UP = new Rounder(Rounding.UP, null);

  private final Rounding mode;
  private final SplittableRandom random;

  private Rounder(Rounding mode, SplittableRandom random) {
    this.mode = mode;
    this.random = random;
  }

  /**
   * The shared rounder of a deterministic mode.
   *
   * @throws IllegalArgumentException for {@link Rounding#STOCHASTIC}, which needs a seed: use
   *     {@link #stochastic(long)}
   */
  public static Rounder of(Rounding mode) {
    return switch (mode) {
      case NEAREST_EVEN -> NEAREST_EVEN;
      case TOWARD_ZERO -> TOWARD_ZERO;
      case DOWN -> DOWN;
      case UP -> UP;
      case STOCHASTIC ->
          throw new IllegalArgumentException(
              "rounding: stochastic rounding must be given a seed, use Rounder.stochastic(seed)");
    };
  }

  /** A stochastic rounder whose random stream is fully determined by {@code seed}. */
  public static Rounder stochastic(long seed) {
    return new Rounder(Rounding.STOCHASTIC, new SplittableRandom(seed));
  }

  /**
   * An independent rounder for another thread or unit: the same instance for deterministic modes, a
   * new stream split off this one (itself deterministic) for stochastic rounding.
   */
  public Rounder split() {
    return random == null ? this : new Rounder(mode, random.split());
  }

  /** The rounding mode. */
  public Rounding mode() {
    return mode;
  }

  /**
   * Rounds {@code magnitude / 2^shift} to an integer magnitude in this mode.
   *
   * @param magnitude the exact magnitude, {@code >= 0}
   * @param shift the number of fraction bits to remove, {@code >= 0}
   * @param negative the sign of the value being rounded (directed modes depend on it)
   * @return the rounded magnitude, {@code >= 0}; exact when the discarded bits are 0
   */
  public long roundMagnitude(long magnitude, int shift, boolean negative) {
    if (shift == 0 || magnitude == 0) {
      return magnitude;
    }
    long m = magnitude;
    int s = shift;
    if (s > 62) {
      // Keep 62 fraction bits; since m < 2^63 the quotient is 0 and only the sticky bit matters.
      long kept = s - 62 >= 63 ? 0 : m >>> (s - 62);
      boolean sticky = s - 62 >= 63 ? m != 0 : (kept << (s - 62)) != m;
      m = kept | (sticky ? 1 : 0);
      s = 62;
    }
    long q = m >>> s;
    long r = m & ((1L << s) - 1);
    if (r == 0) {
      return q;
    }
    boolean up =
        switch (mode) {
          case NEAREST_EVEN -> {
            long half = 1L << (s - 1);
            yield r > half || (r == half && (q & 1) != 0);
          }
          case TOWARD_ZERO -> false;
          case DOWN -> negative;
          case UP -> !negative;
          case STOCHASTIC -> (random.nextLong() >>> (64 - s)) < r;
        };
    return up ? q + 1 : q;
  }

  /**
   * Whether a value too large for a format, of the given sign, is rounded to the largest finite
   * value rather than past it. IEEE 754 §7.4: round-toward-zero, and the directed mode pointing
   * back toward zero, deliver ±max instead of ±Inf.
   */
  public boolean keepsFiniteOnOverflow(boolean negative) {
    return switch (mode) {
      case TOWARD_ZERO -> true;
      case DOWN -> !negative;
      case UP -> negative;
      case NEAREST_EVEN, STOCHASTIC -> false;
    };
  }

  /**
   * Rounds a finite double to an integer in this mode and returns it modulo {@code 2^64} (two's
   * complement). The result is exact when the rounded integer lies in {@code [-2^63, 2^63)}; for
   * larger magnitudes only the low 64 bits are kept, which is what wrap-around needs. Callers that
   * saturate check the range first.
   *
   * @throws IllegalArgumentException if {@code v} is NaN or infinite
   */
  public long roundToInteger(double v) {
    long bits = Double.doubleToRawLongBits(v);
    int biased = (int) (bits >>> 52) & 0x7FF;
    if (biased == 0x7FF) {
      throw new IllegalArgumentException("rounding: value must be finite, got " + v);
    }
    boolean negative = bits < 0;
    long fraction = bits & 0xF_FFFF_FFFF_FFFFL;
    long significand = biased == 0 ? fraction : fraction | (1L << 52);
    int exponent = (biased == 0 ? 1 : biased) - 1075;
    long magnitude;
    if (exponent >= 0) {
      magnitude = exponent >= 64 ? 0 : significand << exponent;
    } else {
      magnitude = roundMagnitude(significand, -exponent, negative);
    }
    return negative ? -magnitude : magnitude;
  }

  @Override
  public String toString() {
    return random == null ? mode.name() : mode.name() + "(seeded)";
  }
}
