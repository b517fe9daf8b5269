package dev.silica.workloads.exec;

/**
 * Single-precision convolution kernels on NCHW arrays, built on {@link Blas64}.
 *
 * <p>Convolution, per image {@code n} and group {@code g}: {@code Y_g[M'×PQ] = bias + W_g[M'×C'RS]
 * · cols[C'RS×PQ]} where {@code cols[(c·R+r)·S+s, p·Q+q] = X[n, g·C'+c, p·sH + r·dH - padTop, q·sW
 * + s·dW - padLeft]} (zero outside the input). A 1×1 convolution with unit stride and no padding
 * reads {@code X} directly as {@code cols}. Each output element is {@code bias + Σ} over {@code (c,
 * r, s)} ascending.
 *
 * <p>Transposed convolution, per image and group: {@code cols[M'RS×HW] = W_g[C'×M'RS]ᵀ ·
 * X_g[C'×HW]} then col2im scatters {@code Y[m, h·sH + r·dH - padTop, w·sW + s·dW - padLeft] +=
 * cols[(m·R+r)·S+s, h·W+w]} over {@code (r, s, h, w)} ascending onto the bias. Tasks own whole
 * output channels, so the order is fixed.
 *
 * <p>Generated from {@link Conv32} by replacing {@code float} with {@code double} and {@code
 * Blas32} with {@code Blas64}; keep the two in step.
 */
final class Conv64 {
  private Conv64() {}

  /**
   * 2-D convolution.
   *
   * @param x input {@code [n, c, h, w]}
   * @param wt weight {@code [m, c/groups, kr, ks]}
   * @param bias {@code [m]} or null
   * @param y output {@code [n, m, p, q]}, overwritten
   * @param pad {@code {top, left}} (bottom and right follow from the output size)
   */
  static void conv(
      double[] x,
      int n,
      int c,
      int h,
      int w,
      double[] wt,
      int m,
      int kr,
      int ks,
      double[] bias,
      double[] y,
      int p,
      int q,
      int sh,
      int sw,
      int dh,
      int dw,
      int padTop,
      int padLeft,
      int groups,
      Parallel par) {
    int cg = c / groups;
    int mg = m / groups;
    int kdim = cg * kr * ks;
    int pq = p * q;
    boolean direct =
        kr == 1 && ks == 1 && sh == 1 && sw == 1 && padTop == 0 && padLeft == 0 && p == h && q == w;
    double[] cols = direct ? null : new double[kdim * pq];
    for (int img = 0; img < n; img++) {
      int yImg = img * m * pq;
      for (int oc = 0; oc < m; oc++) {
        double b0 = bias == null ? 0.0 : bias[oc];
        java.util.Arrays.fill(y, yImg + oc * pq, yImg + (oc + 1) * pq, b0);
      }
      for (int g = 0; g < groups; g++) {
        int xOff = (img * c + g * cg) * h * w;
        double[] bm;
        int bOff;
        if (direct) {
          bm = x;
          bOff = xOff;
        } else {
          im2col(x, xOff, cg, h, w, kr, ks, p, q, sh, sw, dh, dw, padTop, padLeft, cols, par);
          bm = cols;
          bOff = 0;
        }
        Blas64.gemm(
            mg,
            pq,
            kdim,
            wt,
            g * mg * kdim,
            kdim,
            1,
            bm,
            bOff,
            pq,
            1,
            y,
            yImg + g * mg * pq,
            pq,
            par);
      }
    }
  }

  /** Lowers one group of one image to the column matrix {@code [cg·kr·ks, p·q]}. */
  static void im2col(
      double[] x,
      int xOff,
      int cg,
      int h,
      int w,
      int kr,
      int ks,
      int p,
      int q,
      int sh,
      int sw,
      int dh,
      int dw,
      int padTop,
      int padLeft,
      double[] cols,
      Parallel par) {
    int pq = p * q;
    par.forEach(
        cg,
        ch -> {
          for (int r = 0; r < kr; r++) {
            for (int s = 0; s < ks; s++) {
              int row = ((ch * kr + r) * ks + s) * pq;
              int xc = xOff + ch * h * w;
              for (int pi = 0; pi < p; pi++) {
                int hi = pi * sh + r * dh - padTop;
                int dst = row + pi * q;
                if (hi < 0 || hi >= h) {
                  java.util.Arrays.fill(cols, dst, dst + q, 0.0);
                  continue;
                }
                int src = xc + hi * w;
                int wi0 = s * dw - padLeft;
                if (sw == 1 && wi0 >= 0 && wi0 + q <= w) {
                  System.arraycopy(x, src + wi0, cols, dst, q);
                  continue;
                }
                for (int qi = 0; qi < q; qi++) {
                  int wi = qi * sw + wi0;
                  cols[dst + qi] = wi >= 0 && wi < w ? x[src + wi] : 0.0;
                }
              }
            }
          }
        });
  }

  /**
   * 2-D transposed convolution.
   *
   * @param x input {@code [n, c, h, w]}
   * @param wt weight {@code [c, m/groups, kr, ks]}
   * @param bias {@code [m]} or null
   * @param y output {@code [n, m, p, q]}, overwritten
   */
  static void convTranspose(
      double[] x,
      int n,
      int c,
      int h,
      int w,
      double[] wt,
      int m,
      int kr,
      int ks,
      double[] bias,
      double[] y,
      int p,
      int q,
      int sh,
      int sw,
      int dh,
      int dw,
      int padTop,
      int padLeft,
      int groups,
      Parallel par) {
    int cg = c / groups;
    int mg = m / groups;
    int rows = mg * kr * ks;
    int hw = h * w;
    int pq = p * q;
    double[] cols = new double[rows * hw];
    for (int img = 0; img < n; img++) {
      int yImg = img * m * pq;
      for (int g = 0; g < groups; g++) {
        java.util.Arrays.fill(cols, 0.0);
        int xOff = (img * c + g * cg) * hw;
        Blas64.gemm(rows, hw, cg, wt, g * cg * rows, 1, rows, x, xOff, hw, 1, cols, 0, hw, par);
        int gFirst = g * mg;
        par.forEach(
            mg,
            mi -> {
              int oc = gFirst + mi;
              int yc = yImg + oc * pq;
              java.util.Arrays.fill(y, yc, yc + pq, bias == null ? 0.0 : bias[oc]);
              for (int r = 0; r < kr; r++) {
                for (int s = 0; s < ks; s++) {
                  int row = ((mi * kr + r) * ks + s) * hw;
                  for (int hi = 0; hi < h; hi++) {
                    int po = hi * sh + r * dh - padTop;
                    if (po < 0 || po >= p) {
                      continue;
                    }
                    for (int wi = 0; wi < w; wi++) {
                      int qo = wi * sw + s * dw - padLeft;
                      if (qo >= 0 && qo < q) {
                        y[yc + po * q + qo] += cols[row + hi * w + wi];
                      }
                    }
                  }
                }
              }
            });
      }
    }
  }
}
