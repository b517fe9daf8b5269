package dev.silica.numerics.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LowRankTest {
  private static double[] product(int rows, int rank, int cols, SplittableRandom r) {
    double[][] a = new double[rows][rank];
    double[][] b = new double[rank][cols];
    for (double[] row : a) {
      for (int j = 0; j < rank; j++) {
        row[j] = r.nextGaussian();
      }
    }
    for (double[] row : b) {
      for (int j = 0; j < cols; j++) {
        row[j] = r.nextGaussian();
      }
    }
    double[] w = new double[rows * cols];
    for (int i = 0; i < rows; i++) {
      for (int t = 0; t < rank; t++) {
        for (int j = 0; j < cols; j++) {
          w[i * cols + j] += a[i][t] * b[t][j];
        }
      }
    }
    return w;
  }

  private static double maxAbsDiff(double[] a, double[] b) {
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }

  @Test
  void fullyConnectedRankThreeIsRecoveredExactly() {
    double[] w = product(40, 3, 25, new SplittableRandom(8));
    LowRank.Factorization f = LowRank.fullyConnected(w, 40, 25, 3);
    assertThat(LowRank.numericalRank(f.singularValues(), 1e-12)).isEqualTo(3);
    assertThat(maxAbsDiff(f.reconstruct(), w)).isLessThan(1e-10);
    assertThat(f.relativeError()).isLessThan(1e-12);
    // r·(in + out) = 3·65 = 195 parameters instead of 40·25 = 1000
    assertThat(f.parameters()).isEqualTo(195);
    assertThat(f.reduction()).isCloseTo(1000 / 195.0, offset(1e-12));
  }

  @Test
  void truncationErrorIsTheTailOfTheSpectrum() {
    double[] w = product(30, 30, 20, new SplittableRandom(3)); // full rank 20
    LowRank.Factorization f = LowRank.fullyConnected(w, 30, 20, 5);
    double[] diff = f.reconstruct();
    double num = 0;
    double den = 0;
    for (int i = 0; i < w.length; i++) {
      num += (w[i] - diff[i]) * (w[i] - diff[i]);
      den += w[i] * w[i];
    }
    // Eckart-Young: ‖W − W_r‖_F² = Σ_{i>r} σ_i²
    assertThat(Math.sqrt(num / den)).isCloseTo(f.relativeError(), offset(1e-10));
    assertThat(f.relativeError()).isGreaterThan(0.1);
  }

  @Test
  void convolutionBecomesDPrimeFiltersAndAOneByOne() {
    // d = 16 filters of c×k×k = 8×3×3 built with rank 4: d′ = 4 reproduces them exactly
    int d = 16, c = 8, k = 3;
    double[] w = product(d, 4, c * k * k, new SplittableRandom(5));
    LowRank.Factorization f = LowRank.convolution(w, d, c, k, 4);
    assertThat(maxAbsDiff(f.reconstruct(), w)).isLessThan(1e-10);
    // d′·(c·k² + d) = 4·(72 + 16) = 352 params (and MACs per output pixel) vs 16·72 = 1152
    assertThat(f.parameters()).isEqualTo(352);
    assertThat(f.p()).hasNumberOfRows(4);
    assertThat(f.p()[0]).hasSize(c * k * k);
    assertThat(f.q()).hasNumberOfRows(d);
    assertThat(f.q()[0]).hasSize(4);
  }

  @Test
  void rankOutOfRangeFails() {
    assertThatThrownBy(() -> LowRank.fullyConnected(new double[6], 2, 3, 3))
        .hasMessage("low rank: rank must be in [1, 2], got 3");
  }
}
