package dev.silica.workloads.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.silica.workloads.ir.Cast;
import dev.silica.workloads.ir.Conv2d;
import dev.silica.workloads.ir.ConvInteger;
import dev.silica.workloads.ir.DType;
import dev.silica.workloads.ir.DequantizeLinear;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.GraphBuilder;
import dev.silica.workloads.ir.LogSoftmax;
import dev.silica.workloads.ir.MatMulInteger;
import dev.silica.workloads.ir.Op;
import dev.silica.workloads.ir.PRelu;
import dev.silica.workloads.ir.QLinearMatMul;
import dev.silica.workloads.ir.QuantizeLinear;
import dev.silica.workloads.ir.Resize;
import dev.silica.workloads.ir.Shape;
import dev.silica.workloads.ir.TensorType;
import dev.silica.workloads.ir.ValueId;
import dev.silica.workloads.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The quantized, cast and added float ops against hand-computed values (closed forms of the ONNX
 * definitions), in both precisions: integer results must be identical in FP32 and FP64.
 */
class QuantOpsTest {
  /** An operand: declared type and elements. */
  record In(TensorType type, Tensor data) {}

  static In u8(int[] dims, long... v) {
    return new In(TensorType.of(DType.U8, dims), Tensor.of(Shape.of(dims), v));
  }

  static In i8(int[] dims, long... v) {
    return new In(TensorType.of(DType.I8, dims), Tensor.of(Shape.of(dims), v));
  }

  static In f32(int[] dims, float... v) {
    return new In(TensorType.of(DType.F32, dims), Tensor.of(Shape.of(dims), v));
  }

  static int[] d(int... dims) {
    return dims;
  }

  static Tensor run(Op op, Precision p, In... xs) {
    GraphBuilder b = new GraphBuilder("q");
    List<ValueId> ids = new ArrayList<>();
    Map<ValueId, Tensor> in = new LinkedHashMap<>();
    for (int i = 0; i < xs.length; i++) {
      ValueId id = b.input("x" + i, xs[i].type());
      ids.add(id);
      in.put(id, xs[i].data());
    }
    b.output(b.node("op", op, ids).toArray(ValueId[]::new));
    Graph g = b.build();
    try (ReferenceExecutor ex = new ReferenceExecutor(p, 2)) {
      return ex.run(g, in, new Weights()).values().iterator().next();
    }
  }

  /** Runs in both precisions; integer results must agree exactly and equal {@code want}. */
  static void exact(Op op, long[] want, In... xs) {
    for (Precision p : Precision.values()) {
      assertThat(run(op, p, xs).longs()).as("%s %s", op, p).containsExactly(want);
    }
  }

  static void close(Op op, double[] want, double tol, In... xs) {
    for (Precision p : Precision.values()) {
      Tensor y = run(op, p, xs);
      for (int i = 0; i < want.length; i++) {
        assertThat(y.getDouble(i)).as("%s %s element %d", op, p, i).isCloseTo(want[i], within(tol));
      }
    }
  }

  @Test
  void quantizeRoundsHalfToEvenAndSaturates() {
    // x / 1 rounded half to even: -2.5 → -2, -1.5 → -2, -0.5 → -0, 0.5 → 0, 1.5 → 2, 2.5 → 2;
    // ±300 saturate to the int8 range [-128, 127]
    exact(
        new QuantizeLinear(1),
        new long[] {-128, -2, -2, 0, 0, 2, 2, 127},
        f32(d(8), -300, -2.5f, -1.5f, -0.5f, 0.5f, 1.5f, 2.5f, 300),
        f32(d(), 1),
        i8(d(), 0));
    // uint8 with scale 2 and zero point 128: 1/2 = 0.5 → 0, 3/2 = 1.5 → 2, 5/2 = 2.5 → 2,
    // -1000/2 + 128 = -372 → 0, 1000/2 + 128 = 628 → 255
    exact(
        new QuantizeLinear(0),
        new long[] {128, 130, 130, 0, 255},
        f32(d(5), 1, 3, 5, -1000, 1000),
        f32(d(), 2),
        u8(d(), 128));
    // no zero point: uint8, zero point 0
    exact(new QuantizeLinear(1), new long[] {0, 1, 4}, f32(d(3), -7, 1, 4), f32(d(), 1));
  }

  @Test
  void dequantizePerAxis() {
    // axis 0: row 0 scale 0.5 zero point 128, row 1 scale 2 zero point 10
    // (0-128)·0.5 = -64, (255-128)·0.5 = 63.5, (128-10)·2 = 236, (10-10)·2 = 0
    close(
        new DequantizeLinear(0),
        new double[] {-64, 63.5, 236, 0},
        0,
        u8(d(2, 2), 0, 255, 128, 10),
        f32(d(2), 0.5f, 2),
        u8(d(2), 128, 10));
  }

  @Test
  void integerProductsSubtractZeroPoints() {
    // (A - 1)·(B - 5) = [[0,1],[2,3]]·[[0,1],[2,3]] = [[2,3],[6,11]]
    exact(
        new MatMulInteger(),
        new long[] {2, 3, 6, 11},
        u8(d(2, 2), 1, 2, 3, 4),
        u8(d(2, 2), 5, 6, 7, 8),
        u8(d(), 1),
        u8(d(), 5));
    // 2×2 windows of all-ones weights over x - 1 = [[0,1,2],[3,4,5],[6,7,8]]:
    // 0+1+3+4 = 8, 1+2+4+5 = 12, 3+4+6+7 = 20, 4+5+7+8 = 24
    exact(
        new ConvInteger(new Conv2d(1, 1, dev.silica.workloads.ir.Padding.NONE, 1, 1, 1)),
        new long[] {8, 12, 20, 24},
        u8(d(1, 1, 3, 3), 1, 2, 3, 4, 5, 6, 7, 8, 9),
        u8(d(1, 1, 2, 2), 1, 1, 1, 1),
        u8(d(), 1),
        u8(d(), 0));
  }

  @Test
  void requantizationRoundsHalfToEvenAndSaturates() {
    // acc · (1 · 0.5 / 1) with B = 1: 5 → 2.5 → 2, 7 → 3.5 → 4, 255 → 127.5 → 128 (ties to even)
    exact(
        new QLinearMatMul(),
        new long[] {2, 4, 128},
        u8(d(3, 1), 5, 7, 255),
        f32(d(), 1),
        u8(d(), 0),
        u8(d(1, 1), 1),
        f32(d(), 0.5f),
        u8(d(), 0),
        f32(d(), 1),
        u8(d(), 0));
    // saturation: 255 · 1 · (1 · 4 / 1) = 1020 → 255 (uint8)
    exact(
        new QLinearMatMul(),
        new long[] {255},
        u8(d(1, 1), 255),
        f32(d(), 1),
        u8(d(), 0),
        u8(d(1, 1), 1),
        f32(d(), 4),
        u8(d(), 0),
        f32(d(), 1),
        u8(d(), 0));
  }

  @Test
  void castRoundsToNearestEvenAndTruncatesToIntegers() {
    // binary16: 65519 rounds down to the largest finite 65504, 65520 (the midpoint to 2^16)
    // overflows to +inf; 1/3 is 0x3555 = 0.333251953125
    close(
        new Cast(DType.F16),
        new double[] {65504, Double.POSITIVE_INFINITY, 0.333251953125},
        0,
        f32(d(3), 65519, 65520, 1f / 3));
    // bfloat16 (8 significant bits): 1 + 2^-8 is a tie → 1 (even), 1 + 3·2^-8 → 1 + 2^-6
    close(new Cast(DType.BF16), new double[] {1, 1.015625}, 0, f32(d(2), 1.00390625f, 1.01171875f));
    // float → int8 truncates toward zero and wraps: 200.7 → 200 → -56, -3.9 → -3
    exact(new Cast(DType.I8), new long[] {-56, -3}, f32(d(2), 200.7f, -3.9f));
  }

  @Test
  void preluAndLogSoftmax() {
    close(new PRelu(), new double[] {-0.5, 3}, 0, f32(d(2), -2, 3), f32(d(1), 0.25f));
    // softmax of [0, ln 3] is [1/4, 3/4]
    close(
        new LogSoftmax(0),
        new double[] {Math.log(0.25), Math.log(0.75)},
        1e-6,
        f32(d(2), 0, (float) Math.log(3)));
  }

  @Test
  void resizeNearestModes() {
    // align_corners 2 → 3 columns: sources 0, 0.5, 1; floor picks 0, 0, 1; round_prefer_ceil
    // picks 0, 1, 1
    In x = f32(d(1, 1, 1, 2), 10, 20);
    close(
        new Resize(1, 3, 0, 0, Resize.Coordinate.ALIGN_CORNERS, Resize.Nearest.FLOOR),
        new double[] {10, 10, 20},
        0,
        x);
    close(
        new Resize(1, 3, 0, 0, Resize.Coordinate.ALIGN_CORNERS, Resize.Nearest.ROUND_PREFER_CEIL),
        new double[] {10, 20, 20},
        0,
        x);
  }
}
