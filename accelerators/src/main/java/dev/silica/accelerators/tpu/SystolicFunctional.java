package dev.silica.accelerators.tpu;

import dev.silica.numerics.Bf16;
import dev.silica.numerics.Fp16;
import dev.silica.numerics.IntegerFormat;
import dev.silica.numerics.quant.AffineQuantizer;
import dev.silica.workloads.exec.Precision;
import dev.silica.workloads.exec.ReferenceExecutor;
import dev.silica.workloads.exec.Weights;
import dev.silica.workloads.ir.Conv2d;
import dev.silica.workloads.ir.Gemm;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.GraphBuilder;
import dev.silica.workloads.ir.MatMul;
import dev.silica.workloads.ir.Node;
import dev.silica.workloads.ir.Padding;
import dev.silica.workloads.ir.TensorType;
import dev.silica.workloads.ir.Value;
import dev.silica.workloads.ir.ValueId;
import dev.silica.workloads.ir.ValueKind;
import dev.silica.workloads.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The functional tier of the systolic array: the output values of a whole graph computed the way
 * the array computes them, in its number format.
 *
 * <h2>Numerics (the array's formats, {@link SystolicArrayConfig#macFormat()})</h2>
 *
 * <ul>
 *   <li><b>int8</b>: every product operand is quantized per tensor, symmetrically, to int8 with
 *       {@link AffineQuantizer#symmetric} ({@code scale = max|x| / 127}, zero point 0, {@code q =
 *       clamp(rint(x / scale))} half to even): weights from their values, activations dynamically
 *       from the tensor the layer receives (no calibration data needed). The array multiplies int8
 *       × int8 into int32 accumulators (exact; int32 wraps like a register). The activation
 *       pipeline turns an accumulator into fp32 as {@code y = fl(fl(acc) · fl(s_x · s_w))}, then
 *       {@code y = fl(alpha · y)} when a Gemm's alpha is not 1, then adds the bias ({@code y = fl(y
 *       + b)}) or a Gemm's {@code fl(beta · C)}.
 *   <li><b>fp16</b> / <b>bf16</b>: operands rounded to the format (nearest even), products exact in
 *       fp32, accumulated in fp32 in the array's order: OS sums {@code k = 0, 1, …} in the PE; WS
 *       and IS sum each row fold's {@code R} values down a column from zero, and the accumulators
 *       add the row folds' partial sums in order. Bias as above.
 * </ul>
 *
 * <p>{@code conv2d} runs as im2col products per image and group ({@code K} ordered channel, kernel
 * row, kernel column, as the weights are laid out), {@code gemm} and {@code matmul} (NumPy batch
 * broadcasting) as products per batch. Every other op, and the products inside {@code
 * conv_transpose2d}, {@code lstm}, {@code gru} and {@code rnn}, runs on the reference executor's
 * fp32 kernels (the activation pipeline and the host); {@link Result#fp32Nodes()} names those
 * product nodes so a report can say which layers were not run in the array's format.
 *
 * <p>The product kernel reproduces the PE array's arithmetic and summation order exactly ({@link
 * SystolicPeArray} gives bit-identical accumulators, checked by SystolicPeArrayTest), without
 * stepping it: an integer loop for int8, a per-fold float loop for fp16/bf16.
 */
public final class SystolicFunctional {
  /** Op kinds whose products run on the reference kernels in fp32. */
  static final Set<String> FP32_PRODUCTS = Set.of("conv_transpose2d", "lstm", "gru", "rnn");

  private final SystolicArrayConfig config;

  /** The graph's outputs and which product nodes ran in fp32 instead of the array's format. */
  public record Result(Map<ValueId, Tensor> outputs, List<String> fp32Nodes) {
    public Result {
      outputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
      fp32Nodes = List.copyOf(fp32Nodes);
    }
  }

  public SystolicFunctional(SystolicArrayConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    requireSupported(config);
  }

  /** Throws a one-line message unless the formats are single-format int8, fp16 or bf16. */
  public static void requireSupported(SystolicArrayConfig config) {
    OperandFormat f = config.macFormat();
    boolean ok =
        (f == OperandFormat.INT8 || f == OperandFormat.FP16 || f == OperandFormat.BF16)
            && config.weightFormat() == f
            && config.activationFormat() == f;
    if (!ok) {
      throw new IllegalArgumentException(
          config.name()
              + ": functional outputs need mac, weights and activations all int8, fp16 or bf16,"
              + " got mac "
              + f.key()
              + ", weights "
              + config.weightFormat().key()
              + ", activations "
              + config.activationFormat().key());
    }
  }

  /**
   * Runs {@code g}.
   *
   * @param inputs a tensor per graph input
   * @param weights a tensor per initializer (literal buffers may be absent)
   */
  public Result run(Graph g, Map<ValueId, Tensor> inputs, Weights weights) {
    Map<ValueId, Tensor> env = new HashMap<>(inputs);
    for (Value v : g.initializers()) {
      if (weights.contains(v.id())) {
        env.put(v.id(), weights.get(v.id()));
      } else if (!v.literal().isEmpty()) {
        float[] lit = new float[v.literal().size()];
        for (int i = 0; i < lit.length; i++) {
          lit[i] = v.literal().get(i);
        }
        env.put(v.id(), Tensor.of(v.type().shape(), lit));
      }
    }
    List<String> fp32 = new ArrayList<>();
    try (ReferenceExecutor exec = new ReferenceExecutor(Precision.FP32, 1)) {
      for (Node n : g.nodes()) {
        List<Tensor> in = new ArrayList<>();
        for (ValueId id : n.inputs()) {
          in.add(env.get(id));
        }
        List<Tensor> out;
        if (n.op() instanceof Conv2d c) {
          out = List.of(conv(g, n, c, in));
        } else if (n.op() instanceof Gemm gm) {
          out = List.of(gemm(g, n, gm, in));
        } else if (n.op() instanceof MatMul) {
          out = List.of(matmul(g, n, in));
        } else {
          if (FP32_PRODUCTS.contains(n.op().kind())) {
            fp32.add(n.name());
          }
          out = reference(exec, g, n, in);
        }
        for (int i = 0; i < out.size(); i++) {
          env.put(n.outputs().get(i), out.get(i));
        }
      }
    }
    Map<ValueId, Tensor> result = new LinkedHashMap<>();
    for (ValueId o : g.outputs()) {
      result.put(o, env.get(o));
    }
    return new Result(result, fp32);
  }

  /** One node on the reference executor: a one-node graph with the same value names. */
  static List<Tensor> reference(ReferenceExecutor exec, Graph g, Node n, List<Tensor> in) {
    GraphBuilder b = new GraphBuilder(g.name());
    Map<ValueId, Tensor> feeds = new LinkedHashMap<>();
    Weights w = new Weights();
    Set<ValueId> seen = new HashSet<>();
    for (int i = 0; i < n.inputs().size(); i++) {
      ValueId id = n.inputs().get(i);
      if (!seen.add(id)) {
        continue;
      }
      Value v = g.value(id);
      if (v.isInitializer()) {
        b.declare(v);
        if (in.get(i) != null) {
          w.put(id, in.get(i));
        }
      } else {
        b.declare(new Value(id, v.type(), ValueKind.INPUT));
        feeds.put(id, in.get(i));
      }
    }
    List<ValueId> outs = b.node(n.name(), n.op(), n.inputs());
    b.output(outs.toArray(ValueId[]::new));
    Map<ValueId, Tensor> r = exec.run(b.build(), feeds, w);
    List<Tensor> list = new ArrayList<>();
    for (ValueId o : outs) {
      list.add(r.get(o));
    }
    return list;
  }

  // ---- products ----

  /** Operands of one product in the array's format: int8 codes or rounded floats. */
  private final class Operand {
    final byte[] q;
    final float[] f;
    final float scale;

    Operand(Tensor t) {
      float[] x = t.toF32().floats();
      if (config.macFormat() == OperandFormat.INT8) {
        AffineQuantizer qz = AffineQuantizer.symmetric(IntegerFormat.INT8, x);
        int[] codes = qz.quantize(x, t.dims());
        q = new byte[codes.length];
        for (int i = 0; i < codes.length; i++) {
          q[i] = (byte) codes[i];
        }
        f = null;
        scale = qz.scales()[0];
      } else {
        f = new float[x.length];
        boolean bf = config.macFormat() == OperandFormat.BF16;
        for (int i = 0; i < x.length; i++) {
          f[i] = bf ? Bf16.toFloat(Bf16.fromFloat(x[i])) : Fp16.toFloat(Fp16.fromFloat(x[i]));
        }
        q = null;
        scale = 1f;
      }
    }
  }

  private boolean isInt() {
    return config.macFormat() == OperandFormat.INT8;
  }

  private Tensor conv(Graph g, Node n, Conv2d op, List<Tensor> in) {
    Tensor x = in.get(0);
    Tensor w = in.get(1);
    float[] bias = in.size() > 2 ? in.get(2).toF32().floats() : null;
    TensorType outType = g.outputTypes(n).get(0);
    Padding pad = op.resolvedPadding(g.type(n.inputs().get(0)), g.type(n.inputs().get(1)));
    int batch = x.dim(0);
    int cin = x.dim(1);
    int h = x.dim(2);
    int wd = x.dim(3);
    int m = w.dim(0);
    int kh = w.dim(2);
    int kw = w.dim(3);
    int groups = op.groups();
    int cg = cin / groups;
    int mg = m / groups;
    int ho = outType.dim(2);
    int wo = outType.dim(3);
    int p = ho * wo;
    int k = cg * kh * kw;
    Operand xq = new Operand(x);
    Operand wq = new Operand(w);
    float s = xq.scale * wq.scale;
    float[] y = new float[Math.toIntExact(outType.size())];
    for (int img = 0; img < batch; img++) {
      for (int gi = 0; gi < groups; gi++) {
        // im2col A[p, k] and B[k, mg] = W^T of the group
        byte[] aq = isInt() ? new byte[p * k] : null;
        float[] af = isInt() ? null : new float[p * k];
        for (int oy = 0; oy < ho; oy++) {
          for (int ox = 0; ox < wo; ox++) {
            int row = (oy * wo + ox) * k;
            for (int c = 0; c < cg; c++) {
              int plane = ((img * cin) + gi * cg + c) * h;
              for (int r = 0; r < kh; r++) {
                int iy = oy * op.strideH() + r * op.dilationH() - pad.top();
                for (int t = 0; t < kw; t++) {
                  int ix = ox * op.strideW() + t * op.dilationW() - pad.left();
                  int col = row + (c * kh + r) * kw + t;
                  if (iy >= 0 && iy < h && ix >= 0 && ix < wd) {
                    int src = (plane + iy) * wd + ix;
                    if (isInt()) {
                      aq[col] = xq.q[src];
                    } else {
                      af[col] = xq.f[src];
                    }
                  }
                }
              }
            }
          }
        }
        byte[] bq = isInt() ? new byte[k * mg] : null;
        float[] bf = isInt() ? null : new float[k * mg];
        for (int mo = 0; mo < mg; mo++) {
          int base = (gi * mg + mo) * k;
          for (int kk = 0; kk < k; kk++) {
            if (isInt()) {
              bq[kk * mg + mo] = wq.q[base + kk];
            } else {
              bf[kk * mg + mo] = wq.f[base + kk];
            }
          }
        }
        float[] prod = product(aq, af, bq, bf, p, mg, k, s);
        for (int mo = 0; mo < mg; mo++) {
          int ch = gi * mg + mo;
          int dst = (img * m + ch) * p;
          for (int pi = 0; pi < p; pi++) {
            float v = prod[pi * mg + mo];
            y[dst + pi] = bias == null ? v : v + bias[ch];
          }
        }
      }
    }
    return Tensor.of(outType.shape(), y);
  }

  private Tensor gemm(Graph g, Node n, Gemm op, List<Tensor> in) {
    Tensor a = in.get(0);
    Tensor b = in.get(1);
    TensorType outType = g.outputTypes(n).get(0);
    int m = outType.dim(0);
    int nn = outType.dim(1);
    int k = op.transA() ? a.dim(0) : a.dim(1);
    Operand aq = new Operand(a);
    Operand bq = new Operand(b);
    byte[] ai = isInt() ? new byte[m * k] : null;
    float[] af = isInt() ? null : new float[m * k];
    for (int i = 0; i < m; i++) {
      for (int kk = 0; kk < k; kk++) {
        int src = op.transA() ? kk * m + i : i * k + kk;
        if (isInt()) {
          ai[i * k + kk] = aq.q[src];
        } else {
          af[i * k + kk] = aq.f[src];
        }
      }
    }
    byte[] bi = isInt() ? new byte[k * nn] : null;
    float[] bfl = isInt() ? null : new float[k * nn];
    for (int kk = 0; kk < k; kk++) {
      for (int j = 0; j < nn; j++) {
        int src = op.transB() ? j * k + kk : kk * nn + j;
        if (isInt()) {
          bi[kk * nn + j] = bq.q[src];
        } else {
          bfl[kk * nn + j] = bq.f[src];
        }
      }
    }
    float[] y = product(ai, af, bi, bfl, m, nn, k, aq.scale * bq.scale);
    float alpha = op.alpha();
    if (alpha != 1f) {
      for (int i = 0; i < y.length; i++) {
        y[i] = alpha * y[i];
      }
    }
    if (in.size() > 2 && op.beta() != 0) {
      Tensor c = in.get(2).toF32();
      int[] cd = c.dims();
      float[] cv = c.floats();
      int d0 = cd.length == 2 ? cd[0] : 1;
      int d1 = cd.length >= 1 ? cd[cd.length - 1] : 1;
      int si = d0 == 1 ? 0 : d1;
      int sj = d1 == 1 ? 0 : 1;
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < nn; j++) {
          y[i * nn + j] = y[i * nn + j] + op.beta() * cv[i * si + j * sj];
        }
      }
    }
    return Tensor.of(outType.shape(), y);
  }

  private Tensor matmul(Graph g, Node n, List<Tensor> in) {
    Tensor a = in.get(0);
    Tensor b = in.get(1);
    TensorType outType = g.outputTypes(n).get(0);
    int[] ad = a.rank() == 1 ? new int[] {1, a.dim(0)} : a.dims();
    int[] bd = b.rank() == 1 ? new int[] {b.dim(0), 1} : b.dims();
    int m = ad[ad.length - 2];
    int k = ad[ad.length - 1];
    int nn = bd[bd.length - 1];
    int[] aBatch = java.util.Arrays.copyOf(ad, ad.length - 2);
    int[] bBatch = java.util.Arrays.copyOf(bd, bd.length - 2);
    int rank = Math.max(aBatch.length, bBatch.length);
    int[] batch = new int[rank];
    int[] sa = new int[rank];
    int[] sb = new int[rank];
    int strideA = 1;
    int strideB = 1;
    for (int i = rank - 1; i >= 0; i--) {
      int da = i < rank - aBatch.length ? 1 : aBatch[i - (rank - aBatch.length)];
      int db = i < rank - bBatch.length ? 1 : bBatch[i - (rank - bBatch.length)];
      batch[i] = Math.max(da, db);
      sa[i] = da == 1 ? 0 : strideA;
      sb[i] = db == 1 ? 0 : strideB;
      strideA *= da;
      strideB *= db;
    }
    int batches = 1;
    for (int d : batch) {
      batches *= d;
    }
    Operand aq = new Operand(a);
    Operand bq = new Operand(b);
    float s = aq.scale * bq.scale;
    float[] y = new float[Math.toIntExact(outType.size())];
    int[] idx = new int[rank];
    for (int t = 0; t < batches; t++) {
      int ia = 0;
      int ib = 0;
      int rem = t;
      for (int d = rank - 1; d >= 0; d--) {
        idx[d] = rem % batch[d];
        rem /= batch[d];
        ia += idx[d] * sa[d];
        ib += idx[d] * sb[d];
      }
      int aOff = ia * m * k;
      int bOff = ib * k * nn;
      float[] prod =
          isInt()
              ? product(
                  java.util.Arrays.copyOfRange(aq.q, aOff, aOff + m * k),
                  null,
                  java.util.Arrays.copyOfRange(bq.q, bOff, bOff + k * nn),
                  null,
                  m,
                  nn,
                  k,
                  s)
              : product(
                  null,
                  java.util.Arrays.copyOfRange(aq.f, aOff, aOff + m * k),
                  null,
                  java.util.Arrays.copyOfRange(bq.f, bOff, bOff + k * nn),
                  m,
                  nn,
                  k,
                  s);
      System.arraycopy(prod, 0, y, t * m * nn, m * nn);
    }
    return Tensor.of(outType.shape(), y);
  }

  /** {@code A[m,k] · B[k,n]} on the array, dequantized with {@code s} (int8) or as summed. */
  private float[] product(
      byte[] aq, float[] af, byte[] bq, float[] bf, int m, int n, int k, float s) {
    float[] y = new float[m * n];
    if (isInt()) {
      int[] acc = int8Product(aq, bq, m, n, k);
      for (int i = 0; i < y.length; i++) {
        y[i] = (float) acc[i] * s;
      }
      return y;
    }
    return floatProduct(af, bf, m, n, k, config.rows(), config.dataflow());
  }

  /** int8 × int8 → int32 (wrapping) {@code A[m,k] · B[k,n]}; order-free. */
  static int[] int8Product(byte[] a, byte[] b, int m, int n, int k) {
    int[] acc = new int[m * n];
    for (int i = 0; i < m; i++) {
      int row = i * n;
      for (int kk = 0; kk < k; kk++) {
        int av = a[i * k + kk];
        if (av == 0) {
          continue;
        }
        int brow = kk * n;
        for (int j = 0; j < n; j++) {
          acc[row + j] += av * b[brow + j];
        }
      }
    }
    return acc;
  }

  /**
   * fp32 accumulation of exact products of fp16/bf16 values in the array's order: OS one chain over
   * {@code k}; WS/IS a chain per row fold of {@code rows}, the folds' sums added in order.
   */
  static float[] floatProduct(float[] a, float[] b, int m, int n, int k, int rows, Dataflow df) {
    float[] y = new float[m * n];
    int chunk = df == Dataflow.OS ? k : rows;
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        float acc = 0f;
        for (int k0 = 0; k0 < k; k0 += chunk) {
          float ps = 0f;
          int end = Math.min(k, k0 + chunk);
          for (int kk = k0; kk < end; kk++) {
            ps += a[i * k + kk] * b[kk * n + j];
          }
          acc = df == Dataflow.OS ? ps : acc + ps;
        }
        y[i * n + j] = acc;
      }
    }
    return y;
  }
}
