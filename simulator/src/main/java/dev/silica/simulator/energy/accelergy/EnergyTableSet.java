package dev.silica.simulator.energy.accelergy;

import dev.silica.simulator.energy.AreaBreakdown;
import dev.silica.simulator.energy.AreaTable;
import dev.silica.simulator.energy.ComponentKind;
import dev.silica.simulator.energy.EnergyBreakdown;
import dev.silica.simulator.energy.EnergyModel;
import dev.silica.simulator.energy.EnergyTable;
import dev.silica.simulator.energy.MissingEntryException;
import dev.silica.simulator.energy.TableEntry;
import dev.silica.simulator.result.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An energy table and, when its file has one, the matching area table, under one name: what {@link
 * EnergyTables#named} returns and what {@code --energy-table} selects.
 *
 * @param name the set's name ({@code horowitz-45nm}, {@code accelergy-45nm}, or a file's table
 *     name)
 * @param energy pJ per action
 * @param area µm² per component kind, or empty when the file has no {@code area_um2:} section
 * @param origin where it came from ({@code built-in}, {@code classpath:…}, or a path)
 */
public record EnergyTableSet(
    String name, EnergyTable energy, Optional<AreaTable> area, String origin) {
  public EnergyTableSet {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(energy, "energy");
    Objects.requireNonNull(area, "area");
    Objects.requireNonNull(origin, "origin");
  }

  /**
   * {@code result} priced by this set: every action count of the run with this energy table alone
   * (an action it cannot price throws {@link MissingEntryException} naming it, the table and the
   * nearest keys; nothing is priced at zero or by another table), and every area row this set's
   * area table can price re-priced (rows it cannot keep the model's own price, whose {@code table}
   * names where it came from). Cycles, layers and action counts are unchanged; an infeasible result
   * is returned as is.
   */
  public RunResult price(RunResult result) {
    if (!result.isFeasible()) {
      return result;
    }
    EnergyBreakdown e =
        result.totals().actions().isEmpty()
            ? EnergyBreakdown.empty()
            : EnergyModel.evaluate(result.totals().actions(), energy);
    AreaBreakdown a = area.map(t -> reprice(result.area(), t)).orElse(result.area());
    return new RunResult(
        result.model(),
        result.accelerator(),
        result.feasibility(),
        result.clockHz(),
        result.layers(),
        result.totals(),
        e,
        a,
        result.config(),
        result.outputs());
  }

  private static AreaBreakdown reprice(AreaBreakdown modelArea, AreaTable table) {
    List<AreaBreakdown.Row> rows = new ArrayList<>();
    for (AreaBreakdown.Row r : modelArea.rows()) {
      TableEntry price;
      try {
        price = EnergyModel.priceArea(ComponentKind.parse(r.component()), List.of(table));
      } catch (MissingEntryException e) {
        rows.add(r);
        continue;
      }
      rows.add(
          new AreaBreakdown.Row(
              r.instance(),
              r.component(),
              r.count(),
              price.value(),
              r.count() * price.value(),
              price.table(),
              price.entry(),
              price.source()));
    }
    return AreaBreakdown.of(rows);
  }

  /** The area table; throws naming this set when it has none. */
  public AreaTable requireArea() {
    return area.orElseThrow(() ->
        new IllegalArgumentException(
            "energy table set " + name + " (" + origin + ") has no area_um2 section"));
  }
}
