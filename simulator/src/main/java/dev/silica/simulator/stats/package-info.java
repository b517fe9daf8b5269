/**
 * Stats with units: every number has a {@link dev.silica.simulator.stats.Metric} (dotted lower-case
 * name, {@link dev.silica.simulator.stats.Unit}, description, {@link
 * dev.silica.simulator.stats.Aggregation}). A {@link dev.silica.simulator.stats.StatsScope} tree
 * registers hot-path {@code long} counters and derived formulas once; a {@link
 * dev.silica.simulator.stats.StatsSnapshot} reads them into an immutable ordered map, and merges
 * snapshots by each metric's rule, recomputing formulas (utilization is never averaged).
 */
package dev.silica.simulator.stats;
