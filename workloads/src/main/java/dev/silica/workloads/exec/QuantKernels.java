package dev.silica.workloads.exec;

import dev.silica.numerics.Bf16;
import dev.silica.numerics.Fp16;
import dev.silica.numerics.IntegerFormat;
import dev.silica.numerics.Rounder;
import dev.silica.workloads.ir.DType;

/**
 * Kernels of the quantized and type-conversion ops, on primitive arrays: integers are exact ({@code
 * long} arithmetic, results wrapped or saturated to their type as ONNX defines), the float32 steps
 * of ONNX's definitions are done in float32 so the integer results are bit-exact in both
 * precisions.
 *
 * <ul>
 *   <li>{@code quantize}: {@code q = saturate(round_half_even(x / scale) + zp)} with {@code x /
 *       scale} in float32, via {@link IntegerFormat#quantizeToInteger} (the numerics module's ONNX
 *       {@code QuantizeLinear}).
 *   <li>{@code dequantize}: {@code (q - zp) · scale}, the subtraction exact and the product in the
 *       run's precision.
 *   <li>{@code matmulInteger}, {@code convInteger}: {@code Σ (a - a_zp)(b - b_zp)} in {@code long},
 *       wrapped to {@code i32} at the end (ONNX's accumulator; the node tests never wrap).
 *   <li>{@code requantize}: {@code saturate(round_half_even((float) acc · multiplier) + zp)} with
 *       {@code multiplier = a_scale · b_scale / y_scale} in float32, as ONNX Runtime's
 *       requantization computes it.
 * </ul>
 */
final class QuantKernels {
  private QuantKernels() {}

  /** The saturating 8-bit format of a quantized type. */
  static IntegerFormat format(DType t) {
    return switch (t) {
      case I8 -> IntegerFormat.INT8;
      case U8 -> IntegerFormat.UINT8;
      default -> throw new IllegalArgumentException("not an 8-bit quantized type: " + t.text());
    };
  }

  /**
   * Channel of flat element {@code i} for per-channel parameters ({@code stride} from the axis).
   */
  private static int channel(int i, int stride, int channels) {
    return channels == 1 ? 0 : (i / stride) % channels;
  }

  /** Elements per step of {@code axis} (the product of the dimensions after it). */
  static int stride(int[] dims, int axis) {
    int s = 1;
    for (int d = axis + 1; d < dims.length; d++) {
      s *= dims[d];
    }
    return s;
  }

  static long[] quantize(double[] x, int[] dims, int axis, double[] scale, long[] zp, DType to) {
    IntegerFormat f = format(to);
    int stride = dims.length == 0 ? 1 : stride(dims, axis);
    long[] q = new long[x.length];
    for (int i = 0; i < x.length; i++) {
      int c = channel(i, stride, scale.length);
      q[i] =
          f.quantizeToInteger(
              (float) x[i], (float) scale[c], zp == null ? 0 : zp[c], Rounder.NEAREST_EVEN);
    }
    return q;
  }

  static double[] dequantize(
      long[] q, int[] dims, int axis, double[] scale, long[] zp, boolean fp32) {
    int stride = dims.length == 0 ? 1 : stride(dims, axis);
    double[] y = new double[q.length];
    for (int i = 0; i < q.length; i++) {
      int c = channel(i, stride, scale.length);
      long d = q[i] - (zp == null ? 0 : zp[c]);
      y[i] = fp32 ? (float) d * (float) scale[c] : d * scale[c];
    }
    return y;
  }

  /**
   * {@code C[b] = (A[b] - aZp) · (B[b] - bZp)} for {@code batches} products of {@code [m,k]·[k,n]};
   * {@code aOff[b]}, {@code bOff[b]} give each product's operand offsets; {@code aZp} has 1 or
   * {@code m} entries, {@code bZp} 1 or {@code n}.
   */
  static long[] matmul(
      long[] a, long[] b, int[] aOff, int[] bOff, int m, int k, int n, long[] aZp, long[] bZp) {
    long[] c = new long[aOff.length * m * n];
    long[] row = new long[k];
    for (int t = 0; t < aOff.length; t++) {
      for (int i = 0; i < m; i++) {
        long za = aZp.length == 1 ? aZp[0] : aZp[i];
        for (int p = 0; p < k; p++) {
          row[p] = a[aOff[t] + i * k + p] - za;
        }
        int yo = (t * m + i) * n;
        for (int j = 0; j < n; j++) {
          long zb = bZp.length == 1 ? bZp[0] : bZp[j];
          long s = 0;
          for (int p = 0; p < k; p++) {
            s += row[p] * (b[bOff[t] + p * n + j] - zb);
          }
          c[yo + j] = s;
        }
      }
    }
    return c;
  }

  /**
   * Direct integer convolution: {@code Y[n,m,p,q] = bias[m] + Σ (X - xZp)(W[m] - wZp[m])}, window
   * positions outside the input contributing nothing (they hold {@code xZp}).
   */
  static long[] conv(
      long[] x,
      int[] xd,
      long[] w,
      int[] wd,
      long[] bias,
      int oh,
      int ow,
      int sh,
      int sw,
      int dh,
      int dw,
      int top,
      int left,
      int groups,
      long xZp,
      long[] wZp) {
    int batch = xd[0];
    int c = xd[1];
    int h = xd[2];
    int wi = xd[3];
    int m = wd[0];
    int cg = wd[1];
    int r = wd[2];
    int s = wd[3];
    int mg = m / groups;
    long[] y = new long[batch * m * oh * ow];
    for (int nb = 0; nb < batch; nb++) {
      for (int oc = 0; oc < m; oc++) {
        int g = oc / mg;
        long zw = wZp.length == 1 ? wZp[0] : wZp[oc];
        for (int p = 0; p < oh; p++) {
          for (int q = 0; q < ow; q++) {
            long acc = bias == null ? 0 : bias[oc];
            for (int ic = 0; ic < cg; ic++) {
              int xc = ((nb * c) + g * cg + ic) * h;
              int wc = ((oc * cg) + ic) * r;
              for (int kr = 0; kr < r; kr++) {
                int row = p * sh + kr * dh - top;
                if (row < 0 || row >= h) {
                  continue;
                }
                for (int ks = 0; ks < s; ks++) {
                  int col = q * sw + ks * dw - left;
                  if (col < 0 || col >= wi) {
                    continue;
                  }
                  acc += (x[(xc + row) * wi + col] - xZp) * (w[(wc + kr) * s + ks] - zw);
                }
              }
            }
            y[((nb * m + oc) * oh + p) * ow + q] = acc;
          }
        }
      }
    }
    return y;
  }

  /** Wraps each accumulator to {@code i32}, in place; returns {@code acc}. */
  static long[] wrapI32(long[] acc) {
    for (int i = 0; i < acc.length; i++) {
      acc[i] = (int) acc[i];
    }
    return acc;
  }

  /**
   * Requantizes {@code i32} accumulators: {@code multiplier[c] = aScale · bScale[c] / yScale} in
   * float32, {@code y = saturate(rint((float) acc · multiplier[c]) + yZp)}; channel {@code c = (i /
   * stride) % bScale.length}.
   */
  static long[] requantize(
      long[] acc, float aScale, float[] bScale, float yScale, long yZp, DType to, int stride) {
    IntegerFormat f = format(to);
    float[] mult = new float[bScale.length];
    for (int c = 0; c < mult.length; c++) {
      mult[c] = aScale * bScale[c] / yScale;
    }
    long[] y = new long[acc.length];
    for (int i = 0; i < acc.length; i++) {
      float v = (float) (int) acc[i] * mult[channel(i, stride, mult.length)];
      y[i] = Math.clamp((long) Math.rint(v) + yZp, f.minValue(), f.maxValue());
    }
    return y;
  }

  // ---------------------------------------------------------------- cast

  /** Rounds {@code v} to a floating type's precision (f64: unchanged). */
  static double roundTo(DType t, double v) {
    return switch (t) {
      case F32 -> (float) v;
      // double → float → half is correctly rounded: float's 24 bits are ≥ 2·11 + 2 (and 2·8 + 2)
      case F16 -> Fp16.toFloat(Fp16.fromFloat((float) v));
      case BF16 -> Bf16.toFloat(Bf16.fromFloat((float) v));
      default -> v;
    };
  }

  /** Wraps an integer to the width of an integer type (two's complement); bool is {@code != 0}. */
  static long wrap(DType t, long v) {
    return switch (t) {
      case I8 -> (byte) v;
      case U8 -> v & 0xFF;
      case I32 -> (int) v;
      case BOOL -> v != 0 ? 1 : 0;
      default -> v;
    };
  }

  /** A floating value cast to an integer type: truncated toward zero, then wrapped. */
  static long toInteger(DType t, double v) {
    if (t == DType.BOOL) {
      return v != 0 ? 1 : 0;
    }
    if (Double.isNaN(v)) {
      return 0;
    }
    return wrap(t, (long) v);
  }
}
