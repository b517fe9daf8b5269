package dev.silica.workloads.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silica.workloads.exec.SeededInit;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.tensor.Tensor;
import dev.silica.workloads.zoo.Zoo;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Training runs: deterministic across thread counts, and it learns a learnable task. */
class TrainerTest {
  /**
   * A synthetic 10-class set: class k is a bright 7×7 square at one of ten positions on a noisy
   * background, so a small network can learn it in one epoch.
   */
  static Dataset squares(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    byte[] px = new byte[n * 28 * 28];
    byte[] lb = new byte[n];
    for (int i = 0; i < n; i++) {
      int k = r.nextInt(10);
      lb[i] = (byte) k;
      int top = (k / 5) * 12 + 2;
      int left = (k % 5) * 5 + 1;
      for (int p = 0; p < 28 * 28; p++) {
        int y = p / 28;
        int x = p % 28;
        boolean on = y >= top && y < top + 7 && x >= left && x < left + 4;
        px[i * 784 + p] = (byte) (on ? 200 + r.nextInt(56) : r.nextInt(60));
      }
    }
    return new Dataset("squares", 28, 28, px, lb, Dataset.FASHION_MNIST_CLASSES, 0.1f, 0.25f);
  }

  private static float[][] train(String model, int threads, Dataset data) {
    Graph g = Zoo.build(model);
    TrainableGraph net = new TrainableGraph(g, SeededInit.forGraph(g, 5));
    try (Trainer t = new Trainer(net, threads)) {
      t.train(
          data,
          null,
          new Optimizer.Sgd(0.05f, 0.9f, 1e-4f),
          new Trainer.Config(1, 32, 9, threads),
          new Trainer.Listener() {});
    }
    float[][] out = new float[net.parameters.length][];
    for (int k = 0; k < out.length; k++) {
      out[k] = net.shared[net.parameters[k]];
    }
    return out;
  }

  @Test
  void sameWeightsForOneAndThreeThreads() {
    Dataset data = squares(200, 1);
    float[][] one = train("lenet5", 1, data);
    float[][] three = train("lenet5", 3, data);
    assertThat(three).isDeepEqualTo(one);
  }

  @Test
  void learnsASyntheticTaskAndEvaluatesIt() {
    Dataset train = squares(2000, 2);
    Dataset test = squares(500, 3);
    Graph g = Zoo.build("lenet-300-100");
    TrainableGraph net = new TrainableGraph(g, SeededInit.forGraph(g, 5));
    try (Trainer t = new Trainer(net, 2)) {
      double before = t.evaluate(test).accuracy();
      List<Trainer.Epoch> epochs =
          t.train(
              train,
              test,
              new Optimizer.Adam(1e-3f),
              new Trainer.Config(2, 32, 1, 2),
              new Trainer.Listener() {});
      assertThat(before).isLessThan(0.3);
      assertThat(epochs).hasSize(2);
      assertThat(epochs.get(1).trainLoss()).isLessThan(epochs.get(0).trainLoss());
      assertThat(epochs.get(1).testAccuracy()).isGreaterThan(0.95);
      // the exported weights run in the reference executor with the same prediction
      Tensor x = Tensor.of(g.inputs().get(0).type().shape(), new float[784]);
      float[] img = new float[784];
      test.fill(0, img, 28, 28);
      x = Tensor.of(g.inputs().get(0).type().shape(), img);
      try (var ex = new dev.silica.workloads.exec.ReferenceExecutor()) {
        Tensor z =
            ex.run(g, java.util.Map.of(g.inputs().get(0).id(), x), net.weights())
                .get(g.outputs().get(0));
        int best = 0;
        for (int k = 1; k < 10; k++) {
          if (z.getDouble(k) > z.getDouble(best)) {
            best = k;
          }
        }
        assertThat(best).isEqualTo(test.label(0));
      }
    }
  }

  @Test
  void optimizersFollowTheirUpdateRules() {
    // SGD with momentum 0.9 over two steps of gradient 1: v = 1 then 1.9; w = 1 − 0.1 − 0.19
    Optimizer sgd = new Optimizer.Sgd(0.1f, 0.9f, 0f);
    float[] w = {1f};
    sgd.beginStep();
    sgd.update(0, w, new float[] {1f});
    sgd.beginStep();
    sgd.update(0, w, new float[] {1f});
    assertThat(w[0]).isCloseTo(0.71f, org.assertj.core.data.Offset.offset(1e-6f));
    // Adam's first step moves every weight by lr·sign(g) (Kingma and Ba 2015, §2.1: |Δ| ≈ α)
    Optimizer adam = new Optimizer.Adam(0.01f);
    float[] v = {0.5f, -0.5f};
    adam.beginStep();
    adam.update(0, v, new float[] {3f, -1e-3f});
    assertThat(v[0]).isCloseTo(0.49f, org.assertj.core.data.Offset.offset(1e-5f));
    assertThat(v[1]).isCloseTo(-0.49f, org.assertj.core.data.Offset.offset(1e-4f));
    assertThatThrownBy(() -> new Optimizer.Sgd(0f, 0.9f, 0f))
        .hasMessage(
            "sgd: must have lr > 0, 0 <= momentum < 1, weight decay >= 0, got lr=0.0"
                + " momentum=0.9 weight_decay=0.0");
  }
}
