/**
 * The simulation core shared by every accelerator model: the engine and clocks, the component SPI
 * ({@code AcceleratorModel}), memories, stats with units and aggregation rules, the energy/area
 * model (action counts times versioned energy and area tables), spec loading from YAML, and the
 * result model ({@code RunResult}, {@code LayerResult}, {@code Feasibility}).
 *
 * <p>It depends on {@code dev.silica.isa} (and through it on the IR); it never sees a concrete
 * accelerator, and reports see only its result model.
 */
package dev.silica.simulator;
