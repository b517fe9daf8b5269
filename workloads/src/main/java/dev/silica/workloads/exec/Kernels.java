package dev.silica.workloads.exec;

import dev.silica.workloads.ir.Rnn;

/**
 * The element-wise, pooling, normalization, data-movement and recurrent kernels, evaluated in
 * {@code double} on row-major arrays. In FP32 mode the executor widens the {@code float} operands,
 * calls these and rounds each result element to {@code float} once; formulas are in {@link
 * ReferenceExecutor}'s class comment.
 */
final class Kernels {
  private Kernels() {}

  // ---------------------------------------------------------------- element-wise

  static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  static double gelu(double x, boolean tanhApproximation) {
    if (tanhApproximation) {
      double u = Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x);
      return 0.5 * x * (1 + Math.tanh(u));
    }
    return 0.5 * x * (1 + Erf.erf(x / Math.sqrt(2)));
  }

  /** NumPy broadcasting of a binary op: {@code out[i] = op(a[ia], b[ib])} over the output shape. */
  static double[] broadcast(
      double[] a, int[] aDims, double[] b, int[] bDims, int[] outDims, boolean multiply) {
    int rank = outDims.length;
    int n = 1;
    for (int d : outDims) {
      n *= d;
    }
    double[] out = new double[n];
    if (java.util.Arrays.equals(aDims, bDims)) {
      for (int i = 0; i < n; i++) {
        out[i] = multiply ? a[i] * b[i] : a[i] + b[i];
      }
      return out;
    }
    int[] sa = broadcastStrides(aDims, outDims);
    int[] sb = broadcastStrides(bDims, outDims);
    int[] idx = new int[rank];
    int ia = 0;
    int ib = 0;
    int inner = rank == 0 ? 1 : outDims[rank - 1];
    int innerA = rank == 0 ? 0 : sa[rank - 1];
    int innerB = rank == 0 ? 0 : sb[rank - 1];
    for (int o = 0; o < n; o += inner) {
      for (int j = 0; j < inner; j++) {
        double x = a[ia + j * innerA];
        double y = b[ib + j * innerB];
        out[o + j] = multiply ? x * y : x + y;
      }
      for (int d = rank - 2; d >= 0; d--) {
        idx[d]++;
        ia += sa[d];
        ib += sb[d];
        if (idx[d] < outDims[d]) {
          break;
        }
        ia -= sa[d] * idx[d];
        ib -= sb[d] * idx[d];
        idx[d] = 0;
      }
    }
    return out;
  }

  /** Strides of {@code dims} right-aligned against {@code out}, 0 where broadcast. */
  static int[] broadcastStrides(int[] dims, int[] out) {
    int[] s = new int[out.length];
    int stride = 1;
    for (int i = dims.length - 1; i >= 0; i--) {
      int o = out.length - dims.length + i;
      s[o] = dims[i] == 1 ? 0 : stride;
      stride *= dims[i];
    }
    return s;
  }

  // ---------------------------------------------------------------- pooling

  /**
   * Max pooling; {@code idx} (may be null) receives ONNX flat indices {@code ((n·C + c)·H + h)·W +
   * w}.
   */
  static double[] maxPool(
      double[] x,
      int[] d,
      int p,
      int q,
      int kh,
      int kw,
      int sh,
      int sw,
      int pt,
      int pl,
      long[] idx) {
    int planes = d[0] * d[1];
    int h = d[2];
    int w = d[3];
    double[] y = new double[planes * p * q];
    for (int pl0 = 0; pl0 < planes; pl0++) {
      int xOff = pl0 * h * w;
      for (int pi = 0; pi < p; pi++) {
        int h0 = pi * sh - pt;
        int hs = Math.max(h0, 0);
        int he = Math.min(h0 + kh, h);
        for (int qi = 0; qi < q; qi++) {
          int w0 = qi * sw - pl;
          int ws = Math.max(w0, 0);
          int we = Math.min(w0 + kw, w);
          double best = Double.NEGATIVE_INFINITY;
          int at = -1;
          for (int hi = hs; hi < he; hi++) {
            for (int wi = ws; wi < we; wi++) {
              double v = x[xOff + hi * w + wi];
              if (at < 0 || v > best || Double.isNaN(v) && !Double.isNaN(best)) {
                best = v;
                at = xOff + hi * w + wi;
              }
            }
          }
          int o = (pl0 * p + pi) * q + qi;
          y[o] = best;
          if (idx != null) {
            idx[o] = at;
          }
        }
      }
    }
    return y;
  }

  /**
   * Average pooling. The window is clipped to the padded input {@code [-pt, h + pb)}; with {@code
   * includePad} the divisor is that clipped window's size (padding counted, the part beyond the
   * padding that ceil mode adds not counted, as PyTorch), otherwise the number of input elements.
   */
  static double[] avgPool(
      double[] x,
      int[] d,
      int p,
      int q,
      int kh,
      int kw,
      int sh,
      int sw,
      int pt,
      int pl,
      int pb,
      int pr,
      boolean includePad) {
    int planes = d[0] * d[1];
    int h = d[2];
    int w = d[3];
    double[] y = new double[planes * p * q];
    for (int plane = 0; plane < planes; plane++) {
      int xOff = plane * h * w;
      for (int pi = 0; pi < p; pi++) {
        int h0 = pi * sh - pt;
        int h1 = Math.min(h0 + kh, h + pb);
        int hs = Math.max(h0, 0);
        int he = Math.min(h1, h);
        for (int qi = 0; qi < q; qi++) {
          int w0 = qi * sw - pl;
          int w1 = Math.min(w0 + kw, w + pr);
          int ws = Math.max(w0, 0);
          int we = Math.min(w1, w);
          double sum = 0;
          for (int hi = hs; hi < he; hi++) {
            for (int wi = ws; wi < we; wi++) {
              sum += x[xOff + hi * w + wi];
            }
          }
          int count = includePad ? (h1 - h0) * (w1 - w0) : (he - hs) * (we - ws);
          y[(plane * p + pi) * q + qi] = sum / count;
        }
      }
    }
    return y;
  }

  /** Mean over every dimension after the first two. */
  static double[] globalAvgPool(double[] x, int planes, int spatial) {
    double[] y = new double[planes];
    for (int i = 0; i < planes; i++) {
      double sum = 0;
      for (int j = 0; j < spatial; j++) {
        sum += x[i * spatial + j];
      }
      y[i] = sum / spatial;
    }
    return y;
  }

  /** ONNX MaxUnpool: {@code y.flat[i[e]] = x[e]}, zeros elsewhere; indices checked by caller. */
  static double[] maxUnpool(double[] x, long[] indices, int outSize) {
    double[] y = new double[outSize];
    for (int e = 0; e < x.length; e++) {
      y[(int) indices[e]] = x[e];
    }
    return y;
  }

  static double[] upsample(double[] x, int[] d, int fh, int fw) {
    int planes = d[0] * d[1];
    int h = d[2];
    int w = d[3];
    int p = h * fh;
    int q = w * fw;
    double[] y = new double[planes * p * q];
    for (int plane = 0; plane < planes; plane++) {
      for (int pi = 0; pi < p; pi++) {
        int src = plane * h * w + pi / fh * w;
        int dst = (plane * p + pi) * q;
        for (int qi = 0; qi < q; qi++) {
          y[dst + qi] = x[src + qi / fw];
        }
      }
    }
    return y;
  }

  // ---------------------------------------------------------------- normalization

  static double[] batchNorm(
      double[] x, int[] d, double[] scale, double[] bias, double[] mean, double[] var, double eps) {
    int c = d[1];
    int inner = 1;
    for (int i = 2; i < d.length; i++) {
      inner *= d[i];
    }
    double[] y = new double[x.length];
    for (int o = 0; o < x.length; o += c * inner) {
      for (int ch = 0; ch < c; ch++) {
        double inv = 1 / Math.sqrt(var[ch] + eps);
        int base = o + ch * inner;
        for (int j = 0; j < inner; j++) {
          y[base + j] = scale[ch] * ((x[base + j] - mean[ch]) * inv) + bias[ch];
        }
      }
    }
    return y;
  }

  /**
   * ONNX LRN: {@code y = x / (bias + alpha/size · Σ x²)^beta}, the sum over channels {@code [c -
   * floor((size-1)/2), c + ceil((size-1)/2)]} clipped to the tensor.
   */
  static double[] lrn(double[] x, int[] d, int size, double alpha, double beta, double bias) {
    int c = d[1];
    int hw = d[2] * d[3];
    int before = (size - 1) / 2;
    int after = size - 1 - before;
    double[] y = new double[x.length];
    for (int n = 0; n < d[0]; n++) {
      int base = n * c * hw;
      for (int ch = 0; ch < c; ch++) {
        int lo = Math.max(0, ch - before);
        int hi = Math.min(c - 1, ch + after);
        for (int j = 0; j < hw; j++) {
          double sq = 0;
          for (int k = lo; k <= hi; k++) {
            double v = x[base + k * hw + j];
            sq += v * v;
          }
          int at = base + ch * hw + j;
          y[at] = x[at] / Math.pow(bias + alpha / size * sq, beta);
        }
      }
    }
    return y;
  }

  /** Softmax over the middle extent of {@code [outer, len, inner]}, max-subtracted. */
  static double[] softmax(double[] x, int outer, int len, int inner) {
    double[] y = new double[x.length];
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        int base = o * len * inner + i;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < len; k++) {
          max = Math.max(max, x[base + k * inner]);
        }
        double sum = 0;
        for (int k = 0; k < len; k++) {
          double e = Math.exp(x[base + k * inner] - max);
          y[base + k * inner] = e;
          sum += e;
        }
        for (int k = 0; k < len; k++) {
          y[base + k * inner] /= sum;
        }
      }
    }
    return y;
  }

  /** Log-softmax along the middle axis: {@code x - max - ln Σ e^{x - max}}. */
  static double[] logSoftmax(double[] x, int outer, int len, int inner) {
    double[] y = new double[x.length];
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        int base = o * len * inner + i;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < len; k++) {
          max = Math.max(max, x[base + k * inner]);
        }
        double sum = 0;
        for (int k = 0; k < len; k++) {
          sum += Math.exp(x[base + k * inner] - max);
        }
        double log = Math.log(sum);
        for (int k = 0; k < len; k++) {
          y[base + k * inner] = x[base + k * inner] - max - log;
        }
      }
    }
    return y;
  }

  /** Layer norm of rows of length {@code len}: two-pass mean and biased variance. */
  static double[] layerNorm(double[] x, int len, double[] scale, double[] bias, double eps) {
    double[] y = new double[x.length];
    for (int base = 0; base < x.length; base += len) {
      double mean = 0;
      for (int k = 0; k < len; k++) {
        mean += x[base + k];
      }
      mean /= len;
      double var = 0;
      for (int k = 0; k < len; k++) {
        double dv = x[base + k] - mean;
        var += dv * dv;
      }
      var /= len;
      double inv = 1 / Math.sqrt(var + eps);
      for (int k = 0; k < len; k++) {
        y[base + k] = (x[base + k] - mean) * inv * scale[k] + bias[k];
      }
    }
    return y;
  }

  // ---------------------------------------------------------------- data movement

  static double[] transpose(double[] x, int[] d, int[] perm) {
    int rank = d.length;
    int[] inStrides = dev.silica.workloads.tensor.Tensor.rowMajorStrides(d);
    int[] outDims = new int[rank];
    int[] srcStride = new int[rank];
    for (int i = 0; i < rank; i++) {
      outDims[i] = d[perm[i]];
      srcStride[i] = inStrides[perm[i]];
    }
    double[] y = new double[x.length];
    int[] idx = new int[rank];
    int src = 0;
    for (int o = 0; o < y.length; o++) {
      y[o] = x[src];
      for (int k = rank - 1; k >= 0; k--) {
        idx[k]++;
        src += srcStride[k];
        if (idx[k] < outDims[k]) {
          break;
        }
        src -= srcStride[k] * idx[k];
        idx[k] = 0;
      }
    }
    return y;
  }

  // ---------------------------------------------------------------- recurrent

  /** {@code out[n, g] = bias[g] + Σ_d x[n, d]·w[d, g]} for a {@code [rows, cols]} slice. */
  private static void affine(
      double[] x, int xOff, int n, int d, double[] w, int cols, double[] bias, double[] out) {
    for (int r = 0; r < n; r++) {
      for (int g = 0; g < cols; g++) {
        out[r * cols + g] = bias == null ? 0 : bias[g];
      }
      for (int k = 0; k < d; k++) {
        double xv = x[xOff + r * d + k];
        int wk = k * cols;
        for (int g = 0; g < cols; g++) {
          out[r * cols + g] += xv * w[wk + g];
        }
      }
    }
  }

  /** Adds {@code h[n, k]·w[k, g]} over {@code k} to {@code out[n, g]}. */
  private static void accumulate(double[] h, int n, int hid, double[] w, int cols, double[] out) {
    for (int r = 0; r < n; r++) {
      for (int k = 0; k < hid; k++) {
        double hv = h[r * hid + k];
        int wk = k * cols;
        for (int g = 0; g < cols; g++) {
          out[r * cols + g] += hv * w[wk + g];
        }
      }
    }
  }

  /** LSTM; returns {@code {Y, h_T, c_T}}. */
  static double[][] lstm(
      double[] x,
      int t,
      int n,
      int d,
      int hid,
      double[] wx,
      double[] wh,
      double[] b,
      double[] h0,
      double[] c0) {
    int g4 = 4 * hid;
    double[] h = h0 == null ? new double[n * hid] : h0.clone();
    double[] c = c0 == null ? new double[n * hid] : c0.clone();
    double[] y = new double[t * n * hid];
    double[] a = new double[n * g4];
    for (int step = 0; step < t; step++) {
      affine(x, step * n * d, n, d, wx, g4, b, a);
      accumulate(h, n, hid, wh, g4, a);
      for (int r = 0; r < n; r++) {
        for (int j = 0; j < hid; j++) {
          int base = r * g4;
          double i = sigmoid(a[base + j]);
          double f = sigmoid(a[base + hid + j]);
          double o = sigmoid(a[base + 2 * hid + j]);
          double g = Math.tanh(a[base + 3 * hid + j]);
          double cn = f * c[r * hid + j] + i * g;
          c[r * hid + j] = cn;
          h[r * hid + j] = o * Math.tanh(cn);
        }
      }
      System.arraycopy(h, 0, y, step * n * hid, n * hid);
    }
    return new double[][] {y, h, c};
  }

  /** GRU (gates z, r, n); returns {@code {Y, h_T}}. */
  static double[][] gru(
      double[] x,
      int t,
      int n,
      int d,
      int hid,
      double[] wx,
      double[] wh,
      double[] bx,
      double[] bh,
      double[] h0,
      boolean linearBeforeReset) {
    int g3 = 3 * hid;
    double[] h = h0 == null ? new double[n * hid] : h0.clone();
    double[] y = new double[t * n * hid];
    double[] ax = new double[n * g3];
    double[] ah = new double[n * g3];
    double[] rh = new double[n * hid];
    for (int step = 0; step < t; step++) {
      affine(x, step * n * d, n, d, wx, g3, bx, ax);
      affine(h, 0, n, hid, wh, g3, bh, ah);
      double[] z = new double[n * hid];
      for (int r = 0; r < n; r++) {
        for (int j = 0; j < hid; j++) {
          int base = r * g3;
          z[r * hid + j] = sigmoid(ax[base + j] + ah[base + j]);
          double rg = sigmoid(ax[base + hid + j] + ah[base + hid + j]);
          if (linearBeforeReset) {
            rh[r * hid + j] = rg * ah[base + 2 * hid + j];
          } else {
            rh[r * hid + j] = rg * h[r * hid + j];
          }
        }
      }
      if (!linearBeforeReset) {
        // (r ⊙ h)·Wh_n + bh_n, computed with the n-gate columns of Wh
        for (int r = 0; r < n; r++) {
          for (int j = 0; j < hid; j++) {
            double s = bh[2 * hid + j];
            for (int k = 0; k < hid; k++) {
              s += rh[r * hid + k] * wh[k * g3 + 2 * hid + j];
            }
            ah[r * g3 + 2 * hid + j] = s;
          }
        }
      }
      for (int r = 0; r < n; r++) {
        for (int j = 0; j < hid; j++) {
          int base = r * g3;
          double rec = linearBeforeReset ? rh[r * hid + j] : ah[base + 2 * hid + j];
          double nn = Math.tanh(ax[base + 2 * hid + j] + rec);
          double zz = z[r * hid + j];
          h[r * hid + j] = (1 - zz) * nn + zz * h[r * hid + j];
        }
      }
      System.arraycopy(h, 0, y, step * n * hid, n * hid);
    }
    return new double[][] {y, h};
  }

  /** Vanilla RNN; returns {@code {Y, h_T}}. */
  static double[][] rnn(
      double[] x,
      int t,
      int n,
      int d,
      int hid,
      double[] wx,
      double[] wh,
      double[] b,
      double[] h0,
      Rnn.Activation act) {
    double[] h = h0 == null ? new double[n * hid] : h0.clone();
    double[] y = new double[t * n * hid];
    double[] a = new double[n * hid];
    for (int step = 0; step < t; step++) {
      affine(x, step * n * d, n, d, wx, hid, b, a);
      accumulate(h, n, hid, wh, hid, a);
      for (int i = 0; i < n * hid; i++) {
        h[i] = act == Rnn.Activation.TANH ? Math.tanh(a[i]) : Math.max(0, a[i]);
      }
      System.arraycopy(h, 0, y, step * n * hid, n * hid);
    }
    return new double[][] {y, h};
  }
}
