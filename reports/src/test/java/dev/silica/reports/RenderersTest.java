package dev.silica.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderersTest {
  private final RunReport report = RunReport.of(SyntheticRuns.threeLayers());

  @Test
  void csvHeadersCarryUnitsAndTheTotalRowIsTheSumOfLayers() {
    List<String> lines = layerCsv();
    assertThat(lines.get(0))
        .isEqualTo(
            "layer,op,cycles,compute_cycles,memory_stall_cycles,fill_drain_cycles,time_s,macs,"
                + "utilization,tops,energy_pj,dram_bytes,ops_per_byte");
    assertThat(lines).hasSize(5); // header, 3 layers, total
    assertThat(lines.get(1)).startsWith("conv1,conv2d,1000,800,150,50,1.0E-6,12800,0.8,");
    String[] total = lines.get(4).split(",", -1);
    assertThat(total[0]).isEqualTo("total");
    for (int col : new int[] {2, 3, 4, 5, 7, 11}) { // integer columns: exact sums
      long sum = 0;
      for (int row = 1; row <= 3; row++) {
        sum += Long.parseLong(lines.get(row).split(",", -1)[col]);
      }
      assertThat(Long.parseLong(total[col])).as("column " + col).isEqualTo(sum);
    }
    double energy = 0;
    for (int row = 1; row <= 3; row++) {
      energy += Double.parseDouble(lines.get(row).split(",", -1)[10]);
    }
    assertThat(Double.parseDouble(total[10])).isCloseTo(energy, within(1e-6));
    assertThat(Double.parseDouble(total[10])).isCloseTo(2_097_620, within(1e-6));
    // relu moves no DRAM bytes: its intensity is absent, not infinite
    assertThat(lines.get(3)).endsWith(",0,");
  }

  private List<String> layerCsv() {
    return Arrays.asList(CsvRenderer.layers(report).split("\r\n"));
  }

  @Test
  void csvEnergyAndAreaRowsNameTheirTableEntries(@TempDir Path dir) throws IOException {
    String energy = CsvRenderer.energy(report);
    assertThat(energy.lines().findFirst().orElseThrow())
        .isEqualTo("component,action,count,pj_each,energy_pj,table,entry,source");
    assertThat(energy).contains("dram,dram.read.bits,96000,20.0,1920000.0,horowitz-45nm");
    // an action key with commas is quoted
    assertThat(energy).contains("\"sram.read[capacity_bytes=8192,width_bits=64]\"");
    assertThat(CsvRenderer.area(report).lines().findFirst().orElseThrow())
        .isEqualTo("instance,component,count,um2_each,area_um2,table,entry,source");
    assertThat(CsvRenderer.memory(report))
        .startsWith("level,component,read_bytes,write_bytes,bytes\r\ndram,dram,12000,1000,13000");
    List<Path> files = CsvRenderer.write(report, dir, "tiny3");
    assertThat(files).hasSize(4).allSatisfy(p -> assertThat(p).exists());
    assertThat(Files.readString(files.get(0))).isEqualTo(CsvRenderer.layers(report));
  }

  @Test
  void jsonKeysCarryUnitsInAFixedOrder() {
    String json = JsonRenderer.render(report);
    assertThat(json).isEqualTo(JsonRenderer.render(RunReport.of(SyntheticRuns.threeLayers())));
    assertThat(JsonRenderer.tree(report).keySet())
        .containsExactly(
            "model",
            "accelerator",
            "feasible",
            "infeasible_reason",
            "clock_hz",
            "summary",
            "cycle_breakdown_cycles",
            "energy_by_component_pj",
            "energy_by_action_pj",
            "area_by_component_um2",
            "bytes_by_level",
            "layers",
            "energy_rows",
            "area_rows",
            "memory_traffic",
            "roof",
            "config");
    assertThat(json)
        .contains("\"cycles\": 3100,")
        .contains("\"time_s\": 3.1E-6,")
        .contains("\"dram_bytes\": 13000\n")
        .contains("\"utilization\": 0.8,")
        .contains("\"peak_ops_per_s\": 3.2E10,")
        .contains("\"ridge_ops_per_byte\": 4.0\n")
        .contains("\"ops_per_byte\": null") // relu: no DRAM bytes
        .contains("\"dram.bandwidth_bytes_per_cycle\": 8")
        .contains("\"source\": \"640 pJ per 32-bit DRAM read / 32 bits [D] (papers-inputs §4.2)\"");
    // every summary key names its unit or is dimensionless by definition
    assertThat(report.summary().keySet())
        .allSatisfy(k ->
            assertThat(
                    k.endsWith("_s")
                        || k.endsWith("_pj")
                        || k.endsWith("_um2")
                        || k.endsWith("_bytes")
                        || k.endsWith("_w")
                        || k.endsWith("_per_j")
                        || List.of("cycles", "macs", "ops", "tops", "utilization", "inferences")
                            .contains(k))
                .as(k)
                .isTrue());
  }

  @Test
  void textTableShowsUnitsAndTotals() {
    String text = TextTableRenderer.render(report);
    assertThat(text)
        .startsWith("tiny3 on array4x4 @ 1.000e+09 Hz\n")
        .contains("energy (pJ)")
        .contains("memory_stall (cycles)")
        .contains("total")
        .contains("2.098e+06"); // 2,097,620 pJ to 4 significant digits
  }

  @Test
  void comparisonLabelsAndVaryingConfig() {
    ComparisonReport c =
        ComparisonReport.of(
            List.of(
                SyntheticRuns.threeLayers("array4x4", 8),
                SyntheticRuns.threeLayers("array4x4", 16),
                SyntheticRuns.threeLayers("wide", 16)));
    assertThat(c.labels()).containsExactly("array4x4", "array4x4 #2", "wide");
    assertThat(c.varyingConfigKeys()).containsExactly("dram.bandwidth_bytes_per_cycle");
    String csv = CsvRenderer.comparison(c);
    assertThat(csv.lines().findFirst().orElseThrow())
        .isEqualTo(
            "run,model,accelerator,dram.bandwidth_bytes_per_cycle,feasible,cycles,time_s,"
                + "inferences_per_s,tops,utilization,energy_pj,tops_per_w,inferences_per_j,"
                + "area_um2,dram_bytes");
    assertThat(csv).contains("array4x4 #2,tiny3,array4x4,16,yes,3100,3.1E-6,");
    assertThat(MarkdownRenderer.render(c)).contains("| array4x4 #2 | tiny3 |");
    assertThat(JsonRenderer.render(c)).contains("\"label\": \"wide\"");
    assertThat(TextTableRenderer.render(c)).contains("TOPS/W");
  }
}
