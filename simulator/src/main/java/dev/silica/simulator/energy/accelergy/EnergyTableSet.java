package dev.silica.simulator.energy.accelergy;

import dev.silica.simulator.energy.AreaTable;
import dev.silica.simulator.energy.EnergyTable;
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

  /** The area table; throws naming this set when it has none. */
  public AreaTable requireArea() {
    return area.orElseThrow(() ->
        new IllegalArgumentException(
            "energy table set " + name + " (" + origin + ") has no area_um2 section"));
  }
}
