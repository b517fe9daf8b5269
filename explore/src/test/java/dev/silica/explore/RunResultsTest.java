package dev.silica.explore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.explore.exec.LocalExecutor;
import dev.silica.explore.exec.ProgressReporter;
import dev.silica.explore.spec.ParameterSpace;
import dev.silica.explore.spec.SweepSpec;
import dev.silica.explore.store.ResultStore;
import dev.silica.simulator.energy.Action;
import dev.silica.simulator.energy.ActionCounts;
import dev.silica.simulator.energy.AreaBreakdown;
import dev.silica.simulator.energy.AreaTable;
import dev.silica.simulator.energy.ComponentKind;
import dev.silica.simulator.energy.EnergyTable;
import dev.silica.simulator.result.LayerResult;
import dev.silica.simulator.result.RunResult;
import dev.silica.simulator.result.SimInvariants;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A toy analytical array model built on the simulator's result builder, swept end to end. */
class RunResultsTest {
  /** One 1M-MAC GEMM on a rows × cols int8 array: ceil(macs / PEs) compute + rows + cols fill. */
  static RunResult toyRun(long rows, long cols) {
    if (rows * cols > 4096) {
      return RunResult.infeasible(
          "gemm", "toy", 1e9, "array of " + rows * cols + " PEs exceeds 4096", Map.of());
    }
    long macs = 1L << 20;
    long pes = rows * cols;
    long compute = (macs + pes - 1) / pes;
    ActionCounts c = new ActionCounts();
    c.add("pe", Action.mac("int8"), macs);
    c.add("dram", Action.DRAM_READ_BITS, 8 * (rows + cols) * 1024);
    RunResult r =
        RunResult.builder("gemm", "toy", 1e9)
            .layer(
                LayerResult.of(
                    "fc",
                    "gemm",
                    Map.of(LayerResult.COMPUTE, compute, LayerResult.FILL_DRAIN, rows + cols),
                    macs,
                    pes,
                    c))
            .energyTables(EnergyTable.horowitz45nm())
            .area(
                List.of(new AreaBreakdown.Item("pe.mac", ComponentKind.of("mac.int8"), pes)),
                AreaTable.horowitz45nm())
            .build();
    SimInvariants.check(r);
    return r;
  }

  @Test
  void sweepsAToyModelBuiltOnRunResult() throws Exception {
    SweepSpec spec =
        SweepSpec.parse(
            "toy.yaml",
            """
            version: 1
            kind: sweep
            axes:
              rows: {from: 4, to: 128, factor: 2}
              cols: {from: 4, to: 128, factor: 2}
            objectives: [{minimize: energy_pj}, {minimize: cycles}, {minimize: area_mm2}]
            """,
            ParameterSpace.of("rows", "cols"));
    Evaluator eval =
        p -> RunResults.toPointResult(p, toyRun((Long) p.get("rows"), (Long) p.get("cols")));
    ResultStore store = ResultStore.inMemory();
    SweepReport report;
    try (LocalExecutor ex = new LocalExecutor(eval, 2)) {
      report = new Sweep(spec, ex, store, ProgressReporter.silent()).run();
    }
    assertThat(report.results()).hasSize(36);
    // rows·cols > 4096: (128,64), (64,128), (128,128)
    assertThat(report.infeasibleCount()).isEqualTo(3);
    PointResult first = report.pointResults().getFirst();
    assertThat(first.metrics().keySet())
        .containsExactly(
            "cycles",
            "time_s",
            "macs",
            "utilization",
            "energy_pj",
            "area_um2",
            "dram_bytes",
            "area_mm2");
    // 4 × 4 array: ceil(2^20 / 16) compute + 8 fill/drain cycles
    assertThat(first.metric("cycles")).isEqualTo(65536 + 8);
    assertThat(first.metric("area_mm2")).isEqualTo(first.metric("area_um2") / 1e6);
    assertThat(report.best()).isNotEmpty().allMatch(PointResult::feasible);
  }

  @Test
  void multiWorkloadMetricsArePrefixed() {
    DesignPoint p = DesignPoint.of("rows", 8, "cols", 8);
    PointResult r = RunResults.toPointResult(p, Map.of("a", toyRun(8, 8)));
    assertThat(r.metrics()).containsKey("a.energy_pj");
    PointResult bad =
        RunResults.toPointResult(p, new java.util.LinkedHashMap<>(Map.of("big", toyRun(128, 128))));
    assertThat(bad.infeasibleReason()).isEqualTo("big: array of 16384 PEs exceeds 4096");
  }
}
