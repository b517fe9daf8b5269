package dev.silica.simulator.energy.accelergy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silica.simulator.energy.Action;
import dev.silica.simulator.spec.InvalidSpecException;
import org.junit.jupiter.api.Test;

/** Mapping files: syntax errors at their line, and unknown Accelergy names with suggestions. */
class AccelergyMappingTest {
  private static final String HEADER =
      """
      version: 1
      kind: accelergy_mapping
      name: mine
      technology_nm: 45
      vdd_v: 1.0
      source: "test"
      inputs: { ert: ERT.yaml, art: ART.yaml }
      """;

  /** Binds {@code HEADER + body} (energy entries start on line 9) to the shared ERT and ART. */
  private static AccelergyTableSet bind(String body) {
    AccelergyMapping m = AccelergyMapping.parse("m.yaml", HEADER + body);
    return AccelergyTables.build(m, AccelergyRefs.ert(), AccelergyRefs.art(), null, null);
  }

  @Test
  void aSmallMappingBuildsTablesWithoutEstimatorNames() {
    AccelergyTableSet s =
        bind(
            """
            energy_pj:
              dram.read.bits: { component: ref_accel.dram_hbm2, action: read, count_per_action: 64 }
              mac.int8:
                component: ref_accel.PE[0..255].mac_int8
                action: mac_random
                arguments: { global_cycle_seconds: 1e-9 }
            """);
    // HBM2 64-bit access 249.6 pJ / 64 = 3.9 pJ/bit (README: HBM2 3.9 pJ/bit)
    assertThat(s.tables().energy().energyPj(Action.DRAM_READ_BITS)).isEqualTo(249.6 / 64);
    assertThat(s.tables().energy().lookup(Action.mac("int8")).orElseThrow().source())
        .isEqualTo(
            "accelergy ERT.yaml: ref_accel.PE[0..255].mac_int8 mac_random"
                + " (global_cycle_seconds=1e-09)");
    assertThat(s.tables().area()).isEmpty();
  }

  @Test
  void anUnknownComponentFailsAtItsLineWithTheClosestNames() {
    assertThatThrownBy(() ->
            bind(
                """
                energy_pj:
                  mac.int8: { component: "ref_accel.PE[0..255].mac_int9", action: mac_random }
                """))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessage(
            "m.yaml:9: energy_pj.mac.int8.component: unknown Accelergy component"
                + " 'ref_accel.PE[0..255].mac_int9' in ERT.yaml (close:"
                + " ref_accel.PE[0..255].mac_int8, ref_accel.PE[0..255].mac_int16,"
                + " ref_accel.PE[0..255].mac_int32)");
  }

  @Test
  void anUnknownActionFailsAtItsLineWithTheClosestNames() {
    assertThatThrownBy(() ->
            bind(
                """
                energy_pj:
                  sram.read[capacity_bytes=131072,width_bits=64]:
                    component: ref_accel.glb_128KB
                    action: reed
                """))
        .hasMessage(
            "m.yaml:11: energy_pj.sram.read[capacity_bytes=131072,width_bits=64].action:"
                + " unknown action 'reed' of Accelergy component 'ref_accel.glb_128KB' in ERT.yaml"
                + " (close: read, leak, write)");
  }

  @Test
  void argumentsTheErtLacksFailAtTheirLine() {
    assertThatThrownBy(() ->
            bind(
                """
                energy_pj:
                  mac.int8:
                    component: ref_accel.PE[0..255].mac_int8
                    action: mac_random
                    arguments: { global_cycle_seconds: 2e-9 }
                """))
        .hasMessage(
            "m.yaml:12: energy_pj.mac.int8.arguments: Accelergy component"
                + " 'ref_accel.PE[0..255].mac_int8' action 'mac_random' in ERT.yaml has no entry"
                + " with arguments {global_cycle_seconds=2e-9} (has: {global_cycle_seconds=1e-09})");
  }

  @Test
  void anUnknownAreaComponentFailsAtItsLine() {
    assertThatThrownBy(() ->
            bind(
                """
                energy_pj: {}
                area_um2:
                  sram[capacity_bytes=262144,width_bits=64]: { component: ref_accel.glb_256KB }
                """))
        .hasMessage(
            "m.yaml:10: area_um2.sram[capacity_bytes=262144,width_bits=64].component: unknown"
                + " Accelergy component 'ref_accel.glb_256KB' in ART.yaml (close:"
                + " ref_accel.glb_128KB, ref_accel.glb_64KB, ref_accel.glb_1MB)");
  }

  @Test
  void syntaxErrorsFailAtTheirLine() {
    assertThatThrownBy(() ->
            bind(
                """
                energy_pj:
                  sram.read[width_bits=64,capacity_bytes=131072]: { component: ref_accel.glb_128KB, action: read }
                """))
        .hasMessage(
            "m.yaml:9: energy_pj.sram.read[width_bits=64,capacity_bytes=131072]: key must be"
                + " written in canonical form 'sram.read[capacity_bytes=131072,width_bits=64]'"
                + " (attributes sorted)");
    assertThatThrownBy(() ->
            bind(
                """
                energy_pj:
                  mac.int8: { component: x, acton: mac_random }
                """))
        .hasMessage(
            "m.yaml:9: unknown key 'energy_pj.mac.int8.acton' (did you mean"
                + " 'energy_pj.mac.int8.action'? valid: component, action, arguments,"
                + " count_per_action)");
    assertThatThrownBy(() ->
            bind(
                """
                energy_pj:
                  dram.read.bits: { component: ref_accel.dram_lpddr4, action: read, count_per_action: 0 }
                """))
        .hasMessage(
            "m.yaml:9: energy_pj.dram.read.bits.count_per_action: must be a positive integer,"
                + " got 0");
    assertThatThrownBy(() ->
            bind(
                """
                energy_pj:
                  MAC.int8: { component: x, action: y }
                """))
        .hasMessage(
            "m.yaml:9: energy_pj.MAC.int8: table key must look like name[attr=value,...], got"
                + " 'MAC.int8'");
    assertThatThrownBy(() ->
            AccelergyMapping.parse("k.yaml", HEADER.replace("accelergy_mapping", "energy_table")))
        .hasMessage("k.yaml:2: kind: must be accelergy_mapping, got energy_table");
    assertThatThrownBy(
            () -> AccelergyMapping.parse("i.yaml", HEADER.replace("{ ert: ERT.yaml, ", "{ ")))
        .hasMessage("i.yaml:7: missing key 'inputs.ert'");
  }

  @Test
  void theShippedMappingCoversTheSilicaActionsModelsCount() {
    AccelergyMapping m = AccelergyTables.accelergy45nm().mapping();
    assertThat(m.name()).isEqualTo("accelergy-45nm");
    for (Action a :
        new Action[] {
          Action.mac("int8"),
          Action.mac("int16"),
          Action.mac("fp16"),
          Action.sramRead(131072, 64),
          Action.sramWrite(131072, 64),
          Action.DRAM_READ_BITS,
          Action.DRAM_WRITE_BITS,
          Action.regfileRead(8),
          Action.regfileWrite(32),
          Action.nocHop(8),
          Action.nocHop(32)
        }) {
      assertThat(m.energyEntry(a)).as(a.key()).isPresent();
    }
  }
}
