/**
 * The simulation core every accelerator model plugs into.
 *
 * <ul>
 *   <li>This package: the SPI, {@link dev.silica.simulator.AcceleratorModel} (name, {@link
 *       dev.silica.simulator.Capability capabilities}, {@code check} → {@code Feasibility}, {@code
 *       run} → {@code RunResult}), {@link dev.silica.simulator.RunOptions} with the {@link
 *       dev.silica.simulator.Fidelity} tier, and {@link dev.silica.simulator.SimulationListener}.
 *   <li>{@code result}: the result model ({@code RunResult}, {@code LayerResult}, {@code Totals},
 *       sealed {@code Feasibility}) and {@code SimInvariants}.
 *   <li>{@code energy}: action counts, energy and area tables (Horowitz 45 nm with stated fits,
 *       technology scaling), breakdowns.
 *   <li>{@code stats}: metrics with units and aggregation rules, counter/formula scopes, snapshots.
 *   <li>{@code spec}: the path-aware YAML loader, typed getters with {@code file:line} errors,
 *       presets and the resolved-spec writer.
 *   <li>{@code memory}: analytical SRAM, DRAM channel and bandwidth/overlap helpers.
 * </ul>
 *
 * <p>Sub-package dependencies point one way: {@code spec} and {@code stats} depend on nothing here;
 * {@code energy} uses {@code spec}; {@code memory} and {@code result} use {@code energy}; this
 * package uses {@code result}. It depends on {@code dev.silica.workloads} for the graph IR (through
 * {@code dev.silica.isa}); it never sees a concrete accelerator, and reports see only its result
 * model.
 */
package dev.silica.simulator;
