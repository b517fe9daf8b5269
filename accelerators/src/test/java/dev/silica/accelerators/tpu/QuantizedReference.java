package dev.silica.accelerators.tpu;

import dev.silica.numerics.IntegerFormat;
import dev.silica.numerics.arith.Mac;
import dev.silica.numerics.quant.AffineQuantizer;
import dev.silica.workloads.exec.Precision;
import dev.silica.workloads.exec.ReferenceExecutor;
import dev.silica.workloads.exec.Weights;
import dev.silica.workloads.ir.Conv2d;
import dev.silica.workloads.ir.Gemm;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.MatMul;
import dev.silica.workloads.ir.Node;
import dev.silica.workloads.ir.Padding;
import dev.silica.workloads.ir.TensorType;
import dev.silica.workloads.ir.Value;
import dev.silica.workloads.ir.ValueId;
import dev.silica.workloads.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The quantized reference executor the functional tier is compared with, written directly on the
 * numerics module (independent of the array's im2col, folding and product kernel): per-tensor
 * symmetric int8 quantization with {@link AffineQuantizer#symmetric} for both operands of every
 * {@code conv2d}, {@code gemm} and {@code matmul} (activations dynamically from the tensor the
 * layer receives), the products as direct loops over the op's own index formula (convolution:
 * {@code Σ_{c,r,s} X[n, g·C'+c, p·sH + r·dH − top, q·sW + s·dW − left] · W[m,c,r,s]}) through
 * {@link Mac#int8()} (int8 × int8 → int16 → int32), and the dequantization {@code y = fl(fl(acc) ·
 * fl(s_a · s_b))}, {@code fl(alpha · y)} when alpha ≠ 1, {@code + b} or {@code + fl(beta · C)} in
 * fp32. Every other node runs on the FP32 {@link ReferenceExecutor} (one node at a time).
 */
final class QuantizedReference {
  private final Mac mac = Mac.int8();

  Map<ValueId, Tensor> run(Graph g, Map<ValueId, Tensor> inputs, Weights weights) {
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
    try (ReferenceExecutor exec = new ReferenceExecutor(Precision.FP32, 1)) {
      for (Node n : g.nodes()) {
        List<Tensor> in = new ArrayList<>();
        for (ValueId id : n.inputs()) {
          in.add(env.get(id));
        }
        List<Tensor> out;
        TensorType ot = g.outputTypes(n).get(0);
        if (n.op() instanceof Conv2d c) {
          out = List.of(conv(g, n, c, in, ot));
        } else if (n.op() instanceof Gemm gm) {
          out = List.of(gemm(gm, in, ot));
        } else if (n.op() instanceof MatMul) {
          out = List.of(matmul(in, ot));
        } else {
          out = SystolicFunctional.reference(exec, g, n, in);
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
    return result;
  }

  /** int8 codes and the scale of one operand tensor. */
  private record Q(int[] q, float scale) {
    static Q of(Tensor t) {
      float[] x = t.toF32().floats();
      AffineQuantizer qz = AffineQuantizer.symmetric(IntegerFormat.INT8, x);
      return new Q(qz.quantize(x, t.dims()), qz.scales()[0]);
    }

    long bits(int i) {
      return q[i] & 0xFFL;
    }
  }

  private float dequant(long acc, float s) {
    return (float) (long) mac.value(acc) * s;
  }

  private Tensor conv(Graph g, Node n, Conv2d op, List<Tensor> in, TensorType ot) {
    Tensor x = in.get(0);
    Tensor w = in.get(1);
    float[] b = in.size() > 2 ? in.get(2).toF32().floats() : null;
    Padding p = op.resolvedPadding(g.type(n.inputs().get(0)), g.type(n.inputs().get(1)));
    Q xq = Q.of(x);
    Q wq = Q.of(w);
    float s = xq.scale() * wq.scale();
    int[] xd = x.dims();
    int[] wd = w.dims();
    int groups = op.groups();
    int cg = xd[1] / groups;
    int mg = wd[0] / groups;
    float[] y = new float[Math.toIntExact(ot.size())];
    int i = 0;
    for (int img = 0; img < xd[0]; img++) {
      for (int m = 0; m < wd[0]; m++) {
        int gi = m / mg;
        for (int oy = 0; oy < ot.dim(2); oy++) {
          for (int ox = 0; ox < ot.dim(3); ox++) {
            long acc = mac.zero();
            for (int c = 0; c < cg; c++) {
              for (int r = 0; r < wd[2]; r++) {
                int iy = oy * op.strideH() + r * op.dilationH() - p.top();
                for (int t = 0; t < wd[3]; t++) {
                  int ix = ox * op.strideW() + t * op.dilationW() - p.left();
                  if (iy < 0 || iy >= xd[2] || ix < 0 || ix >= xd[3]) {
                    continue;
                  }
                  int xi = ((img * xd[1] + gi * cg + c) * xd[2] + iy) * xd[3] + ix;
                  int wi = ((m * cg + c) * wd[2] + r) * wd[3] + t;
                  acc = mac.mac(acc, xq.bits(xi), wq.bits(wi));
                }
              }
            }
            float v = dequant(acc, s);
            y[i++] = b == null ? v : v + b[m];
          }
        }
      }
    }
    return Tensor.of(ot.shape(), y);
  }

  private Tensor gemm(Gemm op, List<Tensor> in, TensorType ot) {
    Q aq = Q.of(in.get(0));
    Q bq = Q.of(in.get(1));
    int m = ot.dim(0);
    int n = ot.dim(1);
    int k = op.transA() ? in.get(0).dim(0) : in.get(0).dim(1);
    float s = aq.scale() * bq.scale();
    Tensor c = in.size() > 2 && op.beta() != 0 ? in.get(2).toF32() : null;
    float[] y = new float[m * n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        long acc = mac.zero();
        for (int kk = 0; kk < k; kk++) {
          int ai = op.transA() ? kk * m + i : i * k + kk;
          int bi = op.transB() ? j * k + kk : kk * n + j;
          acc = mac.mac(acc, aq.bits(ai), bq.bits(bi));
        }
        float v = dequant(acc, s);
        if (op.alpha() != 1f) {
          v = op.alpha() * v;
        }
        if (c != null) {
          // C broadcast to [m, n] (NumPy rules, rank <= 2)
          int[] cd = c.dims();
          int ci = cd.length == 2 ? (cd[0] == 1 ? 0 : i) : 0;
          int cj = cd.length >= 1 && cd[cd.length - 1] != 1 ? j : 0;
          int width = cd.length >= 1 ? cd[cd.length - 1] : 1;
          v = v + op.beta() * c.floats()[ci * width + cj];
        }
        y[i * n + j] = v;
      }
    }
    return Tensor.of(ot.shape(), y);
  }

  private Tensor matmul(List<Tensor> in, TensorType ot) {
    Tensor a = in.get(0);
    Tensor b = in.get(1);
    Q aq = Q.of(a);
    Q bq = Q.of(b);
    float s = aq.scale() * bq.scale();
    int[] ad = a.rank() == 1 ? new int[] {1, a.dim(0)} : a.dims();
    int[] bd = b.rank() == 1 ? new int[] {b.dim(0), 1} : b.dims();
    int m = ad[ad.length - 2];
    int k = ad[ad.length - 1];
    int n = bd[bd.length - 1];
    int batches = Math.toIntExact(ot.size() / ((long) m * n));
    int rank = Math.max(ad.length, bd.length) - 2;
    float[] y = new float[Math.toIntExact(ot.size())];
    for (int t = 0; t < batches; t++) {
      // batch index t over the broadcast batch shape, mapped back to each operand's batch
      int aOff = 0;
      int bOff = 0;
      int rem = t;
      int aStride = 1;
      int bStride = 1;
      int[] batchShape = new int[rank];
      for (int d = 0; d < rank; d++) {
        int da = dimFromEnd(ad, 2 + rank - 1 - d);
        int db = dimFromEnd(bd, 2 + rank - 1 - d);
        batchShape[d] = Math.max(da, db);
      }
      for (int d = rank - 1; d >= 0; d--) {
        int idx = rem % batchShape[d];
        rem /= batchShape[d];
        int da = dimFromEnd(ad, 2 + rank - 1 - d);
        int db = dimFromEnd(bd, 2 + rank - 1 - d);
        aOff += (da == 1 ? 0 : idx) * aStride;
        bOff += (db == 1 ? 0 : idx) * bStride;
        aStride *= da;
        bStride *= db;
      }
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          long acc = mac.zero();
          for (int kk = 0; kk < k; kk++) {
            acc =
                mac.mac(
                    acc, aq.bits(aOff * m * k + i * k + kk), bq.bits(bOff * k * n + kk * n + j));
          }
          y[t * m * n + i * n + j] = dequant(acc, s);
        }
      }
    }
    return Tensor.of(ot.shape(), y);
  }

  /** Dimension {@code pos} counted from the end (0 = last), 1 when the operand has fewer. */
  private static int dimFromEnd(int[] dims, int pos) {
    int i = dims.length - 1 - pos;
    return i < 0 ? 1 : dims[i];
  }
}
