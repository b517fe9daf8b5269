package dev.silica.workloads.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.GraphStats;
import dev.silica.workloads.ir.Value;
import dev.silica.workloads.ir.ValueKind;
import org.junit.jupiter.api.Test;

/**
 * Checks the TPU stand-ins against Jouppi et al., ISCA 2017, Table 1 (papers-inputs §2.3). The
 * paper's weights are rounded to millions: we require 5%. Its ops per weight byte are MACs per
 * weight byte (see {@link TpuApps}); counting only weight matrices they come out exact, and with
 * biases counted as weight bytes within 0.1%.
 */
class TpuAppsAccountingTest {
  /** Elements of rank >= 2 parameters: weight matrices and kernels, no biases. */
  private static long matrixWeights(Graph g) {
    return g.values().stream()
        .filter(v -> v.kind() == ValueKind.PARAMETER && v.type().rank() >= 2)
        .mapToLong(v -> v.type().size())
        .sum();
  }

  private static int batch(Graph g) {
    Value first = g.inputs().getFirst();
    return first.type().dim(0);
  }

  private static void assertWeightsNear(long measured, double published) {
    assertThat((double) measured).isCloseTo(published, within(0.05 * published));
  }

  @Test
  void mlp0() {
    Graph g = Zoo.build("tpu-mlp0");
    GraphStats s = g.stats();
    // Table 1 MLP0: 5 FC layers, ReLU, 20M weights, 200 ops/weight byte, batch 200
    assertThat(TpuApps.layerCounts(g)).isEqualTo(new TpuApps.LayerCounts(5, 0, 0, 0));
    assertThat(batch(g)).isEqualTo(200);
    // 5 · (2000·2000 + 2000) = 20,010,000
    assertThat(s.parameters()).isEqualTo(20_010_000L);
    assertWeightsNear(s.parameters(), 20e6);
    // FC: B·in·out MACs on in·out weights, intensity = B exactly
    assertThat(s.macs()).isEqualTo(200L * matrixWeights(g));
    assertThat(TpuApps.opsPerWeightByte(s)).isCloseTo(200, within(0.2)); // 199.90
  }

  @Test
  void lstm0() {
    Graph g = Zoo.build("tpu-lstm0");
    GraphStats s = g.stats();
    // Table 1 LSTM0: 24 FC + 34 vector = 58 layers, sigmoid and tanh, 52M weights, 64, batch 64
    TpuApps.LayerCounts layers = TpuApps.layerCounts(g);
    assertThat(layers).isEqualTo(new TpuApps.LayerCounts(24, 0, 34, 0));
    assertThat(layers.total()).isEqualTo(58);
    assertThat(g.nodes()).anyMatch(n -> n.op().kind().equals("sigmoid"));
    assertThat(g.nodes()).anyMatch(n -> n.op().kind().equals("tanh"));
    assertThat(g.nodes()).noneMatch(n -> n.op().kind().equals("relu"));
    assertThat(batch(g)).isEqualTo(64);
    // 6 layers · 4 gates · (1024·2048 + 1024) = 50,356,224: 3.2% under 52M
    assertThat(s.parameters()).isEqualTo(50_356_224L);
    assertWeightsNear(s.parameters(), 52e6);
    assertThat(s.macs()).isEqualTo(64L * matrixWeights(g));
    assertThat(TpuApps.opsPerWeightByte(s)).isCloseTo(64, within(0.064)); // 63.97
  }

  @Test
  void cnn0() {
    Graph g = Zoo.build("tpu-cnn0");
    GraphStats s = g.stats();
    // Table 1 CNN0: 16 conv layers, ReLU, 8M weights, 2888 ops/weight byte, batch 8
    assertThat(TpuApps.layerCounts(g)).isEqualTo(new TpuApps.LayerCounts(0, 16, 0, 0));
    assertThat(g.nodes()).anyMatch(n -> n.op().kind().equals("relu"));
    assertThat(batch(g)).isEqualTo(8);
    // 25·48·248 + 14·9·248² + 248 weights + 15·248 + 1 biases = 8,051,073: 0.6% over 8M
    assertThat(s.parameters()).isEqualTo(8_051_073L);
    assertWeightsNear(s.parameters(), 8e6);
    // Every layer works on the 19×19 board: intensity = 8 · 19² = 2888 exactly on the kernels
    assertThat(s.macs()).isEqualTo(2888L * matrixWeights(g));
    assertThat(TpuApps.opsPerWeightByte(s)).isCloseTo(2888, within(2.888)); // 2886.67
  }

  @Test
  void layerCountsOfOtherZooModels() {
    // The counting rule on a plain CNN: VGG-16 has 13 conv, 3 FC, 5 pool layers and its ReLUs
    // belong to the layers they follow.
    TpuApps.LayerCounts vgg = TpuApps.layerCounts(Zoo.build("vgg16"));
    assertThat(vgg).isEqualTo(new TpuApps.LayerCounts(3, 13, 0, 5));
  }
}
