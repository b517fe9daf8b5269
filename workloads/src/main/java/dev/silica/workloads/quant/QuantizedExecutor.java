package dev.silica.workloads.quant;

import dev.silica.numerics.FixedPoint;
import dev.silica.numerics.FloatingPoint;
import dev.silica.numerics.IntegerFormat;
import dev.silica.numerics.NumberFormat;
import dev.silica.numerics.Rounder;
import dev.silica.numerics.Rounding;
import dev.silica.numerics.arith.Mac;
import dev.silica.workloads.exec.Precision;
import dev.silica.workloads.exec.ReferenceExecutor;
import dev.silica.workloads.exec.Weights;
import dev.silica.workloads.ir.Concat;
import dev.silica.workloads.ir.Conv2d;
import dev.silica.workloads.ir.ConvTranspose2d;
import dev.silica.workloads.ir.Dropout;
import dev.silica.workloads.ir.Embedding;
import dev.silica.workloads.ir.Flatten;
import dev.silica.workloads.ir.Gemm;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.Gru;
import dev.silica.workloads.ir.Lstm;
import dev.silica.workloads.ir.MatMul;
import dev.silica.workloads.ir.MaxPool;
import dev.silica.workloads.ir.MaxUnpool;
import dev.silica.workloads.ir.Node;
import dev.silica.workloads.ir.Op;
import dev.silica.workloads.ir.Padding;
import dev.silica.workloads.ir.Relu;
import dev.silica.workloads.ir.Reshape;
import dev.silica.workloads.ir.Rnn;
import dev.silica.workloads.ir.Shape;
import dev.silica.workloads.ir.Transpose;
import dev.silica.workloads.ir.Upsample;
import dev.silica.workloads.ir.Value;
import dev.silica.workloads.ir.ValueId;
import dev.silica.workloads.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;

/**
 * Runs a graph under a {@link NumericsPlan}: weights and activations stored in the plan's formats,
 * products accumulated on a bit-exact {@link Mac}, and every layer compared with the FP32 reference
 * executor (per-layer SQNR and max abs error).
 *
 * <h2>Steps</h2>
 *
 * <ol>
 *   <li><b>Calibration.</b> The FP32 {@link ReferenceExecutor} runs on the calibration inputs
 *       (seeded or given); a {@link ReferenceExecutor.NodeHook} records, for every floating value
 *       (graph inputs and every node output), its min, max and calibrated magnitude {@code R}
 *       ({@link Calibration}: max-abs or a percentile of {@code |x|}). Weights are calibrated from
 *       their own values, per tensor or, for {@code -per-channel} plans, per output channel.
 *   <li><b>Choosing formats</b> ("gather the statistics for weight and activation and choose proper
 *       radix point position"): {@code fixed<W>} gets the fewest integer bits {@code m} (sign
 *       included) with {@code 2^(m-1) >= R}, the other {@code W - m} bits fraction ({@link
 *       Encoding#radixPoint}); signed {@code int<N>} gets {@code scale = R / (2^(N-1) - 1)}, zero
 *       point 0 (symmetric); {@code uint<N>} maps {@code [max(min, -R), min(max, R)]} (widened to
 *       hold 0) onto {@code [0, 2^N - 1]} with a zero point; {@code ternary} is fitted by TWN and
 *       {@code binary} by {@code α = mean|w|} on each weight tensor; {@code fp*} and {@code
 *       q<m>.<n>} have nothing to choose.
 *   <li><b>Reference.</b> The FP32 executor runs on the evaluation inputs, keeping every node's
 *       first output (skipped when calibration and evaluation inputs are the same map: one run does
 *       both).
 *   <li><b>Quantized run.</b> The same executor runs with a hook that emulates the formats:
 *       <ul>
 *         <li>graph inputs are stored in the default activation format, calibrated on them;
 *         <li>weights (the initializer operands 0–1 of {@code gemm}/{@code matmul}, operand 1 of
 *             {@code conv2d}/{@code conv_transpose2d}/{@code embedding}, operands 1–2 of {@code
 *             lstm}/{@code gru}/{@code rnn}) are stored in the layer's weight format; biases,
 *             normalization parameters and other initializers stay FP32 (a bias enters the
 *             accumulator, below);
 *         <li>every floating node output is stored in the layer's activation format, calibrated on
 *             that value, except the outputs of ops that only select or move input values ({@code
 *             relu}, {@code maxpool}, {@code flatten}, {@code reshape}, {@code transpose}, {@code
 *             dropout}, {@code upsample}, {@code maxunpool}, and {@code concat} of equally stored
 *             inputs) in a layer without overrides: they keep their input's format, which holds
 *             them exactly, so no second rounding is modelled where hardware would not do one;
 *         <li>{@code conv2d}, {@code gemm} and {@code matmul} whose two operand formats are of one
 *             family (floating point, integer or fixed point) run on a {@link Mac} with operand
 *             formats = the stored formats of input and weight, nearest-even rounding, and the
 *             plan's accumulator or a derived one: FP32 for floating operands (the FP32 product of
 *             two operands of at most 12 significand bits is exact: tensor-core FP16/BF16 with FP32
 *             accumulate); for integers a {@code (bits_a + bits_b + 1)}-bit product (never
 *             overflows) into a wrapping INT32 accumulator (ONNX {@code MatMulInteger}/{@code
 *             QLinearConv}); for fixed point a 32-bit accumulator {@code Q(32-f).f} with {@code f =
 *             min(n_a + n_b, 32 - m_out - 4)}, clamped to {@code [0, 31]}, where {@code m_out} is
 *             the integer bits (sign included) of the layer's calibrated max-abs output, so the
 *             products are exact when they fit and 4 guard bits absorb partial sums up to 16× the
 *             largest output; the product format equals the accumulator for fixed point and for an
 *             explicitly given floating accumulator. The accumulator starts at the bias converted
 *             to its format (an integer accumulator: {@code round(b / (s_a·s_w))}, as ONNX {@code
 *             QLinearConv}), then adds {@code k} in the reference executor's order ({@code (c, r,
 *             s)} ascending). The real result is {@code value(acc)·s_a·s_w} ({@code s} = 1 unless
 *             integer, per output channel for per-channel weights), in {@code double}, rounded once
 *             to float, then stored in the activation format (requantization). {@code gemm} with
 *             {@code alpha ≠ 1} starts from zero and adds {@code beta·C} after scaling, like the
 *             reference. See {@link MacKernels};
 *         <li>for a floating-point MAC with FP32 product and accumulator and nearest-even rounding,
 *             the reference FP32 kernel on the stored operands computes the very same float
 *             operations in the same order (Java float arithmetic is IEEE binary32 nearest-even),
 *             so it is used instead of the scalar MAC loop; likewise an integer MAC whose product
 *             cannot overflow and whose accumulator wraps is summed exactly in a {@code long} and
 *             wrapped once ({@link MacKernels#wrappingIntegerAccumulator}: addition modulo {@code
 *             2^N}), which gives the same bits as wrapping every step ({@code
 *             QuantizedExecutorTest} checks both shortcuts against the step-by-step MAC);
 *         <li>everything else ({@code conv_transpose2d}, recurrent cells, normalization, pooling,
 *             softmax, element-wise ops, and products whose operand formats are of different
 *             families or ternary/binary) runs on the FP32 kernels with the stored (quantized)
 *             operands, and only its output is quantized: accumulation inside those ops is not
 *             emulated.
 *       </ul>
 *   <li><b>Report.</b> For every node with a floating output: its formats, whether it ran on the
 *       MAC, and {@code SQNR = 10·log10(Σ ref² / Σ (q - ref)²)} and {@code max |q - ref|} of its
 *       first output against the FP32 run. Errors therefore accumulate along the graph, as they
 *       would on the hardware.
 * </ol>
 *
 * <p><b>Determinism.</b> The reference executor is deterministic for any thread count; the MAC
 * kernels reduce each output element in one task in a fixed order; calibration is a pure function
 * of the values. Results are bit-identical for any {@code threads}.
 */
public final class QuantizedExecutor implements AutoCloseable {
  /** Guard bits of a derived fixed-point accumulator above the largest calibrated output. */
  static final int GUARD_BITS = 4;

  private final ReferenceExecutor reference;
  private final ForkJoinPool pool;
  private boolean macEverywhere;

  /** An executor on {@link Runtime#availableProcessors()} threads. */
  public QuantizedExecutor() {
    this(Runtime.getRuntime().availableProcessors());
  }

  public QuantizedExecutor(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads: must be >= 1, got " + threads);
    }
    this.reference = new ReferenceExecutor(Precision.FP32, threads);
    this.pool = threads == 1 ? null : new ForkJoinPool(threads);
  }

  /**
   * Runs every MAC-emulated layer through {@link Mac#mac} step by step, without the two exact
   * shortcuts (FP32 kernel for FP32-accumulating floating point; one {@code long} sum wrapped at
   * the end for wrapping integer accumulators); slow, for checking that the shortcuts are exact.
   */
  QuantizedExecutor macEverywhere(boolean on) {
    this.macEverywhere = on;
    return this;
  }

  @Override
  public void close() {
    reference.close();
    if (pool != null) {
      pool.shutdown();
    }
  }

  /**
   * {@link #run(Graph, Weights, NumericsPlan, Calibration, Map, Map)} calibrating on the inputs.
   */
  public QuantizationReport run(
      Graph g,
      Weights weights,
      NumericsPlan plan,
      Calibration calibration,
      Map<ValueId, Tensor> inputs) {
    return run(g, weights, plan, calibration, inputs, inputs);
  }

  /**
   * Calibrates on {@code calibrationInputs}, then runs {@code inputs} in FP32 and under {@code
   * plan}.
   *
   * @throws IllegalArgumentException for a plan that names unknown layers or an accumulator that
   *     cannot take the layer's operands
   */
  public QuantizationReport run(
      Graph g,
      Weights weights,
      NumericsPlan plan,
      Calibration calibration,
      Map<ValueId, Tensor> calibrationInputs,
      Map<ValueId, Tensor> inputs) {
    plan.check(g);
    boolean same = calibrationInputs == inputs;
    Recorder calib = new Recorder(calibration, same);
    reference.run(g, calibrationInputs, weights, calib);
    for (Value v : g.inputs()) {
      Tensor t = calibrationInputs.get(v.id());
      if (t != null && !t.dtype().isIntegral()) {
        calib.stats.put(v.id(), Stats.of(t.toF32().floats(), calibration));
      }
    }
    Map<ValueId, Tensor> referenceOutputs;
    Map<ValueId, float[]> refValues;
    if (same) {
      referenceOutputs = lastOutputs(g, calib);
      refValues = calib.kept;
    } else {
      Recorder ref = new Recorder(null, true);
      reference.run(g, inputs, weights, ref);
      referenceOutputs = lastOutputs(g, ref);
      refValues = ref.kept;
    }
    Binding b = bind(g, weights, plan, calibration, calib.stats);
    Map<ValueId, Tensor> qInputs = new LinkedHashMap<>();
    for (Map.Entry<ValueId, Tensor> e : inputs.entrySet()) {
      Encoding enc = b.encodings.get(e.getKey());
      Tensor t = e.getValue();
      if (enc != null && !t.dtype().isIntegral()) {
        Tensor f = t.toF32();
        t = Tensor.of(f.shape(), enc.quantize(f.floats(), f.dims()));
      }
      qInputs.put(e.getKey(), t);
    }
    Emulator em = new Emulator(b, refValues);
    Map<ValueId, Tensor> outputs = reference.run(g, qInputs, b.weights, em);
    List<QuantizationReport.LayerReport> rows = new ArrayList<>();
    for (Node n : g.nodes()) {
      double[] err = em.errors.get(n.name());
      if (err == null) {
        continue;
      }
      Layer l = b.layers.get(n.name());
      rows.add(
          new QuantizationReport.LayerReport(
              n.name(),
              n.op().kind(),
              l.weightLabel,
              l.activationLabel,
              l.mac == null ? "-" : l.mac.accumulator().name(),
              l.arithmetic,
              err[0],
              err[1],
              (long) err[2]));
    }
    return new QuantizationReport(
        plan.spec(), calibration.spec(), List.copyOf(rows), outputs, referenceOutputs);
  }

  private static Map<ValueId, Tensor> lastOutputs(Graph g, Recorder r) {
    Map<ValueId, Tensor> out = new LinkedHashMap<>();
    for (ValueId o : g.outputs()) {
      out.put(o, r.outputs.get(o));
    }
    return out;
  }

  // ------------------------------------------------------------------ calibration

  /** Min, max and calibrated magnitude of one value. */
  record Stats(double min, double max, double range) {
    static Stats of(float[] x, Calibration c) {
      double lo = 0;
      double hi = 0;
      for (float v : x) {
        if (v < lo) {
          lo = v;
        }
        if (v > hi) {
          hi = v;
        }
      }
      return new Stats(lo, hi, c.range(x));
    }
  }

  /** Records statistics of every floating output and, optionally, keeps first outputs. */
  private static final class Recorder implements ReferenceExecutor.NodeHook {
    final Calibration calibration;
    final boolean keep;
    final Map<ValueId, Stats> stats = new HashMap<>();
    final Map<ValueId, float[]> kept = new HashMap<>();
    final Map<ValueId, Tensor> outputs = new HashMap<>();

    Recorder(Calibration calibration, boolean keep) {
      this.calibration = calibration;
      this.keep = keep;
    }

    @Override
    public List<Tensor> after(Graph g, Node n, List<Tensor> inputs, List<Tensor> outs) {
      for (int k = 0; k < outs.size(); k++) {
        Tensor t = outs.get(k);
        ValueId o = n.outputs().get(k);
        if (t.dtype().isIntegral()) {
          continue;
        }
        float[] f = t.toF32().floats();
        if (calibration != null) {
          stats.put(o, Stats.of(f, calibration));
        }
        if (keep && k == 0) {
          kept.put(o, f);
        }
        if (g.outputs().contains(o)) {
          outputs.put(o, t);
        }
      }
      return outs;
    }
  }

  // ------------------------------------------------------------------ binding

  /** Everything the quantized run needs about one node. */
  private static final class Layer {
    String weightLabel = "-";
    String activationLabel = "fp32";
    Mac mac;
    String arithmetic = "fp32";
    boolean inherited;
  }

  private static final class Binding {
    final Map<ValueId, Encoding> encodings = new HashMap<>();
    final Map<String, Layer> layers = new HashMap<>();
    Weights weights;
    boolean macEverywhere;
  }

  /** Whether operand {@code i} of {@code op} is a weight role. */
  static boolean isWeightOperand(Op op, int i) {
    return switch (op) {
      case Conv2d c -> i == 1;
      case ConvTranspose2d c -> i == 1;
      case Embedding e -> i == 1;
      case Gemm gm -> i <= 1;
      case MatMul mm -> i <= 1;
      case Lstm l -> i == 1 || i == 2;
      case Gru gr -> i == 1 || i == 2;
      case Rnn rn -> i == 1 || i == 2;
      default -> false;
    };
  }

  /** The output-channel axis of weight operand {@code i}, or -1 (per tensor). */
  static int channelAxis(Op op, int i, int rank) {
    return switch (op) {
      case Conv2d c -> 0;
      case ConvTranspose2d c -> 1;
      case Gemm gm -> i == 0 ? (gm.transA() ? 1 : 0) : (gm.transB() ? 0 : 1);
      case MatMul mm -> rank < 2 ? -1 : (i == 0 ? rank - 2 : rank - 1);
      default -> -1;
    };
  }

  /** Ops whose outputs are values of their first input, moved or selected. */
  private static boolean selects(Op op) {
    return op instanceof Relu
        || op instanceof MaxPool
        || op instanceof Flatten
        || op instanceof Reshape
        || op instanceof Transpose
        || op instanceof Dropout
        || op instanceof Upsample
        || op instanceof MaxUnpool
        || op instanceof Concat;
  }

  private Binding bind(
      Graph g,
      Weights weights,
      NumericsPlan plan,
      Calibration calibration,
      Map<ValueId, Stats> stats) {
    Binding b = new Binding();
    b.macEverywhere = macEverywhere;
    Map<ValueId, Tensor> qWeights = new LinkedHashMap<>(weights.asMap());
    FormatChoice inputChoice = plan.defaults().activations();
    for (Value v : g.inputs()) {
      Stats s = stats.get(v.id());
      if (s != null) {
        b.encodings.put(v.id(), Encoding.calibrate(inputChoice, s.range, s.min, s.max, null));
      }
    }
    Set<String> overridden = new HashSet<>(plan.layers());
    for (Node n : g.nodes()) {
      NumericsPlan.LayerFormats lf = plan.formats(n.name());
      Layer layer = new Layer();
      List<String> wLabels = new ArrayList<>();
      for (int i = 0; i < n.inputs().size(); i++) {
        ValueId id = n.inputs().get(i);
        Value v = g.value(id);
        if (!v.isInitializer() || v.type().dtype().isIntegral() || !isWeightOperand(n.op(), i)) {
          continue;
        }
        Encoding e = b.encodings.get(id);
        if (e == null) {
          Tensor w = weights.contains(id) ? weights.get(id).toF32() : null;
          if (w == null) {
            continue; // a literal buffer: left as is
          }
          e = weightEncoding(lf.weights(), w, channelAxis(n.op(), i, w.rank()), calibration);
          b.encodings.put(id, e);
          qWeights.put(id, Tensor.of(w.shape(), e.quantize(w.floats(), w.dims())));
        }
        wLabels.add(e.label());
      }
      if (!wLabels.isEmpty()) {
        layer.weightLabel = String.join(" ", wLabels);
      }
      Encoding first = n.inputs().isEmpty() ? null : b.encodings.get(n.inputs().getFirst());
      boolean inherit =
          selects(n.op()) && !overridden.contains(n.name()) && first != null && sameInputs(b, n);
      for (ValueId o : n.outputs()) {
        if (g.type(o).dtype().isIntegral()) {
          continue;
        }
        Encoding e;
        if (inherit) {
          e = first;
        } else {
          Stats s = stats.get(o);
          e =
              s == null
                  ? Encoding.FP32
                  : Encoding.calibrate(lf.activations(), s.range, s.min, s.max, null);
        }
        b.encodings.put(o, e);
      }
      layer.inherited = inherit;
      Encoding out = b.encodings.get(n.output());
      layer.activationLabel = out == null ? "-" : out.label();
      if (n.op() instanceof Conv2d || n.op() instanceof Gemm || n.op() instanceof MatMul) {
        Encoding a = b.encodings.getOrDefault(n.inputs().get(0), Encoding.FP32);
        Encoding w = b.encodings.getOrDefault(n.inputs().get(1), Encoding.FP32);
        Stats os = stats.get(n.output());
        layer.mac = mac(plan, n, lf, a, w, os == null ? 0 : Math.max(-os.min, os.max));
        if (layer.mac == null) {
          layer.arithmetic = "fp32-fallback";
        } else {
          layer.arithmetic = fp32Equivalent(layer.mac) && !macEverywhere ? "fp32" : "mac";
        }
      }
      b.layers.put(n.name(), layer);
    }
    b.weights = Weights.of(qWeights);
    return b;
  }

  private static boolean sameInputs(Binding b, Node n) {
    if (!(n.op() instanceof Concat)) {
      return true;
    }
    Encoding first = b.encodings.get(n.inputs().getFirst());
    for (ValueId in : n.inputs()) {
      if (!first.equals(b.encodings.get(in))) {
        return false;
      }
    }
    return true;
  }

  private static Encoding weightEncoding(
      FormatChoice choice, Tensor w, int axis, Calibration calibration) {
    float[] x = w.floats();
    if (choice instanceof FormatChoice.Affine a && a.perChannel() && axis >= 0) {
      int[] d = w.dims();
      int channels = d[axis];
      int stride = 1;
      for (int k = axis + 1; k < d.length; k++) {
        stride *= d[k];
      }
      int outer = x.length / (channels * stride);
      double[] ranges = new double[channels];
      float[] buf = new float[outer * stride];
      for (int c = 0; c < channels; c++) {
        int j = 0;
        for (int o = 0; o < outer; o++) {
          int base = (o * channels + c) * stride;
          System.arraycopy(x, base, buf, j, stride);
          j += stride;
        }
        ranges[c] = calibration.range(buf);
      }
      return Encoding.perChannel(a.base(), ranges, axis);
    }
    Stats s = Stats.of(x, calibration);
    return Encoding.calibrate(choice, s.range, s.min, s.max, x);
  }

  /** Whether a MAC is FP32 product and accumulator, nearest-even, on floating operands. */
  private static boolean fp32Equivalent(Mac mac) {
    return mac.operandA() instanceof FloatingPoint
        && mac.operandB() instanceof FloatingPoint
        && mac.product().equals(FloatingPoint.FP32)
        && mac.accumulator().equals(FloatingPoint.FP32)
        && mac.rounder().mode() == Rounding.NEAREST_EVEN;
  }

  /**
   * The MAC of a product layer, or {@code null} when its operand formats are of different families
   * (or ternary/binary) and no accumulator was asked for.
   */
  private static Mac mac(
      NumericsPlan plan,
      Node n,
      NumericsPlan.LayerFormats lf,
      Encoding a,
      Encoding w,
      double outMaxAbs) {
    NumberFormat fa = a.format();
    NumberFormat fb = w.format();
    NumberFormat acc = lf.accumulator();
    NumberFormat product;
    if (fa instanceof FloatingPoint && fb instanceof FloatingPoint) {
      acc = acc == null ? FloatingPoint.FP32 : acc;
      product = acc instanceof FloatingPoint ? acc : FloatingPoint.FP32;
    } else if (fa instanceof IntegerFormat ia && fb instanceof IntegerFormat ib) {
      acc = acc == null ? IntegerFormat.INT32 : acc;
      product = IntegerFormat.of(Math.min(32, ia.bits() + ib.bits() + 1), true);
    } else if (fa instanceof FixedPoint qa && fb instanceof FixedPoint qb) {
      if (acc == null) {
        int mOut = outMaxAbs > 0 ? Math.max(1, Encoding.ceilLog2(outMaxAbs) + 1) : 1;
        int f = Math.min(qa.fractionBits() + qb.fractionBits(), 32 - mOut - GUARD_BITS);
        f = Math.max(0, Math.min(31, f));
        acc = FixedPoint.q(32 - f, f);
      }
      product = acc;
    } else {
      if (acc != null) {
        throw new IllegalArgumentException(
            "numerics plan '"
                + plan.spec()
                + "': layer '"
                + n.name()
                + "': accumulator "
                + acc.name()
                + " needs operands of one family (floating point, integer or fixed point), got "
                + fa.name()
                + " x "
                + fb.name());
      }
      return null;
    }
    try {
      return Mac.of(fa, fb, product, acc, Rounder.NEAREST_EVEN);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "numerics plan '" + plan.spec() + "': layer '" + n.name() + "': " + e.getMessage(), e);
    }
  }

  // ------------------------------------------------------------------ the quantized run

  private final class Emulator implements ReferenceExecutor.NodeHook {
    final Binding b;
    final Map<ValueId, float[]> ref;
    final Map<String, double[]> errors = new HashMap<>();

    Emulator(Binding b, Map<ValueId, float[]> ref) {
      this.b = b;
      this.ref = ref;
    }

    @Override
    public List<Tensor> compute(Graph g, Node n, List<Tensor> in) {
      Layer l = b.layers.get(n.name());
      if (l == null || l.mac == null || "fp32".equals(l.arithmetic)) {
        return null;
      }
      Encoding a = b.encodings.getOrDefault(n.inputs().get(0), Encoding.FP32);
      Encoding w = b.encodings.getOrDefault(n.inputs().get(1), Encoding.FP32);
      Shape out = g.type(n.output()).shape();
      Tensor y =
          switch (n.op()) {
            case Conv2d op -> conv(g, n, op, l.mac, a, w, in, out);
            case Gemm op -> gemm(op, l.mac, a, w, in, out);
            case MatMul op -> matmul(l.mac, a, w, in, out);
            default -> throw new IllegalStateException(n.name() + ": no MAC kernel");
          };
      return List.of(y);
    }

    @Override
    public List<Tensor> after(Graph g, Node n, List<Tensor> in, List<Tensor> outs) {
      Layer l = b.layers.get(n.name());
      List<Tensor> result = new ArrayList<>(outs.size());
      for (int k = 0; k < outs.size(); k++) {
        Tensor t = outs.get(k);
        ValueId o = n.outputs().get(k);
        Encoding e = b.encodings.get(o);
        if (!t.dtype().isIntegral() && e != null && !e.isIdentity() && !l.inherited) {
          Tensor f = t.toF32();
          t = Tensor.of(f.shape(), e.quantize(f.floats(), f.dims()));
        }
        result.add(t);
        float[] r = k == 0 ? ref.remove(o) : null;
        if (r != null) {
          double[] q = t.toDoubleArray();
          double[] rd = new double[r.length];
          for (int i = 0; i < r.length; i++) {
            rd[i] = r[i];
          }
          errors.put(
              n.name(),
              new double[] {
                QuantizationReport.sqnrDb(rd, q), QuantizationReport.maxAbsError(rd, q), r.length
              });
        }
      }
      return result;
    }

    private Tensor conv(
        Graph g, Node n, Conv2d op, Mac mac, Encoding a, Encoding w, List<Tensor> in, Shape out) {
      Tensor x = in.get(0).toF32();
      Tensor wt = in.get(1).toF32();
      float[] bias = in.size() > 2 ? in.get(2).toF32().floats() : null;
      Padding p = op.resolvedPadding(g.type(n.inputs().get(0)), g.type(n.inputs().get(1)));
      int m = wt.dim(0);
      double[] scale = new double[m];
      long[] init = new long[m];
      for (int oc = 0; oc < m; oc++) {
        scale[oc] = a.scale(0) * w.scale(w.perChannel() ? oc : 0);
        init[oc] = bias == null ? mac.zero() : accumulatorBits(mac, bias[oc], scale[oc]);
      }
      float[] y =
          MacKernels.conv(
              mac,
              a.encode(x.floats(), x.dims()),
              x.dims(),
              w.encode(wt.floats(), wt.dims()),
              wt.dims(),
              init,
              scale,
              out.dim(2),
              out.dim(3),
              op.strideH(),
              op.strideW(),
              op.dilationH(),
              op.dilationW(),
              p.top(),
              p.left(),
              op.groups(),
              !macEverywhere,
              pool);
      return Tensor.of(out, y);
    }

    private Tensor gemm(Gemm op, Mac mac, Encoding ea, Encoding eb, List<Tensor> in, Shape out) {
      Tensor a = in.get(0).toF32();
      Tensor b = in.get(1).toF32();
      int m = out.dim(0);
      int n = out.dim(1);
      int k = op.transA() ? a.dim(0) : a.dim(1);
      double[] rowScale = scales(ea, m);
      double[] colScale = scales(eb, n);
      long[] init = null;
      double[] post = null;
      if (in.size() > 2 && op.beta() != 0) {
        Tensor c = in.get(2).toF32();
        int[] cs = broadcast(c.dims(), m, n);
        float[] cv = c.floats();
        if (op.alpha() == 1f) {
          init = new long[m * n];
        } else {
          post = new double[m * n];
        }
        for (int i = 0; i < m; i++) {
          for (int j = 0; j < n; j++) {
            float bc = op.beta() * cv[i * cs[0] + j * cs[1]];
            if (init != null) {
              init[i * n + j] = accumulatorBits(mac, bc, rowScale[i] * colScale[j]);
            } else {
              post[i * n + j] = bc;
            }
          }
        }
      }
      float[] y = new float[m * n];
      MacKernels.gemm(
          mac,
          m,
          n,
          k,
          ea.encode(a.floats(), a.dims()),
          0,
          op.transA() ? 1 : k,
          op.transA() ? m : 1,
          eb.encode(b.floats(), b.dims()),
          0,
          op.transB() ? 1 : n,
          op.transB() ? k : 1,
          init,
          op.alpha(),
          rowScale,
          colScale,
          post,
          y,
          0,
          !macEverywhere,
          pool);
      return Tensor.of(out, y);
    }

    private Tensor matmul(Mac mac, Encoding ea, Encoding eb, List<Tensor> in, Shape out) {
      Tensor a = in.get(0).toF32();
      Tensor b = in.get(1).toF32();
      int[] ad = a.rank() == 1 ? new int[] {1, a.dim(0)} : a.dims();
      int[] bd = b.rank() == 1 ? new int[] {b.dim(0), 1} : b.dims();
      int m = ad[ad.length - 2];
      int k = ad[ad.length - 1];
      int n = bd[bd.length - 1];
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
      long[] abits = ea.encode(a.floats(), a.dims());
      long[] bbits = eb.encode(b.floats(), b.dims());
      double[] rowScale = scales(ea, m);
      double[] colScale = scales(eb, n);
      float[] y = new float[Math.toIntExact(out.size())];
      for (int t = 0; t < batches; t++) {
        int ia = 0;
        int ib = 0;
        int rem = t;
        for (int d = rank - 1; d >= 0; d--) {
          int idx = rem % batch[d];
          rem /= batch[d];
          ia += idx * sa[d];
          ib += idx * sb[d];
        }
        MacKernels.gemm(
            mac,
            m,
            n,
            k,
            abits,
            ia * m * k,
            k,
            1,
            bbits,
            ib * k * n,
            n,
            1,
            null,
            1,
            rowScale,
            colScale,
            null,
            y,
            t * m * n,
            !macEverywhere,
            pool);
      }
      return Tensor.of(out, y);
    }
  }

  /** Per-row or per-column scales of an operand: its per-channel scales, or its one scale. */
  private static double[] scales(Encoding e, int count) {
    double[] s = new double[count];
    for (int i = 0; i < count; i++) {
      s[i] = e.scale(e.perChannel() ? i : 0);
    }
    return s;
  }

  /** Element strides of a tensor of {@code dims} (rank at most 2) broadcast to {@code [m, n]}. */
  private static int[] broadcast(int[] dims, int m, int n) {
    return switch (dims.length) {
      case 0 -> new int[] {0, 0};
      case 1 -> new int[] {0, dims[0] == 1 ? 0 : 1};
      default -> new int[] {dims[0] == 1 ? 0 : dims[1], dims[1] == 1 ? 0 : 1};
    };
  }

  /**
   * A real value as accumulator bits: an integer accumulator holds {@code round(v / unit)} (unit =
   * the real value of one accumulator step), other formats convert {@code v} (nearest-even, with
   * their overflow rule).
   */
  static long accumulatorBits(Mac mac, double v, double unit) {
    if (mac.accumulator() instanceof IntegerFormat f) {
      long q = Rounder.NEAREST_EVEN.roundToInteger(v / unit);
      return f.integerToBits(f.overflowInteger(q));
    }
    return mac.accumulator().encode((float) v);
  }
}
