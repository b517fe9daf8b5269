package dev.silica.simulator.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable, ordered set of metric values taken from a {@link StatsScope} tree. Keys are full
 * dotted names ({@code tpu.array.macs}) in registration order. Formula metrics keep their formula,
 * so {@link #merge(List)} can recompute them from merged counters: utilization of a network is
 * {@code Σmacs / (peak · Σcycles)}, never the mean of per-layer utilizations.
 */
public final class StatsSnapshot {
  /** One metric's value. */
  public record Entry(String fullName, Metric metric, double value) {}

  private final Map<String, Entry> entries;
  private final Map<String, StatsScope.Formula> formulas;

  StatsSnapshot(Map<String, Entry> entries, Map<String, StatsScope.Formula> formulas) {
    this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    this.formulas = Collections.unmodifiableMap(new LinkedHashMap<>(formulas));
  }

  /** All entries in registration order. */
  public Map<String, Entry> entries() {
    return entries;
  }

  public boolean contains(String fullName) {
    return entries.containsKey(fullName);
  }

  /** The value of metric {@code fullName}; unknown names list the known ones. */
  public double value(String fullName) {
    Entry e = entries.get(fullName);
    if (e == null) {
      throw new IllegalArgumentException(
          "no metric '" + fullName + "' (known: " + String.join(", ", entries.keySet()) + ")");
    }
    return e.value();
  }

  /** The value as a long (counters). */
  public long count(String fullName) {
    return Math.round(value(fullName));
  }

  /**
   * Merges snapshots of the same scope tree (per layer, per instance) by each metric's aggregation
   * rule; {@link Aggregation#FORMULA} metrics are recomputed on the merged values. Every snapshot
   * must have the same metric names.
   */
  public static StatsSnapshot merge(List<StatsSnapshot> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("nothing to merge");
    }
    StatsSnapshot first = parts.getFirst();
    for (StatsSnapshot p : parts) {
      if (!p.entries.keySet().equals(first.entries.keySet())) {
        throw new IllegalArgumentException(
            "cannot merge snapshots with different metrics: "
                + first.entries.keySet()
                + " vs "
                + p.entries.keySet());
      }
    }
    Map<String, Entry> merged = new LinkedHashMap<>();
    for (Entry e : first.entries.values()) {
      List<Double> values = new ArrayList<>();
      for (StatsSnapshot p : parts) {
        values.add(p.entries.get(e.fullName()).value());
      }
      double v =
          switch (e.metric().aggregation()) {
            case SUM -> values.stream().mapToDouble(Double::doubleValue).sum();
            case MAX -> values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            case MIN -> values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            case MEAN -> values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            case FORMULA -> Double.NaN;
          };
      merged.put(e.fullName(), new Entry(e.fullName(), e.metric(), v));
    }
    return evaluateFormulas(merged, first.formulas);
  }

  static StatsSnapshot evaluateFormulas(
      Map<String, Entry> values, Map<String, StatsScope.Formula> formulas) {
    Map<String, Entry> out = new LinkedHashMap<>(values);
    for (Map.Entry<String, StatsScope.Formula> f : formulas.entrySet()) {
      StatsScope.Formula formula = f.getValue();
      double v =
          formula
              .function()
              .applyAsDouble(name -> {
                Entry e = out.get(formula.prefix() + name);
                if (e == null) {
                  throw new IllegalStateException(
                      "formula "
                          + f.getKey()
                          + " reads unknown metric '"
                          + formula.prefix()
                          + name
                          + "'");
                }
                return e.value();
              });
      Entry old = out.get(f.getKey());
      out.put(f.getKey(), new Entry(f.getKey(), old.metric(), v));
    }
    return new StatsSnapshot(out, formulas);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StatsSnapshot s && entries.equals(s.entries);
  }

  @Override
  public int hashCode() {
    return Objects.hash(entries);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    entries
        .values()
        .forEach(e -> sb.append(e.fullName()).append(" = ").append(e.value()).append('\n'));
    return sb.toString();
  }
}
