package dev.silica.explore;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of evaluating one design point: metrics keyed by name with the unit in the name
 * ({@code energy_pj}, {@code area_mm2}), and, for an infeasible point, the reason. Infeasible
 * points may still carry metrics (e.g. the area that broke a constraint).
 *
 * @param point the evaluated point
 * @param infeasibleReason null when feasible
 * @param metrics finite metric values in insertion order
 */
public record PointResult(DesignPoint point, String infeasibleReason, Map<String, Double> metrics)
    implements Serializable {
  public PointResult {
    Objects.requireNonNull(point, "point");
    Map<String, Double> copy = new LinkedHashMap<>();
    metrics.forEach((k, v) -> {
      if (v == null || !Double.isFinite(v)) {
        throw new IllegalArgumentException(point + ": metric " + k + " is not finite: " + v);
      }
      copy.put(k, v);
    });
    metrics = Collections.unmodifiableMap(copy);
  }

  public static PointResult feasible(DesignPoint point, Map<String, Double> metrics) {
    return new PointResult(point, null, metrics);
  }

  public static PointResult infeasible(DesignPoint point, String reason) {
    return new PointResult(point, Objects.requireNonNull(reason, "reason"), Map.of());
  }

  public static PointResult infeasible(
      DesignPoint point, String reason, Map<String, Double> metrics) {
    return new PointResult(point, Objects.requireNonNull(reason, "reason"), metrics);
  }

  public boolean feasible() {
    return infeasibleReason == null;
  }

  public Optional<String> reason() {
    return Optional.ofNullable(infeasibleReason);
  }

  public String hash() {
    return point.hash();
  }

  /** The metric {@code name}, or throws naming the metrics present. */
  public double metric(String name) {
    Double v = metrics.get(name);
    if (v == null) {
      throw new IllegalArgumentException(
          "point " + point + " has no metric '" + name + "' (have: " + metrics.keySet() + ")");
    }
    return v;
  }
}
