package dev.silica.workloads.train;

/**
 * Knowledge distillation (Hinton, Vinyals and Dean, "Distilling the Knowledge in a Neural Network",
 * 2015) as a {@link Trainer.Regime}: the student's loss mixes the teacher's soft targets at
 * temperature {@code T} with the hard labels.
 *
 * <p>Design: with teacher logits {@code t} and student logits {@code z}, {@code p = softmax(t/T)},
 * {@code q = softmax(z/T)}, the per-example loss is {@code L = α·T²·KL(p‖q) + (1−α)·CE(softmax(z),
 * y)}, and its gradient {@code ∂L/∂z = α·T·(q − p) + (1−α)·(softmax(z) − onehot(y))}. The {@code
 * T²} factor keeps the soft term's gradient magnitude independent of {@code T} (the paper's §2).
 * Teacher logits are computed once for the whole training set (FP32, the teacher's own weights) and
 * held in memory ({@code count × classes} floats).
 */
public final class Distillation implements Trainer.Regime {
  private final float[] teacher;
  private final int classes;
  private final float temperature;
  private final float alpha;

  /** Soft targets from precomputed logits {@code teacher[example·classes + k]}. */
  public Distillation(float[] teacher, int classes, float temperature, float alpha) {
    if (!(temperature > 0) || !(alpha >= 0 && alpha <= 1)) {
      throw new IllegalArgumentException(
          "distillation: must have T > 0 and 0 <= alpha <= 1, got T="
              + temperature
              + " alpha="
              + alpha);
    }
    this.teacher = teacher;
    this.classes = classes;
    this.temperature = temperature;
    this.alpha = alpha;
  }

  /** The logits of {@code net} for every example of {@code data}, in example order. */
  public static float[] logits(TrainableGraph net, Dataset data, int threads) {
    int n = data.count();
    int c = net.classes();
    float[] out = new float[n * c];
    int parts = Math.max(1, threads);
    Thread[] ts = new Thread[parts];
    for (int p = 0; p < parts; p++) {
      int from = (int) ((long) n * p / parts);
      int to = (int) ((long) n * (p + 1) / parts);
      ts[p] =
          new Thread(() -> {
            Workspace w = net.workspace();
            float[] x = w.val[net.input];
            for (int i = from; i < to; i++) {
              data.fill(i, x, net.inputHeight(), net.inputWidth());
              System.arraycopy(net.forward(w), 0, out, i * c, c);
            }
          });
      ts[p].start();
    }
    for (Thread t : ts) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    return out;
  }

  @Override
  public double loss(int example, int label, float[] z, float[] dz) {
    return loss(z, label, teacher, example * classes, temperature, alpha, dz);
  }

  /**
   * {@code α·T²·KL(softmax(t/T) ‖ softmax(z/T)) + (1−α)·CE(z, label)} with {@code t =
   * teacher[off..off+z.length)}; writes {@code ∂L/∂z} into {@code dz}. Computed in double.
   */
  static double loss(
      float[] z, int label, float[] teacher, int off, float t, float alpha, float[] dz) {
    int c = z.length;
    double[] p = softmax(teacher, off, c, t);
    double[] q = softmax(z, 0, c, t);
    double[] s = softmax(z, 0, c, 1);
    double kl = 0;
    for (int k = 0; k < c; k++) {
      if (p[k] > 0) {
        kl += p[k] * (Math.log(p[k]) - Math.log(q[k]));
      }
    }
    double ce = -Math.log(s[label]);
    for (int k = 0; k < c; k++) {
      dz[k] = (float) (alpha * t * (q[k] - p[k]) + (1 - alpha) * (s[k] - (k == label ? 1 : 0)));
    }
    return alpha * t * t * kl + (1 - alpha) * ce;
  }

  private static double[] softmax(float[] z, int off, int c, double t) {
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < c; k++) {
      max = Math.max(max, z[off + k] / t);
    }
    double[] e = new double[c];
    double sum = 0;
    for (int k = 0; k < c; k++) {
      e[k] = Math.exp(z[off + k] / t - max);
      sum += e[k];
    }
    for (int k = 0; k < c; k++) {
      e[k] /= sum;
    }
    return e;
  }
}
