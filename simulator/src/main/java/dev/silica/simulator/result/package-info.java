/**
 * The result model every accelerator returns and every report reads: {@link
 * dev.silica.simulator.result.RunResult} (per-layer {@link
 * dev.silica.simulator.result.LayerResult}s, {@link dev.silica.simulator.result.Totals}, energy and
 * area breakdowns, the resolved config echo, opaque functional outputs), the sealed {@link
 * dev.silica.simulator.result.Feasibility} ({@link dev.silica.simulator.result.Feasible} | {@link
 * dev.silica.simulator.result.Infeasible}), and {@link dev.silica.simulator.result.SimInvariants},
 * which checks a result's internal consistency.
 */
package dev.silica.simulator.result;
