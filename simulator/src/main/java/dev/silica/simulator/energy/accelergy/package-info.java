/**
 * Accelergy's tables in Silica: {@link dev.silica.simulator.energy.accelergy.AccelergyTables} reads
 * Accelergy 0.4's energy and area reference tables ({@link
 * dev.silica.simulator.energy.accelergy.Ert}, {@link dev.silica.simulator.energy.accelergy.Art})
 * and, through an {@link dev.silica.simulator.energy.accelergy.AccelergyMapping} from Silica keys
 * to Accelergy components and actions, builds Silica {@code EnergyTable}s and {@code AreaTable}s
 * whose every entry names the Accelergy entry it came from. {@link
 * dev.silica.simulator.energy.accelergy.EnergyTables} selects a table set by name ({@code
 * horowitz-45nm}, the default, or {@code accelergy-45nm}) or path; {@link
 * dev.silica.simulator.energy.accelergy.AccelergyBreakdown} writes an energy breakdown in
 * Accelergy's shape so the two tools' outputs can be diffed row by row.
 */
package dev.silica.simulator.energy.accelergy;
