package dev.silica.workloads.train;

/**
 * A first-order update rule applied to every parameter after each minibatch, given the minibatch's
 * mean gradient. Each instance holds its own state (velocities, moments) for one training run.
 */
public sealed interface Optimizer {
  /** The name shown in progress and results, e.g. {@code adam(lr=0.001)}. */
  String describe();

  /** Updates {@code param} in place from its gradient; {@code slot} identifies the parameter. */
  void update(int slot, float[] param, float[] grad);

  /** Called once per minibatch before the parameter updates. */
  void beginStep();

  /**
   * SGD with momentum (Polyak heavy ball as in Caffe and PyTorch): {@code v ← μ·v + g + λ·w},
   * {@code w ← w − η·v}.
   */
  final class Sgd implements Optimizer {
    final float lr;
    final float momentum;
    final float weightDecay;
    private final java.util.Map<Integer, float[]> velocity = new java.util.HashMap<>();

    public Sgd(float lr, float momentum, float weightDecay) {
      if (!(lr > 0) || momentum < 0 || momentum >= 1 || weightDecay < 0) {
        throw new IllegalArgumentException(
            "sgd: must have lr > 0, 0 <= momentum < 1, weight decay >= 0, got lr="
                + lr
                + " momentum="
                + momentum
                + " weight_decay="
                + weightDecay);
      }
      this.lr = lr;
      this.momentum = momentum;
      this.weightDecay = weightDecay;
    }

    @Override
    public String describe() {
      return "sgd(lr=" + lr + ", momentum=" + momentum + ", weight_decay=" + weightDecay + ")";
    }

    @Override
    public void beginStep() {}

    @Override
    public void update(int slot, float[] param, float[] grad) {
      float[] v = velocity.computeIfAbsent(slot, k -> new float[param.length]);
      for (int i = 0; i < param.length; i++) {
        v[i] = momentum * v[i] + grad[i] + weightDecay * param[i];
        param[i] -= lr * v[i];
      }
    }
  }

  /**
   * Adam (Kingma and Ba 2015, Algorithm 1): {@code m ← β1·m + (1−β1)·g}, {@code v ← β2·v +
   * (1−β2)·g²}, {@code w ← w − η·m̂/(√v̂ + ε)} with bias corrections {@code m̂ = m/(1−β1^t)},
   * {@code v̂ = v/(1−β2^t)}.
   */
  final class Adam implements Optimizer {
    final float lr;
    final float beta1;
    final float beta2;
    final float eps;
    private final java.util.Map<Integer, float[][]> moments = new java.util.HashMap<>();
    private int t;

    public Adam(float lr) {
      this(lr, 0.9f, 0.999f, 1e-8f);
    }

    public Adam(float lr, float beta1, float beta2, float eps) {
      if (!(lr > 0) || beta1 < 0 || beta1 >= 1 || beta2 < 0 || beta2 >= 1 || !(eps > 0)) {
        throw new IllegalArgumentException(
            "adam: must have lr > 0, 0 <= beta1, beta2 < 1, eps > 0, got lr="
                + lr
                + " beta1="
                + beta1
                + " beta2="
                + beta2
                + " eps="
                + eps);
      }
      this.lr = lr;
      this.beta1 = beta1;
      this.beta2 = beta2;
      this.eps = eps;
    }

    @Override
    public String describe() {
      return "adam(lr=" + lr + ", beta1=" + beta1 + ", beta2=" + beta2 + ", eps=" + eps + ")";
    }

    @Override
    public void beginStep() {
      t++;
    }

    @Override
    public void update(int slot, float[] param, float[] grad) {
      float[][] mv = moments.computeIfAbsent(slot, k -> new float[2][param.length]);
      float[] m = mv[0];
      float[] v = mv[1];
      double c1 = 1 - Math.pow(beta1, t);
      double c2 = 1 - Math.pow(beta2, t);
      float step = (float) (lr * Math.sqrt(c2) / c1);
      float epsHat = (float) (eps * Math.sqrt(c2));
      for (int i = 0; i < param.length; i++) {
        float g = grad[i];
        m[i] = beta1 * m[i] + (1 - beta1) * g;
        v[i] = beta2 * v[i] + (1 - beta2) * g * g;
        param[i] -= step * m[i] / ((float) Math.sqrt(v[i]) + epsHat);
      }
    }
  }
}
