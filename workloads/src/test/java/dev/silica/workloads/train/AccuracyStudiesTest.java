package dev.silica.workloads.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silica.numerics.FixedPoint;
import dev.silica.workloads.exec.SeededInit;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.zoo.Zoo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The study mechanisms, on a LeNet-300-100 trained for one epoch on the synthetic squares task. */
class AccuracyStudiesTest {
  static TrainableGraph net;
  static Dataset train = TrainerTest.squares(2000, 2);
  static Dataset test = TrainerTest.squares(400, 3);

  @BeforeAll
  static void trainOnce() {
    Graph g = Zoo.build("lenet-300-100");
    net = new TrainableGraph(g, SeededInit.forGraph(g, 5));
    try (Trainer t = new Trainer(net, 2)) {
      t.train(
          train,
          null,
          new Optimizer.Adam(1e-3f),
          new Trainer.Config(1, 32, 1, 2),
          new Trainer.Listener() {});
    }
  }

  @Test
  void radixPointHoldsTheCalibratedMaximum() {
    // ⌈log2 3.2⌉ = 2 integer bits + sign: range [−4, 4), 5 fraction bits left of 8
    assertThat(AccuracyStudies.radix(8, 3.2)).isEqualTo(FixedPoint.q(3, 5));
    assertThat(AccuracyStudies.radix(16, 0.3)).isEqualTo(FixedPoint.q(1, 15));
    assertThat(AccuracyStudies.radix(8, 100)).isEqualTo(FixedPoint.q(8, 0));
    assertThat(AccuracyStudies.radix(8, 4.0)).isEqualTo(FixedPoint.q(3, 5));
  }

  @Test
  void formatsOrderAsTheirPrecision() {
    List<AccuracyStudies.Row> rows = AccuracyStudies.formats(net, train, test, 2);
    Map<String, Double> acc = new java.util.HashMap<>();
    rows.forEach(r -> acc.put(r.variant(), r.accuracy()));
    assertThat(rows)
        .extracting(AccuracyStudies.Row::variant)
        .containsExactlyElementsOf(AccuracyStudies.FORMATS);
    double fp32 = acc.get("fp32");
    assertThat(fp32).isGreaterThan(0.95);
    assertThat(acc.get("fp16")).isCloseTo(fp32, org.assertj.core.data.Offset.offset(0.0051));
    assertThat(acc.get("q16")).isCloseTo(fp32, org.assertj.core.data.Offset.offset(0.0051));
    assertThat(acc.get("int8")).isCloseTo(fp32, org.assertj.core.data.Offset.offset(0.02));
    assertThat(acc.get("q4")).isLessThanOrEqualTo(acc.get("q8") + 1e-9);
  }

  @Test
  void pruningZeroesTheRequestedShareOfEveryWeightTensor() {
    TrainableGraph p = AccuracyStudies.pruned(net, 0.9);
    for (int slot : p.parameters) {
      float[] w = p.shared[slot];
      int zeros = 0;
      for (float v : w) {
        zeros += v == 0f ? 1 : 0;
      }
      if (AccuracyStudies.isWeight(p, slot)) {
        assertThat((double) zeros / w.length)
            .isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-3));
      } else {
        assertThat(w).isEqualTo(net.shared[slot]);
      }
    }
  }

  @Test
  void fgsmLowersAccuracyAsEpsilonGrows() {
    double base = AccuracyStudies.accuracy(net, test, 2);
    List<AccuracyStudies.Row> rows =
        AccuracyStudies.fgsm("fp32", net, test, List.of(0.0, 0.3, 1.0), base);
    // ε = 0 is the clean test set; the synthetic task is easy, so only large ε must hurt
    assertThat(rows.get(0).accuracy()).isEqualTo(base);
    assertThat(rows.get(1).accuracy()).isLessThanOrEqualTo(rows.get(0).accuracy());
    assertThat(rows.get(2).accuracy()).isLessThan(rows.get(0).accuracy() - 0.1);
  }

  @Test
  void reluActivationsAreSparseAndTheLayerListIsInGraphOrder() {
    Map<String, Double> s = AccuracyStudies.activationSparsity(net, test.head(50));
    assertThat(s.keySet()).containsSubsequence("ip1", "ip1_relu", "ip2", "ip2_relu", "ip3");
    assertThat(s.get("ip1_relu")).isBetween(0.05, 0.99);
    assertThat(s.get("ip1")).isLessThan(0.01);
  }

  @Test
  void filtersOfLenet5AreTiledFiveByFive() {
    Graph g = Zoo.build("lenet5");
    TrainableGraph l5 = new TrainableGraph(g, SeededInit.forGraph(g, 1));
    var img = AccuracyStudies.firstLayerFilters(l5, 8);
    // c1 has 6 filters of 1×5×5: a 3×2 grid of 41-pixel tiles (5·8 + a gap) plus the border
    assertThat(img.getWidth()).isEqualTo(3 * 41 + 1);
    assertThat(img.getHeight()).isEqualTo(2 * 41 + 1);
    assertThatThrownBy(() -> AccuracyStudies.firstLayerFilters(net, 8))
        .hasMessage("lenet-300-100: has no convolution to draw");
  }
}
