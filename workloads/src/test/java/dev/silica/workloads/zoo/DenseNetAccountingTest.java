package dev.silica.workloads.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.silica.workloads.ir.Concat;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.GraphStats;
import dev.silica.workloads.ir.TensorType;
import org.junit.jupiter.api.Test;

/**
 * DenseNet-121 totals against torchvision ({@code DenseNet121_Weights} metadata in {@code
 * torchvision/models/densenet.py}), the channel progression of Huang et al. Table 1, and the
 * activation memory of the concatenations (see {@link DenseNet}).
 *
 * <p>Measured: 7,978,856 parameters; 2,834,161,664 MACs (conv 2,833,137,664 + classifier
 * 1,024,000); 33,268,712 activation values.
 */
class DenseNetAccountingTest {
  @Test
  void densenet121() {
    GraphStats s = Zoo.build("densenet121").stats();
    // torchvision densenet121: 7,978,856 params (DenseNet121_Weights num_params)
    assertThat(s.parameters()).isEqualTo(7_978_856L);
    // measured 2,834,161,664; torchvision DenseNet121_Weights _ops 2.834 G (3 decimals)
    assertThat(s.macs()).isCloseTo(2_834_000_000L, within(500_000L));
  }

  /** k = 32, θ = 0.5: 64 + 6·32 = 256 → 128 + 12·32 = 512 → 256 + 24·32 = 1024 → 512 + 16·32. */
  @Test
  void channelsFollowGrowthAndCompression() {
    Graph g = Zoo.build("densenet121");
    assertThat(out(g, "pool0")).isEqualTo(TensorType.f32(1, 64, 56, 56));
    assertThat(out(g, "denseblock1.denselayer6.concat")).isEqualTo(TensorType.f32(1, 256, 56, 56));
    assertThat(out(g, "transition1.pool")).isEqualTo(TensorType.f32(1, 128, 28, 28));
    assertThat(out(g, "denseblock2.denselayer12.concat")).isEqualTo(TensorType.f32(1, 512, 28, 28));
    assertThat(out(g, "transition2.pool")).isEqualTo(TensorType.f32(1, 256, 14, 14));
    assertThat(out(g, "denseblock3.denselayer24.concat"))
        .isEqualTo(TensorType.f32(1, 1024, 14, 14));
    assertThat(out(g, "transition3.pool")).isEqualTo(TensorType.f32(1, 512, 7, 7));
    assertThat(out(g, "denseblock4.denselayer16.concat")).isEqualTo(TensorType.f32(1, 1024, 7, 7));
    // every dense layer's bottleneck is bn_size * k = 128 wide and adds k = 32 channels
    assertThat(out(g, "denseblock3.denselayer7.conv1")).isEqualTo(TensorType.f32(1, 128, 14, 14));
    assertThat(out(g, "denseblock3.denselayer7.conv2")).isEqualTo(TensorType.f32(1, 32, 14, 14));
    assertThat(out(g, "classifier")).isEqualTo(TensorType.f32(1, 1000));
  }

  /**
   * One concatenation per dense layer, each counted in full: a block entered with {@code c}
   * channels at {@code h×h} adds {@code Σ_{l=1..L} (c + 32·l)·h²} activation values.
   */
  @Test
  void everyConcatenationIsCountedInFull() {
    Graph g = Zoo.build("densenet121");
    GraphStats s = g.stats();
    long concats = 0;
    long concatNodes = 0;
    for (GraphStats.NodeStats n : s.nodes()) {
      if (g.node(n.node()).op() instanceof Concat) {
        concats += n.activationValues();
        concatNodes++;
      }
    }
    int[] layers = {6, 12, 24, 16};
    int[] entry = {64, 128, 256, 512};
    int[] side = {56, 28, 14, 7};
    long expected = 0;
    for (int b = 0; b < 4; b++) {
      for (int l = 1; l <= layers[b]; l++) {
        expected += (long) (entry[b] + 32 * l) * side[b] * side[b];
      }
    }
    // 58 dense layers, one concat each; Σ = 10,173,184 values
    assertThat(concatNodes).isEqualTo(58);
    assertThat(concats).isEqualTo(expected).isEqualTo(10_173_184L);
  }

  private static TensorType out(Graph g, String node) {
    return g.type(g.node(node).output());
  }
}
