package dev.silica.simulator.stats;

/**
 * How a metric combines when snapshots of several runs, layers or instances are merged (declared,
 * not guessed, as JMH's aggregation policy): MACs {@code SUM}, peak occupancy {@code MAX},
 * utilization {@code FORMULA} (recomputed from the merged counters, never averaged).
 */
public enum Aggregation {
  SUM,
  MAX,
  MIN,
  /** Arithmetic mean of the parts; for quantities that are genuinely per-part averages. */
  MEAN,
  /** Recomputed from the merged counters by the metric's formula. */
  FORMULA
}
