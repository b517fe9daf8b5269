package dev.silica.workloads.train;

import java.util.ArrayList;
import java.util.List;

/**
 * Trained Ternary Quantization (Zhu, Han, Mao and Dally, ICLR 2017) as a {@link Trainer.Regime}:
 * each weight tensor is held in three values {@code {−Wn, 0, +Wp}} with two trained scales per
 * layer, over FP32 latent weights.
 *
 * <p>Design (the paper's §3, symbols as there):
 *
 * <ul>
 *   <li>Latent weights {@code w̃} start as the FP32 weights divided by their layer's {@code max|w|}
 *       (so in {@code [−1, 1]}); the threshold is {@code Δ = t·max|w̃|}, recomputed every step,
 *       with {@code t} = {@value #PAPER_THRESHOLD} the paper's choice.
 *   <li>Forward weights: {@code w = +Wp} where {@code w̃ > Δ}, {@code −Wn} where {@code w̃ < −Δ},
 *       {@code 0} otherwise.
 *   <li>Scale gradients: {@code ∂L/∂Wp = Σ_{i∈I_p} ∂L/∂w_i}, {@code ∂L/∂Wn = Σ_{i∈I_n} −∂L/∂w_i}
 *       (the paper's eq. 6 written for {@code w = −Wn}).
 *   <li>Latent gradients (straight-through, scaled per region, the paper's eq. 7): {@code Wp·∂L/∂w}
 *       on {@code I_p}, {@code 1·∂L/∂w} on the zero region, {@code Wn·∂L/∂w} on {@code I_n}.
 *   <li>Initial scales (our choice; the paper does not fix them for fine-tuning): the mean {@code
 *       |w|} of each region of the FP32 weights, i.e. the TWN-style fit of each sign separately.
 * </ul>
 *
 * Which tensors: the weights of {@link AccuracyStudies#isWeight} (every convolution and fully
 * connected matrix, first and last layers included); biases and per-channel scales stay FP32. The
 * scales are updated by their own optimizer (the latent weights by the trainer's), in the {@link
 * #gradients} hook, deterministically.
 */
public final class Ttq implements Trainer.Regime {
  /** Zhu et al. 2017 §3: "t is a hyper-parameter ... we set t = 0.05 in experiments". */
  public static final float PAPER_THRESHOLD = 0.05f;

  private final float t;
  private final Optimizer scaleOptimizer;
  private final int[] slots;
  private final float[][] latent;
  private final float[][] wp;
  private final float[][] wn;

  /**
   * Starts from {@code net}'s current FP32 weights and writes their ternary form into {@code net}.
   */
  public Ttq(TrainableGraph net, float t, Optimizer scaleOptimizer) {
    if (!(t > 0 && t < 1)) {
      throw new IllegalArgumentException("ttq: threshold t must be in (0, 1), got " + t);
    }
    this.t = t;
    this.scaleOptimizer = scaleOptimizer;
    List<Integer> s = new ArrayList<>();
    for (int p : net.parameters) {
      if (AccuracyStudies.isWeight(net, p)) {
        s.add(p);
      }
    }
    slots = s.stream().mapToInt(Integer::intValue).toArray();
    latent = new float[slots.length][];
    wp = new float[slots.length][1];
    wn = new float[slots.length][1];
    for (int j = 0; j < slots.length; j++) {
      float[] w = net.shared[slots[j]];
      float max = maxAbs(w);
      float[] l = new float[w.length];
      double sp = 0;
      double sn = 0;
      int np = 0;
      int nn = 0;
      for (int i = 0; i < w.length; i++) {
        l[i] = max > 0 ? w[i] / max : 0f;
        if (l[i] > t) {
          sp += w[i];
          np++;
        } else if (l[i] < -t) {
          sn -= w[i];
          nn++;
        }
      }
      latent[j] = l;
      wp[j][0] = (float) (np == 0 ? max : sp / np);
      wn[j][0] = (float) (nn == 0 ? max : sn / nn);
    }
    afterBatch(net);
  }

  /** The quantized parameter slots, in parameter order. */
  int[] slots() {
    return slots.clone();
  }

  /** Layer {@code j}'s positive scale {@code Wp}. */
  public float wp(int j) {
    return wp[j][0];
  }

  /** Layer {@code j}'s negative scale {@code Wn}. */
  public float wn(int j) {
    return wn[j][0];
  }

  /** Number of ternary layers. */
  public int layers() {
    return slots.length;
  }

  private int index(int slot) {
    for (int j = 0; j < slots.length; j++) {
      if (slots[j] == slot) {
        return j;
      }
    }
    return -1;
  }

  @Override
  public boolean gradients(TrainableGraph net, float[][] grads) {
    scaleOptimizer.beginStep();
    for (int k = 0; k < grads.length; k++) {
      int j = index(net.parameters[k]);
      if (j < 0) {
        continue;
      }
      float[] g = grads[k];
      float[] w = net.shared[slots[j]];
      float p = wp[j][0];
      float n = wn[j][0];
      double gp = 0;
      double gn = 0;
      for (int i = 0; i < g.length; i++) {
        if (w[i] > 0) {
          gp += g[i];
          g[i] *= p;
        } else if (w[i] < 0) {
          gn -= g[i];
          g[i] *= n;
        }
      }
      scaleOptimizer.update(-2 - 2 * j, wp[j], new float[] {(float) gp});
      scaleOptimizer.update(-3 - 2 * j, wn[j], new float[] {(float) gn});
    }
    return true;
  }

  @Override
  public float[] target(TrainableGraph net, int slot) {
    int j = index(slot);
    return j < 0 ? net.shared[slot] : latent[j];
  }

  /** Writes the ternary weights of the current latents and scales into the net. */
  @Override
  public void afterBatch(TrainableGraph net) {
    for (int j = 0; j < slots.length; j++) {
      float[] l = latent[j];
      float delta = t * maxAbs(l);
      float[] w = net.shared[slots[j]];
      float p = wp[j][0];
      float n = -wn[j][0];
      for (int i = 0; i < l.length; i++) {
        w[i] = l[i] > delta ? p : l[i] < -delta ? n : 0f;
      }
    }
  }

  private static float maxAbs(float[] x) {
    float m = 0;
    for (float v : x) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }
}
