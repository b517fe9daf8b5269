/**
 * Energy and area as data: models count {@link dev.silica.simulator.energy.Action}s per component
 * into {@link dev.silica.simulator.energy.ActionCounts}; an {@link
 * dev.silica.simulator.energy.EnergyTable} (pJ per action) and an {@link
 * dev.silica.simulator.energy.AreaTable} (µm² per {@link
 * dev.silica.simulator.energy.ComponentKind}) price them; {@link
 * dev.silica.simulator.energy.EnergyModel} produces {@link
 * dev.silica.simulator.energy.EnergyBreakdown} and {@link
 * dev.silica.simulator.energy.AreaBreakdown} rows that each name the table entry and source they
 * came from.
 *
 * <p>The built-in table ({@code horowitz-45nm.yaml}) holds Horowitz's ISSCC 2014 45 nm numbers
 * verbatim plus stated fits for widths and SRAM geometries nobody published; {@link
 * dev.silica.simulator.energy.TechnologyScaling} moves it to other nodes. The fits and their errors
 * are listed in {@link dev.silica.simulator.energy.EnergyModel}.
 */
package dev.silica.simulator.energy;
