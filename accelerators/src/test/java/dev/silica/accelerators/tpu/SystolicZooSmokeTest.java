package dev.silica.accelerators.tpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.simulator.energy.accelergy.EnergyTables;
import dev.silica.simulator.result.LayerResult;
import dev.silica.simulator.result.RunResult;
import dev.silica.simulator.result.SimInvariants;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.Node;
import dev.silica.workloads.zoo.Zoo;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every zoo network runs on the TPU v1 preset, on a small OS array and on the Accelergy reference
 * array (whose per-level counts the accelergy-45nm tables must all price): every node has a layer
 * result and the invariants hold.
 */
class SystolicZooSmokeTest {
  static Stream<String> networks() {
    return Zoo.names().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("networks")
  void runsEveryNode(String name) {
    Graph g = Zoo.build(name);
    for (SystolicArrayConfig cfg :
        new SystolicArrayConfig[] {
          SystolicArrayConfig.preset("tpu-v1"),
          SystolicArrayConfig.preset("scalesim-scale"),
          SystolicArrayConfig.preset("ws-16x16-int8")
        }) {
      SystolicArrayModel model = new SystolicArrayModel(cfg);
      assertThat(model.check(g).isFeasible()).as(cfg.name()).isTrue();
      RunResult r = SimInvariants.check(model.run(g));
      assertThat(r.layers())
          .extracting(LayerResult::node)
          .containsExactlyElementsOf(g.nodes().stream().map(Node::name).toList());
      assertThat(r.cycles()).isPositive();
      assertThat(r.utilization()).isBetween(0.0, 1.0);
      if (cfg.hierarchy().isPresent()) {
        // the Accelergy reference tables price every action the per-level accounting counts
        RunResult a = SimInvariants.check(EnergyTables.named("accelergy-45nm").price(r));
        assertThat(a.energyPj()).isPositive();
      }
    }
  }
}
