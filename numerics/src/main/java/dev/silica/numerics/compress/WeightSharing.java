package dev.silica.numerics.compress;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Trained quantization by weight sharing: 1-D k-means over one layer's weights (Han, Mao, Dally,
 * "Deep Compression", DC §3; papers-inputs §3.5). No sharing across layers.
 *
 * <h2>Algorithm</h2>
 *
 * <p>Minimize {@code Σ_j Σ_{w ∈ c_j} |w − c_j|²} over {@code k} clusters (Lloyd). In one dimension
 * the clusters are intervals of the sorted weights: the assignment step splits the sorted array at
 * the midpoints between consecutive centroids (binary search), the update step sets each centroid
 * to its members' mean from prefix sums, so an iteration costs {@code O(k log n)} after one {@code
 * O(n log n)} sort. Ties at a midpoint go to the lower cluster; an empty cluster keeps its
 * centroid. Iteration stops when no split moves (a fixed point of Lloyd's map) or after {@link
 * #MAX_ITERATIONS}. The whole computation is deterministic (the random initialization is seeded).
 *
 * <h2>Initialization (DC §3.1, Fig. 4)</h2>
 *
 * <ul>
 *   <li>{@link Init#LINEAR}: {@code c_j = min + (max − min)·j/(k − 1)} (DC: best, keeps the large
 *       weights);
 *   <li>{@link Init#DENSITY}: the CDF's y-axis spaced linearly, {@code c_j = F⁻¹((j + ½)/k)}
 *       (empirical quantile);
 *   <li>{@link Init#RANDOM} (Forgy): {@code k} weights drawn without replacement with a seeded
 *       {@link SplittableRandom}.
 * </ul>
 *
 * <h2>Storage (DC Eq. 1)</h2>
 *
 * <p>{@code n} weights of {@code b} bits shared into {@code k} clusters need {@code n·log2(k)}
 * index bits plus a codebook of {@code k·b} bits: {@code r = n·b / (n·log2(k) + k·b)}. DC's 4×4
 * example (16 weights, 4 centroids, 32-bit) gives {@code 512 / (32 + 128) = 3.2}.
 */
public final class WeightSharing {
  /** Lloyd iterations cap; 1-D Lloyd on the tested layers converges in well under this. */
  public static final int MAX_ITERATIONS = 10_000;

  private WeightSharing() {}

  /** Centroid initialization. */
  public enum Init {
    LINEAR,
    DENSITY,
    RANDOM
  }

  /**
   * Clustered weights: centroids sorted ascending ({@code codebook}), one cluster index per input
   * weight in input order, the iterations run and whether Lloyd reached a fixed point.
   */
  public record Result(double[] codebook, int[] indices, int iterations, boolean converged) {
    /** Number of clusters {@code k}. */
    public int k() {
      return codebook.length;
    }

    /** Weight {@code i} after sharing, {@code codebook[indices[i]]}. */
    public double value(int i) {
      return codebook[indices[i]];
    }

    /** {@code Σ (w_i − c(w_i))²}. */
    public double sse(float[] w) {
      double s = 0;
      for (int i = 0; i < w.length; i++) {
        double d = w[i] - value(i);
        s += d * d;
      }
      return s;
    }

    /** Symbol counts per cluster (the Huffman input). */
    public long[] counts() {
      long[] c = new long[k()];
      for (int i : indices) {
        c[i]++;
      }
      return c;
    }
  }

  /** DC Eq. 1: {@code r = n·b / (n·log2(k) + k·b)}. */
  public static double compressionRate(long n, int k, int b) {
    double log2k = Math.log(k) / Math.log(2);
    return n * (double) b / (n * log2k + (double) k * b);
  }

  /**
   * Clusters {@code w} into {@code k} shared values; {@code seed} is used by {@link Init#RANDOM}.
   */
  public static Result cluster(float[] w, int k, Init init, long seed) {
    if (k < 1) {
      throw new IllegalArgumentException("weight sharing: k must be >= 1, got " + k);
    }
    if (w.length == 0) {
      return new Result(new double[k], new int[0], 0, true);
    }
    double[] sorted = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      sorted[i] = w[i];
    }
    Arrays.sort(sorted);
    int n = sorted.length;
    double[] prefix = new double[n + 1];
    for (int i = 0; i < n; i++) {
      prefix[i + 1] = prefix[i] + sorted[i];
    }
    double[] c = initial(sorted, k, init, seed);
    int[] split = new int[k + 1]; // cluster j holds sorted[split[j] .. split[j+1])
    int[] prev = null;
    int it = 0;
    boolean converged = false;
    while (it < MAX_ITERATIONS) {
      Arrays.sort(c);
      assign(sorted, c, split);
      if (prev != null && Arrays.equals(prev, split)) {
        converged = true;
        break;
      }
      prev = split.clone();
      for (int j = 0; j < k; j++) {
        int cnt = split[j + 1] - split[j];
        if (cnt > 0) {
          c[j] = (prefix[split[j + 1]] - prefix[split[j]]) / cnt;
        }
      }
      it++;
    }
    Arrays.sort(c);
    int[] idx = new int[w.length];
    for (int i = 0; i < w.length; i++) {
      idx[i] = nearest(c, w[i]);
    }
    return new Result(c, idx, it, converged);
  }

  /** Index of the centroid nearest {@code x} (ties to the lower); {@code c} ascending. */
  static int nearest(double[] c, double x) {
    int lo = 0;
    int hi = c.length - 1;
    // Largest j with midpoint(c[j-1], c[j]) < x.
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (x > 0.5 * (c[mid - 1] + c[mid])) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  private static void assign(double[] sorted, double[] c, int[] split) {
    int k = c.length;
    split[0] = 0;
    split[k] = sorted.length;
    for (int j = 1; j < k; j++) {
      double mid = 0.5 * (c[j - 1] + c[j]);
      // first index with sorted[i] > mid
      int lo = split[j - 1];
      int hi = sorted.length;
      while (lo < hi) {
        int m = (lo + hi) >>> 1;
        if (sorted[m] > mid) {
          hi = m;
        } else {
          lo = m + 1;
        }
      }
      split[j] = lo;
    }
  }

  private static double[] initial(double[] sorted, int k, Init init, long seed) {
    int n = sorted.length;
    double min = sorted[0];
    double max = sorted[n - 1];
    double[] c = new double[k];
    switch (init) {
      case LINEAR -> {
        for (int j = 0; j < k; j++) {
          c[j] = k == 1 ? 0.5 * (min + max) : min + (max - min) * j / (k - 1);
        }
      }
      case DENSITY -> {
        for (int j = 0; j < k; j++) {
          int i = (int) Math.min(n - 1, Math.floor((j + 0.5) / k * n));
          c[j] = sorted[i];
        }
      }
      case RANDOM -> {
        SplittableRandom rng = new SplittableRandom(seed);
        if (k >= n) {
          for (int j = 0; j < k; j++) {
            c[j] = sorted[Math.min(j, n - 1)];
          }
        } else {
          // Floyd's algorithm: k distinct positions.
          java.util.TreeSet<Integer> picked = new java.util.TreeSet<>();
          for (int j = n - k; j < n; j++) {
            int t = rng.nextInt(j + 1);
            picked.add(picked.contains(t) ? j : t);
          }
          int j = 0;
          for (int p : picked) {
            c[j++] = sorted[p];
          }
        }
      }
    }
    return c;
  }
}
