package dev.silica.accelerators.kernels;

import dev.silica.numerics.FloatingPoint;
import dev.silica.numerics.Rounder;
import dev.silica.workloads.exec.Precision;
import dev.silica.workloads.exec.ReferenceExecutor;
import dev.silica.workloads.exec.SeededInit;
import dev.silica.workloads.exec.Weights;
import dev.silica.workloads.ir.DType;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.ValueId;
import dev.silica.workloads.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Functional outputs of a CPU or GPU run: the reference executor under the device's number format.
 *
 * <p>Seeded weights and inputs ({@link SeededInit}) are rounded to the operand format, the graph
 * runs in the reference executor (FP64 for {@code fp64}, else FP32: float products, float
 * accumulation in {@code k} order), and the graph outputs are rounded to the storage format.
 *
 * <p>For a matrix product this is exactly the tensor-core arithmetic of {@link
 * dev.silica.numerics.arith.Mac#tensorCoreFp16()}: the product of two FP16 (or BF16, TF32, FP8)
 * values is exact in FP32 (at most 11 + 11 significand bits), and each addition rounds once to
 * FP32, so rounding the operands and accumulating in FP32 is the FP16-multiply, FP32-accumulate
 * datapath (bit for bit, checked by FunctionalTest). INT8 is simulated by symmetric per-tensor fake
 * quantization ({@code s = max|x| / 127}, {@code x' = s·round(x / s)}): the products of the integer
 * codes are exact, their scaled FP32 sum is not the INT32 accumulator's exact sum. Not modelled:
 * rounding of intermediate activations between layers (they stay FP32).
 */
public final class Functional {
  private static final FloatingPoint TF32 =
      new FloatingPoint(8, 10, FloatingPoint.Specials.IEEE, dev.silica.numerics.Overflow.INFINITY);

  private Functional() {}

  /** The operand format a CPU computes {@code f} in (fp16/bf16 without native units: the same). */
  public static MathFormat cpu(MathFormat f) {
    return f;
  }

  /** The operand format a GPU computes {@code f} in. */
  public static MathFormat gpu(MathFormat f) {
    return f;
  }

  /** The graph outputs by name, computed in {@code f}. */
  public static Map<String, Object> outputs(Graph g, MathFormat f, long seed) {
    Weights w = SeededInit.forGraph(g, seed);
    Map<ValueId, Tensor> in = SeededInit.inputs(g, seed);
    Weights rw = new Weights();
    for (ValueId id : w.ids()) {
      rw.put(id, round(w.get(id), f));
    }
    Map<ValueId, Tensor> rin = new LinkedHashMap<>();
    in.forEach((id, t) -> rin.put(id, round(t, f)));
    Map<String, Object> out = new LinkedHashMap<>();
    try (ReferenceExecutor ex =
        new ReferenceExecutor(f == MathFormat.FP64 ? Precision.FP64 : Precision.FP32, 1)) {
      Map<ValueId, Tensor> res = ex.run(g, rin, rw);
      res.forEach((id, t) -> out.put(id.name(), roundStorage(t, f)));
    }
    return out;
  }

  /** {@code t} with every element rounded to the operand format {@code f}. */
  public static Tensor round(Tensor t, MathFormat f) {
    if (t.dtype().isIntegral() || f == MathFormat.FP32 || f == MathFormat.FP64) {
      return t;
    }
    float[] src = t.floats();
    float[] dst = new float[src.length];
    if (f == MathFormat.INT8) {
      float max = 0;
      for (float v : src) {
        max = Math.max(max, Math.abs(v));
      }
      float s = max == 0 ? 1 : max / 127f;
      for (int i = 0; i < src.length; i++) {
        dst[i] = Math.max(-127, Math.min(127, Math.round(src[i] / s))) * s;
      }
    } else {
      FloatingPoint fp = floating(f);
      for (int i = 0; i < src.length; i++) {
        dst[i] = (float) fp.round(src[i], Rounder.NEAREST_EVEN);
      }
    }
    return Tensor.of(t.shape(), dst);
  }

  private static Tensor roundStorage(Tensor t, MathFormat f) {
    if (t.dtype() != DType.F32 || f == MathFormat.TF32 || f == MathFormat.INT8) {
      return t; // TF32 stores FP32; INT8 outputs stay in the FP32 requantization input
    }
    return round(t, f);
  }

  private static FloatingPoint floating(MathFormat f) {
    return switch (f) {
      case FP16 -> FloatingPoint.FP16;
      case BF16 -> FloatingPoint.BF16;
      case TF32 -> TF32;
      case FP8 -> FloatingPoint.FP8_E4M3;
      case FP32, FP64, INT8 -> FloatingPoint.FP32;
    };
  }
}
