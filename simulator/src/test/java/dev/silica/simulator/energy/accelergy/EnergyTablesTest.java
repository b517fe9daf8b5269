package dev.silica.simulator.energy.accelergy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silica.simulator.energy.Action;
import dev.silica.simulator.energy.AreaTable;
import dev.silica.simulator.energy.EnergyTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Selecting a table set by name or path. */
class EnergyTablesTest {
  @Test
  void theBuiltInSetsByName() {
    assertThat(EnergyTables.names()).containsExactly("horowitz-45nm", "accelergy-45nm");
    EnergyTableSet h = EnergyTables.named("horowitz-45nm");
    assertThat(h.energy()).isSameAs(EnergyTable.horowitz45nm());
    assertThat(h.requireArea()).isSameAs(AreaTable.horowitz45nm());
    assertThat(EnergyTables.defaults().name()).isEqualTo("horowitz-45nm");

    EnergyTableSet a = EnergyTables.named("accelergy-45nm");
    assertThat(a.name()).isEqualTo("accelergy-45nm");
    assertThat(a.energy().name()).isEqualTo("accelergy-45nm");
    assertThat(a.origin())
        .isEqualTo("classpath:dev/silica/simulator/energy/accelergy-45nm/mapping.yaml");
    assertThat(a.energy().energyPj(Action.mac("int8"))).isEqualTo(0.845);
    assertThat(EnergyTables.named("accelergy-45nm")).isSameAs(a); // built once
  }

  @Test
  void anUnknownNameListsTheValidOnes() {
    assertThatThrownBy(() -> EnergyTables.named("accelergy-45"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown energy table 'accelergy-45' (did you mean 'accelergy-45nm'? valid:"
                + " horowitz-45nm, accelergy-45nm, or the path of a kind: energy_table or kind:"
                + " accelergy_mapping file)");
    assertThatThrownBy(() -> EnergyTables.named("cacti"))
        .hasMessage(
            "unknown energy table 'cacti' (valid: horowitz-45nm, accelergy-45nm, or the path of"
                + " a kind: energy_table or kind: accelergy_mapping file)");
  }

  @Test
  void aPathToAnEnergyTableFile(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("measured.yaml");
    Files.writeString(
        f,
        """
        version: 1
        kind: energy_table
        name: measured
        technology_nm: 45
        vdd_v: 0.9
        source: "bench"
        energy_pj:
          mac.int8: { value: 0.25, source: "our silicon" }
        """);
    EnergyTableSet s = EnergyTables.named(f.toString());
    assertThat(s.name()).isEqualTo("measured");
    assertThat(s.energy().energyPj(Action.mac("int8"))).isEqualTo(0.25);
    assertThat(s.area()).isEmpty();
    assertThat(s.origin()).isEqualTo(f.toString());
  }

  @Test
  void aPathToAMappingFileReadsTheTablesBesideIt(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("ERT.yaml"), AccelergyRefs.resource("ERT.yaml"));
    Files.writeString(
        dir.resolve("hbm.yaml"),
        """
        version: 1
        kind: accelergy_mapping
        name: accelergy-hbm2
        technology_nm: 45
        vdd_v: 1.0
        source: "Accelergy ERT, HBM2"
        inputs: { ert: ERT.yaml }
        energy_pj:
          dram.read.bits: { component: ref_accel.dram_hbm2, action: read, count_per_action: 64 }
        """);
    EnergyTableSet s = EnergyTables.named(dir.resolve("hbm.yaml").toString());
    assertThat(s.name()).isEqualTo("accelergy-hbm2");
    // HBM2: 249.6 pJ per 64-bit access / 64 = 3.9 pJ/bit
    assertThat(s.energy().energyPj(Action.DRAM_READ_BITS)).isEqualTo(249.6 / 64);
    assertThat(s.energy().lookup(Action.DRAM_READ_BITS).orElseThrow().source())
        .isEqualTo(
            "accelergy ERT.yaml: ref_accel.dram_hbm2 read (global_cycle_seconds=1e-09);"
                + " 249.6 pJ / 64 dram.read.bits per read");
  }
}
