package dev.silica.explore;

import dev.silica.numerics.FloatingPoint;
import dev.silica.numerics.IntegerFormat;
import dev.silica.numerics.quant.AffineQuantizer;
import dev.silica.workloads.exec.ReferenceExecutor;
import dev.silica.workloads.exec.SeededInit;
import dev.silica.workloads.exec.Weights;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.ValueId;
import dev.silica.workloads.tensor.Tensor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The metric {@value #METRIC}: how much rounding a network's weights to a number format changes its
 * output, computed with the reference executor.
 *
 * <h2>Definition</h2>
 *
 * <p>With the graph's seeded weights {@code W} ({@link SeededInit#forGraph}, seed {@value #SEED})
 * and seeded inputs {@code x}, {@code y = f(x; W)} in FP32 and {@code ŷ = f(x; q(W))} where {@code
 * q} rounds every weight tensor to the format: {@code fp16}, {@code bf16} and {@code fp32} by
 * round-to-nearest-even ({@link FloatingPoint#quantize}); {@code int8} and {@code int16} by
 * symmetric per-tensor affine quantization ({@code scale = max|w| / qmax}, zero point 0, then
 * dequantized; {@link AffineQuantizer#symmetric}). The metric is {@code sqrt(Σ(ŷ - y)² / Σy²)} over
 * every element of every graph output. Activations stay FP32: this isolates the weight format. FP32
 * gives exactly 0.
 *
 * <p>Results are cached per graph and format (a sweep asks for few formats), so the cost is one
 * reference run per format.
 */
public final class WeightFormatError {
  /** The metric name. */
  public static final String METRIC = "output_rel_rms_error";

  /** Seed of the weights and inputs. */
  public static final long SEED = 1;

  private static final Map<String, Double> CACHE = new ConcurrentHashMap<>();

  private WeightFormatError() {}

  /** The relative RMS output error of {@code g} with weights rounded to {@code format}. */
  public static double of(Graph g, String format) {
    return CACHE.computeIfAbsent(
        System.identityHashCode(g) + "/" + g.name() + "/" + format, k -> compute(g, format));
  }

  private static double compute(Graph g, String format) {
    Weights w = SeededInit.forGraph(g, SEED);
    Map<ValueId, Tensor> inputs = SeededInit.inputs(g, SEED);
    Weights q = new Weights();
    for (Map.Entry<ValueId, Tensor> e : w.asMap().entrySet()) {
      q.put(e.getKey(), round(e.getValue(), format));
    }
    try (ReferenceExecutor ex = new ReferenceExecutor()) {
      Map<ValueId, Tensor> ref = ex.run(g, inputs, w);
      Map<ValueId, Tensor> got = ex.run(g, inputs, q);
      double num = 0;
      double den = 0;
      for (Map.Entry<ValueId, Tensor> e : ref.entrySet()) {
        float[] a = e.getValue().floats();
        float[] b = got.get(e.getKey()).floats();
        for (int i = 0; i < a.length; i++) {
          double d = (double) b[i] - a[i];
          num += d * d;
          den += (double) a[i] * a[i];
        }
      }
      return den > 0 ? Math.sqrt(num / den) : 0.0;
    }
  }

  private static Tensor round(Tensor t, String format) {
    if (t.dtype() != dev.silica.workloads.ir.DType.F32) {
      return t; // integer buffers (indices, counters) are not weights
    }
    float[] x = t.floats();
    float[] y;
    switch (format) {
      case "fp32" -> y = x.clone();
      case "fp16" -> y = floats(x, FloatingPoint.FP16);
      case "bf16" -> y = floats(x, FloatingPoint.BF16);
      case "int8" -> y = ints(x, t.dims(), IntegerFormat.INT8);
      case "int16" -> y = ints(x, t.dims(), IntegerFormat.INT16);
      default ->
          throw new IllegalArgumentException(
              METRIC
                  + ": unknown weight format '"
                  + format
                  + "' (expected one of: int8, int16,"
                  + " fp16, bf16, fp32)");
    }
    return Tensor.of(t.shape(), y);
  }

  private static float[] floats(float[] x, FloatingPoint f) {
    float[] y = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = f.quantize(x[i]);
    }
    return y;
  }

  private static float[] ints(float[] x, int[] dims, IntegerFormat f) {
    return AffineQuantizer.symmetric(f, x).fakeQuantize(x, dims);
  }
}
