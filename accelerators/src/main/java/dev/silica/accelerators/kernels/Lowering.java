package dev.silica.accelerators.kernels;

import dev.silica.workloads.ir.Add;
import dev.silica.workloads.ir.AvgPool;
import dev.silica.workloads.ir.BatchNorm;
import dev.silica.workloads.ir.Cast;
import dev.silica.workloads.ir.CausalMask;
import dev.silica.workloads.ir.Concat;
import dev.silica.workloads.ir.Conv2d;
import dev.silica.workloads.ir.ConvInteger;
import dev.silica.workloads.ir.ConvTranspose2d;
import dev.silica.workloads.ir.DequantizeLinear;
import dev.silica.workloads.ir.Dropout;
import dev.silica.workloads.ir.Embedding;
import dev.silica.workloads.ir.Flatten;
import dev.silica.workloads.ir.Gelu;
import dev.silica.workloads.ir.Gemm;
import dev.silica.workloads.ir.GlobalAvgPool;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.Gru;
import dev.silica.workloads.ir.IterationSpace;
import dev.silica.workloads.ir.LayerNorm;
import dev.silica.workloads.ir.LeakyRelu;
import dev.silica.workloads.ir.LogSoftmax;
import dev.silica.workloads.ir.Lrn;
import dev.silica.workloads.ir.Lstm;
import dev.silica.workloads.ir.MatMul;
import dev.silica.workloads.ir.MatMulInteger;
import dev.silica.workloads.ir.MaxPool;
import dev.silica.workloads.ir.MaxUnpool;
import dev.silica.workloads.ir.Mul;
import dev.silica.workloads.ir.Node;
import dev.silica.workloads.ir.OneHot;
import dev.silica.workloads.ir.PRelu;
import dev.silica.workloads.ir.QLinearConv;
import dev.silica.workloads.ir.QLinearMatMul;
import dev.silica.workloads.ir.QuantizeLinear;
import dev.silica.workloads.ir.Relu;
import dev.silica.workloads.ir.Reshape;
import dev.silica.workloads.ir.Resize;
import dev.silica.workloads.ir.Rnn;
import dev.silica.workloads.ir.Sigmoid;
import dev.silica.workloads.ir.Softmax;
import dev.silica.workloads.ir.Tanh;
import dev.silica.workloads.ir.TensorType;
import dev.silica.workloads.ir.Transpose;
import dev.silica.workloads.ir.Upsample;
import dev.silica.workloads.ir.ValueId;
import java.util.ArrayList;
import java.util.List;

/**
 * Graph nodes to {@link Kernel} descriptors, as a CPU or GPU library would run them.
 *
 * <ul>
 *   <li>{@code conv2d} → one {@link Kernel.Conv} (the device picks im2col, direct, Winograd or
 *       implicit GEMM); a bias adds a {@link Kernel.Stream} over the output;
 *   <li>{@code conv_transpose2d} → GEMM to columns ({@code M = batch·H·W, N = cout/G·kh·kw, K =
 *       cin/G}) plus a col2im stream;
 *   <li>{@code gemm} → one {@link Kernel.Gemm}; {@code matmul} → one GEMM with the batch folded
 *       into M when B is a matrix, else one per batch;
 *   <li>{@code lstm}/{@code gru}/{@code rnn} → the input projection for all steps ({@code M = T·N,
 *       K = D}), then T recurrent products ({@code M = N, K = H}, shared weights), then the gate
 *       element-wise work as a stream;
 *   <li>reshape, flatten and inference dropout are views (no kernel);
 *   <li>everything else is a {@link Kernel.Stream}: it reads its operands, writes its output and
 *       does the iteration space's element operations and MACs.
 * </ul>
 *
 * <p><b>Batch scaling.</b> {@code batchScale} multiplies the batch dimension of every activation
 * (dimension 0, or 1 for the sequence-major recurrent input), so a batch-1 zoo graph can be priced
 * at batch B without rebuilding it (data-parallel shards, batch sweeps). Weights do not scale.
 */
public final class Lowering {
  private Lowering() {}

  /** The kernels of node {@code n} at the graph's own batch. */
  public static List<Kernel> lower(Graph g, Node n) {
    return lower(g, n, 1);
  }

  /**
   * The kernels of node {@code n} with every activation's batch multiplied by {@code batchScale}.
   */
  public static List<Kernel> lower(Graph g, Node n, long batchScale) {
    if (batchScale <= 0) {
      throw new IllegalArgumentException("batch scale must be positive, got " + batchScale);
    }
    List<TensorType> in = g.inputTypes(n);
    TensorType out = g.outputTypes(n).get(0);
    long s = batchScale;
    List<Kernel> k = new ArrayList<>();
    switch (n.op()) {
      case Conv2d c -> conv(c, in.get(0), in.get(1), out, s, in.size() > 2, k);
      case ConvTranspose2d c -> {
        TensorType x = in.get(0);
        TensorType w = in.get(1);
        long groups = c.groups();
        long m = (long) x.dim(0) * s * x.dim(2) * x.dim(3);
        long nn = (long) w.dim(1) * w.dim(2) * w.dim(3);
        long kk = x.dim(1) / groups;
        k.add(new Kernel.Gemm(m, nn, kk, groups, false));
        long cols = m * nn * groups;
        k.add(new Kernel.Stream("col2im", cols, out.size() * s, cols, 0));
      }
      case Gemm gm -> {
        TensorType a = in.get(0);
        long m = (long) out.dim(0) * s;
        long kk = gm.transA() ? a.dim(0) : a.dim(1);
        k.add(Kernel.Gemm.of(m, out.dim(1), kk));
        if (in.size() > 2) {
          k.add(new Kernel.Stream("bias", out.size() * s, out.size() * s, out.size() * s, 0));
        }
      }
      case MatMul mm -> matmul(in.get(0), in.get(1), out, s, k);
      // integer products: x is operand 0, w operand 3 (QLinear*) or 1 (*Integer); QLinear's
      // requantization is one elementwise pass over the output
      case QLinearConv q -> {
        conv(q.conv(), in.get(0), in.get(3), out, s, in.size() > 8, k);
        stream(g, n, s, k);
      }
      case ConvInteger q -> conv(q.conv(), in.get(0), in.get(1), out, s, false, k);
      case QLinearMatMul q -> {
        matmul(in.get(0), in.get(3), out, s, k);
        stream(g, n, s, k);
      }
      case MatMulInteger q -> matmul(in.get(0), in.get(1), out, s, k);
      case QuantizeLinear p -> stream(g, n, s, k);
      case DequantizeLinear p -> stream(g, n, s, k);
      case Cast p -> stream(g, n, s, k);
      case PRelu p -> stream(g, n, s, k);
      case LogSoftmax p -> stream(g, n, s, k);
      case Resize p -> stream(g, n, s, k);
      case Lstm r -> recurrent(g, n, in, s, k);
      case Gru r -> recurrent(g, n, in, s, k);
      case Rnn r -> recurrent(g, n, in, s, k);
      case Reshape r -> {}
      case Flatten r -> {}
      case Dropout r -> {}
      case MaxPool p -> stream(g, n, s, k);
      case AvgPool p -> stream(g, n, s, k);
      case GlobalAvgPool p -> stream(g, n, s, k);
      case Relu p -> stream(g, n, s, k);
      case LeakyRelu p -> stream(g, n, s, k);
      case Sigmoid p -> stream(g, n, s, k);
      case Tanh p -> stream(g, n, s, k);
      case Gelu p -> stream(g, n, s, k);
      case Add p -> stream(g, n, s, k);
      case Mul p -> stream(g, n, s, k);
      case Concat p -> stream(g, n, s, k);
      case BatchNorm p -> stream(g, n, s, k);
      case Lrn p -> stream(g, n, s, k);
      case Softmax p -> stream(g, n, s, k);
      case LayerNorm p -> stream(g, n, s, k);
      case Transpose p -> stream(g, n, s, k);
      case MaxUnpool p -> stream(g, n, s, k);
      case Upsample p -> stream(g, n, s, k);
      case Embedding p -> stream(g, n, s, k);
      case OneHot p -> stream(g, n, s, k);
      case CausalMask p -> stream(g, n, s, k);
    }
    return k;
  }

  private static void conv(
      Conv2d c, TensorType x, TensorType w, TensorType out, long s, boolean bias, List<Kernel> k) {
    k.add(
        new Kernel.Conv(
            x.dim(0) * s,
            x.dim(1),
            x.dim(2),
            x.dim(3),
            out.dim(1),
            w.dim(2),
            w.dim(3),
            c.strideH(),
            c.strideW(),
            out.dim(2),
            out.dim(3),
            c.groups()));
    if (bias) {
      k.add(new Kernel.Stream("bias", out.size() * s, out.size() * s, out.size() * s, 0));
    }
  }

  private static void matmul(TensorType a, TensorType b, TensorType out, long s, List<Kernel> k) {
    long m = a.rank() == 1 ? 1 : a.dim(-2);
    long kk = a.dim(-1);
    long nn = b.rank() == 1 ? 1 : b.dim(-1);
    long batch = out.size() / (m * nn) * s;
    k.add(
        b.rank() <= 2
            ? Kernel.Gemm.of(batch * m, nn, kk)
            : new Kernel.Gemm(m, nn, kk, batch, false));
  }

  private static void recurrent(Graph g, Node n, List<TensorType> in, long s, List<Kernel> k) {
    TensorType x = in.get(0);
    long steps = x.dim(0);
    long batch = x.dim(1) * s;
    long d = x.dim(2);
    long gh = in.get(1).dim(1);
    long h = in.get(2).dim(0);
    k.add(Kernel.Gemm.of(steps * batch, gh, d));
    k.add(new Kernel.Gemm(batch, gh, h, steps, true));
    IterationSpace it = g.iterationSpace(n);
    long gates = steps * batch * gh;
    k.add(new Kernel.Stream("gates", gates, steps * batch * h * 2, it.ops() * s, 0));
  }

  private static void stream(Graph g, Node n, long s, List<Kernel> k) {
    IterationSpace it = g.iterationSpace(n);
    long read = 0;
    for (ValueId id : n.inputs()) {
      long size = g.type(id).size();
      read += g.value(id).isInitializer() ? size : size * s;
    }
    long write = 0;
    for (ValueId id : n.outputs()) {
      write += g.type(id).size() * s;
    }
    k.add(new Kernel.Stream(n.op().kind(), read, write, it.ops() * s, it.macs() * s));
  }
}
