package dev.silica.workloads.train;

import dev.silica.workloads.ir.Add;
import dev.silica.workloads.ir.AvgPool;
import dev.silica.workloads.ir.Concat;
import dev.silica.workloads.ir.Conv2d;
import dev.silica.workloads.ir.Dropout;
import dev.silica.workloads.ir.Embedding;
import dev.silica.workloads.ir.Flatten;
import dev.silica.workloads.ir.Gemm;
import dev.silica.workloads.ir.GlobalAvgPool;
import dev.silica.workloads.ir.LeakyRelu;
import dev.silica.workloads.ir.MatMul;
import dev.silica.workloads.ir.MaxPool;
import dev.silica.workloads.ir.Mul;
import dev.silica.workloads.ir.Node;
import dev.silica.workloads.ir.Padding;
import dev.silica.workloads.ir.Relu;
import dev.silica.workloads.ir.Reshape;
import dev.silica.workloads.ir.Sigmoid;
import dev.silica.workloads.ir.Tanh;
import java.util.SplittableRandom;

/**
 * Forward and backward kernels of the ops training supports, on the flat {@code float[]} of one
 * sample (NCHW with N = 1). Each backward adds to its inputs' gradients and skips inputs that have
 * none (constants, integer indices). Pooling windows follow the reference executor exactly (clipped
 * to the input; average divisors as {@code Kernels.avgPool}), so the forward pass equals the
 * executor's FP32 result up to summation order.
 */
final class Steps {
  private Steps() {}

  /** Ops with training kernels, for error messages. */
  static final String SUPPORTED =
      "conv2d, gemm, matmul (2-D), maxpool, avgpool, global_avgpool, relu, leaky_relu, tanh,"
          + " sigmoid, flatten, reshape, dropout, add and mul (same shapes), concat, embedding";

  /** One node's kernels. */
  abstract static class Step {
    final int[] in;
    final int out;
    final int index;

    Step(TrainableGraph g, int index, Node n) {
      this.index = index;
      in = new int[n.inputs().size()];
      for (int i = 0; i < in.length; i++) {
        in[i] = g.slot(n.inputs().get(i));
      }
      out = g.slot(n.output());
    }

    abstract void forward(Workspace w);

    abstract void backward(Workspace w);

    Object newScratch() {
      return null;
    }
  }

  static Step of(TrainableGraph g, int index, Node n) {
    if (n.outputs().size() != 1) {
      throw unsupported(n, "more than one output");
    }
    int[] x = g.graph.type(n.inputs().get(0)).shape().toArray();
    int[] y = g.graph.type(n.output()).shape().toArray();
    return switch (n.op()) {
      case Conv2d op -> new Conv(g, index, n, op, x, y);
      case Gemm op -> new GemmStep(g, index, n, op.transA(), op.transB(), op.alpha(), op.beta());
      case MatMul op -> {
        if (x.length != 2 || g.graph.type(n.inputs().get(1)).shape().rank() != 2) {
          throw unsupported(n, "matmul of rank other than 2");
        }
        yield new GemmStep(g, index, n, false, false, 1f, 0f);
      }
      case MaxPool op -> {
        if (op.withIndices()) {
          throw unsupported(n, "maxpool with an indices output");
        }
        Padding p =
            op.padding()
                .resolved(x[2], x[3], op.kernelH(), op.kernelW(), op.strideH(), op.strideW());
        yield new Pool(
            g,
            index,
            n,
            x,
            y,
            op.kernelH(),
            op.kernelW(),
            op.strideH(),
            op.strideW(),
            p,
            true,
            false);
      }
      case AvgPool op -> {
        Padding p =
            op.padding()
                .resolved(x[2], x[3], op.kernelH(), op.kernelW(), op.strideH(), op.strideW());
        yield new Pool(
            g,
            index,
            n,
            x,
            y,
            op.kernelH(),
            op.kernelW(),
            op.strideH(),
            op.strideW(),
            p,
            false,
            op.countIncludePad());
      }
      case GlobalAvgPool op -> new GlobalAvg(g, index, n, x);
      case Relu op -> new Pointwise(g, index, n, Pointwise.RELU, 0f);
      case LeakyRelu op -> new Pointwise(g, index, n, Pointwise.LEAKY, op.alpha());
      case Tanh op -> new Pointwise(g, index, n, Pointwise.TANH, 0f);
      case Sigmoid op -> new Pointwise(g, index, n, Pointwise.SIGMOID, 0f);
      case Flatten op -> new Copy(g, index, n);
      case Reshape op -> new Copy(g, index, n);
      case Dropout op -> new DropoutStep(g, index, n, op.ratio());
      case Add op -> new Binary(g, index, n, false);
      case Mul op -> new Binary(g, index, n, true);
      case Concat op -> new ConcatStep(g, index, n, op.axis());
      case Embedding op -> new Gather(g, index, n);
      default -> throw unsupported(n, "op '" + n.op().kind() + "'");
    };
  }

  static IllegalArgumentException unsupported(Node n, String what) {
    return new IllegalArgumentException(
        "node '"
            + n.name()
            + "': training does not support "
            + what
            + " (supported: "
            + SUPPORTED
            + ")");
  }

  // ------------------------------------------------------------------ convolution

  /**
   * 2-D convolution, any stride, padding, dilation and groups, through "im2row": for each group the
   * input patches are copied into a {@code [P·Q, C/g·kh·kw]} matrix (zeros where the window covers
   * padding), so that forward and both backward products are contiguous dot products and axpys of
   * length {@code C/g·kh·kw}: {@code Y[m, pq] = W[m, :]·R[pq, :] + b[m]}, {@code ∂W[m, :] += Σ_pq
   * ∂Y[m, pq]·R[pq, :]}, {@code ∂R[pq, :] = Σ_m ∂Y[m, pq]·W[m, :]}, then {@code ∂R} is scattered
   * back onto {@code ∂X}.
   */
  static final class Conv extends Step {
    final int c, h, wd, m, p, q, kh, kw, sh, sw, pt, pl, dh, dw, groups, cg, mg, kk;
    final boolean bias;

    /** For each group-local patch column {@code k}: its input offset, or -1 in padding, per pq. */
    final int[] source;

    Conv(TrainableGraph g, int index, Node n, Conv2d op, int[] x, int[] y) {
      super(g, index, n);
      int[] wt = g.graph.type(n.inputs().get(1)).shape().toArray();
      c = x[1];
      h = x[2];
      wd = x[3];
      m = y[1];
      p = y[2];
      q = y[3];
      kh = wt[2];
      kw = wt[3];
      sh = op.strideH();
      sw = op.strideW();
      dh = op.dilationH();
      dw = op.dilationW();
      groups = op.groups();
      cg = c / groups;
      mg = m / groups;
      kk = cg * kh * kw;
      Padding pad = op.padding().resolved(h, wd, dh * (kh - 1) + 1, dw * (kw - 1) + 1, sh, sw);
      pt = pad.top();
      pl = pad.left();
      bias = in.length > 2;
      source = new int[p * q * kk];
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < q; j++) {
          int row = (i * q + j) * kk;
          for (int ci = 0; ci < cg; ci++) {
            for (int r = 0; r < kh; r++) {
              for (int s = 0; s < kw; s++) {
                int ih = i * sh - pt + r * dh;
                int iw = j * sw - pl + s * dw;
                boolean inside = ih >= 0 && ih < h && iw >= 0 && iw < wd;
                source[row + (ci * kh + r) * kw + s] = inside ? (ci * h + ih) * wd + iw : -1;
              }
            }
          }
        }
      }
    }

    @Override
    Object newScratch() {
      return new float[2][p * q * kk];
    }

    /** Fills {@code rows} with group {@code grp}'s patches of {@code x}. */
    private void im2row(float[] x, int grp, float[] rows) {
      int base = grp * cg * h * wd;
      for (int i = 0; i < rows.length; i++) {
        int s = source[i];
        rows[i] = s < 0 ? 0f : x[base + s];
      }
    }

    @Override
    void forward(Workspace w) {
      float[] x = w.val[in[0]];
      float[] wt = w.val[in[1]];
      float[] y = w.val[out];
      float[] rows = ((float[][]) w.scratch[index])[0];
      int pq = p * q;
      for (int grp = 0; grp < groups; grp++) {
        im2row(x, grp, rows);
        for (int oc = grp * mg; oc < (grp + 1) * mg; oc++) {
          float b = bias ? w.val[in[2]][oc] : 0f;
          int wo = oc * kk;
          for (int j = 0; j < pq; j++) {
            y[oc * pq + j] = b + dot(wt, wo, rows, j * kk, kk);
          }
        }
      }
    }

    @Override
    void backward(Workspace w) {
      float[] x = w.val[in[0]];
      float[] wt = w.val[in[1]];
      float[] dy = w.grad[out];
      float[] dx = w.grad[in[0]];
      float[] dwt = w.grad[in[1]];
      float[][] scratch = (float[][]) w.scratch[index];
      float[] rows = scratch[0];
      float[] drows = scratch[1];
      int pq = p * q;
      if (bias && w.grad[in[2]] != null) {
        float[] db = w.grad[in[2]];
        for (int oc = 0; oc < m; oc++) {
          float sum = 0;
          for (int i = oc * pq; i < (oc + 1) * pq; i++) {
            sum += dy[i];
          }
          db[oc] += sum;
        }
      }
      for (int grp = 0; grp < groups; grp++) {
        if (dwt != null) {
          im2row(x, grp, rows);
        }
        if (dx != null) {
          java.util.Arrays.fill(drows, 0f);
        }
        for (int oc = grp * mg; oc < (grp + 1) * mg; oc++) {
          int wo = oc * kk;
          for (int j = 0; j < pq; j++) {
            float g = dy[oc * pq + j];
            if (g == 0f) {
              continue;
            }
            if (dwt != null) {
              axpy(g, rows, j * kk, dwt, wo, kk);
            }
            if (dx != null) {
              axpy(g, wt, wo, drows, j * kk, kk);
            }
          }
        }
        if (dx != null) {
          int base = grp * cg * h * wd;
          for (int i = 0; i < drows.length; i++) {
            int s = source[i];
            if (s >= 0) {
              dx[base + s] += drows[i];
            }
          }
        }
      }
    }
  }

  /** {@code Σ a[ao+i]·b[bo+i]} with four partial sums (a fixed order, so deterministic). */
  static float dot(float[] a, int ao, float[] b, int bo, int n) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      s0 += a[ao + i] * b[bo + i];
      s1 += a[ao + i + 1] * b[bo + i + 1];
      s2 += a[ao + i + 2] * b[bo + i + 2];
      s3 += a[ao + i + 3] * b[bo + i + 3];
    }
    for (; i < n; i++) {
      s0 += a[ao + i] * b[bo + i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** {@code y[yo+i] += g·x[xo+i]}. */
  static void axpy(float g, float[] x, int xo, float[] y, int yo, int n) {
    for (int i = 0; i < n; i++) {
      y[yo + i] += g * x[xo + i];
    }
  }

  // ------------------------------------------------------------------ gemm

  /** {@code Y = α·op(A)·op(B) + β·C}, A and B of rank 2, C broadcast to {@code [M, N]}. */
  static final class GemmStep extends Step {
    final boolean ta, tb;
    final float alpha, beta;
    final int mm, nn, kk, cm, cn;

    GemmStep(TrainableGraph g, int index, Node n, boolean ta, boolean tb, float alpha, float beta) {
      super(g, index, n);
      this.ta = ta;
      this.tb = tb;
      this.alpha = alpha;
      this.beta = beta;
      int[] a = g.graph.type(n.inputs().get(0)).shape().toArray();
      int[] y = g.graph.type(n.output()).shape().toArray();
      mm = y[0];
      nn = y[1];
      kk = ta ? a[0] : a[1];
      if (in.length > 2) {
        int[] cd = g.graph.type(n.inputs().get(2)).shape().toArray();
        cm = cd.length == 2 ? cd[0] : 1;
        cn = cd.length == 0 ? 1 : cd[cd.length - 1];
      } else {
        cm = 0;
        cn = 0;
      }
    }

    private int ai(int i, int k) {
      return ta ? k * mm + i : i * kk + k;
    }

    private int bi(int k, int j) {
      return tb ? j * kk + k : k * nn + j;
    }

    private int ci(int i, int j) {
      return (cm == 1 ? 0 : i) * cn + (cn == 1 ? 0 : j);
    }

    @Override
    void forward(Workspace w) {
      float[] a = w.val[in[0]];
      float[] b = w.val[in[1]];
      float[] y = w.val[out];
      float[] cc = in.length > 2 ? w.val[in[2]] : null;
      for (int i = 0; i < mm; i++) {
        for (int j = 0; j < nn; j++) {
          float sum = 0;
          if (!ta && tb) {
            sum = dot(a, i * kk, b, j * kk, kk);
          } else {
            for (int k = 0; k < kk; k++) {
              sum += a[ai(i, k)] * b[bi(k, j)];
            }
          }
          float v = alpha * sum;
          if (cc != null) {
            v += beta * cc[ci(i, j)];
          }
          y[i * nn + j] = v;
        }
      }
    }

    @Override
    void backward(Workspace w) {
      float[] a = w.val[in[0]];
      float[] b = w.val[in[1]];
      float[] dy = w.grad[out];
      float[] da = w.grad[in[0]];
      float[] db = w.grad[in[1]];
      for (int i = 0; i < mm; i++) {
        for (int j = 0; j < nn; j++) {
          float g = alpha * dy[i * nn + j];
          if (g == 0f) {
            continue;
          }
          if (!ta && tb) {
            int ao = i * kk;
            int bo = j * kk;
            if (da != null) {
              axpy(g, b, bo, da, ao, kk);
            }
            if (db != null) {
              axpy(g, a, ao, db, bo, kk);
            }
          } else {
            for (int k = 0; k < kk; k++) {
              if (da != null) {
                da[ai(i, k)] += g * b[bi(k, j)];
              }
              if (db != null) {
                db[bi(k, j)] += g * a[ai(i, k)];
              }
            }
          }
        }
      }
      if (in.length > 2 && w.grad[in[2]] != null) {
        float[] dc = w.grad[in[2]];
        for (int i = 0; i < mm; i++) {
          for (int j = 0; j < nn; j++) {
            dc[ci(i, j)] += beta * dy[i * nn + j];
          }
        }
      }
    }
  }

  // ------------------------------------------------------------------ pooling

  /** Max or average pooling over {@code [1, C, H, W]}, windows as the reference executor's. */
  static final class Pool extends Step {
    final int planes, h, wd, p, q, kh, kw, sh, sw, pt, pl, pb, pr;
    final boolean max, includePad;

    Pool(
        TrainableGraph g,
        int index,
        Node n,
        int[] x,
        int[] y,
        int kh,
        int kw,
        int sh,
        int sw,
        Padding pad,
        boolean max,
        boolean includePad) {
      super(g, index, n);
      planes = x[0] * x[1];
      h = x[2];
      wd = x[3];
      p = y[2];
      q = y[3];
      this.kh = kh;
      this.kw = kw;
      this.sh = sh;
      this.sw = sw;
      pt = pad.top();
      pl = pad.left();
      pb = pad.bottom();
      pr = pad.right();
      this.max = max;
      this.includePad = includePad;
    }

    @Override
    Object newScratch() {
      return max ? new int[planes * p * q] : null;
    }

    @Override
    void forward(Workspace w) {
      float[] x = w.val[in[0]];
      float[] y = w.val[out];
      int[] arg = (int[]) w.scratch[index];
      for (int c = 0; c < planes; c++) {
        int xo = c * h * wd;
        for (int i = 0; i < p; i++) {
          int h0 = i * sh - pt;
          int h1 = Math.min(h0 + kh, h + pb);
          int hs = Math.max(h0, 0);
          int he = Math.min(h0 + kh, h);
          for (int j = 0; j < q; j++) {
            int w0 = j * sw - pl;
            int w1 = Math.min(w0 + kw, wd + pr);
            int ws = Math.max(w0, 0);
            int we = Math.min(w0 + kw, wd);
            int o = (c * p + i) * q + j;
            if (max) {
              float best = Float.NEGATIVE_INFINITY;
              int at = -1;
              for (int r = hs; r < he; r++) {
                for (int s = ws; s < we; s++) {
                  float v = x[xo + r * wd + s];
                  if (at < 0 || v > best) {
                    best = v;
                    at = xo + r * wd + s;
                  }
                }
              }
              y[o] = best;
              arg[o] = at;
            } else {
              float sum = 0;
              for (int r = hs; r < he; r++) {
                for (int s = ws; s < we; s++) {
                  sum += x[xo + r * wd + s];
                }
              }
              int count = includePad ? (h1 - h0) * (w1 - w0) : (he - hs) * (we - ws);
              y[o] = sum / count;
            }
          }
        }
      }
    }

    @Override
    void backward(Workspace w) {
      float[] dx = w.grad[in[0]];
      if (dx == null) {
        return;
      }
      float[] dy = w.grad[out];
      if (max) {
        int[] arg = (int[]) w.scratch[index];
        for (int o = 0; o < dy.length; o++) {
          if (arg[o] >= 0) {
            dx[arg[o]] += dy[o];
          }
        }
        return;
      }
      for (int c = 0; c < planes; c++) {
        int xo = c * h * wd;
        for (int i = 0; i < p; i++) {
          int h0 = i * sh - pt;
          int h1 = Math.min(h0 + kh, h + pb);
          int hs = Math.max(h0, 0);
          int he = Math.min(h0 + kh, h);
          for (int j = 0; j < q; j++) {
            int w0 = j * sw - pl;
            int w1 = Math.min(w0 + kw, wd + pr);
            int ws = Math.max(w0, 0);
            int we = Math.min(w0 + kw, wd);
            int count = includePad ? (h1 - h0) * (w1 - w0) : (he - hs) * (we - ws);
            float g = dy[(c * p + i) * q + j] / count;
            for (int r = hs; r < he; r++) {
              for (int s = ws; s < we; s++) {
                dx[xo + r * wd + s] += g;
              }
            }
          }
        }
      }
    }
  }

  /** Mean over the spatial dimensions of each {@code [n, c]} plane. */
  static final class GlobalAvg extends Step {
    final int planes, spatial;

    GlobalAvg(TrainableGraph g, int index, Node n, int[] x) {
      super(g, index, n);
      planes = x[0] * x[1];
      int s = 1;
      for (int i = 2; i < x.length; i++) {
        s *= x[i];
      }
      spatial = s;
    }

    @Override
    void forward(Workspace w) {
      float[] x = w.val[in[0]];
      float[] y = w.val[out];
      for (int c = 0; c < planes; c++) {
        float sum = 0;
        for (int i = c * spatial; i < (c + 1) * spatial; i++) {
          sum += x[i];
        }
        y[c] = sum / spatial;
      }
    }

    @Override
    void backward(Workspace w) {
      float[] dx = w.grad[in[0]];
      if (dx == null) {
        return;
      }
      float[] dy = w.grad[out];
      for (int c = 0; c < planes; c++) {
        float g = dy[c] / spatial;
        for (int i = c * spatial; i < (c + 1) * spatial; i++) {
          dx[i] += g;
        }
      }
    }
  }

  // ------------------------------------------------------------------ pointwise

  /** ReLU, leaky ReLU, tanh, sigmoid; derivatives from the output where it determines them. */
  static final class Pointwise extends Step {
    static final int RELU = 0;
    static final int LEAKY = 1;
    static final int TANH = 2;
    static final int SIGMOID = 3;
    final int kind;
    final float alpha;

    Pointwise(TrainableGraph g, int index, Node n, int kind, float alpha) {
      super(g, index, n);
      this.kind = kind;
      this.alpha = alpha;
    }

    @Override
    void forward(Workspace w) {
      float[] x = w.val[in[0]];
      float[] y = w.val[out];
      switch (kind) {
        case RELU -> {
          for (int i = 0; i < x.length; i++) {
            y[i] = Math.max(x[i], 0f);
          }
        }
        case LEAKY -> {
          for (int i = 0; i < x.length; i++) {
            y[i] = x[i] >= 0 ? x[i] : alpha * x[i];
          }
        }
        case TANH -> {
          for (int i = 0; i < x.length; i++) {
            y[i] = (float) Math.tanh(x[i]);
          }
        }
        default -> {
          for (int i = 0; i < x.length; i++) {
            y[i] = (float) (1 / (1 + Math.exp(-x[i])));
          }
        }
      }
    }

    @Override
    void backward(Workspace w) {
      float[] dx = w.grad[in[0]];
      if (dx == null) {
        return;
      }
      float[] x = w.val[in[0]];
      float[] y = w.val[out];
      float[] dy = w.grad[out];
      switch (kind) {
        case RELU -> {
          for (int i = 0; i < dy.length; i++) {
            if (x[i] > 0) {
              dx[i] += dy[i];
            }
          }
        }
        case LEAKY -> {
          for (int i = 0; i < dy.length; i++) {
            dx[i] += x[i] >= 0 ? dy[i] : alpha * dy[i];
          }
        }
        case TANH -> {
          for (int i = 0; i < dy.length; i++) {
            dx[i] += dy[i] * (1 - y[i] * y[i]);
          }
        }
        default -> {
          for (int i = 0; i < dy.length; i++) {
            dx[i] += dy[i] * y[i] * (1 - y[i]);
          }
        }
      }
    }
  }

  /** Flatten and reshape: the elements are unchanged. */
  static final class Copy extends Step {
    Copy(TrainableGraph g, int index, Node n) {
      super(g, index, n);
    }

    @Override
    void forward(Workspace w) {
      System.arraycopy(w.val[in[0]], 0, w.val[out], 0, w.val[out].length);
    }

    @Override
    void backward(Workspace w) {
      addTo(w.grad[in[0]], w.grad[out]);
    }
  }

  static void addTo(float[] dst, float[] src) {
    if (dst != null) {
      for (int i = 0; i < src.length; i++) {
        dst[i] += src[i];
      }
    }
  }

  /**
   * Inverted dropout: in training each element is kept with probability {@code 1 − ratio} and
   * scaled by {@code 1/(1 − ratio)}; the mask is drawn from the sample's seed and the node's index,
   * so it does not depend on threads. In evaluation the identity.
   */
  static final class DropoutStep extends Step {
    final float ratio;

    DropoutStep(TrainableGraph g, int index, Node n, float ratio) {
      super(g, index, n);
      this.ratio = ratio;
    }

    @Override
    Object newScratch() {
      return new float[0];
    }

    @Override
    void forward(Workspace w) {
      float[] x = w.val[in[0]];
      float[] y = w.val[out];
      if (!w.training || ratio == 0f) {
        System.arraycopy(x, 0, y, 0, x.length);
        return;
      }
      float[] mask = (float[]) w.scratch[index];
      if (mask.length != x.length) {
        mask = new float[x.length];
        w.scratch[index] = mask;
      }
      SplittableRandom r = new SplittableRandom(w.sampleSeed * 0x9E3779B97F4A7C15L + index);
      float keep = 1f / (1f - ratio);
      for (int i = 0; i < x.length; i++) {
        mask[i] = r.nextDouble() < ratio ? 0f : keep;
        y[i] = x[i] * mask[i];
      }
    }

    @Override
    void backward(Workspace w) {
      float[] dx = w.grad[in[0]];
      if (dx == null) {
        return;
      }
      float[] dy = w.grad[out];
      if (!w.training || ratio == 0f) {
        addTo(dx, dy);
        return;
      }
      float[] mask = (float[]) w.scratch[index];
      for (int i = 0; i < dy.length; i++) {
        dx[i] += dy[i] * mask[i];
      }
    }
  }

  /** Elementwise add or multiply of two same-shaped tensors. */
  static final class Binary extends Step {
    final boolean mul;

    Binary(TrainableGraph g, int index, Node n, boolean mul) {
      super(g, index, n);
      this.mul = mul;
      if (g.size[in[0]] != g.size[out] || g.size[in[1]] != g.size[out]) {
        throw unsupported(n, (mul ? "mul" : "add") + " with broadcasting");
      }
    }

    @Override
    void forward(Workspace w) {
      float[] a = w.val[in[0]];
      float[] b = w.val[in[1]];
      float[] y = w.val[out];
      for (int i = 0; i < y.length; i++) {
        y[i] = mul ? a[i] * b[i] : a[i] + b[i];
      }
    }

    @Override
    void backward(Workspace w) {
      float[] dy = w.grad[out];
      float[] da = w.grad[in[0]];
      float[] db = w.grad[in[1]];
      if (!mul) {
        addTo(da, dy);
        addTo(db, dy);
        return;
      }
      float[] a = w.val[in[0]];
      float[] b = w.val[in[1]];
      for (int i = 0; i < dy.length; i++) {
        if (da != null) {
          da[i] += dy[i] * b[i];
        }
        if (db != null) {
          db[i] += dy[i] * a[i];
        }
      }
    }
  }

  /** Concatenation along one axis: contiguous blocks of each input per outer index. */
  static final class ConcatStep extends Step {
    final int outer;
    final int[] inner;

    ConcatStep(TrainableGraph g, int index, Node n, int axis) {
      super(g, index, n);
      int[] y = g.graph.type(n.output()).shape().toArray();
      int a = axis < 0 ? axis + y.length : axis;
      int o = 1;
      for (int i = 0; i < a; i++) {
        o *= y[i];
      }
      outer = o;
      inner = new int[in.length];
      for (int k = 0; k < in.length; k++) {
        inner[k] = g.size[in[k]] / outer;
      }
    }

    @Override
    void forward(Workspace w) {
      float[] y = w.val[out];
      int pos = 0;
      for (int o = 0; o < outer; o++) {
        for (int k = 0; k < in.length; k++) {
          System.arraycopy(w.val[in[k]], o * inner[k], y, pos, inner[k]);
          pos += inner[k];
        }
      }
    }

    @Override
    void backward(Workspace w) {
      float[] dy = w.grad[out];
      int pos = 0;
      for (int o = 0; o < outer; o++) {
        for (int k = 0; k < in.length; k++) {
          float[] dx = w.grad[in[k]];
          if (dx != null) {
            for (int i = 0; i < inner[k]; i++) {
              dx[o * inner[k] + i] += dy[pos + i];
            }
          }
          pos += inner[k];
        }
      }
    }
  }

  /** Embedding: rows of the table {@code [V, E]} picked by integer indices. */
  static final class Gather extends Step {
    final int rowLength;

    Gather(TrainableGraph g, int index, Node n) {
      super(g, index, n);
      int[] table = g.graph.type(n.inputs().get(1)).shape().toArray();
      rowLength = table[1];
    }

    @Override
    void forward(Workspace w) {
      float[] idx = w.val[in[0]];
      float[] table = w.val[in[1]];
      float[] y = w.val[out];
      for (int i = 0; i < idx.length; i++) {
        System.arraycopy(table, (int) idx[i] * rowLength, y, i * rowLength, rowLength);
      }
    }

    @Override
    void backward(Workspace w) {
      float[] dt = w.grad[in[1]];
      if (dt == null) {
        return;
      }
      float[] idx = w.val[in[0]];
      float[] dy = w.grad[out];
      for (int i = 0; i < idx.length; i++) {
        int row = (int) idx[i] * rowLength;
        for (int e = 0; e < rowLength; e++) {
          dt[row + e] += dy[i * rowLength + e];
        }
      }
    }
  }
}
