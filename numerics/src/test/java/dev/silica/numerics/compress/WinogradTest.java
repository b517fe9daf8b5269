package dev.silica.numerics.compress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.numerics.Fp16;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WinogradTest {
  private static double[] uniform(int n, SplittableRandom r) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (2 * r.nextDouble() - 1); // fp32 values, U[-1, 1] as in S-WIN §5
    }
    return x;
  }

  private static double maxAbsDiff(double[] a, double[] b) {
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }

  @Test
  void matricesComputeAnExactCorrelation() {
    // Σ_i Aᵀ[j][i] G[i][k] Bᵀ[i][l] = [l = j + k]: exact up to the rounding of 1/6, 1/12, 1/24
    assertThat(Winograd.trilinearError(Winograd.Variant.F2X2_3X3)).isZero();
    assertThat(Winograd.trilinearError(Winograd.Variant.F4X4_3X3)).isLessThan(1e-15);
  }

  @Test
  void tileConvolutionMatchesDirectInFp64() {
    SplittableRandom r = new SplittableRandom(42);
    // 9×10 input, so the 7×8 output has partial F(4×4) tiles in both directions
    int c = 5, h = 9, w = 10, k = 3;
    double[] x = uniform(c * h * w, r);
    double[] f = uniform(k * c * 9, r);
    double[] ref = Winograd.direct(x, f, c, h, w, k, Winograd.FP64, null);
    for (Winograd.Variant v : Winograd.Variant.values()) {
      double[] y = Winograd.convolve(v, x, f, c, h, w, k, Winograd.FP64, null);
      assertThat(maxAbsDiff(ref, y)).as(v.name()).isLessThan(1e-12);
    }
  }

  @Test
  void multiplyCountsPerOutputTile() {
    // S-WIN §4-5 (papers-inputs §6.2): F(2×2,3×3) 16 vs 36 multiplies (2.25×), F(4×4,3×3) 36 vs 144
    // (4×)
    int c = 2, h = 10, w = 10, k = 2; // 8×8 output: whole tiles for m = 2 and 4
    SplittableRandom r = new SplittableRandom(1);
    double[] x = uniform(c * h * w, r);
    double[] f = uniform(k * c * 9, r);
    Winograd.Stats d = new Winograd.Stats();
    Winograd.direct(x, f, c, h, w, k, Winograd.FP64, d);
    Winograd.Stats w2 = new Winograd.Stats();
    Winograd.convolve(Winograd.Variant.F2X2_3X3, x, f, c, h, w, k, Winograd.FP64, w2);
    Winograd.Stats w4 = new Winograd.Stats();
    Winograd.convolve(Winograd.Variant.F4X4_3X3, x, f, c, h, w, k, Winograd.FP64, w4);
    assertThat(w2.multiplies() / w2.tiles()).isEqualTo(16);
    assertThat(w4.multiplies() / w4.tiles()).isEqualTo(36);
    assertThat((double) d.multiplies() / w2.multiplies()).isEqualTo(2.25);
    assertThat((double) d.multiplies() / w4.multiplies()).isEqualTo(4.0);
  }

  @Test
  void errorGrowthInFp32AndFp16OnVggLikeLayers() {
    // S-WIN Table 4 (papers-inputs §6.3): max element error, fp32 direct / F(2x2) / F(4x4) / fp16.
    // Layers reduced spatially (12×12 output, K = 16) but with VGG's channel depth C, which sets
    // the accumulation length; random data and filters U[-1, 1]; reference: direct in FP64.
    String[] names = {"1.2", "2.2", "3.2", "4.2", "5"};
    int[] channels = {64, 128, 256, 512, 512};
    double[][] paper = {
      {4.01e-5, 1.53e-5, 2.84e-4, 1.14e-2},
      {8.01e-5, 2.86e-5, 5.41e-4, 1.45e-2},
      {1.53e-4, 5.34e-5, 9.06e-4, 1.99e-2},
      {3.20e-4, 5.34e-5, 1.04e-3, 3.17e-2},
      {3.43e-4, 4.20e-5, 1.08e-3, 2.61e-2}
    };
    StringBuilder sb = new StringBuilder();
    sb.append(
        "Winograd error (max |y - y_fp64|), measured vs S-WIN Table 4\n"
            + "layer   C  | fp32 direct      | fp32 F(2x2,3x3)  | fp32 F(4x4,3x3)  | fp16 data: direct  F2x2  F4x4 (paper)\n");
    SplittableRandom r = new SplittableRandom(2016);
    for (int li = 0; li < names.length; li++) {
      int c = channels[li], h = 14, w = 14, k = 16;
      double[] x = uniform(c * h * w, r);
      double[] f = uniform(k * c * 9, r);
      double[] ref = Winograd.direct(x, f, c, h, w, k, Winograd.FP64, null);
      double eD = maxAbsDiff(ref, Winograd.direct(x, f, c, h, w, k, Winograd.FP32, null));
      double e2 =
          maxAbsDiff(
              ref,
              Winograd.convolve(Winograd.Variant.F2X2_3X3, x, f, c, h, w, k, Winograd.FP32, null));
      double e4 =
          maxAbsDiff(
              ref,
              Winograd.convolve(Winograd.Variant.F4X4_3X3, x, f, c, h, w, k, Winograd.FP32, null));
      double[] x16 = toFp16(x);
      double[] f16 = toFp16(f);
      double hD = maxAbsDiff(ref, Winograd.direct(x16, f16, c, h, w, k, Winograd.FP32, null));
      double h2 =
          maxAbsDiff(
              ref,
              Winograd.convolve(
                  Winograd.Variant.F2X2_3X3, x16, f16, c, h, w, k, Winograd.FP32, null));
      double h4 =
          maxAbsDiff(
              ref,
              Winograd.convolve(
                  Winograd.Variant.F4X4_3X3, x16, f16, c, h, w, k, Winograd.FP32, null));
      sb.append(
          String.format(
              Locale.ROOT,
              "%-5s %4d | %.2e (%.2e) | %.2e (%.2e) | %.2e (%.2e) | %.2e %.2e %.2e (%.2e)%n",
              names[li],
              c,
              eD,
              paper[li][0],
              e2,
              paper[li][1],
              e4,
              paper[li][2],
              hD,
              h2,
              h4,
              paper[li][3]));
      // F(4×4) in fp32 is less accurate than direct; fp16 storage dominates every fp32 error
      assertThat(e4).isGreaterThan(eD);
      assertThat(Math.min(hD, Math.min(h2, h4))).isGreaterThan(Math.max(eD, Math.max(e2, e4)));
      // same order of magnitude as the paper's fp16 column (input precision dominates)
      assertThat(hD).isBetween(paper[li][3] / 10, paper[li][3] * 10);
    }
    System.out.print(sb);
  }

  private static double[] toFp16(double[] x) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = Fp16.toFloat(Fp16.fromFloat((float) x[i]));
    }
    return y;
  }
}
