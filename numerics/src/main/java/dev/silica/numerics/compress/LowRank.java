package dev.silica.numerics.compress;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Low-rank factorization of fully connected and convolution weights by truncated SVD (Denton et al.
 * 2014; DC Table 7's "SVD" row).
 *
 * <h2>Fully connected</h2>
 *
 * <p>{@code W[out, in] = U Σ Vᵀ}; the rank-{@code r} approximation {@code W_r = U_r Σ_r V_rᵀ} is
 * the best in Frobenius norm (Eckart-Young), with {@code ‖W − W_r‖_F² = Σ_{i>r} σ_i²}. It is stored
 * as two layers, {@code P = Σ_r V_rᵀ} ({@code r × in}) then {@code Q = U_r} ({@code out × r}):
 * parameters (and MACs per input vector) {@code r·(in + out)} instead of {@code in·out}.
 *
 * <h2>Convolution (d filters of c×k×k → d′ filters + 1×1)</h2>
 *
 * <p>Method: reshape {@code W[d, c, k, k]} to a {@code d × (c·k·k)} matrix, take its rank-{@code
 * d′} SVD, and read {@code Σ_{d′} V_{d′}ᵀ} as {@code d′} filters of {@code c×k×k} (a k×k
 * convolution to {@code d′} maps) and {@code U_{d′}} as a {@code 1×1} convolution from {@code d′}
 * to {@code d} maps. Exact for rank ≤ d′; parameters and MACs per output pixel {@code d′·(c·k² +
 * d)} instead of {@code d·c·k²} (same spatial size, stride on the first layer).
 */
public final class LowRank {
  private LowRank() {}

  /** A rank-{@code r} factorization {@code W ≈ Q·P} of a {@code rows × cols} matrix. */
  public record Factorization(
      int rows, int cols, int rank, double[][] q, double[][] p, double[] singularValues) {
    /** {@code Q·P}, row-major. */
    public double[] reconstruct() {
      double[] out = new double[rows * cols];
      for (int i = 0; i < rows; i++) {
        for (int t = 0; t < rank; t++) {
          double qi = q[i][t];
          for (int j = 0; j < cols; j++) {
            out[i * cols + j] += qi * p[t][j];
          }
        }
      }
      return out;
    }

    /** Parameters {@code r·(rows + cols)}. */
    public long parameters() {
      return (long) rank * (rows + cols);
    }

    /** {@code rows·cols / (r·(rows + cols))}: parameter and MAC reduction. */
    public double reduction() {
      return (double) rows * cols / parameters();
    }

    /** Relative Frobenius error {@code ‖W − QP‖_F / ‖W‖_F} from the singular values. */
    public double relativeError() {
      double all = 0;
      double tail = 0;
      for (int i = 0; i < singularValues.length; i++) {
        all += singularValues[i] * singularValues[i];
        if (i >= rank) {
          tail += singularValues[i] * singularValues[i];
        }
      }
      return all == 0 ? 0 : Math.sqrt(tail / all);
    }
  }

  /** Rank-{@code r} SVD truncation of row-major {@code w[rows × cols]}. */
  public static Factorization fullyConnected(double[] w, int rows, int cols, int r) {
    if (r < 1 || r > Math.min(rows, cols)) {
      throw new IllegalArgumentException(
          "low rank: rank must be in [1, " + Math.min(rows, cols) + "], got " + r);
    }
    double[][] a = new double[rows][cols];
    for (int i = 0; i < rows; i++) {
      System.arraycopy(w, i * cols, a[i], 0, cols);
    }
    SingularValueDecomposition svd =
        new SingularValueDecomposition(new Array2DRowRealMatrix(a, false));
    RealMatrix u = svd.getU();
    RealMatrix vt = svd.getVT();
    double[] s = svd.getSingularValues();
    double[][] q = new double[rows][r];
    double[][] p = new double[r][cols];
    for (int t = 0; t < r; t++) {
      for (int i = 0; i < rows; i++) {
        q[i][t] = u.getEntry(i, t);
      }
      for (int j = 0; j < cols; j++) {
        p[t][j] = s[t] * vt.getEntry(t, j);
      }
    }
    return new Factorization(rows, cols, r, q, p, s);
  }

  /**
   * Conv {@code w[d, c, k, k]} → {@code d′} filters of {@code c×k×k} ({@code p}, rows) then a 1×1
   * convolution {@code d′ → d} ({@code q}).
   */
  public static Factorization convolution(double[] w, int d, int c, int k, int dPrime) {
    return fullyConnected(w, d, c * k * k, dPrime);
  }

  /** Numerical rank: singular values above {@code tol·σ_max}. */
  public static int numericalRank(double[] singularValues, double tol) {
    int r = 0;
    for (double s : singularValues) {
      if (s > tol * singularValues[0]) {
        r++;
      }
    }
    return r;
  }
}
