package dev.silica.workloads.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Minibatch training of a {@link TrainableGraph} on a {@link Dataset}, deterministic for a seed
 * whatever the thread count.
 *
 * <p>Determinism: each epoch visits the examples in a permutation drawn from {@code seed} and the
 * epoch number. A minibatch is cut into {@value #CHUNKS} fixed chunks; each chunk's examples run in
 * order in one workspace, summing their parameter gradients; the chunk sums are then added in chunk
 * order. Threads only decide which worker computes a chunk, so the floating-point operations and
 * their order, and hence the trained weights, are the same for 1 or N threads. Dropout masks draw
 * from the seed and the example's position in the run.
 */
public final class Trainer implements AutoCloseable {
  /** Chunks per minibatch (and per evaluation block): the unit of parallel work. */
  static final int CHUNKS = 8;

  /** What one training run does. */
  public record Config(int epochs, int batchSize, long seed, int threads) {
    public Config {
      if (epochs < 0 || batchSize < 1 || threads < 1) {
        throw new IllegalArgumentException(
            "training: must have epochs >= 0, batch >= 1, threads >= 1, got epochs="
                + epochs
                + " batch="
                + batchSize
                + " threads="
                + threads);
      }
    }
  }

  /** One epoch's figures; {@code seconds} is wall time, the only non-deterministic field. */
  public record Epoch(
      int epoch, double trainLoss, double trainAccuracy, double testAccuracy, double seconds) {}

  /** Progress callback: after each minibatch, and after each epoch. */
  public interface Listener {
    /** After minibatch {@code batch} (1-based) of {@code batches}; running means over the epoch. */
    default void batch(int epoch, int batch, int batches, double loss, double accuracy) {}

    /** After each epoch. */
    default void epoch(Epoch e) {}
  }

  /**
   * What a training method changes in the plain loop (pruning masks, tied centroids, quantized
   * forward weights over FP32 latent copies, master weights, loss scaling): hooks around each
   * minibatch step, called on the training thread in a fixed order, so a regime keeps the run
   * deterministic as long as it is itself. {@link #PLAIN} changes nothing.
   */
  public interface Regime {
    /** Before the minibatch's forward passes: e.g. write quantized copies of latent weights. */
    default void beforeBatch(TrainableGraph net) {}

    /**
     * The minibatch's mean gradients, {@code grads[k]} for parameter slot {@code
     * net.parameters[k]}, before the optimizer sees them; a regime may change them in place (zero
     * pruned entries, sum over a centroid's members, undo a loss scale). Returning false skips the
     * optimizer step (a loss-scale overflow).
     */
    default boolean gradients(TrainableGraph net, float[][] grads) {
      return true;
    }

    /**
     * The array the optimizer updates for parameter slot {@code slot}: the net's own values by
     * default, or a latent / master copy the regime writes back in {@link #beforeBatch}.
     */
    default float[] target(TrainableGraph net, int slot) {
      return net.shared[slot];
    }

    /** After the optimizer step: e.g. re-apply pruning masks, snap weights to centroids. */
    default void afterBatch(TrainableGraph net) {}

    /**
     * Replaces training example {@code example}'s standardized input {@code x} in place before its
     * forward pass (e.g. by an adversarial example); {@code sample} numbers the example's position
     * in the run (as dropout seeds do) and {@code grad} gives ∇ₓJ (plain cross-entropy) at the
     * current weights. Called on worker threads: must depend only on its arguments and on state
     * written before the minibatch.
     */
    default void input(int example, int label, long sample, float[] x, InputGradient grad) {}

    /**
     * The loss of one training example from its logits {@code z}, writing ∂L/∂z into {@code dz}:
     * softmax cross-entropy with the hard label by default (soft targets, a loss scale otherwise).
     * Called on worker threads, like {@link #input}.
     */
    default double loss(int example, int label, float[] z, float[] dz) {
      return TrainableGraph.softmaxCrossEntropy(z, label, dz);
    }

    /**
     * Rounding applied in place to ∂L/∂z and, after each node's backward kernel, to the gradients
     * of its non-parameter inputs (gradients held in a number format, e.g. binary16 arithmetic);
     * null (the default) keeps FP32.
     */
    default java.util.function.Consumer<float[]> backwardRounding() {
      return null;
    }
  }

  /** ∇ₓJ of the plain cross-entropy at the current weights, for {@link Regime#input}. */
  public interface InputGradient {
    /**
     * The gradient of {@code −log softmax(f(x))_label} with respect to {@code x} (a scratch array,
     * valid until the next call); {@code x} is not changed.
     */
    float[] of(float[] x, int label);
  }

  /** Plain training: no hooks. */
  public static final Regime PLAIN = new Regime() {};

  /** Accuracy and mean loss on a data set. */
  public record Evaluation(int correct, int count, double meanLoss) {
    public double accuracy() {
      return count == 0 ? 0 : (double) correct / count;
    }
  }

  private final TrainableGraph net;
  private final ExecutorService pool;
  private final Workspace[] ws;
  private final Workspace[] aux = new Workspace[CHUNKS];

  public Trainer(TrainableGraph net, int threads) {
    this.net = net;
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "silica-train");
              t.setDaemon(true);
              return t;
            });
    ws = new Workspace[CHUNKS];
    for (int i = 0; i < CHUNKS; i++) {
      ws[i] = net.workspace();
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  /**
   * Trains {@code net} in place; returns one {@link Epoch} per epoch (test accuracy on {@code
   * test}).
   */
  public List<Epoch> train(
      Dataset train, Dataset test, Optimizer opt, Config cfg, Listener listener) {
    return train(train, test, opt, cfg, listener, PLAIN);
  }

  /** Trains {@code net} in place under {@code regime}'s hooks; see {@link Regime}. */
  public List<Epoch> train(
      Dataset train, Dataset test, Optimizer opt, Config cfg, Listener listener, Regime regime) {
    checkShape(train);
    List<Epoch> epochs = new ArrayList<>();
    int n = train.count();
    int batches = (n + cfg.batchSize() - 1) / cfg.batchSize();
    float[][] total = new float[net.parameters.length][];
    for (int k = 0; k < total.length; k++) {
      total[k] = new float[net.size[net.parameters[k]]];
    }
    for (int e = 1; e <= cfg.epochs(); e++) {
      long start = System.nanoTime();
      int[] order = permutation(n, new SplittableRandom(cfg.seed() * 1_000_003L + e));
      double lossSum = 0;
      int correct = 0;
      int seen = 0;
      for (int b = 0; b < batches; b++) {
        int from = b * cfg.batchSize();
        int to = Math.min(n, from + cfg.batchSize());
        long sampleBase = ((long) e << 32) + from + cfg.seed() * 31;
        regime.beforeBatch(net);
        double[] lc = runChunks(train, order, from, to, true, sampleBase, regime);
        lossSum += lc[0];
        correct += (int) lc[1];
        seen += to - from;
        float scale = 1f / (to - from);
        for (int k = 0; k < total.length; k++) {
          float[] t = total[k];
          java.util.Arrays.fill(t, 0f);
          int slot = net.parameters[k];
          for (Workspace w : ws) {
            float[] g = w.grad[slot];
            for (int i = 0; i < t.length; i++) {
              t[i] += g[i];
            }
          }
          for (int i = 0; i < t.length; i++) {
            t[i] *= scale;
          }
        }
        if (regime.gradients(net, total)) {
          opt.beginStep();
          for (int k = 0; k < total.length; k++) {
            int slot = net.parameters[k];
            opt.update(slot, regime.target(net, slot), total[k]);
          }
        }
        regime.afterBatch(net);
        listener.batch(e, b + 1, batches, lossSum / seen, (double) correct / seen);
      }
      double testAcc = test == null ? Double.NaN : evaluate(test).accuracy();
      Epoch ep =
          new Epoch(
              e, lossSum / n, (double) correct / n, testAcc, (System.nanoTime() - start) / 1e9);
      epochs.add(ep);
      listener.epoch(ep);
    }
    return epochs;
  }

  /** Accuracy and mean loss of the current weights on {@code data}. */
  public Evaluation evaluate(Dataset data) {
    checkShape(data);
    int n = data.count();
    int block = CHUNKS * 64;
    double loss = 0;
    int correct = 0;
    for (int from = 0; from < n; from += block) {
      int to = Math.min(n, from + block);
      double[] lc = runChunks(data, null, from, to, false, 0, PLAIN);
      loss += lc[0];
      correct += (int) lc[1];
    }
    return new Evaluation(correct, n, loss / Math.max(1, n));
  }

  /**
   * Examples {@code from..to-1} (through {@code order} when given) in {@value #CHUNKS} chunks;
   * returns the summed loss and the number correct. With {@code training}, each chunk's workspace
   * holds its summed parameter gradients afterwards.
   */
  private double[] runChunks(
      Dataset data,
      int[] order,
      int from,
      int to,
      boolean training,
      long sampleBase,
      Regime regime) {
    int count = to - from;
    List<Future<double[]>> futures = new ArrayList<>();
    for (int c = 0; c < CHUNKS; c++) {
      int a = from + (int) ((long) count * c / CHUNKS);
      int z = from + (int) ((long) count * (c + 1) / CHUNKS);
      int chunk = c;
      futures.add(
          pool.submit(() -> chunk(data, order, a, z, chunk, training, sampleBase - from, regime)));
    }
    double loss = 0;
    double correct = 0;
    for (Future<double[]> f : futures) {
      double[] r = get(f);
      loss += r[0];
      correct += r[1];
    }
    return new double[] {loss, correct};
  }

  private double[] chunk(
      Dataset data,
      int[] order,
      int from,
      int to,
      int c,
      boolean training,
      long seedBase,
      Regime regime) {
    Workspace w = ws[c];
    w.training = training;
    if (training) {
      w.zeroParameterGradients(net);
    }
    float[] x = w.val[net.input];
    int h = net.inputHeight();
    int wd = net.inputWidth();
    java.util.function.Consumer<float[]> round = training ? regime.backwardRounding() : null;
    InputGradient grad = training ? inputGradient(c) : null;
    double loss = 0;
    int correct = 0;
    for (int i = from; i < to; i++) {
      int ex = order == null ? i : order[i];
      data.fill(ex, x, h, wd);
      int label = data.label(ex);
      float[] z;
      if (training) {
        w.sampleSeed = seedBase + i;
        regime.input(ex, label, w.sampleSeed, x, grad);
        loss += net.forwardBackward(w, (logits, dz) -> regime.loss(ex, label, logits, dz), round);
        z = w.val[net.output];
      } else {
        z = net.forward(w);
        loss += TrainableGraph.softmaxCrossEntropy(z, label, w.grad[net.output]);
      }
      if (TrainableGraph.argmax(z) == label) {
        correct++;
      }
    }
    return new double[] {loss, correct};
  }

  /**
   * ∇ₓJ computed in chunk {@code c}'s second workspace (made on first use), so the chunk's
   * accumulated parameter gradients are untouched.
   */
  private InputGradient inputGradient(int c) {
    return (xIn, label) -> {
      Workspace a;
      synchronized (aux) {
        if (aux[c] == null) {
          aux[c] = net.workspace();
        }
        a = aux[c];
      }
      a.training = false;
      System.arraycopy(xIn, 0, a.val[net.input], 0, xIn.length);
      net.forwardBackward(a, (z, dz) -> TrainableGraph.softmaxCrossEntropy(z, label, dz), null);
      return a.grad[net.input];
    };
  }

  private void checkShape(Dataset d) {
    if (net.inputHeight() < d.height() || net.inputWidth() < d.width()) {
      throw new IllegalArgumentException(
          net.graph.name()
              + ": input "
              + net.inputHeight()
              + "×"
              + net.inputWidth()
              + " is smaller than "
              + d.name()
              + "'s "
              + d.height()
              + "×"
              + d.width()
              + " images");
    }
    if (net.classes() != d.classes()) {
      throw new IllegalArgumentException(
          net.graph.name()
              + ": the output has "
              + net.classes()
              + " logits but "
              + d.name()
              + " has "
              + d.classes()
              + " classes");
    }
  }

  private static double[] get(Future<double[]> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("training interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** A Fisher–Yates permutation of {@code 0..n-1}. */
  static int[] permutation(int n, SplittableRandom r) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}
