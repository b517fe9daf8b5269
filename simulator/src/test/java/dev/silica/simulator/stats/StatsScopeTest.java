package dev.silica.simulator.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsScopeTest {
  private static final Metric MACS = Metric.sum("macs", Unit.MACS, "multiply-accumulates");
  private static final Metric CYCLES = Metric.sum("cycles", Unit.CYCLES, "cycles");
  private static final Metric PEAK =
      Metric.max("peak_macs_per_cycle", Unit.MACS, "MACs per cycle at peak");
  private static final Metric UTIL =
      Metric.formula("utilization", Unit.RATIO, "macs / (peak x cycles)");

  /** One layer's stats on an array of 16 MACs per cycle. */
  private static StatsSnapshot layer(long macs, long cycles) {
    StatsScope root = StatsScope.root("tpu");
    StatsScope array = root.child("array");
    Counter m = array.counter(MACS);
    long[] cyc = {0};
    array.counter(CYCLES, () -> cyc[0]);
    array.counter(PEAK, () -> 16);
    array.formula(UTIL, v -> v.get("macs") / (v.get("peak_macs_per_cycle") * v.get("cycles")));
    m.add(macs);
    cyc[0] = cycles;
    return root.snapshot();
  }

  @Test
  void countersAreReadAtSnapshotAndFormulasEvaluated() {
    StatsSnapshot s = layer(800, 100);
    assertThat(s.entries().keySet())
        .containsExactly(
            "tpu.array.macs",
            "tpu.array.cycles",
            "tpu.array.peak_macs_per_cycle",
            "tpu.array.utilization");
    assertThat(s.count("tpu.array.macs")).isEqualTo(800);
    // 800 / (16 x 100) = 0.5
    assertThat(s.value("tpu.array.utilization")).isEqualTo(0.5);
  }

  @Test
  void mergeSumsCountersAndRecomputesFormulasInsteadOfAveraging() {
    // layer A: 1600 MACs in 100 cycles (utilization 1.0); layer B: 160 MACs in 900 cycles (0.0111)
    StatsSnapshot merged = StatsSnapshot.merge(List.of(layer(1600, 100), layer(160, 900)));
    assertThat(merged.count("tpu.array.macs")).isEqualTo(1760);
    assertThat(merged.count("tpu.array.cycles")).isEqualTo(1000);
    assertThat(merged.count("tpu.array.peak_macs_per_cycle")).isEqualTo(16); // MAX, not 32
    // recomputed: 1760 / (16 x 1000) = 0.11; the mean of the two ratios would be 0.5056
    assertThat(merged.value("tpu.array.utilization")).isCloseTo(0.11, within(1e-12));
  }

  @Test
  void metricsCarryUnitsInColumnNames() {
    assertThat(Metric.sum("energy", Unit.PJ, "energy").columnName()).isEqualTo("energy_pj");
    assertThat(Metric.sum("tpu.area", Unit.UM2, "area").columnName()).isEqualTo("tpu_area_um2");
    assertThat(CYCLES.columnName()).isEqualTo("cycles");
    assertThat(UTIL.columnName()).isEqualTo("utilization");
    assertThat(Metric.sum("time_s", Unit.SECONDS, "t").columnName()).isEqualTo("time_s");
  }

  @Test
  void namesAndRegistrationAreChecked() {
    assertThatThrownBy(() -> Metric.sum("Tpu.Macs", Unit.COUNT, "x"))
        .hasMessage(
            "metric name must be dotted lower-case segments [a-z][a-z0-9_]*, got 'Tpu.Macs'");
    assertThatThrownBy(() -> Metric.sum("macs", Unit.COUNT, " "))
        .hasMessage("metric macs: description must not be blank");
    StatsScope root = StatsScope.root("gpu");
    root.counter(MACS);
    assertThatThrownBy(() -> root.counter(MACS)).hasMessage("metric gpu.macs registered twice");
    assertThatThrownBy(() -> root.formula(CYCLES, v -> 0))
        .hasMessage("cycles: a formula metric must aggregate as FORMULA");
    assertThatThrownBy(() -> root.counter(UTIL, () -> 1))
        .hasMessage("utilization: a counter cannot have aggregation FORMULA; use formula()");
    assertThat(root.child("sm").name()).isEqualTo("gpu.sm");
    assertThatThrownBy(() -> root.snapshot().value("gpu.nope"))
        .hasMessage("no metric 'gpu.nope' (known: gpu.macs)");
  }

  @Test
  void snapshotsOfDifferentTreesDoNotMerge() {
    StatsScope other = StatsScope.root("tpu");
    other.counter(MACS);
    assertThatThrownBy(() -> StatsSnapshot.merge(List.of(layer(1, 1), other.snapshot())))
        .hasMessageStartingWith("cannot merge snapshots with different metrics");
  }
}
