package dev.silica.workloads.quant;

import dev.silica.numerics.IntegerFormat;
import dev.silica.numerics.Overflow;
import dev.silica.numerics.arith.Mac;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Convolution and matrix products evaluated MAC by MAC on a {@link Mac}: every product and every
 * accumulation is the unit's bit-exact step, in the reference executor's order (accumulator
 * initialised with the bias, then {@code k} ascending: {@code (c, r, s)} for a convolution).
 *
 * <p>Operands are bit patterns in the MAC's operand formats. An output element is {@code
 * mac.value(acc) · scale}, with {@code scale} the product of the operands' integer scales (1 for
 * floating and fixed point), computed in {@code double} and rounded once to {@code float}. Padding
 * positions of a convolution are skipped (no MAC), as a zero product adds nothing in any format.
 *
 * <p>Work is split by output rows (convolution: by image and output channel) and every output
 * element is reduced by one task in a fixed order, so results do not depend on the thread count.
 * The MAC must use a deterministic rounder (it is shared between tasks).
 */
final class MacKernels {
  private MacKernels() {}

  /**
   * The accumulator of an integer MAC whose steps can be summed exactly in a {@code long} and
   * wrapped once at the end, or null. That holds when the product format is wide enough never to
   * overflow ({@code |qa - zpa|·|qb - zpb| < 2^(Na+Nb)} fits a signed {@code Na + Nb + 1}-bit
   * product) and the accumulator wraps: two's complement wrap-around is addition modulo {@code
   * 2^N}, so wrapping every partial sum and wrapping the exact total give the same bits. The sum of
   * {@code k} such products stays far inside a {@code long} for any {@code k < 2^(62 - Na - Nb)}.
   */
  static IntegerFormat wrappingIntegerAccumulator(Mac mac) {
    if (mac.operandA() instanceof IntegerFormat a
        && mac.operandB() instanceof IntegerFormat b
        && mac.product() instanceof IntegerFormat p
        && mac.accumulator() instanceof IntegerFormat c
        && p.signed()
        && p.bits() >= a.bits() + b.bits() + 1
        && c.overflow() == Overflow.WRAP
        && a.bits() + b.bits() <= 30) {
      return c;
    }
    return null;
  }

  /** Operand bit patterns as zero-point-corrected integers {@code q - zp}. */
  private static int[] centered(IntegerFormat f, long[] bits) {
    int[] v = new int[bits.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = Math.toIntExact(f.bitsToInteger(bits[i]) - f.zeroPoint());
    }
    return v;
  }

  static void forEach(ForkJoinPool pool, int n, IntConsumer body) {
    if (pool == null || pool.getParallelism() == 1 || n == 1) {
      for (int i = 0; i < n; i++) {
        body.accept(i);
      }
      return;
    }
    try {
      pool.submit(() -> IntStream.range(0, n).parallel().forEach(body)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * Direct convolution {@code Y[n,m,p,q] = B[m] + Σ_{c,r,s} X[n, g·C'+c, p·sH + r·dH - top, q·sW +
   * s·dW - left] · W[m,c,r,s]}.
   *
   * @param init accumulator bits of the bias per output channel ({@code mac.zero()} without bias)
   * @param scale per output channel: the real value of one accumulator unit
   */
  static float[] conv(
      Mac mac,
      long[] x,
      int[] xd,
      long[] w,
      int[] wd,
      long[] init,
      double[] scale,
      int p,
      int q,
      int sh,
      int sw,
      int dh,
      int dw,
      int top,
      int left,
      int groups,
      boolean exactShortcut,
      ForkJoinPool pool) {
    IntegerFormat wrap = exactShortcut ? wrappingIntegerAccumulator(mac) : null;
    int[] xi = wrap == null ? null : centered((IntegerFormat) mac.operandA(), x);
    int[] wi = wrap == null ? null : centered((IntegerFormat) mac.operandB(), w);
    int n = xd[0];
    int c = xd[1];
    int h = xd[2];
    int wd3 = xd[3];
    int m = wd[0];
    int cg = wd[1];
    int kr = wd[2];
    int ks = wd[3];
    int mg = m / groups;
    float[] y = new float[n * m * p * q];
    forEach(
        pool,
        n * m,
        task -> {
          int img = task / m;
          int oc = task % m;
          int g = oc / mg;
          int yBase = (img * m + oc) * p * q;
          int wBase = oc * cg * kr * ks;
          for (int op = 0; op < p; op++) {
            for (int oq = 0; oq < q; oq++) {
              long acc = wrap == null ? init[oc] : wrap.bitsToInteger(init[oc]);
              for (int ci = 0; ci < cg; ci++) {
                int xBase = (img * c + g * cg + ci) * h * wd3;
                for (int r = 0; r < kr; r++) {
                  int ih = op * sh + r * dh - top;
                  if (ih < 0 || ih >= h) {
                    continue;
                  }
                  for (int s = 0; s < ks; s++) {
                    int iw = oq * sw + s * dw - left;
                    if (iw < 0 || iw >= wd3) {
                      continue;
                    }
                    int xk = xBase + ih * wd3 + iw;
                    int wk = wBase + (ci * kr + r) * ks + s;
                    if (wrap == null) {
                      acc = mac.mac(acc, x[xk], w[wk]);
                    } else {
                      acc += (long) xi[xk] * wi[wk];
                    }
                  }
                }
              }
              double v = wrap == null ? mac.value(acc) : wrap.overflowInteger(acc);
              y[yBase + op * q + oq] = (float) (v * scale[oc]);
            }
          }
        });
    return y;
  }

  /**
   * {@code Y[i,j] = alpha · scale(i,j) · acc(i,j) + post[i,j]} with {@code acc(i,j) = init[i,j] +
   * Σ_k A'[i,k]·B'[k,j]} ({@code k} ascending), {@code A'[i,k] = a[aOff + i·asi + k·ask]}, {@code
   * B'[k,j] = b[bOff + k·bsk + j·bsj]}, written to {@code y[yOff + i·n + j]}.
   *
   * @param init accumulator bits, {@code m·n} row-major, or null for zero
   * @param post added after scaling, {@code m·n}, or null
   * @param rowScale per row (length {@code m}) or null for 1
   * @param colScale per column (length {@code n}) or null for 1
   */
  static void gemm(
      Mac mac,
      int m,
      int n,
      int k,
      long[] a,
      int aOff,
      int asi,
      int ask,
      long[] b,
      int bOff,
      int bsk,
      int bsj,
      long[] init,
      double alpha,
      double[] rowScale,
      double[] colScale,
      double[] post,
      float[] y,
      int yOff,
      boolean exactShortcut,
      ForkJoinPool pool) {
    long zero = mac.zero();
    IntegerFormat wrap = exactShortcut ? wrappingIntegerAccumulator(mac) : null;
    int[] ai = wrap == null ? null : centered((IntegerFormat) mac.operandA(), a);
    int[] bi = wrap == null ? null : centered((IntegerFormat) mac.operandB(), b);
    forEach(
        pool,
        m,
        i -> {
          double rs = rowScale == null ? 1 : rowScale[i];
          for (int j = 0; j < n; j++) {
            long acc = init == null ? zero : init[i * n + j];
            int ia = aOff + i * asi;
            int jb = bOff + j * bsj;
            double v;
            if (wrap == null) {
              for (int kk = 0; kk < k; kk++) {
                acc = mac.mac(acc, a[ia + kk * ask], b[jb + kk * bsk]);
              }
              v = mac.value(acc);
            } else {
              acc = wrap.bitsToInteger(acc);
              for (int kk = 0; kk < k; kk++) {
                acc += (long) ai[ia + kk * ask] * bi[jb + kk * bsk];
              }
              v = wrap.overflowInteger(acc);
            }
            v *= rs * (colScale == null ? 1 : colScale[j]);
            if (alpha != 1) {
              v = alpha * v;
            }
            if (post != null) {
              v += post[i * n + j];
            }
            y[yOff + i * n + j] = (float) v;
          }
        });
  }
}
