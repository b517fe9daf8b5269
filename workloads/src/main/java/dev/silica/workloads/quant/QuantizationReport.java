package dev.silica.workloads.quant;

import dev.silica.workloads.ir.ValueId;
import dev.silica.workloads.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * The result of running a graph under a {@link NumericsPlan}: one row per layer and the final
 * outputs, quantized and FP32.
 *
 * @param plan the plan's spec
 * @param calibration the calibration's spec ({@code max}, {@code percentile:99.99})
 * @param layers one row per node with a floating output, in graph order
 * @param outputs the graph outputs of the quantized run, in declaration order
 * @param referenceOutputs the same outputs from the FP32 reference executor
 */
public record QuantizationReport(
    String plan,
    String calibration,
    List<LayerReport> layers,
    Map<ValueId, Tensor> outputs,
    Map<ValueId, Tensor> referenceOutputs) {

  /**
   * One layer (node) of the report.
   *
   * @param layer the node name
   * @param op the op kind ({@code conv2d}, {@code gemm}, ...)
   * @param weightFormat the calibrated format of the layer's weights, {@code -} when it has none
   * @param activationFormat the calibrated format its output is stored in
   * @param accumulatorFormat the MAC's accumulator for MAC-emulated layers, else {@code -}
   * @param arithmetic {@code mac} (every product and sum emulated on the MAC), {@code fp32} (the
   *     operands quantized, the op evaluated by the FP32 reference kernel; for FP32-accumulating
   *     floating-point MACs this is bit-identical to the MAC) or {@code fp32-fallback} (operand
   *     formats of different families: no MAC can take them)
   * @param sqnrDb {@code 10·log10(Σ ref² / Σ (q - ref)²)} of the layer's first output against the
   *     FP32 run, in dB; {@code +Infinity} when equal
   * @param maxAbsError {@code max |q - ref|} over the output
   * @param elements the output's element count
   */
  public record LayerReport(
      String layer,
      String op,
      String weightFormat,
      String activationFormat,
      String accumulatorFormat,
      String arithmetic,
      double sqnrDb,
      double maxAbsError,
      long elements) {}

  /** The row of {@code layer}. */
  public LayerReport layer(String name) {
    for (LayerReport r : layers) {
      if (r.layer().equals(name)) {
        return r;
      }
    }
    throw new IllegalArgumentException("no layer '" + name + "' in the report");
  }

  /** SQNR in dB of graph output {@code id} against the FP32 reference. */
  public double outputSqnrDb(ValueId id) {
    return sqnrDb(referenceOutputs.get(id).toDoubleArray(), outputs.get(id).toDoubleArray());
  }

  /**
   * {@code 10·log10(Σ ref² / Σ (q - ref)²)}, summed in {@code double}: {@code +Infinity} when
   * {@code q} equals {@code ref}, {@code -Infinity} when the reference is all zeros and {@code q}
   * is not, NaN when either holds a NaN.
   */
  public static double sqnrDb(double[] ref, double[] q) {
    double signal = 0;
    double noise = 0;
    for (int i = 0; i < ref.length; i++) {
      double d = q[i] - ref[i];
      signal += ref[i] * ref[i];
      noise += d * d;
    }
    if (Double.isNaN(signal) || Double.isNaN(noise)) {
      return Double.NaN;
    }
    if (noise == 0) {
      return Double.POSITIVE_INFINITY;
    }
    return 10 * Math.log10(signal / noise);
  }

  /** {@code max |q - ref|} (NaN when either holds a NaN). */
  public static double maxAbsError(double[] ref, double[] q) {
    double m = 0;
    for (int i = 0; i < ref.length; i++) {
      double d = Math.abs(q[i] - ref[i]);
      if (Double.isNaN(d)) {
        return Double.NaN;
      }
      m = Math.max(m, d);
    }
    return m;
  }
}
