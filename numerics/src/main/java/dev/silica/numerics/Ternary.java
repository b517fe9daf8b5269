package dev.silica.numerics;

import java.util.Locale;

/**
 * Ternary weights: every value becomes one of {@code {-negativeScale, 0, +positiveScale}}.
 *
 * <pre>
 * q(x) = +positiveScale   if x &gt;  threshold
 *        0                if |x| &lt;= threshold   (and for NaN)
 *        -negativeScale   if x &lt; -threshold
 * </pre>
 *
 * <p>The parameters come from a weight tensor:
 *
 * <ul>
 *   <li><b>TWN</b> (Li, Zhang, Liu, "Ternary Weight Networks", 2016), {@link #twn(float[])}: {@code
 *       Δ = 0.7 * mean|w|}, one scale {@code α = mean of |w_i| over |w_i| > Δ} (0 when no weight
 *       survives), {@code positiveScale = negativeScale = α}. This is the paper's approximation of
 *       the optimal Δ for Gaussian-like weights.
 *   <li><b>TTQ</b> (Zhu, Han, Mao, Dally, "Trained Ternary Quantization", ICLR 2017), {@link
 *       #ttq(float[], double, float, float)}: threshold {@code Δ = t * max|w|} per layer and two
 *       trained scales {@code W_p}, {@code W_n}. {@link #ttqInitial(float[], double)} starts them
 *       at the mean magnitude of the positive and negative weights kept.
 * </ul>
 *
 * <p>Rounding modes do not apply: the mapping is a fixed threshold rule, and the error is {@code
 * |q(x) - x| <= max(Δ, |x - scale|)}. Encoding is 2-bit two's complement of the sign: {@code 0b00}
 * = 0, {@code 0b01} = +, {@code 0b11} = −; {@code 0b10} is not a valid code. The default {@link
 * #UNIT} format ({@code Δ = 0.5}, scales 1) rounds to the nearest of {-1, 0, 1}.
 *
 * @param threshold Δ, finite and {@code >= 0}
 * @param positiveScale the value of the positive code, finite and {@code >= 0}
 * @param negativeScale the magnitude of the negative code, finite and {@code >= 0}
 */
public record Ternary(float threshold, float positiveScale, float negativeScale)
    implements NumberFormat {

  /** Threshold 0.5 and scales 1: round to the nearest of {-1, 0, +1} (ties to 0). */
  public static final Ternary UNIT = new Ternary(0.5f, 1f, 1f);

  /** TWN's threshold factor: {@code Δ = 0.7 * mean|w|}. */
  public static final double TWN_THRESHOLD_FACTOR = 0.7;

  /** Validates that the threshold and scales are finite and non-negative. */
  public Ternary {
    String where = Checks.formatWhere("ternary");
    Checks.require(
        Float.isFinite(threshold) && threshold >= 0,
        where,
        "threshold",
        "be finite and >= 0",
        threshold);
    Checks.require(
        Float.isFinite(positiveScale) && positiveScale >= 0,
        where,
        "positive scale",
        "be finite and >= 0",
        positiveScale);
    Checks.require(
        Float.isFinite(negativeScale) && negativeScale >= 0,
        where,
        "negative scale",
        "be finite and >= 0",
        negativeScale);
  }

  /**
   * TWN parameters for a weight tensor: {@code Δ = 0.7 mean|w|}, {@code α = mean{|w_i| : |w_i| >
   * Δ}}. Sums are taken in double.
   *
   * @throws IllegalArgumentException for an empty or non-finite tensor
   */
  public static Ternary twn(float[] weights) {
    requireWeights(weights, "ternary twn");
    double sum = 0;
    for (float w : weights) {
      sum += Math.abs(w);
    }
    float delta = (float) (TWN_THRESHOLD_FACTOR * sum / weights.length);
    double kept = 0;
    int count = 0;
    for (float w : weights) {
      if (Math.abs(w) > delta) {
        kept += Math.abs(w);
        count++;
      }
    }
    float alpha = count == 0 ? 0f : (float) (kept / count);
    return new Ternary(delta, alpha, alpha);
  }

  /**
   * TTQ with trained scales: threshold {@code t * max|w|}.
   *
   * @param t the threshold factor in {@code [0, 1]} (the paper uses 0.05)
   */
  public static Ternary ttq(float[] weights, double t, float positiveScale, float negativeScale) {
    return new Ternary(ttqThreshold(weights, t), positiveScale, negativeScale);
  }

  /**
   * TTQ's threshold with scales initialised to the mean magnitude of the positive weights above it
   * and of the negative weights below its negation (0 when there are none).
   */
  public static Ternary ttqInitial(float[] weights, double t) {
    float delta = ttqThreshold(weights, t);
    double positive = 0;
    double negative = 0;
    int np = 0;
    int nn = 0;
    for (float w : weights) {
      if (w > delta) {
        positive += w;
        np++;
      } else if (w < -delta) {
        negative -= w;
        nn++;
      }
    }
    return new Ternary(
        delta, np == 0 ? 0f : (float) (positive / np), nn == 0 ? 0f : (float) (negative / nn));
  }

  private static float ttqThreshold(float[] weights, double t) {
    requireWeights(weights, "ternary ttq");
    Checks.require(t >= 0 && t <= 1, "ternary ttq", "threshold factor t", "be in [0, 1]", t);
    float max = 0;
    for (float w : weights) {
      max = Math.max(max, Math.abs(w));
    }
    return (float) (t * max);
  }

  static void requireWeights(float[] weights, String where) {
    Checks.require(weights.length > 0, where, "weights", "be non-empty", "0 values");
    for (int i = 0; i < weights.length; i++) {
      if (!Float.isFinite(weights[i])) {
        throw new IllegalArgumentException(
            Checks.message(where, "weight " + i, "be finite", weights[i]));
      }
    }
  }

  /** {@code ternary}, or {@code ternary(delta=…,wp=…,wn=…)} for fitted parameters. */
  @Override
  public String name() {
    if (equals(UNIT)) {
      return "ternary";
    }
    return String.format(
        Locale.ROOT,
        "ternary(delta=%s,wp=%s,wn=%s)",
        Float.toString(threshold),
        Float.toString(positiveScale),
        Float.toString(negativeScale));
  }

  @Override
  public String toString() {
    return name();
  }

  @Override
  public int bitWidth() {
    return 2;
  }

  /** The ternary digit of {@code x}: +1, 0 or -1. */
  public int digit(float x) {
    return x > threshold ? 1 : x < -threshold ? -1 : 0;
  }

  /** The rounder is ignored: the threshold rule is the only mapping. */
  @Override
  public long encode(float x, Rounder rounder) {
    return digit(x) & 0b11;
  }

  /**
   * @throws IllegalArgumentException for the unused code {@code 0b10}
   */
  @Override
  public float decode(long bits) {
    return switch ((int) (bits & 0b11)) {
      case 0b00 -> 0f;
      case 0b01 -> positiveScale;
      case 0b11 -> -negativeScale;
      default ->
          throw new IllegalArgumentException(
              Checks.message(
                  Checks.formatWhere("ternary"), "code", "be one of 0b00, 0b01, 0b11", "0b10"));
    };
  }
}
