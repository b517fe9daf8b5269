package dev.silica.accelerators.tpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.silica.simulator.energy.Action;
import dev.silica.simulator.energy.EnergyTable;
import dev.silica.simulator.result.RunResult;
import dev.silica.simulator.result.SimInvariants;
import dev.silica.workloads.ir.Graph;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Zero gating ({@link SystolicArrayModel#withOperandDensities}): a MAC with a zero operand costs no
 * datapath energy, so the array's MAC energy is the dense one times {@code d_in · d_w} and nothing
 * else changes.
 */
class SystolicZeroGatingTest {
  static final Graph GEMM = SystolicArrayAnalyticTest.gemm(100, 16, 24);

  static RunResult run(SystolicArrayConfig cfg, Map<String, OperandDensity> d) {
    return SimInvariants.check(new SystolicArrayModel(cfg).withOperandDensities(d).run(GEMM));
  }

  @Test
  void gatedMacEnergyIsTheDenseOneTimesBothDensities() {
    SystolicArrayConfig cfg = SystolicArrayAnalyticTest.array(8, 8, Dataflow.WS);
    RunResult dense = run(cfg, Map.of());
    RunResult gated = run(cfg, Map.of("mm", new OperandDensity(0.5, 0.3)));
    long macs = 100L * 16 * 24; // M·N·K, one pass for int8
    Action mac = Action.mac("int8");
    assertThat(dense.layer("mm").actions().get("pe_array", mac)).isEqualTo(macs);
    // closed form: round(38,400 · 0.5 · 0.3) = 5,760 non-zero products
    assertThat(gated.layer("mm").actions().get("pe_array", mac)).isEqualTo(5_760);
    double perMac = EnergyTable.horowitz45nm().energyPj(mac);
    Map<String, Double> d = dense.energy().byComponent();
    Map<String, Double> g = gated.energy().byComponent();
    assertThat(g.get("pe_array")).isCloseTo(5_760 * perMac, within(1e-9));
    assertThat(g.get("pe_array")).isCloseTo(d.get("pe_array") * 0.15, within(1e-9));
    // everything but the datapath is untouched: SRAM, DRAM, pipeline, and the cycles
    for (String component : d.keySet()) {
      if (!component.equals("pe_array")) {
        assertThat(g.get(component)).as(component).isEqualTo(d.get(component));
      }
    }
    assertThat(gated.cycles()).isEqualTo(dense.cycles());
    assertThat(gated.layer("mm").macs()).isEqualTo(macs);
  }

  @Test
  void fullDensityIsTheDenseModelAndOtherLayersAreNotGated() {
    SystolicArrayConfig cfg = SystolicArrayAnalyticTest.array(8, 8, Dataflow.OS);
    RunResult dense = run(cfg, Map.of());
    assertThat(run(cfg, Map.of("mm", new OperandDensity(1, 1))).energyPj())
        .isEqualTo(dense.energyPj());
    assertThat(run(cfg, Map.of("other", new OperandDensity(0.1, 0.1))).energyPj())
        .isEqualTo(dense.energyPj());
  }

  @Test
  void gatingAppliesToTheLevelAccountedPresetToo() {
    SystolicArrayConfig cfg = SystolicArrayConfig.preset(SystolicArrayConfig.WS_16X16_INT8);
    RunResult dense = run(cfg, Map.of());
    RunResult gated = run(cfg, Map.of("mm", new OperandDensity(1, 0.1)));
    Map<String, Double> d = dense.energy().byComponent();
    Map<String, Double> g = gated.energy().byComponent();
    assertThat(g.get("pe_array")).isCloseTo(d.get("pe_array") * 0.1, within(1e-6));
    assertThat(gated.energyPj() - dense.energyPj())
        .isCloseTo(-0.9 * d.get("pe_array"), within(1e-6));
  }

  @Test
  void densitiesOutsideZeroToOneAreRejected() {
    assertThatThrownBy(() -> new OperandDensity(1.5, 1))
        .hasMessage("input density must be in [0, 1], got 1.5");
    assertThatThrownBy(() -> new OperandDensity(1, -0.1))
        .hasMessage("weight density must be in [0, 1], got -0.1");
  }
}
