package dev.silica.simulator.energy.accelergy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.silica.simulator.energy.Action;
import dev.silica.simulator.energy.ActionCounts;
import dev.silica.simulator.energy.AreaBreakdown;
import dev.silica.simulator.energy.AreaTable;
import dev.silica.simulator.energy.ComponentKind;
import dev.silica.simulator.energy.EnergyTable;
import dev.silica.simulator.energy.MissingEntryException;
import dev.silica.simulator.result.LayerResult;
import dev.silica.simulator.result.RunResult;
import dev.silica.simulator.result.SimInvariants;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Re-pricing a run with a selected table set ({@code --energy-table}). */
class EnergyTableSetPriceTest {
  private static RunResult run(ActionCounts counts, List<AreaBreakdown.Item> items) {
    LayerResult l =
        new LayerResult("mm", "gemm", 10, Map.of(LayerResult.COMPUTE, 10L), 1000, 256, counts);
    return RunResult.builder("g", "a", 1e9)
        .layer(l)
        .energyTables(EnergyTable.horowitz45nm())
        .area(items, AreaTable.horowitz45nm())
        .build();
  }

  @Test
  void theSelectedSetPricesEveryActionAndTheAreaItCan() {
    ActionCounts c = new ActionCounts();
    c.add("pe_array", Action.mac("int8"), 1000);
    c.add("dram", Action.DRAM_READ_BITS, 640);
    RunResult horowitz =
        run(c, List.of(new AreaBreakdown.Item("pe_array", ComponentKind.of("mac.int8"), 256)));
    // Horowitz: 1000 x 0.3 + 640 x 20 = 13100 pJ
    assertThat(horowitz.energyPj()).isCloseTo(13_100, within(1e-9));
    RunResult accelergy = EnergyTables.named("accelergy-45nm").price(horowitz);
    SimInvariants.check(accelergy);
    // accelergy-45nm: 1000 x 0.845 + 640 bits = 10 LPDDR4 reads x 512 = 845 + 5120 = 5965 pJ
    assertThat(accelergy.energyPj()).isCloseTo(5965, within(1e-9));
    assertThat(accelergy.energy().rows()).allMatch(r -> r.table().equals("accelergy-45nm"));
    // area: 256 x 466.375 um^2 (ART mac_int8)
    assertThat(accelergy.areaUm2()).isEqualTo(256 * 466.375);
    // counts and cycles are the run's
    assertThat(accelergy.totals()).isEqualTo(horowitz.totals());
    assertThat(accelergy.layers()).isEqualTo(horowitz.layers());
  }

  @Test
  void anActionTheSetCannotPriceFailsNamingIt() {
    ActionCounts c = new ActionCounts();
    // Horowitz prices an instruction (70 pJ); the Accelergy ERT has no such action
    c.add("core", Action.INSTRUCTION, 1);
    RunResult r = run(c, List.of());
    assertThatThrownBy(() -> EnergyTables.named("accelergy-45nm").price(r))
        .isInstanceOf(MissingEntryException.class)
        .hasMessageStartingWith(
            "no energy entry for 'instruction' (component core); tables consulted:"
                + " accelergy-45nm");
  }

  @Test
  void onlyMappingBackedNamesHaveAnAccelergyBinding() {
    assertThat(EnergyTables.accelergy("accelergy-45nm"))
        .containsSame(AccelergyTables.accelergy45nm());
    assertThat(EnergyTables.accelergy("horowitz-45nm")).isEmpty();
    assertThatThrownBy(() -> EnergyTables.accelergy("nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown energy table 'nope'");
  }
}
