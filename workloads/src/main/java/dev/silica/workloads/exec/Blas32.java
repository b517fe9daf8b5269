package dev.silica.workloads.exec;

/**
 * Blocked, multi-threaded single-precision matrix product {@code C += A'·B'} with {@code A'} and
 * {@code B'} read through arbitrary strides (so transposed operands and im2col-free 1×1
 * convolutions need no copies).
 *
 * <p>{@code C} is split into tiles of {@value #MB} rows × {@value #NB} columns, one task per tile.
 * Within a tile, for each block of {@value #KB} values of {@code k}, the block of {@code B'} is
 * packed into separate row arrays, and each row of the tile is accumulated in a private row buffer
 * by a loop over {@code j} that reads every array at the same index {@code j}: the shape C2's
 * superword pass vectorizes (it does not when the store and the loads use different offsets into
 * arrays that might alias). Four values of {@code k} are folded per pass, evaluated left to right,
 * so each element is {@code ((c + a₀b₀) + a₁b₁) + ...} with {@code k} ascending: exactly the
 * rounding sequence of the naive {@code i-k-j} loop, whatever the tiling or thread count.
 *
 * <p>{@link Blas64} is this file with {@code float} replaced by {@code double}.
 */
final class Blas32 {
  static final int MB = 64;
  static final int NB = 256;
  static final int KB = 128;

  private Blas32() {}

  /**
   * {@code C[i,j] += Σ_k A'[i,k]·B'[k,j]} for {@code i < m}, {@code j < n}, {@code k} ascending,
   * where {@code A'[i,k] = a[aOff + i·asi + k·ask]}, {@code B'[k,j] = b[bOff + k·bsk + j·bsj]} and
   * {@code C[i,j] = c[cOff + i·ldc + j]}.
   */
  static void gemm(
      int m,
      int n,
      int k,
      float[] a,
      int aOff,
      int asi,
      int ask,
      float[] b,
      int bOff,
      int bsk,
      int bsj,
      float[] c,
      int cOff,
      int ldc,
      Parallel par) {
    if (m == 0 || n == 0 || k == 0) {
      return;
    }
    int mt = (m + MB - 1) / MB;
    int nt = (n + NB - 1) / NB;
    par.forEach(
        mt * nt,
        t -> {
          int i0 = t / nt * MB;
          int j0 = t % nt * NB;
          tile(
              i0,
              Math.min(m, i0 + MB),
              j0,
              Math.min(n, j0 + NB),
              k,
              a,
              aOff,
              asi,
              ask,
              b,
              bOff,
              bsk,
              bsj,
              c,
              cOff,
              ldc);
        });
  }

  private static void tile(
      int i0,
      int i1,
      int j0,
      int j1,
      int k,
      float[] a,
      int aOff,
      int asi,
      int ask,
      float[] b,
      int bOff,
      int bsk,
      int bsj,
      float[] c,
      int cOff,
      int ldc) {
    int w = j1 - j0;
    float[][] bp = new float[Math.min(KB, k)][w];
    float[] row = new float[w];
    for (int k0 = 0; k0 < k; k0 += KB) {
      int kb = Math.min(KB, k - k0);
      for (int kk = 0; kk < kb; kk++) {
        float[] dst = bp[kk];
        int src = bOff + (k0 + kk) * bsk + j0 * bsj;
        if (bsj == 1) {
          System.arraycopy(b, src, dst, 0, w);
        } else {
          for (int j = 0; j < w; j++) {
            dst[j] = b[src + j * bsj];
          }
        }
      }
      for (int i = i0; i < i1; i++) {
        int ci = cOff + i * ldc + j0;
        System.arraycopy(c, ci, row, 0, w);
        int ai = aOff + i * asi + k0 * ask;
        int kk = 0;
        for (; kk + 3 < kb; kk += 4) {
          float a0 = a[ai + kk * ask];
          float a1 = a[ai + (kk + 1) * ask];
          float a2 = a[ai + (kk + 2) * ask];
          float a3 = a[ai + (kk + 3) * ask];
          axpy4(row, bp[kk], bp[kk + 1], bp[kk + 2], bp[kk + 3], a0, a1, a2, a3, w);
        }
        for (; kk < kb; kk++) {
          axpy1(row, bp[kk], a[ai + kk * ask], w);
        }
        System.arraycopy(row, 0, c, ci, w);
      }
    }
  }

  private static void axpy4(
      float[] c,
      float[] b0,
      float[] b1,
      float[] b2,
      float[] b3,
      float a0,
      float a1,
      float a2,
      float a3,
      int n) {
    for (int j = 0; j < n; j++) {
      c[j] = c[j] + a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];
    }
  }

  private static void axpy1(float[] c, float[] b, float a, int n) {
    for (int j = 0; j < n; j++) {
      c[j] = c[j] + a * b[j];
    }
  }
}
