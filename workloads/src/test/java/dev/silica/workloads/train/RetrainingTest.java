package dev.silica.workloads.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.silica.workloads.exec.SeededInit;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.zoo.Zoo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The retraining regimes on the zoo's LeNet-5 and a small synthetic data set: pruned weights stay
 * exactly zero, shared weights stay tied to centroids that move by the summed member gradients, and
 * both are deterministic across thread counts.
 */
class RetrainingTest {
  private static final Dataset DATA = TrainerTest.squares(192, 11);

  private static TrainableGraph lenet5() {
    Graph g = Zoo.build("lenet5");
    return new TrainableGraph(g, SeededInit.forGraph(g, 3));
  }

  private static List<Trainer.Epoch> train(
      TrainableGraph net, Optimizer opt, int batch, int threads, Trainer.Regime regime) {
    try (Trainer t = new Trainer(net, threads)) {
      return t.train(
          DATA,
          null,
          opt,
          new Trainer.Config(1, batch, 7, threads),
          new Trainer.Listener() {},
          regime);
    }
  }

  @Test
  void keepRatiosReachTheTargetOverAllWeightsAndSpareTheEndLayers() {
    TrainableGraph net = lenet5();
    double[] prune = Retraining.keepRatios(net, 0.9);
    Retraining.magnitudeMasks(net, prune, null).apply(net);
    int[] ws = Retraining.weightSlots(net);
    // c1, c3_a, c3_b, c3_c, c5, f6, output: 150 + 450 + 900 + 150 + 48,000 + 10,080 + 840 weights
    assertThat(ws).hasSize(7);
    long n = 0;
    for (int p : ws) {
      n += net.size[p];
    }
    assertThat(n).isEqualTo(60_570);
    // at least 90% of 60,570 weights are zero, at most one weight more per layer (rounding)
    assertThat(Retraining.sparsity(net)).isBetween(0.9, 0.9 + 7.0 / n);
    assertThat(prune[ws[0]]).isEqualTo(0.45);
    assertThat(prune[ws[6]]).isEqualTo(0.45);
    // r = (0.9·60,570 − 0.45·990) / 59,580
    assertThat(prune[ws[4]]).isCloseTo((0.9 * 60_570 - 0.45 * 990) / 59_580, within(1e-12));
    assertThat(zeros(net.shared[ws[0]])).isEqualTo(150 - 82); // keeps ⌊0.55·150⌋
  }

  @Test
  void prunedWeightsStayExactlyZeroThroughSgdWithMomentumAndAdam() {
    for (boolean adam : new boolean[] {false, true}) {
      TrainableGraph net = lenet5();
      Optimizer opt = adam ? new Optimizer.Adam(1e-3f) : new Optimizer.Sgd(0.05f, 0.9f, 1e-3f);
      // a dense phase first, so the optimizer holds momentum / moments for every weight
      train(net, opt, 32, 2, Trainer.PLAIN);
      Retraining.Masked mask =
          Retraining.magnitudeMasks(net, Retraining.uniformRatios(net, 0.7), null);
      mask.apply(net);
      float[][] before = values(net);
      train(net, opt, 32, 2, mask);
      int changed = 0;
      for (int p : Retraining.weightSlots(net)) {
        boolean[] m = mask.mask(p);
        for (int i = 0; i < m.length; i++) {
          if (!m[i]) {
            assertThat(net.shared[p][i]).isEqualTo(0f);
          } else if (net.shared[p][i] != before[p][i]) {
            changed++;
          }
        }
        assertThat(zeros(net.shared[p])).isGreaterThanOrEqualTo((int) Math.round(0.7 * m.length));
      }
      // the kept weights did train
      assertThat(changed).isGreaterThan(10_000);
    }
  }

  @Test
  void sharedWeightsStayTiedAndEachCentroidMovesByItsMembersSummedGradient() {
    TrainableGraph shared = lenet5();
    Retraining.Shared regime = Retraining.share(shared, 3, null);
    TrainableGraph plain = CompressionStudies.copy(shared); // the same (snapped) weights
    float[][] c0 = new float[shared.valueCount()][];
    for (int p : Retraining.weightSlots(shared)) {
      c0[p] = regime.centroids(p).clone();
    }
    float lr = 0.01f;
    int batch = DATA.count(); // one minibatch: both nets see the same gradient
    train(shared, new Optimizer.Sgd(lr, 0f, 0f), batch, 2, regime);
    float[][] w0 = values(plain);
    train(plain, new Optimizer.Sgd(lr, 0f, 0f), batch, 2, Trainer.PLAIN);
    int moved = 0;
    for (int p : Retraining.weightSlots(shared)) {
      int[] idx = regime.index(p);
      float[] c = regime.centroids(p);
      assertThat(c).hasSizeLessThanOrEqualTo(8);
      // every weight is its centroid
      for (int i = 0; i < idx.length; i++) {
        assertThat(shared.shared[p][i]).isEqualTo(c[idx[i]]);
      }
      assertThat(Retraining.distinctNonZero(shared.shared[p])).isLessThanOrEqualTo(8);
      // DC Eq. 3 with plain SGD: c_j' = c_j − η·Σ_{i∈j} g_i, and the plain net's step of each
      // member is η·g_i
      double[] step = new double[c.length];
      for (int i = 0; i < idx.length; i++) {
        step[idx[i]] += (double) w0[p][i] - plain.shared[p][i];
      }
      for (int j = 0; j < c.length; j++) {
        assertThat((double) c[j])
            .isCloseTo(c0[p][j] - step[j], within(1e-5 + 1e-3 * Math.abs(step[j])));
        moved += c[j] != c0[p][j] ? 1 : 0;
      }
    }
    assertThat(moved).isGreaterThan(20);
    // biases and S2/S4 coefficients trained as in the plain net (same gradient, same step)
    for (int p : shared.parameters) {
      if (!AccuracyStudies.isWeight(shared, p)) {
        assertThat(shared.shared[p]).isEqualTo(plain.shared[p]);
      }
    }
  }

  @Test
  void sharingKeepsPrunedWeightsAtZero() {
    TrainableGraph net = lenet5();
    Retraining.Masked mask = Retraining.magnitudeMasks(net, Retraining.keepRatios(net, 0.8), null);
    mask.apply(net);
    Retraining.Shared regime = Retraining.share(net, 2, mask);
    train(net, new Optimizer.Adam(1e-3f), 32, 2, regime);
    for (int p : Retraining.weightSlots(net)) {
      boolean[] m = mask.mask(p);
      for (int i = 0; i < m.length; i++) {
        assertThat(regime.index(p)[i] < 0).isEqualTo(!m[i]);
        if (!m[i]) {
          assertThat(net.shared[p][i]).isEqualTo(0f);
        }
      }
      assertThat(Retraining.distinctNonZero(net.shared[p])).isLessThanOrEqualTo(4);
    }
    assertThat(Retraining.sparsity(net)).isCloseTo(0.8, within(1e-3));
  }

  @Test
  void regimesGiveTheSameWeightsForOneAndThreeThreads() {
    float[][][] out = new float[2][][];
    for (int run = 0; run < 2; run++) {
      int threads = run == 0 ? 1 : 3;
      TrainableGraph net = lenet5();
      Retraining.Masked mask =
          Retraining.magnitudeMasks(net, Retraining.keepRatios(net, 0.5), null);
      train(net, new Optimizer.Adam(1e-3f), 32, threads, mask);
      train(net, new Optimizer.Adam(1e-3f), 32, threads, Retraining.share(net, 4, mask));
      out[run] = values(net);
    }
    assertThat(out[1]).isDeepEqualTo(out[0]);
  }

  private static float[][] values(TrainableGraph net) {
    float[][] v = new float[net.valueCount()][];
    for (int p : net.parameters) {
      v[p] = net.shared[p].clone();
    }
    return v;
  }

  private static int zeros(float[] w) {
    int z = 0;
    for (float v : w) {
      z += v == 0f ? 1 : 0;
    }
    return z;
  }
}
