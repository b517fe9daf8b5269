package dev.silica.workloads.exec;

import static dev.silica.workloads.exec.OneOp.dims;
import static dev.silica.workloads.exec.OneOp.f32;
import static dev.silica.workloads.exec.OneOp.fp32;
import static dev.silica.workloads.exec.OneOp.fp64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.silica.workloads.ir.Add;
import dev.silica.workloads.ir.AvgPool;
import dev.silica.workloads.ir.BatchNorm;
import dev.silica.workloads.ir.CausalMask;
import dev.silica.workloads.ir.Concat;
import dev.silica.workloads.ir.Conv2d;
import dev.silica.workloads.ir.Dropout;
import dev.silica.workloads.ir.Embedding;
import dev.silica.workloads.ir.Flatten;
import dev.silica.workloads.ir.Gelu;
import dev.silica.workloads.ir.Gemm;
import dev.silica.workloads.ir.GlobalAvgPool;
import dev.silica.workloads.ir.Gru;
import dev.silica.workloads.ir.LayerNorm;
import dev.silica.workloads.ir.LeakyRelu;
import dev.silica.workloads.ir.Lrn;
import dev.silica.workloads.ir.Lstm;
import dev.silica.workloads.ir.MatMul;
import dev.silica.workloads.ir.MaxPool;
import dev.silica.workloads.ir.MaxUnpool;
import dev.silica.workloads.ir.Mul;
import dev.silica.workloads.ir.OneHot;
import dev.silica.workloads.ir.Op;
import dev.silica.workloads.ir.Padding;
import dev.silica.workloads.ir.Relu;
import dev.silica.workloads.ir.Reshape;
import dev.silica.workloads.ir.Rnn;
import dev.silica.workloads.ir.Shape;
import dev.silica.workloads.ir.Sigmoid;
import dev.silica.workloads.ir.Softmax;
import dev.silica.workloads.ir.Tanh;
import dev.silica.workloads.ir.Transpose;
import dev.silica.workloads.ir.Upsample;
import dev.silica.workloads.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every op on small inputs with hand-computed or closed-form expected values, FP32 and FP64. */
class OpsTest {
  private static final float[] SOBEL_X = {1, 0, -1, 2, 0, -2, 1, 0, -1};

  /** {@code x[h][w] = w}: a horizontal ramp, whose Sobel-x response is {@code -8} inside. */
  private static Tensor ramp(int h, int w) {
    float[] v = new float[h * w];
    for (int i = 0; i < v.length; i++) {
      v[i] = i % w;
    }
    return f32(dims(1, 1, h, w), v);
  }

  private static void expect(Op op, double[] want, Tensor... xs) {
    Tensor a = fp32(op, xs);
    Tensor b = fp64(op, xs);
    for (int i = 0; i < want.length; i++) {
      assertThat(b.getDouble(i)).as("fp64 element %d", i).isCloseTo(want[i], within(1e-12));
      assertThat(a.getDouble(i))
          .as("fp32 element %d", i)
          .isCloseTo(want[i], within(1e-6 * Math.max(1, Math.abs(want[i]))));
    }
    assertThat(a.size()).isEqualTo(want.length);
  }

  private static double sig(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  @Test
  void conv3x3SobelOnARampValidPadding() {
    Tensor w = f32(dims(1, 1, 3, 3), SOBEL_X);
    Tensor b = f32(dims(1), 0.5f);
    expect(Conv2d.of(1, 0), new double[] {-7.5, -7.5, -7.5, -7.5}, ramp(4, 4), w, b);
    assertThat(fp32(Conv2d.of(1, 0), ramp(4, 4), w).shape()).isEqualTo(Shape.of(1, 1, 2, 2));
  }

  @Test
  void convAsymmetricPaddingPadsOnlyTheTop() {
    // top 1: the first window row reads the zero row, so its weight 1 is lost: 3·(0 - 2) = -6
    Conv2d op = new Conv2d(1, 1, Padding.of(1, 0, 0, 0), 1, 1, 1);
    expect(op, new double[] {-6, -6, -8, -8, -8, -8}, ramp(4, 4), f32(dims(1, 1, 3, 3), SOBEL_X));
  }

  @Test
  void convSameUpperStride2PadsBottomAndRight() {
    // out = ceil(4/2) = 2, total padding (2-1)·2 + 3 - 4 = 1, all of it at the bottom/right
    Conv2d op = new Conv2d(2, 2, Padding.SAME, 1, 1, 1);
    expect(op, new double[] {-8, 8, -6, 6}, ramp(4, 4), f32(dims(1, 1, 3, 3), SOBEL_X));
  }

  @Test
  void convDilation2SpansFiveColumns() {
    // taps at columns 0, 2, 4: 4·(0 - 4) = -16
    Conv2d op = new Conv2d(1, 1, Padding.NONE, 2, 2, 1);
    expect(op, new double[] {-16}, ramp(5, 5), f32(dims(1, 1, 3, 3), SOBEL_X));
  }

  @Test
  void convGroupsKeepChannelsApart() {
    Tensor x = f32(dims(1, 2, 1, 2), 1, 2, 3, 4);
    Tensor w = f32(dims(2, 1, 1, 1), 2, 3);
    expect(Conv2d.of(1, 0, 2), new double[] {2, 4, 9, 12}, x, w);
  }

  @Test
  void gemmTranspositionsAlphaBetaAndBroadcastC() {
    Tensor a = f32(dims(2, 2), 1, 2, 3, 4);
    Tensor b = f32(dims(2, 2), 5, 6, 7, 8);
    expect(new Gemm(false, false, 1, 1), new double[] {19, 22, 43, 50}, a, b);
    expect(new Gemm(true, false, 1, 1), new double[] {26, 30, 38, 44}, a, b);
    expect(new Gemm(false, true, 1, 1), new double[] {17, 23, 39, 53}, a, b);
    expect(
        new Gemm(false, false, 2, 0.5f),
        new double[] {43, 54, 91, 110},
        a,
        b,
        f32(dims(2), 10, 20));
    expect(
        new Gemm(false, false, 1, 1), new double[] {20, 23, 45, 52}, a, b, f32(dims(2, 1), 1, 2));
  }

  @Test
  void matmulPromotesRankOneOperands() {
    Tensor m = f32(dims(3, 2), 1, 0, 0, 1, 1, 1);
    expect(new MatMul(), new double[] {4, 5}, f32(dims(3), 1, 2, 3), m);
    expect(
        new MatMul(),
        new double[] {6, 15},
        f32(dims(2, 3), 1, 2, 3, 4, 5, 6),
        f32(dims(3), 1, 1, 1));
    assertThat(fp32(new MatMul(), f32(dims(3), 1, 2, 3), m).shape()).isEqualTo(Shape.of(2));
  }

  private static Tensor iota(int... dims) {
    int n = 1;
    for (int d : dims) {
      n *= d;
    }
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = i + 1;
    }
    return f32(dims, v);
  }

  @Test
  void maxPoolCeilModeAndOnnxFlatIndices() {
    // two channels of 1..9 and 10..18; ceil mode gives 2x2 windows {1,2,4,5} {3,6} {7,8} {9}
    MaxPool op = new MaxPool(2, 2, 2, 2, Padding.NONE, true, true);
    Tensor x = iota(1, 2, 3, 3);
    List<Tensor> out = OneOp.run(op, Precision.FP32, 1, x);
    assertThat(out.get(0).floats()).containsExactly(5, 6, 8, 9, 14, 15, 17, 18);
    // ONNX: indices flat over the whole input, ((n·C + c)·H + h)·W + w; channel 1 starts at 9
    assertThat(out.get(1).longs()).containsExactly(4, 5, 7, 8, 13, 14, 16, 17);
    MaxPool floor = new MaxPool(2, 2, 2, 2, Padding.NONE, false, false);
    assertThat(fp32(floor, x).floats()).containsExactly(5, 14);
  }

  @Test
  void maxPoolPaddingNeverWins() {
    float[] neg = new float[9];
    for (int i = 0; i < 9; i++) {
      neg[i] = -(i + 1);
    }
    expect(
        MaxPool.of(3, 1, 1),
        new double[] {-1, -1, -2, -1, -1, -2, -4, -4, -5},
        f32(dims(1, 1, 3, 3), neg));
  }

  @Test
  void maxUnpoolPlacesMaximaWhereMaxPoolFoundThem() {
    Tensor x = f32(dims(1, 1, 4, 4), 1, 9, 2, 3, 4, 5, 8, 6, 7, 0, 1, 1, 2, 3, 1, 4);
    List<Tensor> pooled =
        OneOp.run(new MaxPool(2, 2, 2, 2, Padding.NONE, false, true), Precision.FP32, 1, x);
    assertThat(pooled.get(0).floats()).containsExactly(9, 8, 7, 4);
    assertThat(pooled.get(1).longs()).containsExactly(1, 6, 8, 15);
    Tensor y = fp32(MaxUnpool.of(2, 2), pooled.get(0), pooled.get(1));
    assertThat(y.floats()).containsExactly(0, 9, 0, 0, 0, 0, 8, 0, 7, 0, 0, 0, 0, 0, 0, 4);
    Tensor bad = Tensor.of(Shape.of(1, 1, 2, 2), 0L, 1L, 2L, 16L);
    assertThatThrownBy(() -> fp32(MaxUnpool.of(2, 2), pooled.get(0), bad))
        .isInstanceOf(ExecException.class)
        .hasMessageStartingWith("op: maxunpool index 16 at flat position 3");
  }

  @Test
  void avgPoolCountIncludePadAndCeilMode() {
    Tensor x = f32(dims(1, 1, 2, 2), 1, 2, 3, 4);
    AvgPool exclude = new AvgPool(2, 2, 1, 1, Padding.of(1), false, false);
    AvgPool include = new AvgPool(2, 2, 1, 1, Padding.of(1), false, true);
    expect(exclude, new double[] {1, 1.5, 2, 2, 2.5, 3, 3, 3.5, 4}, x);
    expect(include, new double[] {0.25, 0.75, 0.5, 1, 2.5, 1.5, 0.75, 1.75, 1}, x);
    // ceil mode: the last window overhangs the unpadded input and is clipped (PyTorch divisor)
    AvgPool ceil = new AvgPool(2, 2, 2, 2, Padding.NONE, true, true);
    expect(ceil, new double[] {3, 4.5, 7.5, 9}, iota(1, 1, 3, 3));
  }

  @Test
  void globalAvgPoolAveragesEachPlane() {
    expect(new GlobalAvgPool(), new double[] {2.5, 6.5}, iota(1, 2, 2, 2));
  }

  @Test
  void activations() {
    Tensor x = f32(dims(4), -1, 0, 1, 2);
    expect(new Relu(), new double[] {0, 0, 1, 2}, x);
    expect(new LeakyRelu(0.1f), new double[] {-0.1f * 1.0, 0, 1, 2}, x);
    expect(new Sigmoid(), new double[] {sig(-1), 0.5, sig(1), sig(2)}, x);
    expect(new Tanh(), new double[] {-Math.tanh(1), 0, Math.tanh(1), Math.tanh(2)}, x);
    // x·Φ(x): Φ(1) = 0.8413447460685429 (CPython math.erf)
    expect(
        new Gelu(false),
        new double[] {-0.15865525393145707, 0, 0.8413447460685429, 2 * 0.9772498680518208},
        x);
    double t2 = 0.5 * 2 * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (2 + 0.044715 * 8)));
    expect(new Gelu(true), new double[] {-(1 - 0.8411919906082768), 0, 0.8411919906082768, t2}, x);
    expect(new Dropout(0.5f), new double[] {-1, 0, 1, 2}, x);
  }

  @Test
  void addAndMulBroadcast() {
    Tensor a = f32(dims(2, 3), 1, 2, 3, 4, 5, 6);
    expect(new Add(), new double[] {11, 22, 33, 14, 25, 36}, a, f32(dims(3), 10, 20, 30));
    expect(
        new Mul(),
        new double[] {3, 4, 5, 6, 8, 10},
        f32(dims(2, 1), 1, 2),
        f32(dims(1, 3), 3, 4, 5));
    expect(new Mul(), new double[] {2, 4, 6, 8, 10, 12}, a, f32(dims(1), 2));
  }

  @Test
  void concatAlongAnyAxis() {
    Tensor a = f32(dims(2, 2), 1, 2, 3, 4);
    Tensor b = f32(dims(2, 1), 5, 6);
    expect(new Concat(1), new double[] {1, 2, 5, 3, 4, 6}, a, b);
    expect(new Concat(0), new double[] {1, 2, 3, 4, 1, 2, 3, 4}, a, a);
  }

  @Test
  void batchNormPerChannel() {
    Tensor x = f32(dims(1, 2, 1, 2), 1, 3, 2, 4);
    double e = 1e-5f; // the op stores epsilon as a float
    double s0 = 1 / Math.sqrt(4 + e);
    double s1 = 1 / Math.sqrt(0.25 + e);
    expect(
        new BatchNorm((float) e),
        new double[] {2 * (-1) * s0 + 0.5, 2 * 1 * s0 + 0.5, -1 * s1, 1 * s1},
        x,
        f32(dims(2), 2, 1),
        f32(dims(2), 0.5f, 0),
        f32(dims(2), 2, 3),
        f32(dims(2), 4, 0.25f));
  }

  @Test
  void lrnFollowsOnnxWindowForOddAndEvenSizes() {
    Tensor x = f32(dims(1, 3, 1, 1), 1, 2, 3);
    // size 3, alpha/size = 1, beta 1, bias 1: windows {0,1} {0,1,2} {1,2}
    expect(new Lrn(3, 3, 1, 1), new double[] {1.0 / 6, 2.0 / 15, 3.0 / 14}, x);
    // size 2: [c - floor(1/2), c + ceil(1/2)] = [c, c+1]
    expect(new Lrn(2, 2, 1, 1), new double[] {1.0 / 6, 2.0 / 14, 3.0 / 10}, x);
    // beta 0.75, bias 2 (AlexNet's k): 1 / (2 + 1e-4/5 · 5)^0.75
    expect(
        new Lrn(5, 1e-4f, 0.75f, 2),
        new double[] {1 / Math.pow(2 + 1e-4f / 5.0 * 1, 0.75f)},
        f32(dims(1, 1, 1, 1), 1));
  }

  @Test
  void softmaxIsMaxSubtractedAlongItsAxis() {
    expect(new Softmax(-1), new double[] {0.5, 0.5}, f32(dims(1, 2), 1000, 1000));
    double e = Math.exp(2);
    expect(
        new Softmax(0),
        new double[] {1 / (1 + e), 1 / (1 + e), e / (1 + e), e / (1 + e)},
        f32(dims(2, 2), 1, 2, 3, 4));
  }

  @Test
  void layerNormOverTrailingDims() {
    double inv = 1 / Math.sqrt(1.25 + 1e-5);
    expect(
        new LayerNorm(-1, 1e-5f),
        new double[] {-1.5 * inv * 2 + 1, -0.5 * inv * 2 + 1, 0.5 * inv * 2 + 1, 1.5 * inv * 2 + 1},
        f32(dims(1, 4), 1, 2, 3, 4),
        f32(dims(4), 2, 2, 2, 2),
        f32(dims(4), 1, 1, 1, 1));
  }

  @Test
  void viewsAndTranspose() {
    Tensor a = f32(dims(2, 3), 1, 2, 3, 4, 5, 6);
    expect(Transpose.of(1, 0), new double[] {1, 4, 2, 5, 3, 6}, a);
    assertThat(fp32(Reshape.of(3, -1), a).shape()).isEqualTo(Shape.of(3, 2));
    assertThat(fp32(new Flatten(1), iota(1, 2, 2)).shape()).isEqualTo(Shape.of(1, 4));
    expect(Transpose.of(2, 0, 1), new double[] {1, 3, 5, 7, 2, 4, 6, 8}, iota(2, 2, 2));
  }

  @Test
  void lstmTwoStepsByHand() {
    float[] wx = {0.5f, -0.5f, 1.0f, 0.25f}; // gates i, f, o, g
    float[] wh = {0.1f, 0.2f, 0.3f, 0.4f};
    float[] b = {0, 0.1f, 0, -0.1f};
    double x1 = 1;
    double x2 = -2;
    double h = 0;
    double c = 0;
    double[] hs = new double[2];
    double[] xs = {x1, x2};
    for (int t = 0; t < 2; t++) {
      double i = sig(xs[t] * wx[0] + h * wh[0] + b[0]);
      double f = sig(xs[t] * wx[1] + h * wh[1] + b[1]);
      double o = sig(xs[t] * wx[2] + h * wh[2] + b[2]);
      double g = Math.tanh(xs[t] * wx[3] + h * wh[3] + b[3]);
      c = f * c + i * g;
      h = o * Math.tanh(c);
      hs[t] = h;
    }
    Tensor[] in = {
      f32(dims(2, 1, 1), 1, -2), f32(dims(1, 4), wx), f32(dims(1, 4), wh), f32(dims(4), b)
    };
    List<Tensor> out = OneOp.run(new Lstm(1), Precision.FP64, 1, in);
    assertThat(out.get(0).doubles()).containsExactly(hs, within(1e-15));
    assertThat(out.get(1).doubles()[0]).isCloseTo(h, within(1e-15));
    assertThat(out.get(2).doubles()[0]).isCloseTo(c, within(1e-15));
    List<Tensor> out32 = OneOp.run(new Lstm(1), Precision.FP32, 1, in);
    assertThat((double) out32.get(2).floats()[0])
        .isCloseTo(c, within((double) Math.ulp((float) c)));
  }

  @Test
  void gruOneStepByHandBothResetPlacements() {
    float[] wx = {0.5f, -1f, 0.75f}; // z, r, n
    float[] wh = {0.2f, 0.3f, -0.4f};
    float[] bx = {0.1f, 0, -0.2f};
    float[] bh = {0, 0.1f, 0.3f};
    double x = 2;
    double h0 = 0.5;
    double z = sig(x * wx[0] + bx[0] + h0 * wh[0] + bh[0]);
    double r = sig(x * wx[1] + bx[1] + h0 * wh[1] + bh[1]);
    double nAfter = Math.tanh(x * wx[2] + bx[2] + r * (h0 * wh[2] + bh[2]));
    double nBefore = Math.tanh(x * wx[2] + bx[2] + (r * h0) * wh[2] + bh[2]);
    Tensor[] in = {
      f32(dims(1, 1, 1), 2),
      f32(dims(1, 3), wx),
      f32(dims(1, 3), wh),
      f32(dims(3), bx),
      f32(dims(3), bh),
      f32(dims(1, 1), 0.5f)
    };
    double after = OneOp.run(new Gru(1, true), Precision.FP64, 1, in).get(1).doubles()[0];
    double before = OneOp.run(new Gru(1, false), Precision.FP64, 1, in).get(1).doubles()[0];
    assertThat(after).isCloseTo((1 - z) * nAfter + z * h0, within(1e-15));
    assertThat(before).isCloseTo((1 - z) * nBefore + z * h0, within(1e-15));
    assertThat(after).isNotCloseTo(before, within(1e-3));
  }

  @Test
  void rnnTanhAndRelu() {
    Tensor[] in = {
      f32(dims(2, 1, 1), 1, -1), f32(dims(1, 1), 2), f32(dims(1, 1), 0.5f), f32(dims(1), 0.5f)
    };
    double h1 = Math.tanh(2.5);
    double h2 = Math.tanh(-2 + 0.5 * h1 + 0.5);
    expect(new Rnn(1, Rnn.Activation.TANH), new double[] {h1, h2}, in);
    expect(new Rnn(1, Rnn.Activation.RELU), new double[] {2.5, 0}, in);
  }

  @Test
  void upsampleNearest() {
    expect(
        new Upsample(2, 3),
        new double[] {1, 1, 1, 2, 2, 2, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 3, 3, 3, 4, 4, 4},
        iota(1, 1, 2, 2));
  }

  @Test
  void embeddingLooksUpRowsAndNamesTheNodeOnABadIndex() {
    Tensor table = f32(dims(3, 2), 1, 2, 3, 4, 5, 6);
    expect(new Embedding(), new double[] {5, 6, 1, 2}, Tensor.of(Shape.of(2), 2L, 0L), table);
    assertThatThrownBy(() -> fp32(new Embedding(), Tensor.of(Shape.of(2), 2L, 3L), table))
        .isInstanceOf(ExecException.class)
        .hasMessage(
            "op: embedding index 3 at flat position 1 of %x0 is outside the table %x1 rows [0, 3)");
    assertThatThrownBy(() -> fp32(new Embedding(), Tensor.of(Shape.of(1), -1L), table))
        .hasMessageContaining("index -1");
  }

  @Test
  void oneHotSetsOneColumnPerIndex() {
    // indices [2, 0] with depth 3 → rows [0,0,1] and [1,0,0] (ONNX OneHot, values [0, 1])
    expect(new OneHot(3), new double[] {0, 0, 1, 1, 0, 0}, Tensor.of(Shape.of(2), 2L, 0L));
    assertThatThrownBy(() -> fp32(new OneHot(3), Tensor.of(Shape.of(2), 1L, 3L)))
        .isInstanceOf(ExecException.class)
        .hasMessage("op: one_hot index 3 at flat position 1 of %x0 is outside [0, 3)");
  }

  @Test
  void causalMaskFillsAboveTheDiagonal() {
    Tensor y = fp32(new CausalMask(Float.NEGATIVE_INFINITY), iota(2, 2, 2));
    assertThat(y.floats())
        .containsExactly(1, Float.NEGATIVE_INFINITY, 3, 4, 5, Float.NEGATIVE_INFINITY, 7, 8);
  }
}
