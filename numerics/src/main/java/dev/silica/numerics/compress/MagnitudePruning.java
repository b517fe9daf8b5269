package dev.silica.numerics.compress;

import java.util.List;
import java.util.Locale;

/**
 * Magnitude pruning of one layer's weights (Han et al., "Learning both Weights and Connections",
 * LWC §3; papers-inputs §3.5).
 *
 * <h2>Criteria</h2>
 *
 * <ul>
 *   <li><b>Keep ratio</b> {@code p}: keep the {@code round(p·n)} weights of largest magnitude
 *       ({@code n} weights). The threshold is the {@code (n − kept)}-th smallest {@code |w|}; ties
 *       at the threshold are kept in index order until the budget is reached, so exactly {@code
 *       round(p·n)} survive.
 *   <li><b>Quality × std</b> (LWC): keep {@code |w| > q·σ}, {@code σ} the population standard
 *       deviation of the layer's weights ({@code σ² = Σ(w − μ)²/n}).
 * </ul>
 *
 * <p>Pruning is one-shot on the values given. LWC's iterative prune/retrain loop is a {@link
 * Schedule}: a list of keep ratios, one per step, each applied to the weights the caller retrained
 * after the previous step (the retraining is outside this class; {@link #applySchedule} only chains
 * the masks so that a pruned weight stays pruned).
 *
 * <p>Selection runs in {@code O(n)} on a 65,536-bin magnitude histogram plus a sort of the one bin
 * that holds the threshold, so 100M-weight layers (VGG-16 fc6) prune in about a second.
 */
public final class MagnitudePruning {
  private MagnitudePruning() {}

  /** A pruning result: the mask ({@code true} = kept), the threshold and counts. */
  public record Result(boolean[] mask, double threshold, int kept, int total) {
    /** Fraction of weights kept, {@code kept / total}. */
    public double keepFraction() {
      return total == 0 ? 0 : (double) kept / total;
    }

    /** Compression of the weight count, {@code total / kept}. */
    public double pruneRate() {
      return (double) total / kept;
    }

    /** {@code w} with pruned weights set to zero (a copy). */
    public float[] apply(float[] w) {
      float[] out = w.clone();
      for (int i = 0; i < out.length; i++) {
        if (!mask[i]) {
          out[i] = 0f;
        }
      }
      return out;
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "kept %d of %d (%.2f%%), threshold %.6g",
          kept,
          total,
          100 * keepFraction(),
          threshold);
    }
  }

  /**
   * An iterative pruning schedule (LWC §3.3): the keep ratio after each prune/retrain step, non
   * increasing, each in (0, 1].
   */
  public record Schedule(List<Double> keepRatios) {
    public Schedule {
      keepRatios = List.copyOf(keepRatios);
      double prev = 1;
      for (double r : keepRatios) {
        if (!(r > 0 && r <= prev)) {
          throw new IllegalArgumentException(
              "schedule: keep ratios must be in (0, 1] and non-increasing, got " + keepRatios);
        }
        prev = r;
      }
    }

    /** {@code steps} ratios geometrically from 1 down to {@code target} (the last equals it). */
    public static Schedule geometric(double target, int steps) {
      Double[] r = new Double[steps];
      for (int i = 0; i < steps; i++) {
        r[i] = Math.pow(target, (i + 1.0) / steps);
      }
      r[steps - 1] = target;
      return new Schedule(List.of(r));
    }
  }

  /** Keeps the {@code round(keepRatio · n)} largest-magnitude weights of {@code w}. */
  public static Result byKeepRatio(float[] w, double keepRatio) {
    if (!(keepRatio >= 0 && keepRatio <= 1)) {
      throw new IllegalArgumentException("pruning: keep ratio must be in [0, 1], got " + keepRatio);
    }
    return keepLargest(w, null, (int) Math.round(keepRatio * w.length));
  }

  /** LWC's criterion: keeps {@code |w| > quality · σ(w)}. */
  public static Result byQuality(float[] w, double quality) {
    double t = quality * std(w);
    boolean[] mask = new boolean[w.length];
    int kept = 0;
    for (int i = 0; i < w.length; i++) {
      if (Math.abs(w[i]) > t) {
        mask[i] = true;
        kept++;
      }
    }
    return new Result(mask, t, kept, w.length);
  }

  /**
   * Runs {@code schedule}: step {@code s} prunes {@code retrain.apply(s, currentWeights)} (the
   * caller's retrained weights, already zero where pruned) to the step's keep ratio of the original
   * count, never reviving a pruned weight. With the identity as {@code retrain}, the result equals
   * one-shot pruning to the last ratio.
   */
  public static Result applySchedule(
      float[] w,
      Schedule schedule,
      java.util.function.BiFunction<Integer, float[], float[]> retrain) {
    boolean[] alive = new boolean[w.length];
    java.util.Arrays.fill(alive, true);
    float[] cur = w.clone();
    Result r = new Result(alive, 0, w.length, w.length);
    for (int s = 0; s < schedule.keepRatios().size(); s++) {
      int budget = (int) Math.round(schedule.keepRatios().get(s) * w.length);
      r = keepLargest(cur, alive, budget);
      alive = r.mask();
      cur = retrain.apply(s, r.apply(cur));
    }
    return r;
  }

  /** Population standard deviation {@code sqrt(Σ(w − μ)²/n)}, accumulated in double. */
  public static double std(float[] w) {
    double mean = 0;
    for (float v : w) {
      mean += v;
    }
    mean /= w.length;
    double ss = 0;
    for (float v : w) {
      ss += (v - mean) * (v - mean);
    }
    return Math.sqrt(ss / w.length);
  }

  private static Result keepLargest(float[] w, boolean[] alive, int budget) {
    int n = w.length;
    boolean[] mask = new boolean[n];
    int candidates = 0;
    float max = 0;
    for (int i = 0; i < n; i++) {
      if (alive == null || alive[i]) {
        candidates++;
        max = Math.max(max, Math.abs(w[i]));
      }
    }
    budget = Math.min(budget, candidates);
    if (budget == 0) {
      return new Result(mask, Double.POSITIVE_INFINITY, 0, n);
    }
    // Histogram on |w|/max; find the bin holding the budget-th largest magnitude.
    final int bins = 1 << 16;
    int[] hist = new int[bins];
    double scale = max > 0 ? (bins - 1) / (double) max : 0;
    for (int i = 0; i < n; i++) {
      if (alive == null || alive[i]) {
        hist[(int) (Math.abs(w[i]) * scale)]++;
      }
    }
    int above = 0;
    int bin = bins - 1;
    while (above + hist[bin] < budget) {
      above += hist[bin--];
    }
    float[] inBin = new float[hist[bin]];
    int m = 0;
    for (int i = 0; i < n; i++) {
      if ((alive == null || alive[i]) && (int) (Math.abs(w[i]) * scale) == bin) {
        inBin[m++] = Math.abs(w[i]);
      }
    }
    java.util.Arrays.sort(inBin);
    float threshold = inBin[inBin.length - (budget - above)];
    int strictlyAbove = above;
    for (float v : inBin) {
      if (v > threshold) {
        strictlyAbove++;
      }
    }
    int tiesToKeep = budget - strictlyAbove;
    int kept = 0;
    for (int i = 0; i < n; i++) {
      if (alive == null || alive[i]) {
        float a = Math.abs(w[i]);
        if (a > threshold || (a == threshold && tiesToKeep-- > 0)) {
          mask[i] = true;
          kept++;
        }
      }
    }
    return new Result(mask, threshold, kept, n);
  }
}
