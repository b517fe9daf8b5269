package dev.silica.workloads.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silica.workloads.exec.SeededInit;
import dev.silica.workloads.exec.Weights;
import dev.silica.workloads.ir.Gemm;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.GraphBuilder;
import dev.silica.workloads.ir.Shape;
import dev.silica.workloads.ir.TensorType;
import dev.silica.workloads.ir.ValueId;
import dev.silica.workloads.tensor.Tensor;
import dev.silica.workloads.zoo.Zoo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuantizedExecutorTest {
  private static final ValueId X = new ValueId("x");
  private static final ValueId Y = new ValueId("fc");

  /** {@code fc = x · Wᵀ + b}, x {@code [1, k]}, W {@code [n, k]}. */
  private static Graph fc(int k, int n) {
    GraphBuilder b = new GraphBuilder("fc");
    ValueId x = b.input("x", TensorType.f32(1, k));
    ValueId w = b.parameter("w", TensorType.f32(n, k));
    ValueId bias = b.parameter("b", TensorType.f32(n));
    b.output(b.apply("fc", Gemm.fullyConnected(), x, w, bias));
    return b.build();
  }

  private static QuantizationReport run(
      Graph g, String plan, float[] x, float[] w, float[] bias, boolean macEverywhere) {
    Weights ws =
        new Weights()
            .put(new ValueId("w"), Tensor.of(g.type(new ValueId("w")).shape(), w))
            .put(new ValueId("b"), Tensor.of(Shape.of(bias.length), bias));
    try (QuantizedExecutor q = new QuantizedExecutor(2).macEverywhere(macEverywhere)) {
      return q.run(
          g,
          ws,
          NumericsPlan.parse(plan),
          Calibration.MAX,
          Map.of(X, Tensor.of(Shape.of(1, x.length), x)));
    }
  }

  @Test
  void fixedPointGemmOnDyadicValuesIsExact() {
    // every operand is a multiple of 2^-8 within q8.8's range, so quantization is exact and the
    // q16.16 accumulator holds every product and sum:
    // y0 = 1.5·0.75 - 2.25·0.5 + 0.5·(-1.25) + 0.125 = -0.5
    // y1 = 1.5·2 - 2.25·0.25 + 0.5·1 - 3 = -0.0625
    QuantizationReport r =
        run(
            fc(3, 2),
            "q8.8",
            new float[] {1.5f, -2.25f, 0.5f},
            new float[] {0.75f, 0.5f, -1.25f, 2f, 0.25f, 1f},
            new float[] {0.125f, -3f},
            false);
    assertThat(r.outputs().get(Y).floats()).containsExactly(-0.5f, -0.0625f);
    QuantizationReport.LayerReport row = r.layer("fc");
    assertThat(row.arithmetic()).isEqualTo("mac");
    assertThat(row.weightFormat()).isEqualTo("q8.8");
    assertThat(row.activationFormat()).isEqualTo("q8.8");
    assertThat(row.accumulatorFormat()).isEqualTo("q16.16");
    assertThat(row.sqnrDb()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(row.maxAbsError()).isZero();
  }

  @Test
  void aSaturatingAccumulatorClampsEveryPartialSum() {
    // q4.4 operands 7 · 7 = 49 twice; a q6.8 accumulator holds at most 32 - 2^-8, so the first
    // product already saturates and so does the sum; the q8.8 output holds 32 - 2^-8 exactly.
    QuantizationReport r =
        run(
            fc(2, 1),
            "q4.4,fc.acc=q6.8,fc.a=q8.8",
            new float[] {7f, 7f},
            new float[] {7f, 7f},
            new float[] {0f},
            false);
    assertThat(r.outputs().get(Y).floats()).containsExactly(32f - 1f / 256);
    assertThat(r.referenceOutputs().get(Y).floats()).containsExactly(98f);
    // with the derived accumulator (q24.8: 98 needs 8 integer bits + 4 guard bits) only the q4.4
    // output saturates, at 8 - 2^-4
    QuantizationReport d =
        run(fc(2, 1), "q4.4", new float[] {7f, 7f}, new float[] {7f, 7f}, new float[] {0f}, false);
    assertThat(d.layer("fc").accumulatorFormat()).isEqualTo("q24.8");
    assertThat(d.outputs().get(Y).floats()).containsExactly(8f - 1f / 16);
  }

  @Test
  void int8GemmMatchesExactIntegerArithmetic() {
    float[] x = {0.3f, -1.7f, 0.9f, 2.2f};
    float[] w = {0.11f, -0.52f, 0.33f, 0.05f, -0.9f, 0.47f, -0.2f, 0.61f};
    float[] bias = {0.07f, -0.31f};
    QuantizationReport r = run(fc(4, 2), "int8", x, w, bias, false);

    // Oracle, written out: symmetric scales from max |.|, ONNX QuantizeLinear (x / s in float32,
    // half-to-even), exact long dot products, int32 bias round(b / (sx·sw)), requantized output.
    float sx = (float) (2.2f / 127.0);
    float sw = (float) (0.9f / 127.0);
    long[] qx = new long[4];
    for (int i = 0; i < 4; i++) {
      qx[i] = (long) Math.rint(x[i] / sx);
    }
    float[] ref = new float[2];
    double[] real = new double[2];
    for (int j = 0; j < 2; j++) {
      long acc = (long) Math.rint(bias[j] / ((double) sx * sw));
      float f = bias[j];
      for (int i = 0; i < 4; i++) {
        acc += qx[i] * (long) Math.rint(w[j * 4 + i] / sw);
        f += x[i] * w[j * 4 + i];
      }
      real[j] = (float) (acc * (double) sx * sw);
      ref[j] = f;
    }
    float so = (float) (Math.max(Math.abs(ref[0]), Math.abs(ref[1])) / 127.0);
    float[] expected = new float[2];
    for (int j = 0; j < 2; j++) {
      long q = Math.max(-128, Math.min(127, (long) Math.rint((float) real[j] / so)));
      expected[j] = q * so;
    }
    assertThat(r.outputs().get(Y).floats()).containsExactly(expected);
    assertThat(r.referenceOutputs().get(Y).floats()).containsExactly(ref);
    assertThat(r.layer("fc").accumulatorFormat()).isEqualTo("int32:wrap");
    assertThat(r.layer("fc").arithmetic()).isEqualTo("mac");
  }

  @Test
  void fp32PlanReproducesTheReferenceExactly() {
    QuantizationReport r = zoo("lenet5-caffe", "fp32", Calibration.MAX, 2, false);
    for (QuantizationReport.LayerReport row : r.layers()) {
      assertThat(row.sqnrDb()).as(row.layer()).isEqualTo(Double.POSITIVE_INFINITY);
    }
  }

  @Test
  void fp16KernelShortcutEqualsTheScalarMac() {
    QuantizationReport fast = zoo("lenet5-caffe", "fp16", Calibration.MAX, 2, false);
    QuantizationReport mac = zoo("lenet5-caffe", "fp16", Calibration.MAX, 2, true);
    assertThat(mac.layer("conv2").arithmetic()).isEqualTo("mac");
    assertThat(fast.layer("conv2").arithmetic()).isEqualTo("fp32");
    for (ValueId o : fast.outputs().keySet()) {
      assertThat(mac.outputs().get(o).floats()).containsExactly(fast.outputs().get(o).floats());
    }
    assertThat(mac.layers()).isEqualTo(fast.layers().stream().map(r -> withArith(r, mac)).toList());
  }

  @Test
  void wrappingIntegerShortcutEqualsTheScalarMac() {
    for (String plan : List.of("int8-per-channel", "uint8", "int4,conv2=int8")) {
      QuantizationReport fast = zoo("lenet5-caffe", plan, Calibration.MAX, 2, false);
      QuantizationReport mac = zoo("lenet5-caffe", plan, Calibration.MAX, 2, true);
      assertThat(fast.layers()).as(plan).isEqualTo(mac.layers());
      for (ValueId o : fast.outputs().keySet()) {
        assertThat(mac.outputs().get(o).floats()).containsExactly(fast.outputs().get(o).floats());
      }
    }
  }

  private static QuantizationReport.LayerReport withArith(
      QuantizationReport.LayerReport r, QuantizationReport other) {
    return new QuantizationReport.LayerReport(
        r.layer(),
        r.op(),
        r.weightFormat(),
        r.activationFormat(),
        r.accumulatorFormat(),
        other.layer(r.layer()).arithmetic(),
        r.sqnrDb(),
        r.maxAbsError(),
        r.elements());
  }

  @Test
  void fp16OnAZooModelIsAbove60Db() {
    // FP16 rounds to 11 significant bits: a relative error up to 2^-11 per stored value, about
    // 6.02·11 + 4.77 ≈ 71 dB for a uniformly distributed rounding error (Widrow & Kollár,
    // "Quantization Noise", 2008, the 6 dB-per-bit rule); errors add up over the layers.
    QuantizationReport r = zoo("lenet5-caffe", "fp16", Calibration.MAX, 2, false);
    for (QuantizationReport.LayerReport row : r.layers()) {
      assertThat(row.sqnrDb()).as(row.layer()).isGreaterThan(60);
    }
  }

  @Test
  void int8CalibratedIsLowerButSane() {
    QuantizationReport fp16 = zoo("lenet5-caffe", "fp16", Calibration.MAX, 2, false);
    QuantizationReport int8 = zoo("lenet5-caffe", "int8", Calibration.MAX, 2, false);
    ValueId out = int8.outputs().keySet().iterator().next();
    // 8 bits: about 6 dB per bit less the crest factor of the activations; far below FP16, far
    // above noise
    assertThat(int8.outputSqnrDb(out)).isBetween(20.0, fp16.outputSqnrDb(out) - 10);
    assertThat(int8.layer("conv1").arithmetic()).isEqualTo("mac");
    assertThat(int8.layer("conv1").accumulatorFormat()).isEqualTo("int32:wrap");
    QuantizationReport perChannel =
        zoo("lenet5-caffe", "int8-per-channel", Calibration.MAX, 2, false);
    assertThat(perChannel.layer("conv1").weightFormat()).startsWith("int8/ch(");
    assertThat(perChannel.outputSqnrDb(out)).isGreaterThan(20.0);
    QuantizationReport pct =
        zoo("lenet5-caffe", "int8", Calibration.parse("percentile:99.99"), 2, false);
    assertThat(pct.outputSqnrDb(out)).isGreaterThan(20.0);
  }

  @Test
  void sqnrGrowsWithFixedPointWidth() {
    double previous = Double.NEGATIVE_INFINITY;
    for (int bits : new int[] {6, 8, 10, 12, 16}) {
      QuantizationReport r = zoo("lenet-300-100", "fixed" + bits, Calibration.MAX, 2, false);
      double s = r.outputSqnrDb(r.outputs().keySet().iterator().next());
      assertThat(s).as("fixed%d", bits).isGreaterThan(previous);
      previous = s;
    }
    double q = Double.NEGATIVE_INFINITY;
    for (String f : new String[] {"q4.4", "q4.8", "q4.12"}) {
      QuantizationReport r = zoo("lenet-300-100", f, Calibration.MAX, 2, false);
      double s = r.outputSqnrDb(r.outputs().keySet().iterator().next());
      assertThat(s).as(f).isGreaterThan(q);
      q = s;
    }
  }

  @Test
  void resultsDoNotDependOnTheThreadCount() {
    for (String plan : List.of("int8-per-channel", "fixed12")) {
      QuantizationReport one = zoo("lenet5-caffe", plan, Calibration.MAX, 1, false);
      QuantizationReport three = zoo("lenet5-caffe", plan, Calibration.MAX, 3, false);
      assertThat(three.layers()).as(plan).isEqualTo(one.layers());
      for (ValueId o : one.outputs().keySet()) {
        assertThat(three.outputs().get(o).floats()).containsExactly(one.outputs().get(o).floats());
      }
    }
  }

  @Test
  void anAccumulatorOfAnotherFamilyIsAnError() {
    assertThatThrownBy(() -> zoo("lenet-300-100", "fp16,acc=int32", Calibration.MAX, 1, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("numerics plan 'fp16,acc=int32': layer '")
        .hasMessageContaining("formats must all be floating point, all integer or all fixed point");
    assertThatThrownBy(() -> zoo("lenet-300-100", "w=int8,acc=int32", Calibration.MAX, 1, false))
        .hasMessageContaining(
            "accumulator int32 needs operands of one family (floating point, integer or fixed"
                + " point), got fp32 x int8");
  }

  @Test
  void mixedFamiliesAndTernaryFallBackToFp32Kernels() {
    QuantizationReport r = zoo("lenet-300-100", "ternary", Calibration.MAX, 2, false);
    QuantizationReport.LayerReport first =
        r.layers().stream().filter(l -> l.op().equals("gemm")).findFirst().orElseThrow();
    assertThat(first.arithmetic()).isEqualTo("fp32-fallback");
    assertThat(first.weightFormat()).startsWith("ternary(");
    assertThat(first.sqnrDb()).isFinite();
  }

  static QuantizationReport zoo(
      String model, String plan, Calibration c, int threads, boolean macEverywhere) {
    Graph g = Zoo.build(model);
    try (QuantizedExecutor q = new QuantizedExecutor(threads).macEverywhere(macEverywhere)) {
      return q.run(
          g, SeededInit.forGraph(g, 7), NumericsPlan.parse(plan), c, SeededInit.inputs(g, 7));
    }
  }
}
