package dev.silica.explore.spec;

import java.util.Objects;

/**
 * A metric to minimize or maximize, named with its unit as in {@code energy_pj}.
 *
 * @param metric metric name
 * @param maximize true to maximize, false to minimize
 */
public record Objective(String metric, boolean maximize) {
  public Objective {
    Objects.requireNonNull(metric, "metric");
  }

  public static Objective minimize(String metric) {
    return new Objective(metric, false);
  }

  public static Objective maximize(String metric) {
    return new Objective(metric, true);
  }

  /** The value turned into one to minimize (negated when maximizing). */
  public double cost(double value) {
    return maximize ? -value : value;
  }

  @Override
  public String toString() {
    return (maximize ? "maximize " : "minimize ") + metric;
  }
}
