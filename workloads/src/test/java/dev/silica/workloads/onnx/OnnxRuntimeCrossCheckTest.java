package dev.silica.workloads.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.silica.workloads.exec.Precision;
import dev.silica.workloads.exec.ReferenceExecutor;
import dev.silica.workloads.exec.SeededInit;
import dev.silica.workloads.exec.Weights;
import dev.silica.workloads.ir.DType;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.GraphBuilder;
import dev.silica.workloads.ir.GraphStats;
import dev.silica.workloads.ir.MaxPool;
import dev.silica.workloads.ir.Node;
import dev.silica.workloads.ir.Padding;
import dev.silica.workloads.ir.Shape;
import dev.silica.workloads.ir.Value;
import dev.silica.workloads.ir.ValueId;
import dev.silica.workloads.ir.ValueKind;
import dev.silica.workloads.tensor.Tensor;
import dev.silica.workloads.zoo.Zoo;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cross-check against an independent engine: every zoo model, exported by {@link OnnxExporter} with
 * its seeded weights as initializers, runs in ONNX Runtime's CPU execution provider and gives the
 * outputs of Silica's {@link ReferenceExecutor} in {@link Precision#FP32} on the same seeded
 * inputs.
 *
 * <h2>What is compared</h2>
 *
 * Weights: {@link SeededInit#forGraph}(g, 42), written as ONNX initializers (the exporter moves
 * recurrent weights into ONNX's gate order and layout, so that path is checked too). Inputs: {@link
 * SeededInit#inputs}(g, 1), the same tensors handed to both engines. ONNX Runtime runs on its CPU
 * provider with one intra-op and one inter-op thread, sequential execution and its default graph
 * optimizations (fusions such as Conv+BatchNorm change only the rounding), so its results are
 * deterministic. Its kernels share no code with Silica's: a disagreement is an executor kernel that
 * departs from the ONNX definition of its op, an exporter that writes the wrong ONNX for an IR op
 * (attributes, operand order, weight layout), or data that the two sides see differently.
 *
 * <p>Every activation, not only the outputs, is compared when the graph has at most {@value
 * #TAP_VALUES} activation values ({@link #withEveryActivationAsOutput}; all models but GPT-2
 * small): the first value over the tolerance names the node that diverges, and a model whose
 * outputs are dominated by the last layer's bias (with PyTorch's default initialization the signal
 * through a deep plain stack such as MobileNet shrinks by orders of magnitude) is still checked
 * layer by layer.
 *
 * <p>Max-pool argmax indices are compared as decisions, not numbers ({@link #argmaxFlips}): each
 * must lie in its window, and two engines may break a tie up to rounding differently. Where such
 * indices route data (max unpooling in {@code fcn}), ONNX Runtime's unpooling reads Silica's
 * checked indices ({@link #withSilicaSwitches}) so that the continuous values after it are compared
 * under the same decisions.
 *
 * <h2>Metric</h2>
 *
 * For each output tensor, with {@code a} Silica's and {@code b} ONNX Runtime's elements:
 *
 * <pre>
 *   rel = max_i |a_i - b_i| / max(max_i |b_i|, FLT_MIN)
 * </pre>
 *
 * the normwise (infinity-norm) relative difference, required {@code <=} {@value #REL_TOL}. Why
 * normwise and not elementwise: both engines compute in FP32 with different summation orders
 * (blocked GEMM, Winograd or im2col, fused kernels), so an output element's rounding error is
 * bounded by {@code ~K·eps·Σ|x_k·w_k|}, a multiple of the magnitudes of the terms, not of the
 * element itself; an element that is the result of cancellation (a convolution output near 0) can
 * differ by 100 % while the tensor agrees to a few ulps of its scale. The infinity norm of the
 * reference is the scale of the tensor, so {@code rel} is the elementwise check {@code |a_i - b_i|
 * <= 1e-4·max|b|} for every element: an absolute tolerance floor equal to the relative tolerance
 * times the tensor's largest magnitude. {@code FLT_MIN} (the smallest normal float) only guards an
 * all-zero reference, which then needs an exact match. Integer values other than max-pool indices
 * must be equal. Elements that are not finite fail in either engine.
 *
 * <h2>Budget</h2>
 *
 * The cost is Silica's executor and, for models with large fully connected layers, ONNX Runtime's
 * session creation: about a second of CPU time per 2 G multiply-adds on each side. The default run
 * checks the models of at most {@value #DEFAULT_MACS} multiply-adds (28 of the 37 today, ResNet-50
 * and ResNeXt-50 included, about 25 s of CPU time); the others (VGG-16/19, ResNet-101/152, Wide
 * ResNet-50-2, captioning, tpu-cnn0, fcn, GPT-2 small) are skipped there with their MAC count as
 * the reason and checked by {@link #largerModelsAgreeWithOnnxRuntime} under the {@code slow} tag
 * ({@code ./mvnw -P slow}), which has no budget: every zoo model is cross-checked in one of the
 * two. A summary line lists the models checked and each one's largest relative difference over its
 * outputs and over all its values.
 */
class OnnxRuntimeCrossCheckTest {
  static final double REL_TOL = 1e-4;
  static final long DEFAULT_MACS = 4_500_000_000L;
  static final long WEIGHT_SEED = 42;
  static final long INPUT_SEED = 1;

  /**
   * Every activation is compared when the graph has at most this many activation values (both
   * engines then hold them all: 4 bytes each, twice); larger graphs compare their outputs only.
   */
  static final long TAP_VALUES = 64_000_000L;

  /**
   * Model name → largest relative difference over its outputs and over all its activations (NaN
   * when not compared), for the summary.
   */
  private static final Map<String, double[]> CHECKED = new ConcurrentSkipListMap<>();

  static List<String> models() {
    return Zoo.names();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void agreesWithOnnxRuntime(String name) throws OrtException {
    Graph g = Zoo.build(name);
    GraphStats s = g.stats();
    assumeTrue(
        s.macs() <= DEFAULT_MACS,
        String.format(
            Locale.ROOT,
            "%s: %,d MACs is over the default budget of %,d; checked under the slow tag",
            name,
            s.macs(),
            DEFAULT_MACS));
    crossCheck(name, g);
  }

  @Tag("slow")
  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void largerModelsAgreeWithOnnxRuntime(String name) throws OrtException {
    Graph g = Zoo.build(name);
    assumeTrue(g.stats().macs() > DEFAULT_MACS, name + " is checked in the default run");
    crossCheck(name, g);
  }

  @AfterAll
  static void summary() {
    if (CHECKED.isEmpty()) {
      return;
    }
    System.out.printf(
        Locale.ROOT,
        "ONNX Runtime cross-check: %d models checked, max relative difference per model: %s%n",
        CHECKED.size(),
        CHECKED.entrySet().stream()
            .map(e ->
                String.format(
                    Locale.ROOT,
                    "%s %.2e (all values %.2e)",
                    e.getKey(),
                    e.getValue()[0],
                    e.getValue()[1]))
            .collect(Collectors.joining(", ")));
  }

  static void crossCheck(String name, Graph model) throws OrtException {
    GraphStats s = model.stats();
    boolean tapped = s.activationValues() <= TAP_VALUES;
    Graph g = tapped ? withEveryActivationAsOutput(model) : model;
    Weights w = SeededInit.forGraph(g, WEIGHT_SEED);
    Map<ValueId, Tensor> inputs = SeededInit.inputs(g, INPUT_SEED);
    long t0 = System.nanoTime();
    long c0 = cpuNanos();
    Map<ValueId, Tensor> silica;
    try (ReferenceExecutor ex = new ReferenceExecutor(Precision.FP32)) {
      silica = ex.run(g, inputs, w);
    }
    long t1 = System.nanoTime();
    long c1 = cpuNanos();
    Map<ValueId, ValueId> switches = new LinkedHashMap<>();
    Graph forOrt = withSilicaSwitches(g, switches);
    assertThat(switches.keySet())
        .as("%s: pool indices that route data are compared", name)
        .allMatch(g.outputs()::contains);
    Map<ValueId, Tensor> ortInputs = new LinkedHashMap<>(inputs);
    switches.forEach((index, input) -> ortInputs.put(input, silica.get(index)));
    byte[] bytes =
        OnnxExporter.toBytes(forOrt, initializers(forOrt, w), OnnxExporter.MissingData.ZEROS);
    w = null; // the exported bytes hold the weights from here on
    long t2 = System.nanoTime();
    long c2 = cpuNanos();
    Map<String, Tensor> ort = runOnnxRuntime(forOrt, bytes, ortInputs);
    long t3 = System.nanoTime();
    long c3 = cpuNanos();
    bytes = null;
    // every value in graph (topological) order, so the first failure is the first divergence
    double worstOutput = 0;
    double worstValue = 0;
    String first = null;
    for (ValueId o : g.outputs()) {
      Tensor a = silica.get(o);
      Tensor b = ort.get(o.name());
      String what = String.format(Locale.ROOT, "%s: value %s %s", name, o, g.type(o));
      assertThat(b).as("%s from ONNX Runtime", what).isNotNull();
      assertThat(b.shape()).as("%s shape", what).isEqualTo(a.shape());
      assertThat(a.isFinite()).as("%s finite in Silica", what).isTrue();
      assertThat(b.isFinite()).as("%s finite in ONNX Runtime", what).isTrue();
      Node producer = g.producer(o);
      double rel;
      if (producer != null
          && producer.op() instanceof MaxPool p
          && producer.outputs().indexOf(o) == 1) {
        Tensor x = ort.get(producer.inputs().getFirst().name());
        if (x == null) {
          x = inputs.get(producer.inputs().getFirst());
        }
        assertThat(x).as("%s: the pooled tensor, compared too", what).isNotNull();
        int flips = argmaxFlips(what, p, x, a, b);
        if (flips > 0) {
          System.out.printf(
              Locale.ROOT,
              "%s: %d of %d argmax indices differ, each a tie within %.0e of the window's"
                  + " maximum%n",
              what,
              flips,
              a.size(),
              REL_TOL);
        }
        rel = 0;
      } else if (g.type(o).dtype().isIntegral()) {
        rel = a.toI64().equals(b) ? 0 : Double.POSITIVE_INFINITY;
      } else {
        rel = relativeDifference(a, b);
      }
      boolean isOutput = model.outputs().contains(o);
      if (isOutput) {
        System.out.printf(
            Locale.ROOT,
            "%s: output %s %s: max |silica - ort| / max |ort| = %.2e (max |ort| = %.3e)%n",
            name,
            o,
            a.shape(),
            rel,
            maxAbs(b));
        worstOutput = Math.max(worstOutput, rel);
      }
      worstValue = Math.max(worstValue, rel);
      if (!(rel <= REL_TOL) && first == null) {
        first =
            String.format(
                Locale.ROOT,
                "%s (computed by node '%s'): relative difference %.3e > %.0e, max |ort| %.3e",
                what,
                producer == null ? "none" : producer.name(),
                rel,
                REL_TOL,
                maxAbs(b));
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%s: %,d MACs, silica FP32 %.0f ms (%.0f ms CPU), ONNX Runtime (1 thread) %.0f ms"
            + " (%.0f ms CPU) incl. session creation; %d outputs max rel diff %.2e; %s%n",
        name,
        s.macs(),
        (t1 - t0) / 1e6,
        (c1 - c0) / 1e6,
        (t3 - t2) / 1e6,
        (c3 - c2) / 1e6,
        model.outputs().size(),
        worstOutput,
        tapped
            ? String.format(
                Locale.ROOT, "all %d activations max rel diff %.2e", g.outputs().size(), worstValue)
            : "activations not compared (too large to keep)");
    assertThat(first).as("%s: first value that differs", name).isNull();
    CHECKED.put(name, new double[] {worstOutput, tapped ? worstValue : Double.NaN});
  }

  /**
   * The same graph with every activation as an output, so that both engines return all intermediate
   * values: a divergence is located at the node that causes it, and a model whose outputs are
   * dominated by a bias (the signal through a deep stack can shrink below rounding at the last
   * layer) is still checked layer by layer. The relative metric is scale-free, so a small
   * intermediate tensor is compared as strictly as a large one.
   */
  static Graph withEveryActivationAsOutput(Graph g) {
    GraphBuilder b = new GraphBuilder(g.name());
    for (Value v : g.values()) {
      if (v.kind() != ValueKind.ACTIVATION) {
        b.declare(v);
      }
    }
    List<ValueId> outputs = new ArrayList<>();
    for (Node n : g.nodes()) {
      List<ValueId> outs = b.node(n.name(), n.op(), n.inputs());
      assertThat(outs).as("rebuilt node %s", n.name()).isEqualTo(n.outputs());
      outputs.addAll(outs);
    }
    for (ValueId o : g.outputs()) {
      if (!outputs.contains(o)) {
        outputs.add(o); // an input or weight that is also an output
      }
    }
    return b.output(outputs.toArray(ValueId[]::new)).build();
  }

  /**
   * ONNX Runtime's copy of {@code g}: every max-pool index tensor that another node reads (the
   * switches of a max unpooling) is read instead from a new graph input, {@code index} + {@code
   * .silica}, which the test fills with Silica's indices. Why: an argmax is discontinuous. Two
   * window elements equal up to rounding may be ordered differently by two FP32 engines, and the
   * unpooling then puts a value one pixel away, a difference of the size of the value that no
   * tolerance on the continuous outputs can absorb. So the decisions are checked on their own
   * ({@link #argmaxFlips}: Silica's index lies in the window and its element ties ONNX Runtime's
   * maximum within {@value #REL_TOL}), and everything downstream is compared given the same
   * decisions. The pools themselves still run in ONNX Runtime and their indices are compared.
   *
   * @param cut filled with index value → the graph input that replaces it for its readers
   */
  static Graph withSilicaSwitches(Graph g, Map<ValueId, ValueId> cut) {
    GraphBuilder b = new GraphBuilder(g.name());
    for (Value v : g.values()) {
      if (v.kind() != ValueKind.ACTIVATION) {
        b.declare(v);
      }
    }
    for (Node n : g.nodes()) {
      List<ValueId> ins = new ArrayList<>();
      for (ValueId in : n.inputs()) {
        Node p = g.producer(in);
        if (p != null && p.op() instanceof MaxPool && p.outputs().indexOf(in) == 1) {
          in = cut.computeIfAbsent(in, k -> b.input(k.name() + ".silica", g.type(k)));
        }
        ins.add(in);
      }
      b.node(n.name(), n.op(), ins);
    }
    return b.output(g.outputs().toArray(ValueId[]::new)).build();
  }

  /**
   * Checks max-pool indices {@code a} (Silica) against {@code b} (ONNX Runtime) for pool {@code p}
   * over ONNX Runtime's input {@code x} and returns how many differ. Each index must address the
   * same image and channel as its output element and lie in that element's window (padding resolved
   * as the pool does), and where they differ the two addressed elements of {@code x} must agree
   * within {@code REL_TOL·max|x|}: a tie up to rounding, which the two engines may break
   * differently.
   */
  static int argmaxFlips(String what, MaxPool p, Tensor x, Tensor a, Tensor b) {
    int[] xd = x.dims();
    int[] yd = a.dims();
    int h = xd[2];
    int w = xd[3];
    Padding pad = p.padding().resolved(h, w, p.kernelH(), p.kernelW(), p.strideH(), p.strideW());
    double tol = REL_TOL * maxAbs(x);
    long[] ia = a.longs();
    long[] ib = b.longs();
    int flips = 0;
    for (int e = 0; e < ia.length; e++) {
      if (ia[e] == ib[e]) {
        continue;
      }
      flips++;
      int q = e % yd[3];
      int r = e / yd[3];
      int row = r % yd[2];
      int plane = r / yd[2]; // n·C + c
      for (long idx : new long[] {ia[e], ib[e]}) {
        long inPlane = idx - (long) plane * h * w;
        long hh = inPlane / w;
        long ww = inPlane % w;
        long top = (long) row * p.strideH() - pad.top();
        long left = (long) q * p.strideW() - pad.left();
        assertThat(inPlane >= 0 && inPlane < (long) h * w)
            .as("%s: index %d of element %d outside its image and channel", what, idx, e)
            .isTrue();
        assertThat(hh >= top && hh < top + p.kernelH() && ww >= left && ww < left + p.kernelW())
            .as("%s: index %d of element %d outside its window", what, idx, e)
            .isTrue();
      }
      double va = x.getDouble((int) ia[e]);
      double vb = x.getDouble((int) ib[e]);
      assertThat(Math.abs(va - vb))
          .as(
              "%s element %d: Silica picks %d (%s), ONNX Runtime %d (%s): not a tie",
              what, e, ia[e], va, ib[e], vb)
          .isLessThanOrEqualTo(tol);
    }
    return flips;
  }

  /** CPU time of the whole process (every thread, Java and native), for the timing lines. */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** {@code max|a - b| / max(max|b|, FLT_MIN)}; see the class comment. */
  static double relativeDifference(Tensor a, Tensor b) {
    return a.maxAbsDiff(b) / Math.max(maxAbs(b), Float.MIN_NORMAL);
  }

  static double maxAbs(Tensor t) {
    double m = 0;
    for (int i = 0; i < t.size(); i++) {
      m = Math.max(m, Math.abs(t.getDouble(i)));
    }
    return m;
  }

  /** The seeded weights as exporter data, in the IR layout and the declared element types. */
  static Map<ValueId, InitializerData> initializers(Graph g, Weights w) {
    Map<ValueId, InitializerData> data = new LinkedHashMap<>();
    for (Value v : g.initializers()) {
      if (!v.literal().isEmpty()) {
        continue; // the exporter writes literals itself
      }
      Tensor t = w.get(v.id());
      DType d = v.type().dtype();
      List<Integer> dims = v.type().shape().dims();
      InitializerData x =
          switch (t.dtype()) {
            case F32 -> {
              assertThat(d).as("%s: f32 weights for a %s value", v.id(), d).isEqualTo(DType.F32);
              yield new InitializerData(d, dims, t.floats(), null, null);
            }
            case F64 -> new InitializerData(d, dims, null, null, t.doubles());
            case I64 -> {
              assertThat(d.isIntegral()).as("%s: integer weights for %s", v.id(), d).isTrue();
              yield new InitializerData(d, dims, null, t.longs(), null);
            }
            default -> throw new AssertionError(v.id() + ": unexpected weight type " + t.dtype());
          };
      data.put(v.id(), x);
    }
    return data;
  }

  private static OrtSession.SessionOptions options() throws OrtException {
    OrtSession.SessionOptions o = new OrtSession.SessionOptions();
    o.setIntraOpNumThreads(1);
    o.setInterOpNumThreads(1);
    o.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
    return o;
  }

  /** Runs the exported model on ONNX Runtime's CPU provider; outputs by name, as Silica tensors. */
  static Map<String, Tensor> runOnnxRuntime(Graph g, byte[] model, Map<ValueId, Tensor> inputs)
      throws OrtException {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    Map<String, OnnxTensor> feeds = new LinkedHashMap<>();
    try (OrtSession.SessionOptions opts = options();
        OrtSession session = env.createSession(model, opts)) {
      for (Value v : g.inputs()) {
        feeds.put(v.id().name(), onnxTensor(env, v, inputs.get(v.id())));
      }
      Map<String, Tensor> out = new LinkedHashMap<>();
      try (OrtSession.Result r = session.run(feeds)) {
        for (ValueId o : g.outputs()) {
          Optional<OnnxValue> value = r.get(o.name());
          if (value.isPresent()) {
            out.put(o.name(), silicaTensor((OnnxTensor) value.get(), g.type(o).shape()));
          }
        }
      }
      return out;
    } finally {
      feeds.values().forEach(OnnxTensor::close);
    }
  }

  private static OnnxTensor onnxTensor(OrtEnvironment env, Value v, Tensor t) throws OrtException {
    long[] shape = v.type().shape().dims().stream().mapToLong(Integer::longValue).toArray();
    return switch (v.type().dtype()) {
      case F32 -> OnnxTensor.createTensor(env, FloatBuffer.wrap(t.toF32().floats()), shape);
      case I64 -> OnnxTensor.createTensor(env, LongBuffer.wrap(t.longs()), shape);
      case I32 -> {
        long[] l = t.longs();
        int[] i = new int[l.length];
        for (int k = 0; k < l.length; k++) {
          i[k] = Math.toIntExact(l[k]);
        }
        yield OnnxTensor.createTensor(env, IntBuffer.wrap(i), shape);
      }
      default ->
          throw new AssertionError(
              v.id() + ": no ONNX Runtime input conversion for " + v.type().dtype());
    };
  }

  private static Tensor silicaTensor(OnnxTensor t, Shape shape) {
    OnnxJavaType type = t.getInfo().type;
    return switch (type) {
      case FLOAT -> {
        FloatBuffer b = t.getFloatBuffer();
        float[] f = new float[b.remaining()];
        b.get(f);
        yield Tensor.of(shape, f);
      }
      case INT64 -> {
        LongBuffer b = t.getLongBuffer();
        long[] l = new long[b.remaining()];
        b.get(l);
        yield Tensor.of(shape, l);
      }
      case INT32 -> {
        IntBuffer b = t.getIntBuffer();
        long[] l = new long[b.remaining()];
        for (int i = 0; i < l.length; i++) {
          l[i] = b.get(i);
        }
        yield Tensor.of(shape, l);
      }
      default -> throw new AssertionError("no conversion for ONNX Runtime output type " + type);
    };
  }
}
