package dev.silica.simulator.stats;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a number means: a dotted lower-case name ({@code tpu.array.stall_cycles}), a unit, a
 * one-line description and the rule for merging it.
 *
 * @param name dotted lower-case segments of {@code [a-z][a-z0-9_]*}
 * @param unit the unit
 * @param description one line, for reports
 * @param aggregation how values of this metric merge
 */
public record Metric(String name, Unit unit, String description, Aggregation aggregation) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

  public Metric {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(aggregation, "aggregation");
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "metric name must be dotted lower-case segments [a-z][a-z0-9_]*, got '" + name + "'");
    }
    if (description == null || description.isBlank()) {
      throw new IllegalArgumentException("metric " + name + ": description must not be blank");
    }
  }

  /** True for a valid metric (or stats-scope) name. */
  public static boolean isValidName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  public static Metric sum(String name, Unit unit, String description) {
    return new Metric(name, unit, description, Aggregation.SUM);
  }

  public static Metric max(String name, Unit unit, String description) {
    return new Metric(name, unit, description, Aggregation.MAX);
  }

  public static Metric formula(String name, Unit unit, String description) {
    return new Metric(name, unit, description, Aggregation.FORMULA);
  }

  /** A copy under another name (the same unit, description and rule). */
  public Metric renamed(String newName) {
    return new Metric(newName, unit, description, aggregation);
  }

  /** {@code name_suffix} for CSV/JSON, e.g. {@code energy} + PJ → {@code energy_pj}. */
  public String columnName() {
    String base = name.replace('.', '_');
    return unit.suffix().isEmpty() || base.endsWith(unit.suffix())
        ? base
        : base + "_" + unit.suffix();
  }
}
