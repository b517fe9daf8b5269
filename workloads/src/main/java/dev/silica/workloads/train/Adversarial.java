package dev.silica.workloads.train;

/**
 * Adversarial training with the fast gradient sign method (Goodfellow, Shlens and Szegedy,
 * "Explaining and Harnessing Adversarial Examples", ICLR 2015) as a {@link Trainer.Regime}.
 *
 * <p>Design: every other example of the run (by its position, so exactly half of each minibatch up
 * to one) is replaced by {@code x̃ = clip(x + ε·sign(∇ₓJ(θ, x, y)))}, the gradient taken at the
 * current weights; ε is on the {@code [0, 1]} pixel scale (ε/σ in standardized units) and {@code
 * clip} keeps every pixel in {@code [0, 1]}. The minibatch mean then equals the paper's objective
 * {@code α·J(x) + (1−α)·J(x̃)} with {@code α = 0.5} in expectation over the shuffled order.
 */
public final class Adversarial implements Trainer.Regime {
  private final float step;
  private final float lo;
  private final float hi;

  /**
   * FGSM with {@code epsilon} (pixel scale) on data standardized with {@code mean}, {@code std}.
   */
  public Adversarial(double epsilon, float mean, float std) {
    if (!(epsilon >= 0)) {
      throw new IllegalArgumentException("adversarial: epsilon must be >= 0, got " + epsilon);
    }
    step = (float) (epsilon / std);
    lo = -mean / std;
    hi = (1 - mean) / std;
  }

  @Override
  public void input(int example, int label, long sample, float[] x, Trainer.InputGradient grad) {
    if ((sample & 1) == 0) {
      return;
    }
    perturb(x, grad.of(x, label), step, lo, hi);
  }

  /** {@code x ← clip(x + step·sign(g), lo, hi)} in place. */
  static void perturb(float[] x, float[] g, float step, float lo, float hi) {
    for (int k = 0; k < x.length; k++) {
      float s = g[k] > 0 ? step : g[k] < 0 ? -step : 0f;
      x[k] = Math.min(hi, Math.max(lo, x[k] + s));
    }
  }
}
