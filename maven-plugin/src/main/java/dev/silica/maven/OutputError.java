package dev.silica.maven;

import dev.silica.workloads.exec.Precision;
import dev.silica.workloads.exec.ReferenceExecutor;
import dev.silica.workloads.exec.SeededInit;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.ValueId;
import dev.silica.workloads.tensor.Tensor;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The error of a run's functional outputs against the FP32 reference execution of the same graph.
 *
 * <h2>Definition</h2>
 *
 * <p>For each graph output {@code y} the run computed, with {@code r} the same output of the
 * reference executor in FP32 on the same weights and inputs (seeded with the run's seed exactly as
 * the functional tier seeds them), the error is the normwise relative error in the max norm
 *
 * <pre>{@code e(y) = max_i |y_i - r_i| / max_i |r_i|}</pre>
 *
 * <p>and the run's {@code output_error_vs_fp32} is the largest {@code e} over its outputs. The max
 * norm in the denominator keeps an output element that is near zero in the reference from blowing
 * the ratio up (an element-wise relative error would); an all-zero reference gives 0 when the run
 * matches it and infinity when it does not.
 */
public final class OutputError {
  private OutputError() {}

  /**
   * The error of {@code outputs} (graph output name to tensor; other entries are ignored) against
   * the FP32 reference run of {@code graph} seeded with {@code seed}; empty when {@code outputs}
   * holds none of the graph's outputs.
   */
  public static OptionalDouble vsFp32(Graph graph, Map<String, Object> outputs, long seed) {
    boolean any = false;
    for (ValueId o : graph.outputs()) {
      any |= outputs.get(o.name()) instanceof Tensor;
    }
    if (!any) {
      return OptionalDouble.empty();
    }
    Map<ValueId, Tensor> reference;
    try (ReferenceExecutor exec = new ReferenceExecutor(Precision.FP32)) {
      reference = exec.run(graph, SeededInit.inputs(graph, seed), SeededInit.forGraph(graph, seed));
    }
    double worst = 0;
    for (ValueId o : graph.outputs()) {
      if (outputs.get(o.name()) instanceof Tensor y) {
        worst = Math.max(worst, relative(y, reference.get(o)));
      }
    }
    return OptionalDouble.of(worst);
  }

  /** {@code max_i |y_i - r_i| / max_i |r_i|} (see the class comment); same element counts. */
  public static double relative(Tensor y, Tensor r) {
    double[] a = y.toDoubleArray();
    double[] b = r.toDoubleArray();
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "output has " + a.length + " elements, the FP32 reference " + b.length);
    }
    double diff = 0;
    double scale = 0;
    for (int i = 0; i < a.length; i++) {
      diff = Math.max(diff, Math.abs(a[i] - b[i]));
      scale = Math.max(scale, Math.abs(b[i]));
    }
    if (Double.isNaN(diff)) {
      return Double.POSITIVE_INFINITY;
    }
    if (scale == 0) {
      return diff == 0 ? 0 : Double.POSITIVE_INFINITY;
    }
    return diff / scale;
  }
}
