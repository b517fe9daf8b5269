package dev.silica.workloads.train;

import dev.silica.numerics.compress.MagnitudePruning;
import dev.silica.numerics.compress.WeightSharing;
import java.util.ArrayList;
import java.util.List;

/**
 * Retraining under compression constraints: magnitude pruning with retraining (Han, Pool, Tran,
 * Dally, "Learning both Weights and Connections", NIPS 2015, "LWC"), k-means weight sharing with
 * centroid fine-tuning (Han, Mao, Dally, "Deep Compression", ICLR 2016, "DC"), and
 * Dense-Sparse-Dense training (Han et al., "DSD", ICLR 2017). Each constraint is a {@link
 * Trainer.Regime}, so all of them run in the one deterministic minibatch loop of {@link Trainer}.
 *
 * <h2>Pruning mask ({@link Masked})</h2>
 *
 * <p>A boolean mask per weight tensor ({@code true} = kept). The regime zeroes the masked entries
 * of each minibatch's mean gradient before the optimizer step, and sets the masked weights back to
 * exactly {@code 0} after it (and before each minibatch): a pruned weight is {@code 0.0f} at every
 * forward pass, whatever state the optimizer carries (momentum or Adam moments from an earlier
 * dense phase, weight decay).
 *
 * <h2>Which weights are pruned ({@link #keepRatios})</h2>
 *
 * <p>Per layer by magnitude ({@link MagnitudePruning#byKeepRatio}, LWC §3), on the weight tensors
 * of {@link AccuracyStudies} (biases and the per-map S2/S4 coefficients are never pruned). The
 * layer ratios follow LWC's own LeNet-5 (Table 3 there: the first convolution keeps 66% and the
 * output layer 19% of its weights, the middle layers 8–12%): for a target sparsity {@code s}, the
 * first and the last weight layer are pruned to {@code s/2}, and every other layer to the common
 * ratio {@code r} that makes the sparsity over all weights {@code s}: {@code r = (s·N − (s/2)·
 * N_ends) / (N − N_ends)} ({@code N} weights in all, {@code N_ends} in the two end layers), capped
 * at 1. Each layer keeps {@code ⌊(1 − ratio)·n⌋} weights, so the sparsity is at least {@code s} (by
 * at most one weight per layer). On this LeNet-5 the two end layers hold 990 of 60,570 weights, so
 * {@code s = 0.9} prunes them to 45% and the others to 90.75%.
 *
 * <h2>Iterative pruning (LWC §3.3, Fig. 5)</h2>
 *
 * <p>Each step of the schedule prunes the current (retrained) weights to the step's sparsity, never
 * reviving a weight pruned before (the new mask is the old one and the magnitude mask), then
 * retrains for {@code epochs} with the mask held. Each step uses a fresh optimizer.
 *
 * <h2>Weight sharing with centroid fine-tuning ({@link Shared}, DC §3)</h2>
 *
 * <p>Each weight tensor's kept weights are clustered by 1-D k-means ({@link WeightSharing}, linear
 * initialization, DC §3.1) into {@code k = min(2^bits, kept)} centroids; each weight is replaced by
 * its centroid, pruned weights stay {@code 0} (they are in no cluster). During fine-tuning the
 * optimizer updates the centroids, not the weights: the gradient of centroid {@code c_j} is the sum
 * of the gradients of its members (DC Eq. 3: {@code ∂L/∂c_j = Σ_i ∂L/∂W_i · 1(I_i = j)}), and after
 * each step every member is set to its centroid again. With plain SGD this is {@code c_j ← c_j −
 * η·Σ_{i∈j} g_i}. The assignment {@code I} is fixed. Biases and S2/S4 coefficients train as usual.
 *
 * <h2>Dense-Sparse-Dense ({@link #dsd})</h2>
 *
 * <p>From a trained dense net: prune to sparsity {@code s} (here every layer to {@code s}, DSD §2)
 * and retrain {@code E} epochs with the mask (sparse phase), then drop the mask (the pruned weights
 * restart at {@code 0}) and retrain {@code E} epochs dense at a tenth of the learning rate
 * (re-dense phase, DSD §2: "a lower learning rate"). The control trains the same dense net for the
 * same {@code 2E} epochs with the same two learning rates and no mask.
 *
 * <h2>Optimizer</h2>
 *
 * <p>Every phase uses Adam (Kingma and Ba 2015) with the recipe's learning rate; the defaults
 * retrain at {@code 1e-4}, a tenth of the fixture's training rate, as LWC and DSD retrain at a
 * lowered rate.
 */
public final class Retraining {
  private Retraining() {}

  /**
   * What one retraining phase runs: epochs per phase (per pruning step, per fine-tuning),
   * minibatch, Adam learning rate, seed of the minibatch order (phase {@code p} uses {@code seed +
   * p}) and worker threads (results do not depend on them).
   */
  public record Recipe(int epochs, int batch, float lr, long seed, int threads) {
    public Recipe {
      if (epochs < 0 || batch < 1 || !(lr > 0) || threads < 1) {
        throw new IllegalArgumentException(
            "retraining: must have epochs >= 0, batch >= 1, lr > 0, threads >= 1, got epochs="
                + epochs
                + " batch="
                + batch
                + " lr="
                + lr
                + " threads="
                + threads);
      }
    }

    /** One epoch per phase, batch 64, Adam at 1e-4, seed 1. */
    public static Recipe defaults(int threads) {
      return new Recipe(1, 64, 1e-4f, 1, threads);
    }

    /** The same recipe with another learning rate. */
    public Recipe withLr(float newLr) {
      return new Recipe(epochs, batch, newLr, seed, threads);
    }

    Trainer.Config config(int phase) {
      return new Trainer.Config(epochs, batch, seed + phase, threads);
    }
  }

  /** Holds pruned weights at exactly zero; see the class comment. */
  public static final class Masked implements Trainer.Regime {
    private final boolean[][] keep;

    /** {@code keep[slot]} is the mask of parameter slot {@code slot}, or null (not pruned). */
    Masked(boolean[][] keep) {
      this.keep = keep;
    }

    /** The mask of parameter slot {@code slot} ({@code true} = kept), or null. */
    boolean[] mask(int slot) {
      return keep[slot];
    }

    /** Sets every masked weight of {@code net} to zero. */
    public void apply(TrainableGraph net) {
      for (int p : net.parameters) {
        boolean[] m = keep[p];
        if (m != null) {
          float[] w = net.shared[p];
          for (int i = 0; i < w.length; i++) {
            if (!m[i]) {
              w[i] = 0f;
            }
          }
        }
      }
    }

    @Override
    public void beforeBatch(TrainableGraph net) {
      apply(net);
    }

    @Override
    public boolean gradients(TrainableGraph net, float[][] grads) {
      for (int k = 0; k < grads.length; k++) {
        boolean[] m = keep[net.parameters[k]];
        if (m != null) {
          float[] g = grads[k];
          for (int i = 0; i < g.length; i++) {
            if (!m[i]) {
              g[i] = 0f;
            }
          }
        }
      }
      return true;
    }

    @Override
    public void afterBatch(TrainableGraph net) {
      apply(net);
    }
  }

  /** Ties each weight to its cluster's centroid; see the class comment. */
  public static final class Shared implements Trainer.Regime {
    private final int[][] index;
    private final float[][] centroids;

    /**
     * {@code index[slot][i]} is weight {@code i}'s cluster ({@code -1}: pruned, held at zero) and
     * {@code centroids[slot]} the cluster values, for each shared parameter slot; null elsewhere.
     */
    Shared(int[][] index, float[][] centroids) {
      this.index = index;
      this.centroids = centroids;
    }

    /** The centroids of parameter slot {@code slot} (live: fine-tuning updates them), or null. */
    float[] centroids(int slot) {
      return centroids[slot];
    }

    /** The cluster of each weight of parameter slot {@code slot} ({@code -1} pruned), or null. */
    int[] index(int slot) {
      return index[slot];
    }

    /** Writes each shared weight of {@code net} as its centroid (zero when pruned). */
    public void apply(TrainableGraph net) {
      for (int p : net.parameters) {
        int[] idx = index[p];
        if (idx != null) {
          float[] c = centroids[p];
          float[] w = net.shared[p];
          for (int i = 0; i < w.length; i++) {
            w[i] = idx[i] < 0 ? 0f : c[idx[i]];
          }
        }
      }
    }

    @Override
    public void beforeBatch(TrainableGraph net) {
      apply(net);
    }

    /**
     * Replaces a shared slot's gradient by the centroid gradients (DC Eq. 3, summed in double in
     * weight order): entries {@code 0..k-1} of {@code grads[k]} then hold them, and the optimizer,
     * which reads one gradient entry per element of its {@link #target} (the {@code k} centroids),
     * uses only those.
     */
    @Override
    public boolean gradients(TrainableGraph net, float[][] grads) {
      for (int k = 0; k < grads.length; k++) {
        int[] idx = index[net.parameters[k]];
        if (idx != null) {
          float[] g = grads[k];
          double[] sum = new double[centroids[net.parameters[k]].length];
          for (int i = 0; i < idx.length; i++) {
            if (idx[i] >= 0) {
              sum[idx[i]] += g[i];
            }
          }
          for (int j = 0; j < sum.length; j++) {
            g[j] = (float) sum[j];
          }
        }
      }
      return true;
    }

    @Override
    public float[] target(TrainableGraph net, int slot) {
      return centroids[slot] != null ? centroids[slot] : net.shared[slot];
    }

    @Override
    public void afterBatch(TrainableGraph net) {
      apply(net);
    }
  }

  /** The parameter slots of {@code net} that hold weights (pruned and shared), in slot order. */
  static int[] weightSlots(TrainableGraph net) {
    return java.util.Arrays.stream(net.parameters)
        .filter(p -> AccuracyStudies.isWeight(net, p))
        .toArray();
  }

  /**
   * The fraction of each weight tensor to prune for overall sparsity {@code sparsity}, by parameter
   * slot (NaN elsewhere); see the class comment.
   */
  public static double[] keepRatios(TrainableGraph net, double sparsity) {
    if (!(sparsity >= 0 && sparsity < 1)) {
      throw new IllegalArgumentException("pruning: sparsity must be in [0, 1), got " + sparsity);
    }
    int[] ws = weightSlots(net);
    double[] prune = new double[net.valueCount()];
    java.util.Arrays.fill(prune, Double.NaN);
    long all = 0;
    long ends = 0;
    for (int i = 0; i < ws.length; i++) {
      all += net.size[ws[i]];
      if (ws.length > 2 && (i == 0 || i == ws.length - 1)) {
        ends += net.size[ws[i]];
      }
    }
    double middle =
        ends == 0 ? sparsity : Math.min(1, (sparsity * all - sparsity / 2 * ends) / (all - ends));
    for (int i = 0; i < ws.length; i++) {
      boolean end = ws.length > 2 && (i == 0 || i == ws.length - 1);
      prune[ws[i]] = end ? sparsity / 2 : middle;
    }
    return prune;
  }

  /** Every weight tensor pruned to {@code sparsity} alike (DSD's rule), by slot. */
  static double[] uniformRatios(TrainableGraph net, double sparsity) {
    double[] prune = new double[net.valueCount()];
    java.util.Arrays.fill(prune, Double.NaN);
    for (int p : weightSlots(net)) {
      prune[p] = sparsity;
    }
    return prune;
  }

  /**
   * The magnitude masks that prune each weight tensor of {@code net} by {@code prune[slot]} (the
   * kept count rounded down, so the sparsity reaches the ratio), never keeping a weight that {@code
   * previous} (may be null) pruned.
   */
  static Masked magnitudeMasks(TrainableGraph net, double[] prune, Masked previous) {
    boolean[][] keep = new boolean[net.valueCount()][];
    for (int p : weightSlots(net)) {
      float[] w = net.shared[p];
      boolean[] before = previous == null ? null : previous.mask(p);
      float[] alive = w;
      if (before != null) {
        alive = w.clone();
        for (int i = 0; i < alive.length; i++) {
          if (!before[i]) {
            alive[i] = 0f;
          }
        }
      }
      // keep ⌊(1 − prune)·n⌋ weights, so that at least the ratio is pruned (never fewer)
      double keepRatio = Math.floor((1 - prune[p]) * w.length + 1e-9) / w.length;
      boolean[] m = MagnitudePruning.byKeepRatio(alive, keepRatio).mask();
      if (before != null) {
        for (int i = 0; i < m.length; i++) {
          m[i] &= before[i];
        }
      }
      keep[p] = m;
    }
    return new Masked(keep);
  }

  /** Fraction of exactly-zero weights over all weight tensors of {@code net}. */
  public static double sparsity(TrainableGraph net) {
    long zeros = 0;
    long all = 0;
    for (int p : weightSlots(net)) {
      for (float v : net.shared[p]) {
        zeros += v == 0f ? 1 : 0;
      }
      all += net.size[p];
    }
    return all == 0 ? 0 : (double) zeros / all;
  }

  /** The largest number of distinct non-zero values in any weight tensor of {@code net}. */
  public static int maxDistinctNonZero(TrainableGraph net) {
    int max = 0;
    for (int p : weightSlots(net)) {
      max = Math.max(max, distinctNonZero(net.shared[p]));
    }
    return max;
  }

  static int distinctNonZero(float[] w) {
    java.util.HashSet<Integer> bits = new java.util.HashSet<>();
    for (float v : w) {
      if (v != 0f) {
        bits.add(Float.floatToIntBits(v));
      }
    }
    return bits.size();
  }

  /** One step of iterative pruning: sparsity reached, accuracy before and after retraining. */
  public record PruneStep(
      double targetSparsity,
      double sparsity,
      double prunedAccuracy,
      double retrainedAccuracy,
      List<Trainer.Epoch> epochs) {}

  /**
   * Iterative pruning with retraining (LWC §3.3) of {@code net} in place, through {@code
   * sparsities} (increasing); returns one {@link PruneStep} per step. {@code onStep} (may be null)
   * sees each step's result and mask while {@code net} holds that step's retrained weights.
   */
  public static List<PruneStep> iterativePruning(
      TrainableGraph net,
      Dataset train,
      Dataset test,
      List<Double> sparsities,
      Recipe recipe,
      Trainer.Listener listener,
      java.util.function.BiConsumer<PruneStep, Masked> onStep) {
    List<PruneStep> steps = new ArrayList<>();
    Masked mask = null;
    double prev = 0;
    try (Trainer t = new Trainer(net, recipe.threads())) {
      for (int s = 0; s < sparsities.size(); s++) {
        double target = sparsities.get(s);
        if (!(target >= prev)) {
          throw new IllegalArgumentException(
              "pruning: sparsities must be increasing, got " + sparsities);
        }
        prev = target;
        mask = magnitudeMasks(net, keepRatios(net, target), mask);
        mask.apply(net);
        double pruned = t.evaluate(test).accuracy();
        List<Trainer.Epoch> ep =
            t.train(train, test, new Optimizer.Adam(recipe.lr()), recipe.config(s), listener, mask);
        double retrained = ep.isEmpty() ? pruned : ep.get(ep.size() - 1).testAccuracy();
        PruneStep step = new PruneStep(target, sparsity(net), pruned, retrained, ep);
        steps.add(step);
        if (onStep != null) {
          onStep.accept(step, mask);
        }
      }
    }
    return steps;
  }

  /**
   * Clusters each weight tensor of {@code net} into {@code min(2^bits, kept)} shared values
   * (k-means, linear init) over the weights that {@code mask} keeps (all when null), and writes the
   * shared values into {@code net}.
   */
  public static Shared share(TrainableGraph net, int bits, Masked mask) {
    if (bits < 1 || bits > 16) {
      throw new IllegalArgumentException("weight sharing: bits must be in [1, 16], got " + bits);
    }
    int[][] index = new int[net.valueCount()][];
    float[][] centroids = new float[net.valueCount()][];
    for (int p : weightSlots(net)) {
      float[] w = net.shared[p];
      boolean[] m = mask == null ? null : mask.mask(p);
      int kept = 0;
      for (int i = 0; i < w.length; i++) {
        kept += m == null || m[i] ? 1 : 0;
      }
      float[] values = new float[kept];
      int j = 0;
      for (int i = 0; i < w.length; i++) {
        if (m == null || m[i]) {
          values[j++] = w[i];
        }
      }
      int k = Math.max(1, Math.min(1 << bits, kept));
      WeightSharing.Result r = WeightSharing.cluster(values, k, WeightSharing.Init.LINEAR, 0);
      float[] c = new float[k];
      for (int q = 0; q < k; q++) {
        c[q] = (float) r.codebook()[q];
      }
      int[] idx = new int[w.length];
      j = 0;
      for (int i = 0; i < w.length; i++) {
        idx[i] = m == null || m[i] ? r.indices()[j++] : -1;
      }
      index[p] = idx;
      centroids[p] = c;
    }
    Shared s = new Shared(index, centroids);
    s.apply(net);
    return s;
  }

  /** Trains {@code net} in place under {@code regime} for the recipe's epochs (phase {@code p}). */
  public static List<Trainer.Epoch> fineTune(
      TrainableGraph net,
      Trainer.Regime regime,
      Dataset train,
      Dataset test,
      Recipe recipe,
      int phase,
      Trainer.Listener listener) {
    try (Trainer t = new Trainer(net, recipe.threads())) {
      List<Trainer.Epoch> ep =
          t.train(
              train, test, new Optimizer.Adam(recipe.lr()), recipe.config(phase), listener, regime);
      return ep;
    }
  }

  /** The last epoch's test accuracy, or {@code otherwise} when no epoch ran. */
  static double last(List<Trainer.Epoch> epochs, double otherwise) {
    return epochs.isEmpty() ? otherwise : epochs.get(epochs.size() - 1).testAccuracy();
  }

  /** Test accuracies of a DSD run and its control, each after its phase. */
  public record DsdResult(
      double dense,
      double pruned,
      double sparse,
      double redense,
      double controlFirst,
      double control,
      double sparsity) {}

  /**
   * Dense-Sparse-Dense from {@code net} (not modified) against plain training for the same epochs
   * and learning rates; see the class comment.
   */
  public static DsdResult dsd(
      TrainableGraph net,
      Dataset train,
      Dataset test,
      double sparsity,
      Recipe recipe,
      Trainer.Listener listener) {
    double dense = AccuracyStudies.accuracy(net, test, recipe.threads());
    TrainableGraph d = net.withParameters(net.parameterValues());
    Masked mask = magnitudeMasks(d, uniformRatios(d, sparsity), null);
    mask.apply(d);
    double s = sparsity(d);
    double pruned = AccuracyStudies.accuracy(d, test, recipe.threads());
    double sparse = last(fineTune(d, mask, train, test, recipe, 0, listener), pruned);
    Recipe slow = recipe.withLr(recipe.lr() / 10);
    double redense = last(fineTune(d, Trainer.PLAIN, train, test, slow, 1, listener), sparse);
    TrainableGraph c = net.withParameters(net.parameterValues());
    double controlFirst = last(fineTune(c, Trainer.PLAIN, train, test, recipe, 0, listener), dense);
    double control = last(fineTune(c, Trainer.PLAIN, train, test, slow, 1, listener), controlFirst);
    return new DsdResult(dense, pruned, sparse, redense, controlFirst, control, s);
  }
}
