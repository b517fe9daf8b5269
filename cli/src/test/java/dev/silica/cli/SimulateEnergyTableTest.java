package dev.silica.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code silica simulate --energy-table}: the table used, and both energy breakdowns. */
class SimulateEnergyTableTest {
  @TempDir Path tmp;

  /** The summary's {@code energy_pj} value as printed. */
  private static String summaryEnergy(String out) {
    return out.lines()
        .filter(l -> l.startsWith("energy_pj "))
        .findFirst()
        .orElseThrow()
        .split("\\s+")[1];
  }

  /** The Accelergy-shaped table's total row. */
  private static String shapedTotal(String out) {
    return out.lines()
        .filter(l -> l.startsWith("total ") && l.trim().endsWith("100.00"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void alexnetOnTheAccelergyReferenceArrayPrintsBothBreakdowns() {
    CliRun r =
        CliRun.of(
                "simulate",
                "--model",
                "alexnet",
                "--accelerator",
                "ws-16x16-int8",
                "--energy-table",
                "accelergy-45nm")
            .succeeds();
    String out = r.out();
    // the resolved table
    assertThat(out).contains("Energy table: accelergy-45nm (selected; classpath:");
    // Silica's own breakdown: component, action key, priced by accelergy-45nm, per level
    assertThat(out).contains("Energy by component", "Energy by action");
    assertThat(r.outLines())
        .anySatisfy(l -> assertThat(l).startsWith("pe_array").contains("mac.int8", "0.845"))
        .anySatisfy(l ->
            assertThat(l)
                .startsWith("glb.psums")
                .contains("sram.read[capacity_bytes=131072,width_bits=64]", "accelergy-45nm"))
        .anySatisfy(l -> assertThat(l).startsWith("pe_links.inputs").contains("noc.hop"))
        .anySatisfy(l -> assertThat(l).startsWith("weight_rf").contains("regfile.read"))
        .anySatisfy(l -> assertThat(l).startsWith("dram.weights").contains("dram.read.bits"));
    // the Accelergy-shaped one, in the ERT's names and units: alexnet's 724,406,816 MACs at
    // 0.845 pJ (ERT mac_int8 mac_random); DRAM in 64-bit LPDDR4 reads of 512 pJ
    assertThat(out).contains("Energy in Accelergy's shape (Accelergy components and actions");
    assertThat(out)
        .containsPattern(
            "ref_accel\\.PE\\[0\\.\\.255\\]\\.mac_int8 +mac_random +724406816 +0\\.845 +"
                + "6\\.121238e\\+08")
        .containsPattern("ref_accel\\.dram_lpddr4 +read +\\d+ +512 ")
        .containsPattern("ref_accel\\.glb_128KB +write +\\d+ +26\\.065 ")
        .containsPattern("ref_accel\\.PE\\[0\\.\\.255\\]\\.rf_w8_d16 +read +724406816 +0\\.06794 ")
        .containsPattern("ref_accel\\.hop_w32 +transfer_random +\\d+ +1\\.04128 ");
    assertThat(out)
        .contains(
            "component  ",
            "action  ",
            "count  ",
            "pj_per_action  ",
            "energy_pj  ",
            "share_percent  ");
    // both total the same energy: the summary (4 digits) and the shaped total (7 digits)
    assertThat(summaryEnergy(out)).isEqualTo("1.868e+10");
    assertThat(shapedTotal(out)).contains("1.868231e+10");
  }

  @Test
  void theDefaultIsHorowitzAndAnExplicitHorowitzGivesTheSameNumbers() {
    CliRun def =
        CliRun.of("simulate", "--model", "dqn", "--accelerator", "ws-16x16-int8").succeeds();
    CliRun hor =
        CliRun.of(
                "simulate",
                "--model",
                "dqn",
                "--accelerator",
                "ws-16x16-int8",
                "--energy-table",
                "horowitz-45nm")
            .succeeds();
    assertThat(def.out()).contains("Energy table: horowitz-45nm (default");
    assertThat(hor.out()).contains("Energy table: horowitz-45nm (selected");
    assertThat(def.out()).contains("Energy in Accelergy's shape (Silica components and actions)");
    assertThat(summaryEnergy(def.out())).isEqualTo(summaryEnergy(hor.out()));
    assertThat(shapedTotal(def.out())).isEqualTo(shapedTotal(hor.out()));
  }

  @Test
  void reportWritesTheAccelergyShapedCsv() throws IOException {
    CliRun.of(
            "simulate",
            "--model",
            "dqn",
            "--accelerator",
            "ws-16x16-int8",
            "--energy-table",
            "accelergy-45nm",
            "--report",
            tmp.toString())
        .succeeds();
    List<String> csv = Files.readAllLines(tmp.resolve("dqn-ws-16x16-int8-accelergy.csv"));
    assertThat(csv.getFirst())
        .isEqualTo(
            "component,action,count,pj_per_action,energy_pj,share_percent,"
                + "silica_component,silica_action,source");
    assertThat(csv).anySatisfy(l -> assertThat(l).startsWith("ref_accel.PE[0..255].mac_int8,"));
  }

  /**
   * The README's "bring your own Accelergy tables" recipe: an ERT and a mapping file next to it,
   * here the shipped ERT with the DRAM pointed at HBM2 (249.6 pJ per 64-bit access).
   */
  @Test
  void aUserMappingFileNextToItsErt() throws IOException {
    try (InputStream in =
        getClass()
            .getClassLoader()
            .getResourceAsStream("dev/silica/simulator/energy/accelergy-45nm/ERT.yaml")) {
      Files.write(tmp.resolve("ERT.yaml"), in.readAllBytes());
    }
    Path mapping =
        Files.writeString(
            tmp.resolve("my-tables.yaml"),
            """
            version: 1
            kind: accelergy_mapping
            name: my-hbm2
            technology_nm: 45
            vdd_v: 1.0
            source: "my Accelergy run"
            inputs: { ert: ERT.yaml }
            energy_pj:
              mac.int8: { component: "ref_accel.PE[0..255].mac_int8", action: mac_random }
              add.int32: { component: "ref_accel.PE[0..255].add_int32", action: add }
              regfile.read[width_bits=8]: { component: "ref_accel.PE[0..255].rf_w8_d16", action: read }
              regfile.write[width_bits=8]: { component: "ref_accel.PE[0..255].rf_w8_d16", action: write }
              noc.hop[width_bits=8]: { component: ref_accel.hop_w8, action: transfer_random }
              noc.hop[width_bits=32]: { component: ref_accel.hop_w32, action: transfer_random }
              sram.read[capacity_bytes=131072,width_bits=64]: { component: ref_accel.glb_128KB, action: read }
              sram.write[capacity_bytes=131072,width_bits=64]: { component: ref_accel.glb_128KB, action: write }
              dram.read.bits: { component: ref_accel.dram_hbm2, action: read, count_per_action: 64 }
              dram.write.bits: { component: ref_accel.dram_hbm2, action: write, count_per_action: 64 }
            """,
            StandardCharsets.UTF_8);
    CliRun r =
        CliRun.of(
                "simulate",
                "--model",
                "dqn",
                "--accelerator",
                "ws-16x16-int8",
                "--energy-table",
                mapping.toString())
            .succeeds();
    assertThat(r.out())
        .contains("Energy table: my-hbm2 (selected; " + mapping)
        .containsPattern("ref_accel\\.dram_hbm2 +read +\\d+ +249\\.6 ");
  }

  @Test
  void badTablesAreOneLine() throws IOException {
    assertThat(
            CliRun.of(
                    "simulate",
                    "--model",
                    "dqn",
                    "--accelerator",
                    "ws-16x16-int8",
                    "--energy-table",
                    "accelergy-45mn")
                .failsWithOneLine())
        .startsWith(
            "silica: unknown energy table 'accelergy-45mn' (did you mean 'accelergy-45nm'?");
    // a design the table has no price for: eyeriss-like's 36 KiB x 8 b SRAMs are not in the ERT
    assertThat(
            CliRun.of(
                    "simulate",
                    "--model",
                    "dqn",
                    "--accelerator",
                    "eyeriss-like",
                    "--energy-table",
                    "accelergy-45nm")
                .failsWithOneLine())
        .startsWith(
            "silica: no energy entry for 'sram.read[capacity_bytes=36864,width_bits=8]'"
                + " (component ifmap_sram); tables consulted: accelergy-45nm");
  }
}
