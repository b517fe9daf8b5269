package dev.silica.simulator.energy;

/**
 * A priced table key: the value (pJ per action or µm² per instance), the table and entry it came
 * from, and the entry's {@code source:} string, which reports carry along.
 *
 * @param table the table's name (with its node when scaled, e.g. {@code horowitz-45nm@7nm})
 * @param entry the entry key used, or {@code rule <model>: <key>} for a derived value
 * @param value pJ (energy tables) or µm² (area tables)
 * @param source provenance, including the formula and scaling factor for derived values
 */
public record TableEntry(String table, String entry, double value, String source) {}
