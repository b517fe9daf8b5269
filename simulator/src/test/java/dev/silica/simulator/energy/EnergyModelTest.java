package dev.silica.simulator.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.silica.simulator.spec.SpecKind;
import dev.silica.simulator.spec.SpecLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnergyModelTest {
  private static final EnergyTable H = EnergyTable.horowitz45nm();

  @Test
  void energyIsCountTimesPriceByComponentAndAction() {
    ActionCounts c = new ActionCounts();
    c.add("pe_array", Action.mac("int8"), 1000); // 1000 x 0.3 pJ = 300 pJ
    c.add("weights_sram", Action.sramRead(8192, 64), 10); // 10 x 10 pJ = 100 pJ
    c.add("dram", Action.DRAM_READ_BITS, 64); // 64 x 20 pJ = 1280 pJ
    c.add("ifmap_sram", Action.sramRead(8192, 64), 1); // 10 pJ
    EnergyBreakdown b = EnergyModel.evaluate(c, H);

    assertThat(b.totalPj()).isCloseTo(300 + 100 + 1280 + 10, within(1e-9));
    assertThat(b.rows()).hasSize(4);
    EnergyBreakdown.Row sram = b.rows().get(1);
    assertThat(sram.component()).isEqualTo("weights_sram");
    assertThat(sram.action()).isEqualTo("sram.read[capacity_bytes=8192,width_bits=64]");
    assertThat(sram.count()).isEqualTo(10);
    assertThat(sram.pjEach()).isEqualTo(10.0);
    assertThat(sram.table()).isEqualTo("horowitz-45nm");
    assertThat(sram.entry()).isEqualTo("sram.read[capacity_bytes=8192,width_bits=64]");
    assertThat(sram.source()).contains("64-bit read, 8 KB");
    assertThat(b.byComponent()).containsKeys("pe_array", "weights_sram", "dram", "ifmap_sram");
    assertThat(b.byAction().get("sram.read[capacity_bytes=8192,width_bits=64]"))
        .isCloseTo(110, within(1e-9));
    assertThat(b.sumOfRowsPj()).isEqualTo(b.totalPj());
  }

  @Test
  void theFirstTableThatCanPriceAnActionWins() {
    EnergyTable measured =
        EnergyTable.fromSpec(
            SpecLoader.load(
                "measured.yaml",
                """
                version: 1
                kind: energy_table
                name: measured
                technology_nm: 45
                vdd_v: 0.9
                source: "bench measurement"
                energy_pj:
                  mac.int8: { value: 0.25, source: "our silicon" }
                """,
                SpecKind.ENERGY_TABLE));
    ActionCounts c = new ActionCounts();
    c.add("pe", Action.mac("int8"), 4);
    c.add("pe", Action.of("add.int32"), 2);
    EnergyBreakdown b = EnergyModel.evaluate(c, measured, H);
    assertThat(b.rows().get(0).table()).isEqualTo("measured");
    assertThat(b.rows().get(0).energyPj()).isCloseTo(1.0, within(1e-12));
    assertThat(b.rows().get(1).table()).isEqualTo("horowitz-45nm");
  }

  @Test
  void aMissingEntryListsTheTablesConsultedAndTheNearestKeys() {
    ActionCounts c = new ActionCounts();
    c.add("pe_array", Action.mac("bf16"), 1);
    assertThatThrownBy(() -> EnergyModel.evaluate(c, H))
        .isInstanceOf(MissingEntryException.class)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "no energy entry for 'mac.bf16' (component pe_array); tables consulted: horowitz-45nm"
                + " (rule mult_plus_add (mac) needs mult.bf16, which horowitz-45nm lacks);"
                + " nearest keys: add.fp16, mult.fp16, add.int16");
  }

  @Test
  void anUnknownActionSaysNoRuleMatched() {
    assertThatThrownBy(() -> H.energyPj(Action.of("sram.weights.read")))
        .isInstanceOf(MissingEntryException.class)
        .hasMessageStartingWith(
            "no energy entry for 'sram.weights.read'; tables consulted: horowitz-45nm (no entry or rule"
                + " for this key); nearest keys: ");
  }

  @Test
  void areaIsCountTimesAreaPerInstance() {
    AreaBreakdown a =
        EnergyModel.area(
            List.of(
                new AreaBreakdown.Item("pe_array.mac", ComponentKind.of("mac.int8"), 256),
                new AreaBreakdown.Item("weights_sram", ComponentKind.sram(65536, 64), 2)),
            AreaTable.horowitz45nm());
    double sram = 3.7267 * Math.pow(65536, 0.98736);
    assertThat(a.totalUm2()).isCloseTo(256 * 419 + 2 * sram, within(1e-6));
    assertThat(a.rows().get(0).entry())
        .isEqualTo("rule mult_plus_add: mac.int8 = mult.int8 + add.int32");
    assertThat(a.byInstance()).containsOnlyKeys("pe_array.mac", "weights_sram");
    assertThatThrownBy(() -> AreaTable.horowitz45nm().areaUm2(ComponentKind.of("noc.router")))
        .isInstanceOf(MissingEntryException.class)
        .hasMessageStartingWith("no area entry for 'noc.router'; tables consulted: horowitz-45nm");
  }

  @Test
  void tableKeysAreCanonical() {
    Action a = Action.parse("sram.read[width_bits=64,capacity_bytes=8192]");
    assertThat(a.key()).isEqualTo("sram.read[capacity_bytes=8192,width_bits=64]");
    assertThat(a).isEqualTo(Action.sramRead(8192, 64));
    assertThat(a.attribute("width_bits")).isEqualTo(64);
    assertThatThrownBy(() -> Action.of("Sram.Read"))
        .hasMessage(
            "table key name must be dotted lower-case segments [a-z][a-z0-9_]*, got 'Sram.Read'");
    assertThatThrownBy(() -> Action.sramRead(0, 64))
        .hasMessage("sram.read: attribute capacity_bytes must be positive, got 0");
  }
}
