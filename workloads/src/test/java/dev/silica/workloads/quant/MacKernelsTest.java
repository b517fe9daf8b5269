package dev.silica.workloads.quant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.workloads.exec.Precision;
import dev.silica.workloads.exec.ReferenceExecutor;
import dev.silica.workloads.exec.Weights;
import dev.silica.workloads.ir.Conv2d;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.GraphBuilder;
import dev.silica.workloads.ir.MatMul;
import dev.silica.workloads.ir.Padding;
import dev.silica.workloads.ir.TensorType;
import dev.silica.workloads.ir.ValueId;
import dev.silica.workloads.tensor.Tensor;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The MAC kernels' indexing (padding, stride, dilation, groups, batch broadcasting) against the
 * FP64 reference executor, on operands where fixed point is exact: every value a multiple of 2^-4
 * within q8.8, so every product has at most 8 fraction bits and every sum fits the derived q16.16
 * accumulator and the q8.8 output. Any indexing slip changes a value.
 */
class MacKernelsTest {
  private static float[] dyadic(SplittableRandom rng, int n, int range16) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (rng.nextInt(2 * range16 + 1) - range16) / 16f;
    }
    return x;
  }

  private static void assertExact(Graph g, Weights w, Map<ValueId, Tensor> in, String layer) {
    Map<ValueId, Tensor> fp64;
    try (ReferenceExecutor ex = new ReferenceExecutor(Precision.FP64, 2)) {
      fp64 = ex.run(g, in, w);
    }
    try (QuantizedExecutor q = new QuantizedExecutor(3)) {
      QuantizationReport r = q.run(g, w, NumericsPlan.parse("q8.8"), Calibration.MAX, in);
      assertThat(r.layer(layer).arithmetic()).isEqualTo("mac");
      assertThat(r.layer(layer).accumulatorFormat()).isEqualTo("q16.16");
      for (ValueId o : g.outputs()) {
        assertThat(r.outputs().get(o).toDoubleArray()).containsExactly(fp64.get(o).doubles());
      }
    }
  }

  @Test
  void groupedStridedDilatedPaddedConvolution() {
    SplittableRandom rng = new SplittableRandom(11);
    GraphBuilder b = new GraphBuilder("conv");
    ValueId x = b.input("x", TensorType.f32(2, 4, 7, 6));
    ValueId w = b.parameter("w", TensorType.f32(6, 2, 3, 2));
    ValueId bias = b.parameter("b", TensorType.f32(6));
    b.output(b.apply("conv", new Conv2d(2, 1, Padding.of(1, 2, 0, 1), 2, 1, 2), x, w, bias));
    Graph g = b.build();
    Weights ws =
        new Weights()
            .put(w, Tensor.of(g.type(w).shape(), dyadic(rng, 72, 16)))
            .put(bias, Tensor.of(g.type(bias).shape(), dyadic(rng, 6, 32)));
    assertExact(g, ws, Map.of(x, Tensor.of(g.type(x).shape(), dyadic(rng, 336, 32))), "conv");
  }

  @Test
  void batchedBroadcastMatMulOfTwoActivations() {
    SplittableRandom rng = new SplittableRandom(12);
    GraphBuilder b = new GraphBuilder("mm");
    ValueId a = b.input("a", TensorType.f32(2, 1, 3, 5));
    ValueId c = b.input("c", TensorType.f32(4, 5, 2));
    b.output(b.apply("mm", new MatMul(), a, c));
    Graph g = b.build();
    assertExact(
        g,
        new Weights(),
        Map.of(
            a, Tensor.of(g.type(a).shape(), dyadic(rng, 30, 32)),
            c, Tensor.of(g.type(c).shape(), dyadic(rng, 40, 32))),
        "mm");
  }
}
