package dev.silica.simulator.energy.accelergy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silica.simulator.energy.Action;
import dev.silica.simulator.energy.AreaTable;
import dev.silica.simulator.energy.ComponentKind;
import dev.silica.simulator.energy.EnergyTable;
import dev.silica.simulator.energy.TableEntry;
import dev.silica.simulator.spec.InvalidSpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reading Accelergy 0.4's ERT and ART (shared/refs/accelergy, shipped verbatim as resources) and
 * the {@code accelergy-45nm} tables built from them. The oracle is Accelergy's own flattened
 * output, {@code ERT.csv} and {@code ART.csv}: every row must come back exactly.
 */
class AccelergyTablesTest {
  private static final Ert ERT = AccelergyRefs.ert();
  private static final Art ART = AccelergyRefs.art();

  @Test
  void theShippedInputsAreTheSharedReferencesByteForByte() throws IOException {
    var shared = AccelergyRefs.shared();
    for (String f : List.of("ERT.yaml", "ART.yaml", "ERT.csv", "ART.csv", "architecture.yaml")) {
      assertThat(AccelergyRefs.resource(f)).as(f).isEqualTo(Files.readString(shared.resolve(f)));
    }
    // and reading the shared files themselves gives the same tables
    assertThat(AccelergyTables.readErt(shared.resolve("ERT.yaml")).entries())
        .isEqualTo(ERT.entries());
    assertThat(AccelergyTables.readArt(shared.resolve("ART.yaml")).entries())
        .isEqualTo(ART.entries());
  }

  @Test
  void everyErtCsvRowIsReproducedExactly() {
    List<AccelergySummary.Row> rows = AccelergyRefs.ertCsv().rows();
    // ERT.csv: 79 rows (component, action) for 30 components
    assertThat(rows).hasSize(79);
    assertThat(ERT.entries()).hasSize(rows.size());
    assertThat(ERT.components()).hasSize(30);
    assertThat(ERT.version()).isEqualTo("0.4");
    for (AccelergySummary.Row r : rows) {
      Ert.Entry e = ERT.entry(r.component(), r.action());
      assertThat(e.energyPj()).as(r.component() + " " + r.action()).isEqualTo(r.value());
      // the CSV's attributes end with the argument Accelergy priced at
      assertThat(e.arguments()).containsExactly(Map.entry("global_cycle_seconds", "1e-09"));
      assertThat(r.attributes()).endsWith("global_cycle_seconds=1e-09");
    }
    // spot checks against the README: int8 MAC 0.845 pJ, 8 KB x32 SRAM read 5.247, 1 MB 93.5192
    assertThat(ERT.energyPj("ref_accel.PE[0..255].mac_int8", "mac_random")).isEqualTo(0.845);
    assertThat(ERT.energyPj("ref_accel.sram_8KB_w32", "read")).isEqualTo(5.247);
    assertThat(ERT.energyPj("ref_accel.glb_1MB", "read")).isEqualTo(93.5192);
    assertThat(ERT.energyPj("ref_accel.PE[0..255].rf_sram_w16_d32", "leak")).isEqualTo(2.91478e-06);
  }

  @Test
  void everyArtCsvRowIsReproducedExactly() {
    List<AccelergySummary.Row> rows = AccelergyRefs.artCsv().rows();
    assertThat(rows).hasSize(30);
    assertThat(ART.entries()).hasSize(30);
    for (AccelergySummary.Row r : rows) {
      assertThat(ART.areaUm2(r.component())).as(r.component()).isEqualTo(r.value());
    }
    assertThat(ART.areaUm2("ref_accel.glb_1MB")).isEqualTo(3262830.0);
  }

  @Test
  void theAccelergy45nmEnergyTableIsTheErtDividedByCountPerAction() {
    AccelergyTableSet set = AccelergyTables.accelergy45nm();
    EnergyTable t = set.tables().energy();
    assertThat(t.name()).isEqualTo("accelergy-45nm");
    assertThat(t.technologyNm()).isEqualTo(45);
    // 11 arithmetic + 8 register + 14 SRAM + 4 DRAM + 3 wire entries
    assertThat(t.publishedPj()).hasSize(40);
    for (AccelergyTableSet.BoundAction b : set.energy()) {
      double expected =
          ERT.energyPj(b.entry().component(), b.entry().action()) / b.countPerAction();
      assertThat(t.energyPj(b.action())).as(b.action().key()).isEqualTo(expected);
    }
    TableEntry mac = t.lookup(Action.mac("int8")).orElseThrow();
    assertThat(mac.value()).isEqualTo(0.845);
    assertThat(mac.table()).isEqualTo("accelergy-45nm");
    assertThat(mac.source())
        .isEqualTo(
            "accelergy ERT.yaml: ref_accel.PE[0..255].mac_int8 mac_random"
                + " (Aladdin_table, global_cycle_seconds=1e-09)");
    // LPDDR4 64-bit access 512 pJ / 64 bits = 8 pJ/bit (README: LPDDR4 8 pJ/bit)
    TableEntry dram = t.lookup(Action.DRAM_READ_BITS).orElseThrow();
    assertThat(dram.value()).isEqualTo(8.0);
    assertThat(dram.source())
        .isEqualTo(
            "accelergy ERT.yaml: ref_accel.dram_lpddr4 read (CactiDRAM, global_cycle_seconds=1e-09);"
                + " 512 pJ / 64 dram.read.bits per read");
    TableEntry glb = t.lookup(Action.sramRead(131072, 64)).orElseThrow();
    assertThat(glb.value()).isEqualTo(32.2859);
    assertThat(glb.source())
        .isEqualTo(
            "accelergy ERT.yaml: ref_accel.glb_128KB read (CactiSRAM, global_cycle_seconds=1e-09)");
    assertThat(t.energyPj(Action.regfileRead(8))).isEqualTo(0.06794);
    assertThat(t.energyPj(Action.nocHop(32))).isEqualTo(1.04128);
  }

  @Test
  void theAccelergy45nmAreaTableIsTheArt() {
    AccelergyTableSet set = AccelergyTables.accelergy45nm();
    AreaTable a = set.tables().requireArea();
    // 11 arithmetic + 5 register + 7 SRAM entries (DRAM and wires have no area)
    assertThat(a.publishedUm2()).hasSize(23);
    for (AccelergyTableSet.BoundArea b : set.area()) {
      assertThat(a.areaUm2(b.kind()))
          .as(b.kind().key())
          .isEqualTo(ART.areaUm2(b.entry().component()));
    }
    TableEntry glb = a.lookup(ComponentKind.sram(131072, 64)).orElseThrow();
    assertThat(glb.value()).isEqualTo(429589.0);
    assertThat(glb.source())
        .isEqualTo("accelergy ART.yaml: ref_accel.glb_128KB (CactiSRAM), um^2 per instance");
  }

  @Test
  void anUnknownComponentNamesItAndListsTheClosest() {
    assertThatThrownBy(() -> ERT.entry("ref_accel.PE[0..255].mac_int9", "mac_random"))
        .isInstanceOf(UnknownAccelergyEntryException.class)
        .hasMessage(
            "unknown Accelergy component 'ref_accel.PE[0..255].mac_int9' in ERT.yaml (close:"
                + " ref_accel.PE[0..255].mac_int8, ref_accel.PE[0..255].mac_int16,"
                + " ref_accel.PE[0..255].mac_int32)");
    assertThatThrownBy(() -> ART.entry("ref_accel.glb_256KB"))
        .hasMessage(
            "unknown Accelergy component 'ref_accel.glb_256KB' in ART.yaml (close:"
                + " ref_accel.glb_128KB, ref_accel.glb_64KB, ref_accel.glb_1MB)");
  }

  @Test
  void anUnknownActionNamesItAndListsTheClosest() {
    assertThatThrownBy(() -> ERT.entry("ref_accel.glb_128KB", "raed"))
        .isInstanceOf(UnknownAccelergyEntryException.class)
        .hasMessage(
            "unknown action 'raed' of Accelergy component 'ref_accel.glb_128KB' in ERT.yaml"
                + " (close: read, leak, write)");
  }

  @Test
  void argumentsPickAnEntryAndAreComparedAsNumbers() {
    // 1e-9 (as a user writes it) matches the ERT's 1e-09
    assertThat(
            ERT.entry("ref_accel.glb_128KB", "read", Map.of("global_cycle_seconds", "1e-9"))
                .energyPj())
        .isEqualTo(32.2859);
    assertThatThrownBy(
            () -> ERT.entry("ref_accel.glb_128KB", "read", Map.of("global_cycle_seconds", "2e-9")))
        .hasMessage(
            "Accelergy component 'ref_accel.glb_128KB' action 'read' in ERT.yaml has no entry"
                + " with arguments {global_cycle_seconds=2e-9} (has: {global_cycle_seconds=1e-09})");
  }

  @Test
  void anErtWithTwoArgumentSetsForOneActionMustBeGivenArguments() {
    Ert two =
        AccelergyTables.parseErt(
            "two.yaml",
            """
            ERT:
                version: '0.4'
                tables:
                  - name: a.mac
                    actions:
                      - name: mac_random
                        arguments: {global_cycle_seconds: 1e-09}
                        energy: 0.845
                      - name: mac_random
                        arguments: {global_cycle_seconds: 2e-09}
                        energy: 0.9
            """);
    assertThatThrownBy(() -> two.entry("a.mac", "mac_random"))
        .hasMessage(
            "Accelergy component 'a.mac' action 'mac_random' in two.yaml has 2 entries"
                + " ({global_cycle_seconds=1e-09}, {global_cycle_seconds=2e-09}): give arguments"
                + " to pick one");
    assertThat(two.entry("a.mac", "mac_random", Map.of("global_cycle_seconds", "2e-09")).energyPj())
        .isEqualTo(0.9);
  }

  @Test
  void malformedTablesFailAtTheirLine() {
    assertThatThrownBy(() ->
            AccelergyTables.parseErt(
                "old.yaml",
                """
                ERT:
                  version: '0.3'
                  tables: []
                """))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessage(
            "old.yaml:2: ERT.version: must be '0.4' (the Accelergy table format read here),"
                + " got '0.3'");
    assertThatThrownBy(() ->
            AccelergyTables.parseErt(
                "typo.yaml",
                """
                ERT:
                  version: '0.4'
                  tables:
                    - name: a.mac
                      actions:
                        - name: mac_random
                          energi: 0.845
                """))
        .hasMessage(
            "typo.yaml:7: unknown key 'ERT.tables[0].actions[0].energi' (did you mean"
                + " 'ERT.tables[0].actions[0].energy'? valid: name, arguments, energy)");
    assertThatThrownBy(() ->
            AccelergyTables.parseArt(
                "neg.yaml",
                """
                ART:
                  version: '0.4'
                  tables:
                    - name: a.mac
                      area: -1
                """))
        .hasMessage("neg.yaml:5: ART.tables[0].area: must be a non-negative number, got -1");
    assertThatThrownBy(() ->
            AccelergyTables.parseArt(
                "dup.yaml",
                """
                ART:
                  version: '0.4'
                  tables:
                    - name: a.mac
                      area: 1
                    - name: a.mac
                      area: 2
                """))
        .hasMessage(
            "dup.yaml:6: ART.tables[1].name: duplicate component 'a.mac' (first at line 4)");
  }
}
