package dev.silica.workloads.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.silica.workloads.exec.SeededInit;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.Node;
import dev.silica.workloads.zoo.Zoo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Measured layer densities, checked against independent counts of the same quantities. */
class LayerDensitiesTest {
  static TrainableGraph net;
  static Dataset test = TrainerTest.squares(300, 3);

  @BeforeAll
  static void trainOnce() {
    Graph g = Zoo.build("lenet-300-100");
    net = new TrainableGraph(g, SeededInit.forGraph(g, 5));
    try (Trainer t = new Trainer(net, 2)) {
      t.train(
          TrainerTest.squares(1000, 2),
          null,
          new Optimizer.Adam(1e-3f),
          new Trainer.Config(1, 32, 1, 2),
          new Trainer.Listener() {});
    }
  }

  @Test
  void hiddenLayerInputDensityIsOneMinusTheReluOutputsZeroFraction() {
    List<LayerDensities.Layer> layers = LayerDensities.measure(net, test);
    assertThat(layers).extracting(LayerDensities.Layer::node).containsExactly("ip1", "ip2", "ip3");
    assertThat(layers).extracting(LayerDensities.Layer::kind).containsOnly("fc");
    Map<String, Double> sparsity = AccuracyStudies.activationSparsity(net, test);
    for (LayerDensities.Layer l : layers.subList(1, 3)) {
      Node n =
          net.graph().nodes().stream().filter(x -> x.name().equals(l.node())).findFirst().get();
      double zeros = sparsity.get(n.inputs().get(0).name());
      assertThat(l.inputDensity()).as(l.node()).isCloseTo(1 - zeros, within(1e-12));
      // ReLU outputs of a trained net: some but not all zero
      assertThat(l.inputDensity()).as(l.node()).isStrictlyBetween(0.0, 1.0);
    }
  }

  @Test
  void imageInputDensityCountsTheStandardizedPixels() {
    float[] x = new float[28 * 28];
    long nonZero = 0;
    for (int i = 0; i < test.count(); i++) {
      test.fill(i, x, 28, 28);
      for (float f : x) {
        nonZero += f != 0f ? 1 : 0;
      }
    }
    double expected = (double) nonZero / ((long) test.count() * x.length);
    assertThat(LayerDensities.measure(net, test).get(0).inputDensity())
        .isCloseTo(expected, within(1e-12));
  }

  @Test
  void prunedWeightDensityIsTheKeptFraction() {
    assertThat(LayerDensities.measure(net, test))
        .allSatisfy(l -> assertThat(l.weightDensity()).isEqualTo(1.0));
    for (double ratio : new double[] {0.5, 0.9}) {
      for (LayerDensities.Layer l :
          LayerDensities.measure(AccuracyStudies.pruned(net, ratio), test.head(20))) {
        // MagnitudePruning keeps round((1 − ratio) · n) weights: within one weight of 1 − ratio
        assertThat(l.weightDensity())
            .as("%s at %s", l.node(), ratio)
            .isCloseTo(1 - ratio, within(1.0 / l.weights()));
      }
    }
  }
}
