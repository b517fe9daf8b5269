package dev.silica.explore;

import dev.silica.simulator.result.Infeasible;
import dev.silica.simulator.result.RunResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns simulator results into sweep results, so an evaluator over an accelerator model is a
 * one-liner: {@code p -> RunResults.toPointResult(p, model(p).run(graph, options))}.
 */
public final class RunResults {
  private RunResults() {}

  /**
   * The run's {@link RunResult#summary()} as metrics (in its order, as doubles), plus {@code
   * area_mm2} derived from {@code area_um2}; an infeasible run becomes an infeasible point with the
   * run's reason.
   */
  public static PointResult toPointResult(DesignPoint point, RunResult run) {
    if (run.feasibility() instanceof Infeasible i) {
      return PointResult.infeasible(point, i.reason());
    }
    return PointResult.feasible(point, metrics(run, ""));
  }

  /**
   * Metrics of several workloads run on the same point, each prefixed with its workload name
   * ({@code resnet50.energy_pj}); the point is infeasible when any run is, with that run's reason
   * prefixed by its workload.
   */
  public static PointResult toPointResult(DesignPoint point, Map<String, RunResult> runs) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (Map.Entry<String, RunResult> e : runs.entrySet()) {
      if (e.getValue().feasibility() instanceof Infeasible i) {
        return PointResult.infeasible(point, e.getKey() + ": " + i.reason());
      }
      m.putAll(metrics(e.getValue(), e.getKey() + "."));
    }
    return PointResult.feasible(point, m);
  }

  private static Map<String, Double> metrics(RunResult run, String prefix) {
    Map<String, Double> m = new LinkedHashMap<>();
    run.summary().forEach((k, v) -> m.put(prefix + k, v.doubleValue()));
    m.put(prefix + "area_mm2", run.summary().get("area_um2").doubleValue() / 1e6);
    return m;
  }
}
