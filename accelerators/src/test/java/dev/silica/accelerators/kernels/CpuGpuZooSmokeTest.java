package dev.silica.accelerators.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.accelerators.cpu.CpuModel;
import dev.silica.accelerators.cpu.CpuPresets;
import dev.silica.accelerators.gpu.GpuModel;
import dev.silica.accelerators.gpu.GpuPresets;
import dev.silica.simulator.AcceleratorModel;
import dev.silica.simulator.result.LayerResult;
import dev.silica.simulator.result.RunResult;
import dev.silica.simulator.result.SimInvariants;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.Node;
import dev.silica.workloads.zoo.Zoo;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every zoo model runs on every CPU and GPU preset: one layer per node, the graph's MACs (Winograd
 * may execute fewer), positive time, and the invariants (SimInvariants) after every run.
 */
class CpuGpuZooSmokeTest {
  static List<AcceleratorModel> models() {
    List<AcceleratorModel> out = new ArrayList<>();
    CpuPresets.names().forEach(p -> out.add(new CpuModel(CpuPresets.preset(p))));
    GpuPresets.names().forEach(p -> out.add(new GpuModel(GpuPresets.preset(p))));
    return out;
  }

  static Stream<String> networks() {
    return Zoo.names().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("networks")
  void runsOnEveryPreset(String name) {
    Graph g = Zoo.build(name);
    long graphMacs = g.stats().macs();
    for (AcceleratorModel m : models()) {
      RunResult r = SimInvariants.check(m.run(g));
      assertThat(r.layers())
          .extracting(LayerResult::node)
          .containsExactlyElementsOf(g.nodes().stream().map(Node::name).toList());
      assertThat(r.timeSeconds()).as(m.name()).isPositive();
      assertThat(r.energyPj()).as(m.name()).isPositive();
      assertThat(r.totals().macs()).as(m.name()).isLessThanOrEqualTo(graphMacs);
      if (m instanceof GpuModel) {
        assertThat(r.totals().macs()).as(m.name()).isEqualTo(graphMacs);
      }
    }
  }
}
