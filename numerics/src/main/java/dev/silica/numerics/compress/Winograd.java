package dev.silica.numerics.compress;

import java.util.function.DoubleUnaryOperator;

/**
 * Winograd minimal filtering for 3×3 convolution (Lavin and Gray, "Fast Algorithms for
 * Convolutional Neural Networks", CVPR 2016; papers-inputs §6).
 *
 * <h2>Algorithm</h2>
 *
 * <p>For an {@code α×α} input tile {@code d} ({@code α = m + r − 1}, {@code r = 3}) and a 3×3
 * filter {@code g}, the {@code m×m} output tile of the valid cross-correlation is {@code Y = Aᵀ[(G
 * g Gᵀ) ⊙ (Bᵀ d B)]A}. Over channels the element-wise products are summed before the inverse
 * transform: {@code Y_k = Aᵀ[Σ_c U_{k,c} ⊙ V_c]A}, {@code U = G g Gᵀ} (once per filter), {@code V =
 * Bᵀ d B} (once per tile and channel).
 *
 * <h2>Matrices</h2>
 *
 * <p>F(2,3) uses the interpolation points {0, 1, −1, ∞}, F(4,3) the points {0, 1, −1, 2, −2, ∞}
 * (Toom-Cook). The matrices below are the ones of papers-inputs §6.1; they are not trusted as
 * printed: {@link #trilinearError} checks that {@code Σ_i Aᵀ[j][i]·G[i][k]·Bᵀ[i][l] = [l = j + k]},
 * i.e. that the bilinear algorithm computes {@code y_j = Σ_k g_k d_{j+k}} exactly for every input,
 * and the tests assert it.
 *
 * <h2>Cost (papers-inputs §6.2)</h2>
 *
 * <p>Element-wise multiplies per output tile per (filter, channel) pair: {@code α²} vs {@code m²r²}
 * for direct: 16 vs 36 (2.25×) for F(2×2,3×3), 36 vs 144 (4×) for F(4×4,3×3). The {@link Stats}
 * counters count the multiplies actually executed in the element-wise stage and in the direct loop;
 * transform operations (adds and constant scalings) are counted separately.
 *
 * <h2>Rounding</h2>
 *
 * <p>Every arithmetic result passes through {@code round}: the identity gives FP64; {@code x ->
 * (double) (float) x} gives exact FP32 arithmetic (a double result of one operation on floats,
 * rounded once to float, equals the float operation, since 53 ≥ 2·24 + 2). Partial edge tiles are
 * zero-padded.
 */
public final class Winograd {
  private Winograd() {}

  /** A Winograd variant F(m×m, 3×3). */
  public enum Variant {
    F2X2_3X3(
        2,
        new double[][] {{1, 0, -1, 0}, {0, 1, 1, 0}, {0, -1, 1, 0}, {0, 1, 0, -1}},
        new double[][] {{1, 0, 0}, {0.5, 0.5, 0.5}, {0.5, -0.5, 0.5}, {0, 0, 1}},
        new double[][] {{1, 1, 1, 0}, {0, 1, -1, -1}}),
    F4X4_3X3(
        4,
        new double[][] {
          {4, 0, -5, 0, 1, 0},
          {0, -4, -4, 1, 1, 0},
          {0, 4, -4, -1, 1, 0},
          {0, -2, -1, 2, 1, 0},
          {0, 2, -1, -2, 1, 0},
          {0, 4, 0, -5, 0, 1}
        },
        new double[][] {
          {1 / 4.0, 0, 0},
          {-1 / 6.0, -1 / 6.0, -1 / 6.0},
          {-1 / 6.0, 1 / 6.0, -1 / 6.0},
          {1 / 24.0, 1 / 12.0, 1 / 6.0},
          {1 / 24.0, -1 / 12.0, 1 / 6.0},
          {0, 0, 1}
        },
        new double[][] {
          {1, 1, 1, 1, 1, 0}, {0, 1, -1, 2, -2, 0}, {0, 1, 1, 4, 4, 0}, {0, 1, -1, 8, -8, 1}
        });

    final int m;
    final double[][] bt;
    final double[][] g;
    final double[][] at;

    Variant(int m, double[][] bt, double[][] g, double[][] at) {
      this.m = m;
      this.bt = bt;
      this.g = g;
      this.at = at;
    }

    /** Output tile side {@code m}. */
    public int m() {
      return m;
    }

    /** Input tile side {@code α = m + 2}. */
    public int alpha() {
      return m + 2;
    }

    /** Copies of Bᵀ, G, Aᵀ. */
    public double[][] bt() {
      return copy(bt);
    }

    public double[][] g() {
      return copy(g);
    }

    public double[][] at() {
      return copy(at);
    }
  }

  /** Operation counts of one convolution. */
  public static final class Stats {
    long multiplies;
    long tiles;

    /** Element-wise (or direct) multiplies executed. */
    public long multiplies() {
      return multiplies;
    }

    /** Output tiles per (filter, channel) pair processed (direct: output pixels). */
    public long tiles() {
      return tiles;
    }
  }

  /**
   * Max over {@code j, k, l} of {@code |Σ_i Aᵀ[j][i]·G[i][k]·Bᵀ[i][l] − [l = j + k]|}: 0 (up to
   * rounding of the constants) iff the 1-D algorithm F(m, 3) is an exact correlation.
   */
  public static double trilinearError(Variant v) {
    double worst = 0;
    int a = v.alpha();
    for (int j = 0; j < v.m; j++) {
      for (int k = 0; k < 3; k++) {
        for (int l = 0; l < a; l++) {
          double s = 0;
          for (int i = 0; i < a; i++) {
            s += v.at[j][i] * v.g[i][k] * v.bt[i][l];
          }
          worst = Math.max(worst, Math.abs(s - (l == j + k ? 1 : 0)));
        }
      }
    }
    return worst;
  }

  /** The identity rounding (FP64 arithmetic). */
  public static final DoubleUnaryOperator FP64 = x -> x;

  /** FP32 arithmetic: round each result to float. */
  public static final DoubleUnaryOperator FP32 = x -> (double) (float) x;

  /**
   * Direct valid cross-correlation: {@code x[C][H][W]}, {@code w[K][C][3][3]} → {@code
   * y[K][H−2][W−2]}, accumulating over {@code (c, r, s)} in that order.
   */
  public static double[] direct(
      double[] x, double[] w, int c, int h, int wd, int k, DoubleUnaryOperator round, Stats st) {
    int oh = h - 2;
    int ow = wd - 2;
    double[] y = new double[k * oh * ow];
    for (int kk = 0; kk < k; kk++) {
      for (int i = 0; i < oh; i++) {
        for (int j = 0; j < ow; j++) {
          double acc = 0;
          for (int cc = 0; cc < c; cc++) {
            for (int r = 0; r < 3; r++) {
              for (int s = 0; s < 3; s++) {
                double p =
                    round.applyAsDouble(
                        x[(cc * h + i + r) * wd + j + s] * w[((kk * c + cc) * 3 + r) * 3 + s]);
                acc = round.applyAsDouble(acc + p);
              }
            }
          }
          y[(kk * oh + i) * ow + j] = acc;
        }
      }
    }
    if (st != null) {
      st.multiplies += (long) k * c * oh * ow * 9;
      st.tiles += (long) k * c * oh * ow;
    }
    return y;
  }

  /** Winograd valid cross-correlation with the same shapes as {@link #direct}. */
  public static double[] convolve(
      Variant v,
      double[] x,
      double[] w,
      int c,
      int h,
      int wd,
      int k,
      DoubleUnaryOperator round,
      Stats st) {
    int m = v.m;
    int a = v.alpha();
    int oh = h - 2;
    int ow = wd - 2;
    int th = (oh + m - 1) / m;
    int tw = (ow + m - 1) / m;
    double[][] gT = transpose(v.g);
    double[][] b = transpose(v.bt);
    double[][] aM = transpose(v.at);
    // U[k][c] = G g Gᵀ
    double[][][] u = new double[k][c][];
    for (int kk = 0; kk < k; kk++) {
      for (int cc = 0; cc < c; cc++) {
        double[][] g = new double[3][3];
        for (int r = 0; r < 3; r++) {
          for (int s = 0; s < 3; s++) {
            g[r][s] = w[((kk * c + cc) * 3 + r) * 3 + s];
          }
        }
        u[kk][cc] = flat(mul(mul(v.g, g, round), gT, round));
      }
    }
    double[] y = new double[k * oh * ow];
    double[][] vt = new double[c][];
    for (int ti = 0; ti < th; ti++) {
      for (int tj = 0; tj < tw; tj++) {
        for (int cc = 0; cc < c; cc++) {
          double[][] d = new double[a][a];
          for (int r = 0; r < a; r++) {
            for (int s = 0; s < a; s++) {
              int yy = ti * m + r;
              int xx = tj * m + s;
              d[r][s] = yy < h && xx < wd ? x[(cc * h + yy) * wd + xx] : 0;
            }
          }
          vt[cc] = flat(mul(mul(v.bt, d, round), b, round));
        }
        for (int kk = 0; kk < k; kk++) {
          double[][] mm = new double[a][a];
          for (int cc = 0; cc < c; cc++) {
            double[] uu = u[kk][cc];
            double[] vv = vt[cc];
            for (int e = 0; e < a * a; e++) {
              mm[e / a][e % a] =
                  round.applyAsDouble(mm[e / a][e % a] + round.applyAsDouble(uu[e] * vv[e]));
            }
          }
          double[][] out = mul(mul(v.at, mm, round), aM, round);
          for (int r = 0; r < m; r++) {
            for (int s = 0; s < m; s++) {
              int yy = ti * m + r;
              int xx = tj * m + s;
              if (yy < oh && xx < ow) {
                y[(kk * oh + yy) * ow + xx] = out[r][s];
              }
            }
          }
        }
      }
    }
    if (st != null) {
      st.multiplies += (long) k * c * th * tw * a * a;
      st.tiles += (long) k * c * th * tw;
    }
    return y;
  }

  private static double[][] mul(double[][] p, double[][] q, DoubleUnaryOperator round) {
    int n = p.length;
    int l = q.length;
    int mm = q[0].length;
    double[][] out = new double[n][mm];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < mm; j++) {
        double acc = 0;
        for (int t = 0; t < l; t++) {
          if (p[i][t] != 0 && q[t][j] != 0) {
            acc = round.applyAsDouble(acc + round.applyAsDouble(p[i][t] * q[t][j]));
          }
        }
        out[i][j] = acc;
      }
    }
    return out;
  }

  private static double[][] transpose(double[][] p) {
    double[][] t = new double[p[0].length][p.length];
    for (int i = 0; i < p.length; i++) {
      for (int j = 0; j < p[0].length; j++) {
        t[j][i] = p[i][j];
      }
    }
    return t;
  }

  private static double[] flat(double[][] p) {
    int n = p.length;
    int mm = p[0].length;
    double[] f = new double[n * mm];
    for (int i = 0; i < n; i++) {
      System.arraycopy(p[i], 0, f, i * mm, mm);
    }
    return f;
  }

  private static double[][] copy(double[][] p) {
    double[][] c = new double[p.length][];
    for (int i = 0; i < p.length; i++) {
      c[i] = p[i].clone();
    }
    return c;
  }
}
