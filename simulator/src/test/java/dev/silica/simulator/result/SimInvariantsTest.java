package dev.silica.simulator.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silica.simulator.energy.Action;
import dev.silica.simulator.energy.ActionCounts;
import dev.silica.simulator.energy.AreaBreakdown;
import dev.silica.simulator.energy.EnergyBreakdown;
import dev.silica.simulator.energy.EnergyTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimInvariantsTest {
  private static ActionCounts macs(long n) {
    ActionCounts c = new ActionCounts();
    c.add("pe_array", Action.mac("int8"), n);
    return c;
  }

  private static Map<String, Long> breakdown(long compute, long stall) {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put(LayerResult.COMPUTE, compute);
    m.put(LayerResult.MEMORY_STALL, stall);
    return m;
  }

  /** Two layers on a 16-MAC array: 1600 MACs in 100 + 20 cycles, 800 MACs in 50 + 0 cycles. */
  private static RunResult valid() {
    return RunResult.builder("toy", "array16", 1e9)
        .layer(LayerResult.of("fc1", "gemm", breakdown(100, 20), 1600, 16, macs(1600)))
        .layer(LayerResult.of("fc2", "gemm", breakdown(50, 0), 800, 16, macs(800)))
        .energyTables(EnergyTable.horowitz45nm())
        .build();
  }

  private static RunResult with(
      RunResult r, List<LayerResult> layers, Totals t, EnergyBreakdown e) {
    return new RunResult(
        r.model(),
        r.accelerator(),
        r.feasibility(),
        r.clockHz(),
        layers,
        t,
        e,
        r.area(),
        r.config(),
        r.outputs());
  }

  @Test
  void aConsistentResultPasses() {
    RunResult r = valid();
    assertThat(SimInvariants.check(r)).isSameAs(r);
    // 2400 MACs / (16 x 170 cycles) = 0.88235
    assertThat(r.utilization()).isEqualTo(2400.0 / (16 * 170));
    // 2400 x 0.3 pJ
    assertThat(r.energyPj()).isEqualTo(2400 * 0.3, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void totalsThatDoNotMatchTheLayersAreABug() {
    RunResult r = valid();
    Totals wrong =
        new Totals(169, r.totals().cycleBreakdown(), 2400, 16 * 170, r.totals().actions());
    assertThatThrownBy(() -> SimInvariants.check(with(r, r.layers(), wrong, r.energy())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "invariant broken: toy on array16: totals.cycles 169 != sum of layers 170 {fc1=120, fc2=50}");
    Totals wrongMacs =
        new Totals(170, r.totals().cycleBreakdown(), 2401, 16 * 170, r.totals().actions());
    assertThatThrownBy(() -> SimInvariants.check(with(r, r.layers(), wrongMacs, r.energy())))
        .hasMessageContaining("totals.macs 2401 != sum of layers 2400");
    Totals wrongActions = new Totals(170, r.totals().cycleBreakdown(), 2400, 16 * 170, macs(1));
    assertThatThrownBy(() -> SimInvariants.check(with(r, r.layers(), wrongActions, r.energy())))
        .hasMessageContaining("totals.actions");
    Totals wrongBreakdown =
        new Totals(170, breakdown(170, 0), 2400, 16 * 170, r.totals().actions());
    assertThatThrownBy(() -> SimInvariants.check(with(r, r.layers(), wrongBreakdown, r.energy())))
        .hasMessageContaining(
            "totals.cycle_breakdown {compute=170, memory_stall=0} != sum of layers {compute=150, memory_stall=20}");
  }

  @Test
  void anEnergyTotalThatIsNotTheSumOfItsRowsIsABug() {
    RunResult r = valid();
    EnergyBreakdown e = new EnergyBreakdown(r.energy().rows(), r.energyPj() + 1);
    assertThatThrownBy(() -> SimInvariants.check(with(r, r.layers(), r.totals(), e)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("invariant broken: toy on array16: energy total 721")
        .hasMessageContaining("pJ != sum of breakdown 720")
        .hasMessageEndingWith(" pJ (1 rows)");
    EnergyBreakdown.Row row = r.energy().rows().getFirst();
    EnergyBreakdown badRow =
        EnergyBreakdown.of(
            List.of(
                new EnergyBreakdown.Row(
                    row.component(),
                    row.action(),
                    row.count(),
                    row.pjEach(),
                    row.energyPj() * 2,
                    row.table(),
                    row.entry(),
                    row.source())));
    assertThatThrownBy(() -> SimInvariants.check(with(r, r.layers(), r.totals(), badRow)))
        // mac.int8 = 0.2 + 0.1 pJ, which is 0.30000000000000004 in binary floating point
        .hasMessageContaining(
            "energy row pe_array:mac.int8: energy_pj 1440.0000000000002 != count 2400")
        .hasMessageContaining("x pj_each 0.3");
  }

  @Test
  void utilizationAboveOneIsABug() {
    // 2000 MACs in 100 cycles on 16 MACs/cycle: 1.25
    LayerResult l = LayerResult.of("fc", "gemm", breakdown(100, 0), 2000, 16, macs(2000));
    RunResult r = with(valid(), List.of(l), Totals.of(List.of(l)), EnergyBreakdown.empty());
    assertThatThrownBy(() -> SimInvariants.check(r))
        .hasMessage(
            "invariant broken: toy on array16, layer fc: utilization must be in [0, 1], got 1.25"
                + " (macs 2000, peak_macs_per_cycle 16, cycles 100)");
    LayerResult noPeak = LayerResult.of("fc", "gemm", breakdown(100, 0), 5, 0, macs(5));
    assertThatThrownBy(() ->
            SimInvariants.check(
                with(
                    valid(), List.of(noPeak), Totals.of(List.of(noPeak)), EnergyBreakdown.empty())))
        .hasMessage(
            "invariant broken: toy on array16, layer fc: macs 5 on peak_macs_per_cycle 0 x cycles 100");
  }

  @Test
  void negativeCountersAreABug() {
    LayerResult negCycles = LayerResult.of("fc", "gemm", breakdown(100, -10), 0, 16, macs(0));
    assertThatThrownBy(() ->
            SimInvariants.check(
                with(
                    valid(),
                    List.of(negCycles),
                    Totals.of(List.of(negCycles)),
                    EnergyBreakdown.empty())))
        .hasMessage(
            "invariant broken: toy on array16, layer fc: cycles.memory_stall is negative: -10");
    LayerResult negMacs = LayerResult.of("fc", "gemm", breakdown(100, 0), -1, 16, macs(0));
    assertThatThrownBy(() ->
            SimInvariants.check(
                with(
                    valid(),
                    List.of(negMacs),
                    Totals.of(List.of(negMacs)),
                    EnergyBreakdown.empty())))
        .hasMessage("invariant broken: toy on array16, layer fc: macs is negative: -1");
    LayerResult negActions = LayerResult.of("fc", "gemm", breakdown(100, 0), 10, 16, macs(-3));
    assertThatThrownBy(() ->
            SimInvariants.check(
                with(
                    valid(),
                    List.of(negActions),
                    Totals.of(List.of(negActions)),
                    EnergyBreakdown.empty())))
        .hasMessage(
            "invariant broken: toy on array16, layer fc: action count pe_array:mac.int8 is negative: -3");
  }

  @Test
  void aCycleBreakdownMustSumToTheLayerCycles() {
    assertThatThrownBy(() -> new LayerResult("fc", "gemm", 121, breakdown(100, 20), 0, 16, macs(0)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "layer fc: cycle breakdown {compute=100, memory_stall=20} sums to 120, not to cycles 121");
  }

  @Test
  void areaTotalsAreChecked() {
    RunResult r = valid();
    RunResult bad =
        new RunResult(
            r.model(),
            r.accelerator(),
            r.feasibility(),
            r.clockHz(),
            r.layers(),
            r.totals(),
            r.energy(),
            new AreaBreakdown(List.of(), 5),
            r.config(),
            r.outputs());
    assertThatThrownBy(() -> SimInvariants.check(bad))
        .hasMessage("invariant broken: toy on array16: area total 5 um2 != sum of breakdown 0 um2");
  }

  @Test
  void anInfeasibleRunHasNothingElse() {
    RunResult r =
        RunResult.infeasible(
            "toy",
            "array16",
            1e9,
            "layer conv5: weight tile 294912 B exceeds weight SRAM 262144 B",
            Map.of("rows", 16));
    assertThat(SimInvariants.check(r).feasibility())
        .isEqualTo(
            new Infeasible("layer conv5: weight tile 294912 B exceeds weight SRAM 262144 B"));
    assertThat(r.feasibility().toString())
        .isEqualTo("Infeasible[layer conv5: weight tile 294912 B exceeds weight SRAM 262144 B]");
    RunResult bad =
        new RunResult(
            "toy",
            "array16",
            r.feasibility(),
            1e9,
            valid().layers(),
            valid().totals(),
            EnergyBreakdown.empty(),
            AreaBreakdown.empty(),
            Map.of(),
            Map.of());
    assertThatThrownBy(() -> SimInvariants.check(bad))
        .hasMessageStartingWith(
            "invariant broken: toy on array16: an infeasible run must have no layers and zero totals, got 2 layers");
  }
}
