package dev.silica.simulator.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;

/**
 * A node of the stats tree: one per component instance ({@code tpu} → {@code tpu.array} → {@code
 * tpu.array.pe_3}). Counters are plain {@code long} fields on the hot path; the scope only stores
 * suppliers and reads them when a {@link #snapshot()} is taken (Ramulator {@code Stats::add} by
 * reference, Caffeine {@code addMetric}). Derived metrics are formulas over the scope's own
 * metrics, evaluated at snapshot time (gem5 {@code Formula}).
 *
 * <p>Registration happens once, at construction of the component; registering the same full name
 * twice is an error. Not thread-safe: one tree belongs to one run.
 */
public final class StatsScope {
  /** Values of a scope's metrics by name relative to the scope, for formulas. */
  @FunctionalInterface
  public interface Values {
    double get(String relativeName);
  }

  record Formula(String prefix, ToDoubleFunction<Values> function) {}

  private record Registered(String fullName, Metric metric, LongSupplier counter) {}

  private final String prefix;
  private final StatsScope root;
  private final List<Registered> registered;
  private final Map<String, Formula> formulas;
  private final Map<String, Metric> names;

  private StatsScope(String prefix, StatsScope root) {
    this.prefix = prefix;
    this.root = root == null ? this : root;
    if (root == null) {
      this.registered = new ArrayList<>();
      this.formulas = new LinkedHashMap<>();
      this.names = new LinkedHashMap<>();
    } else {
      this.registered = root.registered;
      this.formulas = root.formulas;
      this.names = root.names;
    }
  }

  /** A root scope named {@code name} (e.g. the accelerator's name, {@code tpu}). */
  public static StatsScope root(String name) {
    if (!Metric.isValidName(name)) {
      throw new IllegalArgumentException(
          "scope name must be dotted lower-case, got '" + name + "'");
    }
    return new StatsScope(name + ".", null);
  }

  /** A child scope {@code this.name}. */
  public StatsScope child(String name) {
    if (!Metric.isValidName(name)) {
      throw new IllegalArgumentException(
          "scope name must be dotted lower-case, got '" + name + "'");
    }
    return new StatsScope(prefix + name + ".", root);
  }

  /** The full dotted name of this scope ({@code tpu.array}). */
  public String name() {
    return prefix.substring(0, prefix.length() - 1);
  }

  /** Registers a counter owned by this scope and returns it; increment it on the hot path. */
  public Counter counter(Metric metric) {
    Counter c = new Counter();
    counter(metric, c::value);
    return c;
  }

  /** Registers a counter read through {@code value} (a field of the component) at snapshot. */
  public void counter(Metric metric, LongSupplier value) {
    if (metric.aggregation() == Aggregation.FORMULA) {
      throw new IllegalArgumentException(
          metric.name() + ": a counter cannot have aggregation FORMULA; use formula()");
    }
    register(metric);
    registered.add(new Registered(prefix + metric.name(), metric, value));
  }

  /**
   * Registers a derived metric, computed at snapshot from this scope's metrics, e.g. {@code v ->
   * v.get("macs") / (v.get("peak_macs_per_cycle") * v.get("cycles"))}. The metric's aggregation
   * must be {@link Aggregation#FORMULA}. A zero denominator gives NaN or infinity: guard it in the
   * formula.
   */
  public void formula(Metric metric, ToDoubleFunction<Values> function) {
    if (metric.aggregation() != Aggregation.FORMULA) {
      throw new IllegalArgumentException(
          metric.name() + ": a formula metric must aggregate as FORMULA");
    }
    register(metric);
    registered.add(new Registered(prefix + metric.name(), metric, null));
    formulas.put(prefix + metric.name(), new Formula(prefix, function));
  }

  private void register(Metric metric) {
    String full = prefix + metric.name();
    if (names.containsKey(full)) {
      throw new IllegalArgumentException("metric " + full + " registered twice");
    }
    names.put(full, metric);
  }

  /** Reads every counter of the whole tree (from the root) and evaluates the formulas. */
  public StatsSnapshot snapshot() {
    Map<String, StatsSnapshot.Entry> values = new LinkedHashMap<>();
    for (Registered r : root.registered) {
      double v = r.counter() == null ? Double.NaN : r.counter().getAsLong();
      values.put(r.fullName(), new StatsSnapshot.Entry(r.fullName(), r.metric(), v));
    }
    return StatsSnapshot.evaluateFormulas(values, root.formulas);
  }
}
