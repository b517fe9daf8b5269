package dev.silica.simulator.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silica.simulator.energy.Action;
import dev.silica.simulator.energy.ActionCounts;
import dev.silica.simulator.energy.AreaBreakdown;
import dev.silica.simulator.energy.AreaTable;
import dev.silica.simulator.energy.ComponentKind;
import dev.silica.simulator.energy.EnergyTable;
import dev.silica.simulator.stats.Metric;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunResultTest {
  @Test
  void summaryKeysCarryUnitsInAFixedOrder() {
    ActionCounts c = new ActionCounts();
    c.add("pe", Action.mac("int8"), 1000);
    c.add("dram", Action.DRAM_READ_BITS, 100);
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("rows", 4);
    config.put("cols", 4);
    RunResult r =
        RunResult.builder("mlp", "array4x4", 500e6)
            .layer(
                LayerResult.of(
                    "fc",
                    "gemm",
                    Map.of(LayerResult.COMPUTE, 80L, LayerResult.FILL_DRAIN, 8L),
                    1000,
                    16,
                    c))
            .energyTables(EnergyTable.horowitz45nm())
            .area(
                List.of(new AreaBreakdown.Item("pe.mac", ComponentKind.of("mac.int8"), 16)),
                AreaTable.horowitz45nm())
            .config(config)
            .outputs(Map.of("y", new float[] {1f}))
            .build();
    SimInvariants.check(r);
    Map<String, Number> s = r.summary();
    assertThat(s.keySet())
        .containsExactly(
            "cycles", "time_s", "macs", "utilization", "energy_pj", "area_um2", "dram_bytes");
    assertThat(s.keySet())
        .containsExactlyElementsOf(RunResult.SUMMARY_METRICS.stream().map(Metric::name).toList());
    assertThat(s.get("cycles")).isEqualTo(88L);
    assertThat(s.get("time_s")).isEqualTo(88 / 500e6); // cycles / clock
    assertThat(s.get("utilization")).isEqualTo(1000.0 / (16 * 88));
    // 1000 x 0.3 pJ + 100 bits x 20 pJ = 2300 pJ
    assertThat(s.get("energy_pj").doubleValue())
        .isCloseTo(2300, org.assertj.core.data.Offset.offset(1e-9));
    // 16 x (282 + 137) um2
    assertThat(s.get("area_um2")).isEqualTo(16 * 419.0);
    assertThat(s.get("dram_bytes")).isEqualTo(13L); // ceil(100 bits / 8)
    assertThat(r.config().keySet()).containsExactly("rows", "cols");
    assertThat(r.layer("fc").cycles(LayerResult.FILL_DRAIN)).isEqualTo(8);
    assertThat(r.layer("fc").actions().isFrozen()).isTrue();
    assertThat(r.totals().cycleBreakdown()).containsEntry(LayerResult.COMPUTE, 80L);
    assertThatThrownBy(() -> r.layer("fc9")).hasMessage("mlp on array4x4: no layer 'fc9'");
  }

  @Test
  void feasibilityIsASealedValue() {
    Feasibility ok = Feasibility.feasible();
    Feasibility no = Feasibility.infeasible("op lstm unsupported");
    assertThat(ok.isFeasible()).isTrue();
    assertThat(no.isFeasible()).isFalse();
    String text =
        switch (no) {
          case Feasible f -> "ok";
          case Infeasible(String reason) -> reason;
        };
    assertThat(text).isEqualTo("op lstm unsupported");
    assertThatThrownBy(() -> new Infeasible(" "))
        .hasMessage("an infeasible verdict must give its reason");
    assertThatThrownBy(() -> RunResult.infeasible("m", "a", 0, "x", Map.of()))
        .hasMessage("a: clock_hz must be positive, got 0.0");
  }
}
