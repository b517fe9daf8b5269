package dev.silica.workloads.train;

import java.util.function.Consumer;

/**
 * Mixed-precision training (Micikevicius et al., "Mixed Precision Training", ICLR 2018) as a {@link
 * Trainer.Regime}: binary16 storage and arithmetic for weights, activations and gradients, an FP32
 * master copy of the weights that the optimizer updates, and loss scaling.
 *
 * <p>Design (what is rounded to binary16, round to nearest even, overflow to ±∞):
 *
 * <ul>
 *   <li><b>Weights</b>: the forward and backward passes read {@code fp16(master)}; with {@link
 *       Mode#NO_MASTER} the FP16 weights themselves are updated, {@code w ← fp16(w − Δw)}, so an
 *       update smaller than half an FP16 ulp of {@code w} is lost (the paper's §3.1 argument).
 *   <li><b>Activations</b>: the input and every node's output, after the node's FP32 arithmetic
 *       (FP16 products accumulated in FP32 and stored in FP16, as the paper's §3 describes).
 *   <li><b>Gradients</b>: the loss gradient {@code S·∂L/∂z} and, after each node's backward kernel,
 *       the gradients of its non-parameter inputs; weight gradients accumulate over a minibatch in
 *       FP32 and are stored once per step in FP16 (a documented simplification).
 *   <li><b>Loss scaling</b> (§3.2): the loss gradient is multiplied by {@code S} before the
 *       backward pass; weight gradients are divided by {@code S} in FP32 before the update. If any
 *       stored weight gradient is not finite, the step is skipped and {@code S} halved; with
 *       dynamic scaling {@code S} doubles after {@code growthInterval} finite steps in a row.
 *   <li>The optimizer's state (momentum) is FP32 in both modes.
 * </ul>
 */
public final class MixedPrecision implements Trainer.Regime {
  /** Whether an FP32 master copy receives the updates. */
  public enum Mode {
    /** FP32 master weights, updated by the optimizer; FP16 copies for the passes. */
    MASTER,
    /** The FP16 weights themselves are updated (rounded after each step). */
    NO_MASTER
  }

  /**
   * Loss scaling: initial scale {@code initial}, doubled after {@code growthInterval} finite steps
   * when {@code dynamic} (a static scale when not; 1 turns scaling off).
   */
  public record LossScale(float initial, boolean dynamic, int growthInterval) {
    public LossScale {
      if (!(initial > 0) || growthInterval < 1) {
        throw new IllegalArgumentException(
            "loss scale: must have initial > 0 and growth interval >= 1, got "
                + initial
                + " and "
                + growthInterval);
      }
    }

    /** No scaling. */
    public static final LossScale NONE = new LossScale(1f, false, 1);
  }

  private final Mode mode;
  private final LossScale lossScale;
  private final float[][] master;
  private final float[][] before;
  private volatile float scale;
  private int goodSteps;
  private long skipped;
  private long changed;
  private long lost;

  /**
   * Prepares {@code net}: keeps an FP32 master copy (in {@link Mode#MASTER}), rounds its weights to
   * FP16 and holds its activations in FP16 from now on.
   */
  public MixedPrecision(TrainableGraph net, Mode mode, LossScale lossScale) {
    this.mode = mode;
    this.lossScale = lossScale;
    this.scale = lossScale.initial();
    master = new float[net.valueCount()][];
    before = new float[net.valueCount()][];
    for (int p : net.parameters) {
      if (mode == Mode.MASTER) {
        master[p] = net.shared[p].clone();
      }
      before[p] = new float[net.size[p]];
      roundInPlace(net.shared[p]);
    }
    net.roundActivations(slot -> MixedPrecision::roundInPlace);
  }

  /** {@code x} rounded to the nearest binary16 value (ties to even), as a float. */
  public static float fp16(float x) {
    return Float.float16ToFloat(Float.floatToFloat16(x));
  }

  /** Rounds every element of {@code x} to binary16 in place. */
  public static void roundInPlace(float[] x) {
    for (int i = 0; i < x.length; i++) {
      x[i] = Float.float16ToFloat(Float.floatToFloat16(x[i]));
    }
  }

  /** The current loss scale. */
  public float scale() {
    return scale;
  }

  /** Steps skipped for non-finite gradients so far. */
  public long skippedSteps() {
    return skipped;
  }

  /**
   * Fraction of weight updates so far that were rounded away ({@link Mode#NO_MASTER}: the update
   * was non-zero but the FP16 weight did not change; {@link Mode#MASTER}: the FP32 master changed
   * but its FP16 copy did not, i.e. the change is still accumulating in the master).
   */
  public double lostUpdateFraction() {
    return changed == 0 ? 0 : (double) lost / changed;
  }

  @Override
  public void beforeBatch(TrainableGraph net) {
    for (int p : net.parameters) {
      System.arraycopy(target(net, p), 0, before[p], 0, before[p].length);
    }
  }

  @Override
  public double loss(int example, int label, float[] z, float[] dz) {
    double l = TrainableGraph.softmaxCrossEntropy(z, label, dz);
    float s = scale;
    if (s != 1f) {
      for (int k = 0; k < dz.length; k++) {
        dz[k] *= s;
      }
    }
    return l;
  }

  @Override
  public Consumer<float[]> backwardRounding() {
    return MixedPrecision::roundInPlace;
  }

  @Override
  public boolean gradients(TrainableGraph net, float[][] grads) {
    boolean finite = true;
    for (float[] g : grads) {
      roundInPlace(g);
      for (float v : g) {
        if (!Float.isFinite(v)) {
          finite = false;
          break;
        }
      }
    }
    if (!finite) {
      skipped++;
      scale = scale / 2;
      goodSteps = 0;
      return false;
    }
    float inv = 1f / scale;
    for (float[] g : grads) {
      for (int i = 0; i < g.length; i++) {
        g[i] *= inv;
      }
    }
    if (lossScale.dynamic() && ++goodSteps >= lossScale.growthInterval()) {
      scale = scale * 2;
      goodSteps = 0;
    }
    return true;
  }

  @Override
  public float[] target(TrainableGraph net, int slot) {
    return mode == Mode.MASTER ? master[slot] : net.shared[slot];
  }

  @Override
  public void afterBatch(TrainableGraph net) {
    for (int p : net.parameters) {
      float[] w = net.shared[p];
      float[] src = mode == Mode.MASTER ? master[p] : w;
      float[] b = before[p];
      for (int i = 0; i < w.length; i++) {
        float old = mode == Mode.MASTER ? w[i] : b[i];
        float updated = src[i];
        float stored = fp16(updated);
        if (updated != b[i]) {
          changed++;
          if (stored == old) {
            lost++;
          }
        }
        w[i] = stored;
      }
    }
  }
}
