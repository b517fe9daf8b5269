package dev.silica.workloads.exec;

import static dev.silica.workloads.exec.OneOp.random;
import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.workloads.ir.Add;
import dev.silica.workloads.ir.AvgPool;
import dev.silica.workloads.ir.BatchNorm;
import dev.silica.workloads.ir.CausalMask;
import dev.silica.workloads.ir.Concat;
import dev.silica.workloads.ir.Conv2d;
import dev.silica.workloads.ir.ConvTranspose2d;
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
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded property tests: FP64 products against direct loops written here, and FP32 against FP64.
 *
 * <p>Bounds. Products (convolution, transposed convolution, GEMM, MatMul) accumulate in {@code
 * float}: with operands in {@code [-1, 1)} and at most a few hundred terms per output, the FP32
 * result is within {@code 1e-5} of FP64 normwise ({@code max|y32 - y64| / max|y64|}; the worst case
 * bound {@code K·2⁻²⁴ ≈ 3e-5·K/500} is rarely approached, the typical error grows as {@code
 * √K·2⁻²⁴}). Every other op evaluates in {@code double} from the same {@code float} inputs and
 * rounds once, so FP32 is the correctly rounded FP64 result: element-wise relative error at most
 * {@code 2⁻²⁴}.
 */
class OracleTest {
  private static final double PRODUCT_BOUND = 1e-5;
  private static final double ROUNDED_BOUND = 0x1p-24;

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 6);
  }

  private static void productsAgree(Op op, Tensor want, Tensor... xs) {
    Tensor y64 = OneOp.fp64(op, xs);
    Tensor y32 = OneOp.fp32(op, xs);
    assertThat(OneOp.normwise(y64, want)).as("fp64 vs direct loops").isLessThan(1e-12);
    assertThat(OneOp.normwise(y32, y64)).as("fp32 vs fp64").isLessThan(PRODUCT_BOUND);
  }

  private static void roundedOnce(Op op, Tensor... xs) {
    List<Tensor> y64 = OneOp.run(op, Precision.FP64, 1, xs);
    List<Tensor> y32 = OneOp.run(op, Precision.FP32, 1, xs);
    for (int i = 0; i < y64.size(); i++) {
      if (y64.get(i).dtype().isIntegral()) {
        assertThat(y32.get(i)).isEqualTo(y64.get(i));
      } else {
        assertThat(y32.get(i).maxRelError(y64.get(i), Double.MIN_NORMAL))
            .as("%s output %d", op.kind(), i)
            .isLessThanOrEqualTo(ROUNDED_BOUND);
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void convolutionAgainstDirectLoops(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int groups = 1 + rng.nextInt(3);
    int c = groups * (1 + rng.nextInt(4));
    int m = groups * (1 + rng.nextInt(4));
    int kh = 1 + rng.nextInt(4);
    int kw = 1 + rng.nextInt(4);
    int sh = 1 + rng.nextInt(3);
    int sw = 1 + rng.nextInt(3);
    int dh = 1 + rng.nextInt(2);
    int dw = 1 + rng.nextInt(2);
    int h = dh * (kh - 1) + 1 + rng.nextInt(8);
    int w = dw * (kw - 1) + 1 + rng.nextInt(8);
    Padding pad =
        switch (rng.nextInt(3)) {
          case 0 -> Padding.SAME;
          case 1 -> new Padding(Padding.Mode.SAME_LOWER, 0, 0, 0, 0);
          default -> Padding.of(rng.nextInt(3), rng.nextInt(3), rng.nextInt(3), rng.nextInt(3));
        };
    Conv2d op = new Conv2d(sh, sw, pad, dh, dw, groups);
    Tensor x = random(rng, 2, c, h, w);
    Tensor wt = random(rng, m, c / groups, kh, kw);
    Tensor b = random(rng, m);
    Tensor y = OneOp.fp64(op, x, wt, b);
    Padding p = op.resolvedPadding(x.type(), wt.type());
    double[] want = new double[y.size()];
    int cg = c / groups;
    int mg = m / groups;
    int oh = y.dim(2);
    int ow = y.dim(3);
    for (int n = 0; n < 2; n++) {
      for (int oc = 0; oc < m; oc++) {
        int g = oc / mg;
        for (int pi = 0; pi < oh; pi++) {
          for (int qi = 0; qi < ow; qi++) {
            double s = b.getDouble(oc);
            for (int ci = 0; ci < cg; ci++) {
              for (int r = 0; r < kh; r++) {
                for (int t = 0; t < kw; t++) {
                  int hi = pi * sh + r * dh - p.top();
                  int wi = qi * sw + t * dw - p.left();
                  if (hi >= 0 && hi < h && wi >= 0 && wi < w) {
                    s += x.get(n, g * cg + ci, hi, wi) * wt.get(oc, ci, r, t);
                  }
                }
              }
            }
            want[((n * m + oc) * oh + pi) * ow + qi] = s;
          }
        }
      }
    }
    productsAgree(op, Tensor.of(y.shape(), want), x, wt, b);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void transposedConvolutionAgainstScatterLoops(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int groups = 1 + rng.nextInt(2);
    int c = groups * (1 + rng.nextInt(3));
    int mg = 1 + rng.nextInt(3);
    int k = 1 + rng.nextInt(4);
    int s = 1 + rng.nextInt(3);
    int d = 1 + rng.nextInt(2);
    int pad = rng.nextInt(Math.max(1, (d * (k - 1) + 1) / 2));
    int outPad = rng.nextInt(Math.max(s, d));
    ConvTranspose2d op = new ConvTranspose2d(s, s, Padding.of(pad), outPad, outPad, d, d, groups);
    int h = 2 + rng.nextInt(4);
    Tensor x = random(rng, 1, c, h, h);
    Tensor wt = random(rng, c, mg, k, k);
    Tensor b = random(rng, mg * groups);
    Tensor y = OneOp.fp64(op, x, wt, b);
    int m = mg * groups;
    int p = y.dim(2);
    double[] want = new double[y.size()];
    for (int oc = 0; oc < m; oc++) {
      for (int i = 0; i < p * p; i++) {
        want[oc * p * p + i] = b.getDouble(oc);
      }
    }
    int cg = c / groups;
    for (int ci = 0; ci < c; ci++) {
      int g = ci / cg;
      for (int hi = 0; hi < h; hi++) {
        for (int wi = 0; wi < h; wi++) {
          for (int mi = 0; mi < mg; mi++) {
            for (int r = 0; r < k; r++) {
              for (int t = 0; t < k; t++) {
                int po = hi * s + r * d - pad;
                int qo = wi * s + t * d - pad;
                if (po >= 0 && po < p && qo >= 0 && qo < p) {
                  want[((g * mg + mi) * p + po) * p + qo] +=
                      x.get(0, ci, hi, wi) * wt.get(ci, mi, r, t);
                }
              }
            }
          }
        }
      }
    }
    productsAgree(op, Tensor.of(y.shape(), want), x, wt, b);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void gemmAndBatchedMatmulAgainstDirectLoops(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int m = 1 + rng.nextInt(90);
    int n = 1 + rng.nextInt(300);
    int k = 1 + rng.nextInt(200);
    boolean ta = rng.nextBoolean();
    boolean tb = rng.nextBoolean();
    float alpha = rng.nextBoolean() ? 1f : 0.5f;
    Tensor a = ta ? random(rng, k, m) : random(rng, m, k);
    Tensor b = tb ? random(rng, n, k) : random(rng, k, n);
    Tensor cv = random(rng, n);
    double[] want = new double[m * n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int t = 0; t < k; t++) {
          s += (ta ? a.get(t, i) : a.get(i, t)) * (tb ? b.get(j, t) : b.get(t, j));
        }
        want[i * n + j] = alpha * s + 2 * cv.getDouble(j);
      }
    }
    productsAgree(
        new Gemm(ta, tb, alpha, 2f),
        Tensor.of(dev.silica.workloads.ir.Shape.of(m, n), want),
        a,
        b,
        cv);

    // [3, 1, M, K] · [2, K, N] broadcasts to [3, 2, M, N]
    int mm = 1 + rng.nextInt(5);
    int kk = 1 + rng.nextInt(40);
    int nn = 1 + rng.nextInt(40);
    Tensor x = random(rng, 3, 1, mm, kk);
    Tensor z = random(rng, 2, kk, nn);
    double[] mw = new double[3 * 2 * mm * nn];
    for (int p = 0; p < 3; p++) {
      for (int q = 0; q < 2; q++) {
        for (int i = 0; i < mm; i++) {
          for (int j = 0; j < nn; j++) {
            double s = 0;
            for (int t = 0; t < kk; t++) {
              s += x.get(p, 0, i, t) * z.get(q, t, j);
            }
            mw[((p * 2 + q) * mm + i) * nn + j] = s;
          }
        }
      }
    }
    productsAgree(
        new MatMul(), Tensor.of(dev.silica.workloads.ir.Shape.of(3, 2, mm, nn), mw), x, z);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyOtherOpIsTheCorrectlyRoundedDoubleResult(long seed) {
    // data-movement ops are exact: their bound 2⁻²⁴ is met with equality at 0
    SplittableRandom rng = new SplittableRandom(seed);
    Tensor img = random(rng, 2, 6, 7, 9);
    Tensor vec6 = random(rng, 6);
    Tensor pos6 = Tensor.of(vec6.shape(), new float[] {0.5f, 1, 2, 0.25f, 3, 1.5f});
    roundedOnce(new MaxPool(3, 2, 2, 1, Padding.of(1, 0, 0, 1), true, true), img);
    roundedOnce(new AvgPool(3, 3, 2, 2, Padding.of(1), true, true), img);
    roundedOnce(new AvgPool(2, 3, 1, 2, Padding.SAME, false, false), img);
    roundedOnce(new GlobalAvgPool(), img);
    roundedOnce(new LeakyRelu(0.01f), img);
    roundedOnce(new Sigmoid(), img);
    roundedOnce(new Tanh(), img);
    roundedOnce(new Gelu(false), img);
    roundedOnce(new Gelu(true), img);
    roundedOnce(new Add(), img, random(rng, 6, 1, 9));
    roundedOnce(new Mul(), img, random(rng, 7, 1));
    roundedOnce(new BatchNorm(1e-5f), img, vec6, vec6, vec6, pos6);
    roundedOnce(new Lrn(5, 1e-4f, 0.75f, 2), img);
    roundedOnce(new Softmax(1), img);
    roundedOnce(new LayerNorm(2, 1e-5f), img, random(rng, 7, 9), random(rng, 7, 9));
    roundedOnce(Transpose.of(3, 1, 0, 2), img);
    roundedOnce(new Upsample(2, 1), img);
    roundedOnce(new CausalMask(-1e4f), random(rng, 3, 5, 5));
    roundedOnce(new Relu(), img);
    roundedOnce(new Dropout(0.1f), img);
    roundedOnce(new Flatten(2), img);
    roundedOnce(Reshape.of(0, -1, 3), img);
    roundedOnce(new Concat(2), img, random(rng, 2, 6, 3, 9));
    long[] rows = new long[12];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = rng.nextInt(50);
    }
    roundedOnce(new Embedding(), Tensor.of(Shape.of(3, 4), rows), random(rng, 50, 8));
    List<Tensor> pooled =
        OneOp.run(
            new MaxPool(2, 2, 2, 2, Padding.NONE, false, true),
            Precision.FP64,
            1,
            random(rng, 2, 6, 8, 10));
    roundedOnce(new MaxUnpool(2, 2, 2, 2, Padding.NONE), pooled.get(0).toF32(), pooled.get(1));
    int t = 3;
    int n = 2;
    int d = 4;
    int h = 5;
    Tensor seq = random(rng, t, n, d);
    roundedOnce(
        new Lstm(h),
        seq,
        random(rng, d, 4 * h),
        random(rng, h, 4 * h),
        random(rng, 4 * h),
        random(rng, n, h),
        random(rng, n, h));
    roundedOnce(
        new Gru(h, seed % 2 == 0),
        seq,
        random(rng, d, 3 * h),
        random(rng, h, 3 * h),
        random(rng, 3 * h),
        random(rng, 3 * h));
    roundedOnce(
        new Rnn(h, Rnn.Activation.TANH), seq, random(rng, d, h), random(rng, h, h), random(rng, h));
  }
}
