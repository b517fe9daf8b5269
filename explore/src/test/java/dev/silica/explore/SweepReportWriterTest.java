package dev.silica.explore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.explore.spec.Objective;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepReportWriterTest {
  @TempDir Path dir;

  @Test
  void writesEveryPointAsCsvAndTheParetoChartAsHtml() throws Exception {
    SweepReport r =
        SweepTest.run(SweepTest.spec(SweepTest.GRID), new ToyModel(), 2, dir.resolve("grid.jsonl"));
    SweepReportWriter.Output o = SweepReportWriter.write(r, dir, "toy-grid");
    List<String> csv = Files.readAllLines(o.csv());
    assertThat(csv).hasSize(1 + 108);
    assertThat(csv.getFirst())
        .startsWith("index,hash,array.rows,array.cols,sram.kib,feasible,infeasible_reason,pareto,")
        .contains("energy_pj", "area_mm2");
    long onFront = csv.stream().skip(1).filter(l -> l.contains(",true,,true,")).count();
    assertThat(onFront).isEqualTo(r.best().size());
    assertThat(csv).anyMatch(l -> l.contains("array of 131072 PEs exceeds 65536"));
    String html = Files.readString(o.html());
    assertThat(html)
        .contains("Sweep toy-grid")
        .contains("Pareto front: throughput_inf_per_s vs energy_pj")
        .contains("<svg")
        .contains("Infeasible points by reason");
    assertThat(o.pngs()).hasSize(1).allMatch(Files::exists);
  }

  @Test
  void everyAxisLabelNamesAUnit() {
    assertThat(SweepReportWriter.unitOf("energy_pj")).isEqualTo("pJ");
    assertThat(SweepReportWriter.unitOf("alexnet.time_s")).isEqualTo("s");
    assertThat(SweepReportWriter.unitOf("area_mm2")).isEqualTo("mm²");
    assertThat(SweepReportWriter.unitOf("tops_per_w")).isEqualTo("TOPS/W");
    assertThat(SweepReportWriter.unitOf("inferences_per_j")).isEqualTo("inferences/J");
    assertThat(SweepReportWriter.unitOf("dram_bytes")).isEqualTo("B");
    assertThat(SweepReportWriter.unitOf("throughput_inf_per_s")).isEqualTo("throughput_inf/s");
    SweepReportWriter.AxisScale a =
        SweepReportWriter.axis(
            Objective.minimize("energy_pj"),
            List.of(
                PointResult.feasible(
                    DesignPoint.of("a", 1), java.util.Map.of("energy_pj", 2.5e9))));
    assertThat(a.label()).isEqualTo("energy_pj (mJ, lower is better)");
    assertThat(a.apply(2.5e9)).isEqualTo(2.5);
  }
}
