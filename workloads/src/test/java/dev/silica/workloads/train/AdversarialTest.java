package dev.silica.workloads.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.workloads.exec.SeededInit;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.zoo.Zoo;
import org.junit.jupiter.api.Test;

/** FGSM adversarial training (Goodfellow et al. 2015) through the trainer's input hook. */
class AdversarialTest {
  @Test
  void perturbationIsEpsilonTimesTheSignClippedToValidPixels() {
    float[] x = {0f, 0.9f, -0.8f, 0.5f};
    float[] g = {1f, 2f, -3f, 0f};
    Adversarial.perturb(x, g, 0.25f, -1f, 1f);
    assertThat(x).containsExactly(0.25f, 1f, -1f, 0.5f);
  }

  @Test
  void halfOfTheExamplesAreReplacedByTheirFgsmVersion() {
    Graph g = Zoo.build("lenet-300-100");
    TrainableGraph net = new TrainableGraph(g, SeededInit.forGraph(g, 3));
    Dataset data = TrainerTest.squares(20, 8);
    Adversarial adv = new Adversarial(0.1, data.mean(), data.std());
    float step = (float) (0.1 / data.std());
    Workspace w = net.workspace();
    Trainer.InputGradient grad =
        (x, label) -> {
          System.arraycopy(x, 0, w.val[net.input], 0, x.length);
          net.forwardBackward(w, label);
          return w.grad[net.input];
        };
    int changed = 0;
    for (int s = 0; s < 20; s++) {
      float[] x = new float[28 * 28];
      data.fill(s, x, 28, 28);
      float[] clean = x.clone();
      float[] gx = grad.of(clean, data.label(s)).clone();
      adv.input(s, data.label(s), s, x, grad);
      if ((s & 1) == 0) {
        assertThat(x).isEqualTo(clean);
        continue;
      }
      changed++;
      float lo = -data.mean() / data.std();
      float hi = (1 - data.mean()) / data.std();
      for (int k = 0; k < x.length; k++) {
        float expect = Math.min(hi, Math.max(lo, clean[k] + Math.signum(gx[k]) * step));
        assertThat(x[k]).isEqualTo(expect);
      }
    }
    assertThat(changed).isEqualTo(10);
  }

  @Test
  void adversarialTrainingIsThreadCountIndependent() {
    Dataset data = TrainerTest.squares(300, 9);
    assertThat(train(data, 3)).isDeepEqualTo(train(data, 1));
  }

  private static float[][] train(Dataset data, int threads) {
    Graph g = Zoo.build("lenet5");
    TrainableGraph net = new TrainableGraph(g, SeededInit.forGraph(g, 3));
    try (Trainer t = new Trainer(net, threads)) {
      t.train(
          data,
          null,
          new Optimizer.Adam(1e-3f),
          new Trainer.Config(1, 32, 2, threads),
          new Trainer.Listener() {},
          new Adversarial(0.1, data.mean(), data.std()));
    }
    float[][] out = new float[net.parameters.length][];
    for (int k = 0; k < out.length; k++) {
      out[k] = net.shared[net.parameters[k]].clone();
    }
    return out;
  }
}
