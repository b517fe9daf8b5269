package dev.silica.workloads.exec;

import dev.silica.workloads.ir.Add;
import dev.silica.workloads.ir.AvgPool;
import dev.silica.workloads.ir.BatchNorm;
import dev.silica.workloads.ir.Cast;
import dev.silica.workloads.ir.CausalMask;
import dev.silica.workloads.ir.Concat;
import dev.silica.workloads.ir.Conv2d;
import dev.silica.workloads.ir.ConvInteger;
import dev.silica.workloads.ir.ConvTranspose2d;
import dev.silica.workloads.ir.DType;
import dev.silica.workloads.ir.DequantizeLinear;
import dev.silica.workloads.ir.Dropout;
import dev.silica.workloads.ir.Embedding;
import dev.silica.workloads.ir.Flatten;
import dev.silica.workloads.ir.Gelu;
import dev.silica.workloads.ir.Gemm;
import dev.silica.workloads.ir.GlobalAvgPool;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.Gru;
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
import dev.silica.workloads.ir.Padding;
import dev.silica.workloads.ir.QLinearConv;
import dev.silica.workloads.ir.QLinearMatMul;
import dev.silica.workloads.ir.QuantizeLinear;
import dev.silica.workloads.ir.Relu;
import dev.silica.workloads.ir.Reshape;
import dev.silica.workloads.ir.Resize;
import dev.silica.workloads.ir.Rnn;
import dev.silica.workloads.ir.Shape;
import dev.silica.workloads.ir.Sigmoid;
import dev.silica.workloads.ir.Softmax;
import dev.silica.workloads.ir.Tanh;
import dev.silica.workloads.ir.TensorType;
import dev.silica.workloads.ir.Transpose;
import dev.silica.workloads.ir.Upsample;
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
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

/**
 * Silica's functional reference executor: runs a {@link Graph} on concrete tensors and returns its
 * outputs, the golden values the hardware models are checked against.
 *
 * <h2>Design</h2>
 *
 * <p><b>Data.</b> Tensors are dense, row-major NCHW ({@link Tensor}). In {@link Precision#FP32}
 * every floating activation is a {@code float[]}; in {@link Precision#FP64} a {@code double[]};
 * integer values (token indices, max-pool indices) are {@code long[]} in both. Weights ({@code f32}
 * from {@link SeededInit} or an importer) are widened once per run in FP64 mode. Nodes run in graph
 * (topological) order; after each node, every activation whose last reader has run and that is not
 * a graph output is dropped, so live memory is the working set, not the sum of all layers. Kernels
 * never write their operands; {@code reshape} and {@code flatten} are views of the operand storage
 * and {@code dropout} returns its operand.
 *
 * <p><b>Arithmetic.</b> The products ({@code conv2d}, {@code conv_transpose2d}, {@code gemm},
 * {@code matmul}) accumulate in the run's precision ({@link Blas32}/{@link Blas64}, {@link
 * Conv32}/{@link Conv64}). Every other op is evaluated in {@code double} ({@link Kernels}) and, in
 * FP32 mode, each result element is rounded to {@code float} once: these ops are therefore
 * correctly rounded in FP32 up to the libm error of {@code exp}/{@code tanh}/{@code pow}, and FP32
 * differs from FP64 through the product accumulations and the rounding of stored activations.
 *
 * <p><b>Determinism.</b> Products are split into disjoint output tiles run on a fixed pool of
 * {@code threads} workers; each output element is reduced by exactly one task in a fixed order
 * ({@code k} ascending, see {@link Blas32}), so outputs are bit-identical for any thread count and
 * across runs. All other kernels are sequential.
 *
 * <h2>Kernels and formulas</h2>
 *
 * <ul>
 *   <li>{@code conv2d}: {@code Y[n,m,p,q] = B[m] + Σ_{c,r,s} X[n, g·C'+c, p·sH + r·dH - top, q·sW +
 *       s·dW - left] · W[m,c,r,s]} with {@code g = m / M'}, zero outside the input; padding from
 *       {@link Conv2d#resolvedPadding} (explicit, asymmetric, SAME_UPPER/LOWER, VALID). Lowered to
 *       im2col + GEMM per image and group; a 1×1 stride-1 unpadded convolution uses {@code X}
 *       directly.
 *   <li>{@code conv_transpose2d}: {@code Y[n, g·M'+m, h·sH + r·dH - top, w·sW + s·dW - left] +=
 *       X[n, g·C'+c, h, w]·W[g·C'+c, m, r, s]} onto the bias; GEMM to columns then col2im.
 *   <li>{@code gemm}: {@code Y = alpha·A'·B' + beta·C}, {@code C} broadcast to {@code [M,N]}. With
 *       {@code alpha = 1} the product accumulates onto {@code beta·C} (so a fully connected layer
 *       is {@code b + Σ_k}); otherwise {@code alpha·P + beta·C} with {@code P} the plain product.
 *   <li>{@code matmul}: NumPy semantics: batch dimensions broadcast, a rank-1 operand promoted to
 *       {@code [1,K]} or {@code [K,1]} and the added dimension dropped; one GEMM per batch.
 *   <li>{@code maxpool}: maximum over the window clipped to the input (padding never wins; NaN
 *       propagates; ties keep the first in row-major window order). Ceil mode only changes the
 *       output size, fixed by the graph. Indices follow ONNX {@code MaxPool} ({@code storage_order
 *       = 0}): flat over the whole input, {@code ((n·C + c)·H + h)·W + w}.
 *   <li>{@code avgpool}: sum over the window clipped to the input, divided by the number of input
 *       elements, or with {@code countIncludePad} by the window clipped to the padded input (as
 *       PyTorch, so ceil-mode overhang beyond the padding never counts).
 *   <li>{@code global_avgpool}: mean over all dimensions after the second.
 *   <li>{@code relu} {@code max(0, x)}; {@code leaky_relu} {@code x ≥ 0 ? x : alpha·x}; {@code
 *       sigmoid} {@code 1/(1 + e^{-x})}; {@code tanh}; {@code gelu} {@code x·Φ(x) = ½x(1 +
 *       erf(x/√2))} with {@link Erf} (Cody), or {@code ½x(1 + tanh(√(2/π)(x + 0.044715x³)))}.
 *   <li>{@code add}, {@code mul}: NumPy broadcasting.
 *   <li>{@code concat}: copies along the axis.
 *   <li>{@code batchnorm}: {@code y = scale·((x - mean)/√(var + eps)) + bias} per channel.
 *   <li>{@code lrn} (ONNX): {@code y = x / (bias + alpha/size · Σ_{c'} x[c']²)^beta}, {@code c' ∈
 *       [c - ⌊(size-1)/2⌋, c + ⌈(size-1)/2⌉]} clipped to the channels.
 *   <li>{@code softmax}: {@code e^{x - max} / Σ e^{x - max}} along the axis.
 *   <li>{@code layernorm}: mean and biased variance over the dimensions from the axis on, {@code y
 *       = (x - mean)/√(var + eps)·scale + bias}.
 *   <li>{@code flatten}, {@code reshape}: views; {@code transpose}: permuted copy; {@code dropout}:
 *       identity (inference).
 *   <li>{@code lstm}: {@code A = x_t·Wx + h·Wh + b}, gates {@code i, f, o, g} ({@code σ, σ, σ,
 *       tanh}), {@code c = f⊙c + i⊙g}, {@code h = o⊙tanh(c)}; zero initial states unless given.
 *   <li>{@code gru}: {@code z, r, n} as {@link Gru} documents, both reset placements; {@code h = (1
 *       - z)⊙n + z⊙h}.
 *   <li>{@code rnn}: {@code h = act(x_t·Wx + h·Wh + b)}, tanh or ReLU.
 *   <li>{@code maxunpool} (ONNX): {@code Y.flat[I[e]] = X[e]}, zeros elsewhere, with {@code I} flat
 *       over the whole output tensor (so a {@code maxpool} index feeds it directly when the
 *       unpooled shape equals the pooled input's); an index outside the output is an error.
 *   <li>{@code upsample}: {@code Y[n,c,p,q] = X[n,c,⌊p/sH⌋,⌊q/sW⌋]}.
 *   <li>{@code embedding}: row {@code I[...]} of the table; an index outside {@code [0, V)} is an
 *       error naming the node.
 *   <li>{@code causal_mask}: entries with column {@code >} row in the last two dimensions become
 *       {@code fill}.
 *   <li>{@code prelu} {@code x ≥ 0 ? x : slope·x}, slope broadcast; {@code log_softmax} {@code x -
 *       max - ln Σ e^{x - max}}; {@code resize}: the source index {@link
 *       dev.silica.workloads.ir.Resize#source} of each output row and column; {@code maxunpool}
 *       with an output size writes the unpooled block at the top-left.
 *   <li>{@code cast}: to a floating type, rounded to nearest even at that type's precision (f16 and
 *       bf16 through float, which is correctly rounded) and stored in the run's precision; to an
 *       integer type, truncated toward zero and wrapped; integer to integer wraps.
 *   <li>Quantized ops ({@link QuantKernels}): integer arithmetic in {@code long}, exact and the
 *       same in both precisions; {@code quantize_linear} and the requantization of {@code
 *       qlinear_matmul}/{@code qlinear_conv} use float32 as ONNX defines them, rounding half to
 *       even and saturating; {@code dequantize_linear} multiplies in the run's precision.
 * </ul>
 *
 * <p>Integer tensors ({@code i64} storage for every integer type; an {@code f16}/{@code bf16} value
 * is stored as a float of the run's precision holding a value of that type) pass through the
 * data-movement ops ({@code reshape}, {@code flatten}, {@code concat}, {@code embedding} tables)
 * unchanged; an op that computes in {@code double} on integers ({@code add}, {@code transpose},
 * ...) is exact up to {@code 2⁵³} and its result is stored back as {@code i64}, wrapped to the
 * declared width ({@code i8}, {@code u8}, {@code i32}) as ONNX integer arithmetic wraps.
 *
 * <p>An executor owns a thread pool: close it when done. One executor may run many graphs, one at a
 * time.
 */
public final class ReferenceExecutor implements AutoCloseable {
  private final Precision precision;
  private final Parallel par;
  private long peakLiveBytes;

  /** FP32 on {@link Runtime#availableProcessors()} threads. */
  public ReferenceExecutor() {
    this(Precision.FP32);
  }

  /** The given precision on {@link Runtime#availableProcessors()} threads. */
  public ReferenceExecutor(Precision precision) {
    this(precision, Runtime.getRuntime().availableProcessors());
  }

  public ReferenceExecutor(Precision precision, int threads) {
    this.precision = java.util.Objects.requireNonNull(precision, "precision");
    this.par = new Parallel(threads);
  }

  public Precision precision() {
    return precision;
  }

  public int threads() {
    return par.threads();
  }

  @Override
  public void close() {
    par.close();
  }

  /**
   * The largest total size of the activations held at once during the last {@link #run} (after each
   * node, before dropping the dead ones), in bytes of their storage; views are counted like copies,
   * so this is an upper bound. Inputs and weights are not included.
   */
  public long peakLiveBytes() {
    return peakLiveBytes;
  }

  private static long bytes(Tensor t) {
    return (long) t.size() * t.dtype().bytes();
  }

  /**
   * Runs {@code g} and returns its outputs in declaration order.
   *
   * @param inputs a tensor for every input of {@code g} ({@code f32} or {@code f64} for floating
   *     inputs, {@code i64} for integer ones), shaped as declared
   * @param weights a tensor for every parameter and buffer; a buffer with a literal may be absent
   * @throws ExecException when an input or weight is missing or mistyped, or data is out of range
   */
  public Map<ValueId, Tensor> run(Graph g, Map<ValueId, Tensor> inputs, Weights weights) {
    return run(g, inputs, weights, null);
  }

  /**
   * A hook into {@link #run(Graph, Map, Weights, NodeHook)}: it may compute a node itself and sees
   * (and may replace) every node's results before they are stored. The quantized executor ({@code
   * dev.silica.workloads.quant}) uses it to calibrate and to emulate number formats; a plain run
   * has none.
   */
  public interface NodeHook {
    /**
     * Results of {@code n} computed by the hook, or {@code null} to run the executor's kernel.
     *
     * @param inputs the operand tensors in the run's precision, read only
     */
    default List<Tensor> compute(Graph g, Node n, List<Tensor> inputs) {
      return null;
    }

    /**
     * The results to store for {@code n}: {@code outputs} itself or replacements of equal shape.
     */
    default List<Tensor> after(Graph g, Node n, List<Tensor> inputs, List<Tensor> outputs) {
      return outputs;
    }
  }

  /**
   * {@link #run(Graph, Map, Weights)} with a {@link NodeHook} called for every node in graph order
   * ({@code hook} may be {@code null}). The hook runs on the calling thread.
   */
  public Map<ValueId, Tensor> run(
      Graph g, Map<ValueId, Tensor> inputs, Weights weights, NodeHook hook) {
    Map<ValueId, Tensor> env = new HashMap<>();
    for (Value v : g.inputs()) {
      Tensor t = inputs.get(v.id());
      if (t == null) {
        throw new ExecException(
            v.id()
                + ": no tensor given for input "
                + v.type()
                + " (inputs: "
                + g.inputs().stream().map(x -> x.id().toString()).toList()
                + ")");
      }
      Weights.checkType(v.id(), v.type(), t);
      env.put(v.id(), toMode(t));
    }
    for (ValueId id : inputs.keySet()) {
      Value v = g.value(id);
      if (v.kind() != ValueKind.INPUT) {
        throw new ExecException(id + ": is a " + v.kind() + ", not an input of " + g.name());
      }
    }
    for (Value v : g.initializers()) {
      Tensor t;
      if (weights.contains(v.id())) {
        t = weights.get(v.id());
        Weights.checkType(v.id(), v.type(), t);
      } else if (!v.literal().isEmpty()) {
        float[] lit = new float[v.literal().size()];
        for (int i = 0; i < lit.length; i++) {
          lit[i] = v.literal().get(i);
        }
        t = Tensor.of(v.type().shape(), lit);
        if (v.type().dtype().isIntegral()) {
          t = t.toI64();
        }
      } else {
        throw new ExecException(v.id() + ": no weight given for " + v.kind() + " " + v.type());
      }
      env.put(v.id(), toMode(t));
    }
    Set<ValueId> outputs = new HashSet<>(g.outputs());
    Map<ValueId, Integer> lastUse = new HashMap<>();
    List<Node> nodes = g.nodes();
    for (int i = 0; i < nodes.size(); i++) {
      for (ValueId in : nodes.get(i).inputs()) {
        lastUse.put(in, i);
      }
    }
    long live = 0;
    peakLiveBytes = 0;
    for (int i = 0; i < nodes.size(); i++) {
      Node n = nodes.get(i);
      List<Tensor> ins = new ArrayList<>(n.inputs().size());
      for (ValueId in : n.inputs()) {
        ins.add(env.get(in));
      }
      List<Tensor> outs;
      try {
        outs = hook == null ? null : hook.compute(g, n, ins);
        if (outs == null) {
          outs = execute(g, n, ins);
        }
        if (hook != null) {
          outs = hook.after(g, n, ins, outs);
        }
      } catch (ExecException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new IllegalStateException(n.name() + ": " + e, e);
      }
      for (int k = 0; k < outs.size(); k++) {
        ValueId o = n.outputs().get(k);
        Tensor t = outs.get(k);
        // integer data moved through a kernel that computes in double comes back as integers,
        // wrapped to the declared width (ONNX integer arithmetic is modular)
        t = g.type(o).dtype().isIntegral() ? integral(t, g.type(o).dtype()) : t;
        env.put(o, t);
        live += bytes(t);
      }
      peakLiveBytes = Math.max(peakLiveBytes, live);
      for (ValueId o : n.outputs()) {
        if (!lastUse.containsKey(o) && !outputs.contains(o)) {
          live -= bytes(env.remove(o)); // a result nobody reads (e.g. unused final LSTM state)
        }
      }
      for (ValueId in : n.inputs()) {
        if (lastUse.get(in) == i
            && !outputs.contains(in)
            && g.value(in).kind() == ValueKind.ACTIVATION) {
          Tensor dead = env.remove(in);
          if (dead != null) {
            live -= bytes(dead);
          }
        }
      }
    }
    Map<ValueId, Tensor> result = new LinkedHashMap<>();
    for (ValueId o : g.outputs()) {
      result.put(o, env.get(o));
    }
    return result;
  }

  private static Tensor integral(Tensor t, DType declared) {
    Tensor i = t.toI64();
    if (declared == DType.I64) {
      return i;
    }
    long[] v = i.longs();
    long[] w = null;
    for (int k = 0; k < v.length; k++) {
      long r = QuantKernels.wrap(declared, v[k]);
      if (r != v[k]) {
        w = w == null ? v.clone() : w;
        w[k] = r;
      }
    }
    return w == null ? i : Tensor.of(t.shape(), w);
  }

  private Tensor toMode(Tensor t) {
    if (t.dtype().isIntegral()) {
      return t;
    }
    return fp32() ? t.toF32() : t.toF64();
  }

  private boolean fp32() {
    return precision == Precision.FP32;
  }

  // ---------------------------------------------------------------- dispatch

  private List<Tensor> execute(Graph g, Node n, List<Tensor> in) {
    TensorType outType = g.type(n.output());
    Shape out = outType.shape();
    Tensor x = in.get(0);
    return switch (n.op()) {
      case Conv2d op -> List.of(conv(g, n, op, in, out));
      case ConvTranspose2d op -> List.of(convTranspose(op, in, out));
      case Gemm op -> List.of(gemm(op, in, out));
      case MatMul op -> List.of(matmul(in, out));
      case MaxPool op -> maxPool(g, n, op, x, out);
      case AvgPool op -> {
        Padding p =
            resolve(op.padding(), x, op.kernelH(), op.kernelW(), op.strideH(), op.strideW());
        yield List.of(
            wrap(
                Kernels.avgPool(
                    d(x),
                    x.dims(),
                    out.dim(2),
                    out.dim(3),
                    op.kernelH(),
                    op.kernelW(),
                    op.strideH(),
                    op.strideW(),
                    p.top(),
                    p.left(),
                    p.bottom(),
                    p.right(),
                    op.countIncludePad()),
                out));
      }
      case GlobalAvgPool op ->
          List.of(
              wrap(
                  Kernels.globalAvgPool(
                      d(x), x.dim(0) * x.dim(1), x.size() / (x.dim(0) * x.dim(1))),
                  out));
      case Relu op -> List.of(relu(x));
      case LeakyRelu op -> List.of(map(x, v -> v >= 0 ? v : op.alpha() * v));
      case Sigmoid op -> List.of(map(x, Kernels::sigmoid));
      case Tanh op -> List.of(map(x, Math::tanh));
      case Gelu op -> List.of(map(x, v -> Kernels.gelu(v, op.tanhApproximation())));
      case Add op -> List.of(binary(x, in.get(1), out, false));
      case Mul op -> List.of(binary(x, in.get(1), out, true));
      case Concat op -> List.of(concat(op, in, out));
      case BatchNorm op -> List.of(batchNorm(op, in));
      case Lrn op ->
          List.of(
              wrap(Kernels.lrn(d(x), x.dims(), op.size(), op.alpha(), op.beta(), op.bias()), out));
      case Softmax op -> {
        int axis = op.axis() < 0 ? op.axis() + x.rank() : op.axis();
        int outer = prod(x, 0, axis);
        int inner = prod(x, axis + 1, x.rank());
        yield List.of(wrap(Kernels.softmax(d(x), outer, x.dim(axis), inner), out));
      }
      case LayerNorm op -> {
        int axis = op.axis() < 0 ? op.axis() + x.rank() : op.axis();
        yield List.of(
            wrap(
                Kernels.layerNorm(
                    d(x), prod(x, axis, x.rank()), d(in.get(1)), d(in.get(2)), op.epsilon()),
                out));
      }
      case Flatten op -> List.of(x.reshape(out));
      case Reshape op -> List.of(x.reshape(out));
      case Transpose op ->
          List.of(
              wrap(
                  Kernels.transpose(
                      d(x), x.dims(), op.perm().stream().mapToInt(Integer::intValue).toArray()),
                  out));
      case Dropout op -> List.of(x);
      case Lstm op -> lstm(op, in);
      case Gru op -> gru(op, in);
      case Rnn op -> rnn(op, in);
      case MaxUnpool op -> List.of(maxUnpool(n, op, in, out));
      case Upsample op ->
          List.of(wrap(Kernels.upsample(d(x), x.dims(), op.scaleH(), op.scaleW()), out));
      case Embedding op -> List.of(embedding(n, in, out));
      case OneHot op -> List.of(oneHot(n, op, in.get(0), out));
      case CausalMask op -> List.of(causalMask(op, x));
      case PRelu op -> List.of(prelu(x, in.get(1), out));
      case LogSoftmax op -> {
        int axis = op.axis() < 0 ? op.axis() + x.rank() : op.axis();
        int outer = prod(x, 0, axis);
        int inner = prod(x, axis + 1, x.rank());
        yield List.of(wrap(Kernels.logSoftmax(d(x), outer, x.dim(axis), inner), out));
      }
      case Cast op -> List.of(cast(x, g.type(n.inputs().getFirst()).dtype(), op.to()));
      case QuantizeLinear op -> {
        int axis = in.get(1).size() == 1 ? 0 : (op.axis() < 0 ? op.axis() + x.rank() : op.axis());
        yield List.of(
            Tensor.of(
                out,
                QuantKernels.quantize(
                    d(x),
                    x.dims(),
                    axis,
                    d(in.get(1)),
                    in.size() > 2 ? in.get(2).longs() : null,
                    outType.dtype())));
      }
      case DequantizeLinear op -> {
        int axis = in.get(1).size() == 1 ? 0 : (op.axis() < 0 ? op.axis() + x.rank() : op.axis());
        double[] y =
            QuantKernels.dequantize(
                x.longs(),
                x.dims(),
                axis,
                d(in.get(1)),
                in.size() > 2 ? in.get(2).longs() : null,
                fp32());
        yield List.of(wrap(y, out));
      }
      case MatMulInteger op ->
          List.of(
              Tensor.of(
                  out,
                  QuantKernels.wrapI32(
                      integerMatmul(
                          x,
                          in.get(1),
                          in.size() > 2 ? in.get(2).longs() : new long[1],
                          in.size() > 2 ? in.get(3).longs() : new long[1],
                          out))));
      case QLinearMatMul op -> {
        long[] acc =
            QuantKernels.wrapI32(
                integerMatmul(x, in.get(3), in.get(2).longs(), in.get(5).longs(), out));
        yield List.of(
            Tensor.of(
                out,
                QuantKernels.requantize(
                    acc,
                    (float) in.get(1).getDouble(0),
                    new float[] {(float) in.get(4).getDouble(0)},
                    (float) in.get(6).getDouble(0),
                    in.get(7).longs()[0],
                    outType.dtype(),
                    1)));
      }
      case ConvInteger op -> {
        long[] acc =
            integerConv(
                g,
                n,
                op.conv(),
                x,
                in.get(1),
                null,
                in.size() > 2 ? in.get(2).longs()[0] : 0,
                in.size() > 2 ? in.get(3).longs() : new long[1],
                out);
        yield List.of(Tensor.of(out, QuantKernels.wrapI32(acc)));
      }
      case Resize op -> List.of(wrap(resize(op, d(x), x.dims(), out), out));
      case QLinearConv op -> {
        long[] acc =
            QuantKernels.wrapI32(
                integerConv(
                    g,
                    n,
                    op.conv(),
                    x,
                    in.get(3),
                    in.size() > 8 ? in.get(8).longs() : null,
                    in.get(2).longs()[0],
                    in.get(5).longs(),
                    out));
        double[] ws = d(in.get(4));
        float[] wScale = new float[ws.length];
        for (int i = 0; i < ws.length; i++) {
          wScale[i] = (float) ws[i];
        }
        yield List.of(
            Tensor.of(
                out,
                QuantKernels.requantize(
                    acc,
                    (float) in.get(1).getDouble(0),
                    wScale,
                    (float) in.get(6).getDouble(0),
                    in.get(7).longs()[0],
                    outType.dtype(),
                    out.dim(2) * out.dim(3))));
      }
    };
  }

  private static double[] resize(Resize op, double[] x, int[] d, Shape out) {
    int h = d[2];
    int w = d[3];
    int p = out.dim(2);
    int q = out.dim(3);
    int[] rows = new int[p];
    int[] cols = new int[q];
    for (int i = 0; i < p; i++) {
      rows[i] = op.source(i, h, p, op.scaleH());
    }
    for (int j = 0; j < q; j++) {
      cols[j] = op.source(j, w, q, op.scaleW());
    }
    double[] y = new double[d[0] * d[1] * p * q];
    for (int plane = 0, o = 0; plane < d[0] * d[1]; plane++) {
      int base = plane * h * w;
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < q; j++) {
          y[o++] = x[base + rows[i] * w + cols[j]];
        }
      }
    }
    return y;
  }

  // ---------------------------------------------------------------- quantized and cast

  private Tensor prelu(Tensor x, Tensor slope, Shape out) {
    double[] v = d(x);
    double[] s = d(slope);
    int[] ss = Kernels.broadcastStrides(slope.dims(), x.dims());
    int[] dims = x.dims();
    double[] y = new double[v.length];
    int[] idx = new int[dims.length];
    for (int i = 0; i < v.length; i++) {
      int so = 0;
      for (int k = 0; k < dims.length; k++) {
        so += idx[k] * ss[k];
      }
      y[i] = v[i] >= 0 ? v[i] : s[so] * v[i];
      for (int k = dims.length - 1; k >= 0 && ++idx[k] == dims[k]; k--) {
        idx[k] = 0;
      }
    }
    return wrap(y, out);
  }

  /** ONNX Cast; floating results are rounded to the target's precision in either mode. */
  private Tensor cast(Tensor x, DType from, DType to) {
    int n = x.size();
    if (to.isIntegral()) {
      long[] y = new long[n];
      if (from.isIntegral()) {
        long[] v = x.longs();
        for (int i = 0; i < n; i++) {
          y[i] = QuantKernels.wrap(to, v[i]);
        }
      } else {
        for (int i = 0; i < n; i++) {
          y[i] = QuantKernels.toInteger(to, x.getDouble(i));
        }
      }
      return Tensor.of(x.shape(), y);
    }
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = QuantKernels.roundTo(to, x.getDouble(i));
    }
    return wrap(y, x.shape());
  }

  /** Integer batched matmul with NumPy batch broadcasting; zero points of 1, M or N entries. */
  private static long[] integerMatmul(Tensor a, Tensor b, long[] aZp, long[] bZp, Shape out) {
    int[] ad = a.rank() == 1 ? new int[] {1, a.dim(0)} : a.dims();
    int[] bd = b.rank() == 1 ? new int[] {b.dim(0), 1} : b.dims();
    int m = ad[ad.length - 2];
    int k = ad[ad.length - 1];
    int nn = bd[bd.length - 1];
    int[] aBatch = java.util.Arrays.copyOf(ad, ad.length - 2);
    int[] bBatch = java.util.Arrays.copyOf(bd, bd.length - 2);
    int rank = Math.max(aBatch.length, bBatch.length);
    int[] batch = new int[rank];
    for (int i = 0; i < rank; i++) {
      int da = i < rank - aBatch.length ? 1 : aBatch[i - (rank - aBatch.length)];
      int db = i < rank - bBatch.length ? 1 : bBatch[i - (rank - bBatch.length)];
      batch[i] = Math.max(da, db);
    }
    int[] sa = Kernels.broadcastStrides(aBatch, batch);
    int[] sb = Kernels.broadcastStrides(bBatch, batch);
    int batches = (int) (out.size() / ((long) m * nn));
    int[] aOff = new int[batches];
    int[] bOff = new int[batches];
    for (int t = 0; t < batches; t++) {
      int ia = 0;
      int ib = 0;
      int rem = t;
      for (int d = rank - 1; d >= 0; d--) {
        int id = rem % batch[d];
        rem /= batch[d];
        ia += id * sa[d];
        ib += id * sb[d];
      }
      aOff[t] = ia * m * k;
      bOff[t] = ib * k * nn;
    }
    return QuantKernels.matmul(a.longs(), b.longs(), aOff, bOff, m, k, nn, aZp, bZp);
  }

  private static long[] integerConv(
      Graph g,
      Node n,
      Conv2d op,
      Tensor x,
      Tensor w,
      long[] bias,
      long xZp,
      long[] wZp,
      Shape out) {
    Padding p = op.resolvedPadding(x.type(), w.type());
    return QuantKernels.conv(
        x.longs(),
        x.dims(),
        w.longs(),
        w.dims(),
        bias,
        out.dim(2),
        out.dim(3),
        op.strideH(),
        op.strideW(),
        op.dilationH(),
        op.dilationW(),
        p.top(),
        p.left(),
        op.groups(),
        xZp,
        wZp);
  }

  // ---------------------------------------------------------------- conversions

  /** The elements as {@code double}: the storage itself in FP64 mode (read only), else a copy. */
  private static double[] d(Tensor t) {
    return t.dtype() == DType.F64 ? t.doubles() : t.toDoubleArray();
  }

  /** A result computed in {@code double}, stored in the run's precision. */
  private Tensor wrap(double[] data, Shape shape) {
    if (!fp32()) {
      return Tensor.of(shape, data);
    }
    float[] f = new float[data.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) data[i];
    }
    return Tensor.of(shape, f);
  }

  private Tensor map(Tensor x, DoubleUnaryOperator fn) {
    double[] v = d(x);
    double[] y = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      y[i] = fn.applyAsDouble(v[i]);
    }
    return wrap(y, x.shape());
  }

  private static int prod(Tensor x, int from, int to) {
    int p = 1;
    for (int i = from; i < to; i++) {
      p *= x.dim(i);
    }
    return p;
  }

  private static Padding resolve(Padding p, Tensor x, int kh, int kw, int sh, int sw) {
    return p.resolved(x.dim(2), x.dim(3), kh, kw, sh, sw);
  }

  // ---------------------------------------------------------------- products

  private Tensor conv(Graph g, Node n, Conv2d op, List<Tensor> in, Shape out) {
    Tensor x = in.get(0);
    Tensor w = in.get(1);
    Tensor b = in.size() > 2 ? in.get(2) : null;
    Padding p = op.resolvedPadding(g.type(n.inputs().get(0)), g.type(n.inputs().get(1)));
    int outSize = Math.toIntExact(out.size());
    if (fp32()) {
      float[] y = new float[outSize];
      Conv32.conv(
          x.floats(),
          x.dim(0),
          x.dim(1),
          x.dim(2),
          x.dim(3),
          w.floats(),
          w.dim(0),
          w.dim(2),
          w.dim(3),
          b == null ? null : b.floats(),
          y,
          out.dim(2),
          out.dim(3),
          op.strideH(),
          op.strideW(),
          op.dilationH(),
          op.dilationW(),
          p.top(),
          p.left(),
          op.groups(),
          par);
      return Tensor.of(out, y);
    }
    double[] y = new double[outSize];
    Conv64.conv(
        x.doubles(),
        x.dim(0),
        x.dim(1),
        x.dim(2),
        x.dim(3),
        w.doubles(),
        w.dim(0),
        w.dim(2),
        w.dim(3),
        b == null ? null : b.doubles(),
        y,
        out.dim(2),
        out.dim(3),
        op.strideH(),
        op.strideW(),
        op.dilationH(),
        op.dilationW(),
        p.top(),
        p.left(),
        op.groups(),
        par);
    return Tensor.of(out, y);
  }

  private Tensor convTranspose(ConvTranspose2d op, List<Tensor> in, Shape out) {
    Tensor x = in.get(0);
    Tensor w = in.get(1);
    Tensor b = in.size() > 2 ? in.get(2) : null;
    Padding p = op.padding();
    int m = out.dim(1);
    int outSize = Math.toIntExact(out.size());
    if (fp32()) {
      float[] y = new float[outSize];
      Conv32.convTranspose(
          x.floats(),
          x.dim(0),
          x.dim(1),
          x.dim(2),
          x.dim(3),
          w.floats(),
          m,
          w.dim(2),
          w.dim(3),
          b == null ? null : b.floats(),
          y,
          out.dim(2),
          out.dim(3),
          op.strideH(),
          op.strideW(),
          op.dilationH(),
          op.dilationW(),
          p.top(),
          p.left(),
          op.groups(),
          par);
      return Tensor.of(out, y);
    }
    double[] y = new double[outSize];
    Conv64.convTranspose(
        x.doubles(),
        x.dim(0),
        x.dim(1),
        x.dim(2),
        x.dim(3),
        w.doubles(),
        m,
        w.dim(2),
        w.dim(3),
        b == null ? null : b.doubles(),
        y,
        out.dim(2),
        out.dim(3),
        op.strideH(),
        op.strideW(),
        op.dilationH(),
        op.dilationW(),
        p.top(),
        p.left(),
        op.groups(),
        par);
    return Tensor.of(out, y);
  }

  private Tensor gemm(Gemm op, List<Tensor> in, Shape out) {
    Tensor a = in.get(0);
    Tensor b = in.get(1);
    int m = out.dim(0);
    int n = out.dim(1);
    int k = op.transA() ? a.dim(0) : a.dim(1);
    int asi = op.transA() ? 1 : k;
    int ask = op.transA() ? m : 1;
    int bsk = op.transB() ? 1 : n;
    int bsj = op.transB() ? k : 1;
    boolean hasC = in.size() > 2 && op.beta() != 0;
    int[] cStrides = hasC ? Kernels.broadcastStrides(in.get(2).dims(), new int[] {m, n}) : null;
    if (fp32()) {
      float[] y = new float[m * n];
      float[] c = hasC ? in.get(2).floats() : null;
      float beta = op.beta();
      float alpha = op.alpha();
      float[] p = alpha == 1f ? y : new float[m * n];
      if (hasC) {
        for (int i = 0; i < m; i++) {
          for (int j = 0; j < n; j++) {
            y[i * n + j] = beta * c[i * cStrides[0] + j * cStrides[1]];
          }
        }
      }
      Blas32.gemm(m, n, k, a.floats(), 0, asi, ask, b.floats(), 0, bsk, bsj, p, 0, n, par);
      if (p != y) {
        for (int i = 0; i < y.length; i++) {
          y[i] = alpha * p[i] + y[i];
        }
      }
      return Tensor.of(out, y);
    }
    double[] y = new double[m * n];
    double[] c = hasC ? in.get(2).doubles() : null;
    double beta = op.beta();
    double alpha = op.alpha();
    double[] p = alpha == 1.0 ? y : new double[m * n];
    if (hasC) {
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          y[i * n + j] = beta * c[i * cStrides[0] + j * cStrides[1]];
        }
      }
    }
    Blas64.gemm(m, n, k, a.doubles(), 0, asi, ask, b.doubles(), 0, bsk, bsj, p, 0, n, par);
    if (p != y) {
      for (int i = 0; i < y.length; i++) {
        y[i] = alpha * p[i] + y[i];
      }
    }
    return Tensor.of(out, y);
  }

  private Tensor matmul(List<Tensor> in, Shape out) {
    Tensor a = in.get(0);
    Tensor b = in.get(1);
    int[] ad = a.rank() == 1 ? new int[] {1, a.dim(0)} : a.dims();
    int[] bd = b.rank() == 1 ? new int[] {b.dim(0), 1} : b.dims();
    int m = ad[ad.length - 2];
    int k = ad[ad.length - 1];
    int n = bd[bd.length - 1];
    int[] aBatch = java.util.Arrays.copyOf(ad, ad.length - 2);
    int[] bBatch = java.util.Arrays.copyOf(bd, bd.length - 2);
    int rank = Math.max(aBatch.length, bBatch.length);
    int[] batch = new int[rank];
    for (int i = 0; i < rank; i++) {
      int da = i < rank - aBatch.length ? 1 : aBatch[i - (rank - aBatch.length)];
      int db = i < rank - bBatch.length ? 1 : bBatch[i - (rank - bBatch.length)];
      batch[i] = Math.max(da, db);
    }
    int[] sa = Kernels.broadcastStrides(aBatch, batch);
    int[] sb = Kernels.broadcastStrides(bBatch, batch);
    int batches = 1;
    for (int d : batch) {
      batches *= d;
    }
    int outSize = Math.toIntExact(out.size());
    float[] yf = fp32() ? new float[outSize] : null;
    double[] yd = fp32() ? null : new double[outSize];
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
      int bOff = ib * k * n;
      int yOff = t * m * n;
      if (fp32()) {
        Blas32.gemm(m, n, k, a.floats(), aOff, k, 1, b.floats(), bOff, n, 1, yf, yOff, n, par);
      } else {
        Blas64.gemm(m, n, k, a.doubles(), aOff, k, 1, b.doubles(), bOff, n, 1, yd, yOff, n, par);
      }
    }
    return fp32() ? Tensor.of(out, yf) : Tensor.of(out, yd);
  }

  // ---------------------------------------------------------------- element-wise fast paths

  private Tensor relu(Tensor x) {
    if (fp32()) {
      float[] v = x.floats();
      float[] y = new float[v.length];
      for (int i = 0; i < v.length; i++) {
        y[i] = Math.max(0f, v[i]);
      }
      return Tensor.of(x.shape(), y);
    }
    return map(x, v -> Math.max(0, v));
  }

  /** Add or multiply; same-shape {@code float} operands skip the widening (same result). */
  private Tensor binary(Tensor a, Tensor b, Shape out, boolean multiply) {
    if (fp32() && a.dtype() == DType.F32 && b.dtype() == DType.F32 && a.shape().equals(b.shape())) {
      float[] x = a.floats();
      float[] z = b.floats();
      float[] y = new float[x.length];
      for (int i = 0; i < y.length; i++) {
        y[i] = multiply ? x[i] * z[i] : x[i] + z[i];
      }
      return Tensor.of(out, y);
    }
    return wrap(Kernels.broadcast(d(a), a.dims(), d(b), b.dims(), out.toArray(), multiply), out);
  }

  private Tensor batchNorm(BatchNorm op, List<Tensor> in) {
    Tensor x = in.get(0);
    double[] scale = d(in.get(1));
    double[] bias = d(in.get(2));
    double[] mean = d(in.get(3));
    double[] var = d(in.get(4));
    if (!fp32()) {
      return Tensor.of(
          x.shape(),
          Kernels.batchNorm(x.doubles(), x.dims(), scale, bias, mean, var, op.epsilon()));
    }
    // Same formula as Kernels.batchNorm, reading and writing float directly.
    float[] v = x.floats();
    float[] y = new float[v.length];
    int c = x.dim(1);
    int inner = prod(x, 2, x.rank());
    for (int o = 0; o < v.length; o += c * inner) {
      for (int ch = 0; ch < c; ch++) {
        double inv = 1 / Math.sqrt(var[ch] + op.epsilon());
        int base = o + ch * inner;
        for (int j = 0; j < inner; j++) {
          y[base + j] = (float) (scale[ch] * ((v[base + j] - mean[ch]) * inv) + bias[ch]);
        }
      }
    }
    return Tensor.of(x.shape(), y);
  }

  // ---------------------------------------------------------------- data movement

  private static Object storage(Tensor t) {
    return switch (t.dtype()) {
      case F32 -> t.floats();
      case F64 -> t.doubles();
      default -> t.longs();
    };
  }

  private static Tensor concat(Concat op, List<Tensor> in, Shape out) {
    Tensor first = in.get(0);
    int axis = op.axis() < 0 ? op.axis() + first.rank() : op.axis();
    int outer = prod(first, 0, axis);
    Tensor y = Tensor.zeros(first.dtype(), out);
    Object dst = storage(y);
    int rowOut = (int) (out.size() / outer);
    int at = 0;
    for (Tensor t : in) {
      int row = t.size() / outer;
      Object src = storage(t);
      for (int o = 0; o < outer; o++) {
        System.arraycopy(src, o * row, dst, o * rowOut + at, row);
      }
      at += row;
    }
    return y;
  }

  private static Tensor embedding(Node n, List<Tensor> in, Shape out) {
    long[] idx = in.get(0).longs();
    Tensor table = in.get(1);
    int v = table.dim(0);
    int e = table.dim(1);
    Tensor y = Tensor.zeros(table.dtype(), out);
    Object src = storage(table);
    Object dst = storage(y);
    for (int i = 0; i < idx.length; i++) {
      long r = idx[i];
      if (r < 0 || r >= v) {
        throw new ExecException(
            n.name()
                + ": embedding index "
                + r
                + " at flat position "
                + i
                + " of "
                + n.inputs().get(0)
                + " is outside the table "
                + n.inputs().get(1)
                + " rows [0, "
                + v
                + ")");
      }
      System.arraycopy(src, (int) r * e, dst, i * e, e);
    }
    return y;
  }

  /** ONNX OneHot with values [0, 1] on a new last axis; an index outside [0, depth) is an error. */
  private static Tensor oneHot(Node n, OneHot op, Tensor indices, Shape out) {
    long[] idx = indices.longs();
    Tensor y = Tensor.zeros(DType.F32, out);
    float[] dst = y.floats();
    for (int i = 0; i < idx.length; i++) {
      long c = idx[i];
      if (c < 0 || c >= op.depth()) {
        throw new ExecException(
            n.name()
                + ": one_hot index "
                + c
                + " at flat position "
                + i
                + " of "
                + n.inputs().get(0)
                + " is outside [0, "
                + op.depth()
                + ")");
      }
      dst[i * op.depth() + (int) c] = 1f;
    }
    return y;
  }

  private Tensor maxUnpool(Node n, MaxUnpool op, List<Tensor> in, Shape out) {
    long[] idx = in.get(1).longs();
    Tensor x = in.get(0);
    int[] pq = op.unpooledSize(x.type());
    Shape unpooled = Shape.of(x.dim(0), x.dim(1), pq[0], pq[1]);
    long size = unpooled.size();
    for (int i = 0; i < idx.length; i++) {
      if (idx[i] < 0 || idx[i] >= size) {
        throw new ExecException(
            n.name()
                + ": maxunpool index "
                + idx[i]
                + " at flat position "
                + i
                + " is outside the unpooled output "
                + unpooled
                + " ([0, "
                + size
                + "))");
      }
    }
    double[] y = Kernels.maxUnpool(d(x), idx, (int) size);
    if (!unpooled.equals(out)) {
      // a larger output size: the unpooled block at the top-left, zeros elsewhere
      double[] big = new double[Math.toIntExact(out.size())];
      int q = out.dim(3);
      for (int plane = 0; plane < x.dim(0) * x.dim(1); plane++) {
        for (int r = 0; r < pq[0]; r++) {
          System.arraycopy(
              y, (plane * pq[0] + r) * pq[1], big, (plane * out.dim(2) + r) * q, pq[1]);
        }
      }
      y = big;
    }
    return wrap(y, out);
  }

  private List<Tensor> maxPool(Graph g, Node n, MaxPool op, Tensor x, Shape out) {
    Padding p = resolve(op.padding(), x, op.kernelH(), op.kernelW(), op.strideH(), op.strideW());
    long[] idx = op.withIndices() ? new long[Math.toIntExact(out.size())] : null;
    double[] y =
        Kernels.maxPool(
            d(x),
            x.dims(),
            out.dim(2),
            out.dim(3),
            op.kernelH(),
            op.kernelW(),
            op.strideH(),
            op.strideW(),
            p.top(),
            p.left(),
            idx);
    return idx == null
        ? List.of(wrap(y, out))
        : List.of(wrap(y, out), Tensor.of(g.type(n.outputs().get(1)).shape(), idx));
  }

  private Tensor causalMask(CausalMask op, Tensor x) {
    double[] y = d(x).clone();
    int t = x.dim(-1);
    for (int base = 0; base < y.length; base += t * t) {
      for (int i = 0; i < t; i++) {
        for (int j = i + 1; j < t; j++) {
          y[base + i * t + j] = op.fill();
        }
      }
    }
    return wrap(y, x.shape());
  }

  // ---------------------------------------------------------------- recurrent

  private static double[] optional(List<Tensor> in, int i) {
    return in.size() > i ? d(in.get(i)) : null;
  }

  private List<Tensor> lstm(Lstm op, List<Tensor> in) {
    Tensor x = in.get(0);
    int h = op.hiddenSize();
    double[][] r =
        Kernels.lstm(
            d(x),
            x.dim(0),
            x.dim(1),
            x.dim(2),
            h,
            d(in.get(1)),
            d(in.get(2)),
            d(in.get(3)),
            optional(in, 4),
            optional(in, 5));
    Shape state = Shape.of(x.dim(1), h);
    return List.of(
        wrap(r[0], Shape.of(x.dim(0), x.dim(1), h)), wrap(r[1], state), wrap(r[2], state));
  }

  private List<Tensor> gru(Gru op, List<Tensor> in) {
    Tensor x = in.get(0);
    int h = op.hiddenSize();
    double[][] r =
        Kernels.gru(
            d(x),
            x.dim(0),
            x.dim(1),
            x.dim(2),
            h,
            d(in.get(1)),
            d(in.get(2)),
            d(in.get(3)),
            d(in.get(4)),
            optional(in, 5),
            op.linearBeforeReset());
    return List.of(wrap(r[0], Shape.of(x.dim(0), x.dim(1), h)), wrap(r[1], Shape.of(x.dim(1), h)));
  }

  private List<Tensor> rnn(Rnn op, List<Tensor> in) {
    Tensor x = in.get(0);
    int h = op.hiddenSize();
    double[][] r =
        Kernels.rnn(
            d(x),
            x.dim(0),
            x.dim(1),
            x.dim(2),
            h,
            d(in.get(1)),
            d(in.get(2)),
            d(in.get(3)),
            optional(in, 4),
            op.activation());
    return List.of(wrap(r[0], Shape.of(x.dim(0), x.dim(1), h)), wrap(r[1], Shape.of(x.dim(1), h)));
  }
}
