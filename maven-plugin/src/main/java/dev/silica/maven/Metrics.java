package dev.silica.maven;

import dev.silica.reports.RunReport;
import dev.silica.simulator.result.Infeasible;
import dev.silica.simulator.result.RunResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The numbers a limit can be set on, each with its unit in its name, or the reason it is missing.
 *
 * <h2>Definitions</h2>
 *
 * <p>All but the last come from the report model of the run ({@link RunReport}, the numbers the
 * CSV, JSON and HTML reports show):
 *
 * <ul>
 *   <li>{@code energy_per_inference_uj = energy_pj / inferences / 1e6}, where {@code inferences} is
 *       the batch of the run (1 unless the workload says otherwise);
 *   <li>{@code latency_us = time_s · 1e6 = cycles / clock_hz · 1e6}, the time of one run (one
 *       batch);
 *   <li>{@code tops = 2 · macs / time_s / 1e12};
 *   <li>{@code area_mm2 = area_um2 / 1e6}, the sum of the area breakdown;
 *   <li>{@code output_error_vs_fp32}: see {@link OutputError}, for a run that computed its outputs
 *       (the functional tier: {@code numerics} on a systolic array).
 * </ul>
 *
 * <p><b>Missing is not zero.</b> An infeasible run has none of them; a run whose energy, time or
 * area adds up to zero (no table priced it, the model reports no area) lacks that metric, and a run
 * without functional outputs lacks the output error. A limit on a missing metric fails the build.
 *
 * @param label what was run, {@code <model> on <accelerator>}, for messages
 * @param values the metrics present, keyed by name (insertion order as above)
 * @param missing why each absent metric is absent, keyed by name
 */
public record Metrics(String label, Map<String, Double> values, Map<String, String> missing) {

  /** Energy per inference in microjoules. */
  public static final String ENERGY_PER_INFERENCE_UJ = "energy_per_inference_uj";

  /** Time of one run (one batch) in microseconds. */
  public static final String LATENCY_US = "latency_us";

  /** Throughput in tera-operations per second. */
  public static final String TOPS = "tops";

  /** Area in square millimetres. */
  public static final String AREA_MM2 = "area_mm2";

  /** Largest output error relative to the FP32 reference execution (a ratio). */
  public static final String OUTPUT_ERROR_VS_FP32 = "output_error_vs_fp32";

  public Metrics {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    missing = Collections.unmodifiableMap(new LinkedHashMap<>(missing));
  }

  /**
   * The metrics of {@code result}.
   *
   * @param result a run's result
   * @param outputError the output error against FP32, or empty when it was not computed
   * @param outputErrorMissing why the output error is absent, when it is
   */
  public static Metrics of(
      RunResult result, OptionalDouble outputError, String outputErrorMissing) {
    String label = result.model() + " on " + result.accelerator();
    Map<String, Double> v = new LinkedHashMap<>();
    Map<String, String> m = new LinkedHashMap<>();
    if (!result.isFeasible()) {
      String why =
          "the run is infeasible"
              + (result.feasibility() instanceof Infeasible inf ? ": " + inf.reason() : "");
      for (String k :
          new String[] {
            ENERGY_PER_INFERENCE_UJ, LATENCY_US, TOPS, AREA_MM2, OUTPUT_ERROR_VS_FP32
          }) {
        m.put(k, why);
      }
      return new Metrics(label, v, m);
    }
    RunReport r = RunReport.of(result);
    double energyPj = r.total().energyPj();
    double timeS = r.total().timeS();
    put(
        v,
        m,
        ENERGY_PER_INFERENCE_UJ,
        energyPj > 0,
        energyPj / r.inferences() / 1e6,
        "no energy was counted");
    put(v, m, LATENCY_US, timeS > 0, timeS * 1e6, "the run took no time");
    put(v, m, TOPS, timeS > 0, r.total().tops(), "the run took no time");
    put(v, m, AREA_MM2, r.areaUm2() > 0, r.areaMm2(), "the accelerator model reports no area");
    put(
        v,
        m,
        OUTPUT_ERROR_VS_FP32,
        outputError.isPresent(),
        outputError.orElse(Double.NaN),
        outputErrorMissing);
    return new Metrics(label, v, m);
  }

  private static void put(
      Map<String, Double> v,
      Map<String, String> m,
      String key,
      boolean present,
      double value,
      String why) {
    if (present) {
      v.put(key, value);
    } else {
      m.put(key, why);
    }
  }
}
