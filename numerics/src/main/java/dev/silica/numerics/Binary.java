package dev.silica.numerics;

/**
 * Binary weights (BinaryConnect with a scale, as in XNOR-Net's weight binarisation): {@code q(x) =
 * sign(x) * α} with {@code sign(x) = -1} for {@code x < 0} and {@code +1} otherwise (so {@code +0},
 * {@code -0} and NaN map to {@code +α}).
 *
 * <p>{@link #fit(float[])} sets {@code α = mean|w|}, the scale that minimises {@code ||w - α
 * sign(w)||²} (Rastegari et al., "XNOR-Net", ECCV 2016). Rounding modes do not apply; the error is
 * {@code |q(x) - x| = ||x| - α|}. Encoding is one bit: 0 for {@code +α}, 1 for {@code -α}. The
 * default {@link #UNIT} has {@code α = 1}.
 *
 * @param alpha the magnitude α, finite and {@code >= 0}
 */
public record Binary(float alpha) implements NumberFormat {

  /** {@code α = 1}: values ±1. */
  public static final Binary UNIT = new Binary(1f);

  /** Validates α. */
  public Binary {
    Checks.require(
        Float.isFinite(alpha) && alpha >= 0,
        Checks.formatWhere("binary"),
        "alpha",
        "be finite and >= 0",
        alpha);
  }

  /**
   * {@code α = mean|w|} of a weight tensor (sum in double).
   *
   * @throws IllegalArgumentException for an empty or non-finite tensor
   */
  public static Binary fit(float[] weights) {
    Ternary.requireWeights(weights, "binary fit");
    double sum = 0;
    for (float w : weights) {
      sum += Math.abs(w);
    }
    return new Binary((float) (sum / weights.length));
  }

  /** {@code binary}, or {@code binary(alpha=…)} for a fitted scale. */
  @Override
  public String name() {
    return alpha == 1f ? "binary" : "binary(alpha=" + alpha + ")";
  }

  @Override
  public String toString() {
    return name();
  }

  @Override
  public int bitWidth() {
    return 1;
  }

  /** The rounder is ignored: the sign is the only mapping. */
  @Override
  public long encode(float x, Rounder rounder) {
    return x < 0 ? 1 : 0;
  }

  @Override
  public float decode(long bits) {
    return (bits & 1) == 0 ? alpha : -alpha;
  }
}
