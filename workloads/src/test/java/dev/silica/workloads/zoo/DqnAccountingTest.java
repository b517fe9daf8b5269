package dev.silica.workloads.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.GraphStats;
import dev.silica.workloads.ir.Shape;
import org.junit.jupiter.api.Test;

class DqnAccountingTest {
  private static long params(GraphStats s, String name) {
    return s.nodes().stream()
        .filter(r -> r.node().equals(name))
        .findFirst()
        .orElseThrow()
        .parameters();
  }

  @Test
  void parametersPerLayer() {
    GraphStats s = Zoo.build("dqn").stats();
    // Mnih et al., Nature 2015, Methods: 32 8x8/4, 64 4x4/2, 64 3x3/1, fc 512, 18 actions.
    assertThat(params(s, "conv1")).isEqualTo(8 * 8 * 4 * 32 + 32).isEqualTo(8_224L);
    assertThat(params(s, "conv2")).isEqualTo(4 * 4 * 32 * 64 + 64).isEqualTo(32_832L);
    assertThat(params(s, "conv3")).isEqualTo(3 * 3 * 64 * 64 + 64).isEqualTo(36_928L);
    assertThat(params(s, "fc1")).isEqualTo(3136 * 512 + 512).isEqualTo(1_606_144L);
    assertThat(params(s, "out")).isEqualTo(512 * 18 + 18).isEqualTo(9_234L);
    // 1,693,362 for 18 actions: the per-layer sum above [D]
    assertThat(s.parameters()).isEqualTo(1_693_362L);
  }

  @Test
  void shapesAndMacs() {
    Graph g = Zoo.build("dqn");
    // (84 - 8)/4 + 1 = 20; (20 - 4)/2 + 1 = 9; 9 - 3 + 1 = 7; 7·7·64 = 3136
    assertThat(g.type(g.node("conv1").output()).shape()).isEqualTo(Shape.of(1, 32, 20, 20));
    assertThat(g.type(g.node("conv2").output()).shape()).isEqualTo(Shape.of(1, 64, 9, 9));
    assertThat(g.type(g.node("conv3").output()).shape()).isEqualTo(Shape.of(1, 64, 7, 7));
    assertThat(g.type(g.node("flatten").output()).shape()).isEqualTo(Shape.of(1, 3136));
    assertThat(g.type(g.outputs().getFirst()).shape()).isEqualTo(Shape.of(1, 18));
    // MACs [D]: 20²·32·(8·8·4) + 9²·64·(4·4·32) + 7²·64·(3·3·64) + 3136·512 + 512·18
    long macs = 400L * 32 * 256 + 81L * 64 * 512 + 49L * 64 * 576 + 3136L * 512 + 512L * 18;
    assertThat(g.stats().macs()).isEqualTo(macs).isEqualTo(9_352_192L);
  }
}
