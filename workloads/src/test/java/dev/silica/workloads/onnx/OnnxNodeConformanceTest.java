package dev.silica.workloads.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.testkit.TestData;
import dev.silica.workloads.exec.Precision;
import dev.silica.workloads.exec.ReferenceExecutor;
import dev.silica.workloads.exec.Weights;
import dev.silica.workloads.ir.DType;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.Value;
import dev.silica.workloads.ir.ValueId;
import dev.silica.workloads.onnx.proto.OnnxWire;
import dev.silica.workloads.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Numeric conformance against the ONNX backend node tests of Debian's {@code libonnx-testdata}
 * (ONNX 1.12) and the {@code pytorch-converted} / {@code pytorch-operator} models: every model
 * whose ops Silica imports is imported, run by the {@link ReferenceExecutor} (FP32) on each {@code
 * test_data_set_*}'s inputs, and each output compared with {@code output_N.pb}.
 *
 * <p>A graph with an {@code f64} value runs in the executor's FP64 mode (an FP32 run of the PyTorch
 * double-precision models overflows where their expected outputs reach 1e198); every other graph
 * runs in FP32.
 *
 * <p>Tolerances are ONNX's own backend-test defaults ({@code onnx/backend/test/runner}: {@code rtol
 * = 1e-3}, {@code atol = 1e-7}, NumPy {@code assert_allclose}: {@code |actual - expected| <= atol +
 * rtol·|expected|}); integer and boolean outputs must be equal. Graph inputs that the IR needs as
 * constants (Reshape shapes, recurrent weights) are frozen from {@code test_data_set_0}, as in
 * {@link OnnxNodeTestsImportTest}; a data set whose frozen inputs differ is a failure.
 *
 * <p>A model is skipped, with its reason printed, when it uses an op Silica does not import or when
 * the import rejects it (an attribute value or shape the IR cannot express). The test prints passed
 * / failed / skipped counts per suite and the skips grouped by reason, and fails on any numeric
 * failure.
 */
class OnnxNodeConformanceTest {
  static final Path DATA = Path.of("/usr/share/libonnx-testdata/data");

  /** ONNX backend-test tolerances (onnx/backend/test/runner/__init__.py defaults). */
  static final double RTOL = 1e-3;

  static final double ATOL = 1e-7;

  private static final Pattern NEEDS_CONSTANT = Pattern.compile("got graph input '([^']*)'");

  private static ReferenceExecutor fp32;
  private static ReferenceExecutor fp64;

  @BeforeAll
  static void start() {
    fp32 = new ReferenceExecutor(Precision.FP32, 2);
    fp64 = new ReferenceExecutor(Precision.FP64, 2);
  }

  @AfterAll
  static void stop() {
    fp32.close();
    fp64.close();
  }

  /** Result of one suite. */
  record Report(int passed, List<String> failures, Map<String, List<String>> skips) {
    int skipped() {
      return skips.values().stream().mapToInt(List::size).sum();
    }
  }

  @Test
  void nodeTests() throws IOException {
    Path root = TestData.require(DATA.resolve("node"), "libonnx-testdata");
    Report r = survey(root, "node");
    assertThat(r.failures()).isEmpty();
    assertThat(r.passed()).isGreaterThan(0);
  }

  @Test
  void pytorchConverted() throws IOException {
    Path root = TestData.require(DATA.resolve("pytorch-converted"), "libonnx-testdata");
    Report r = survey(root, "pytorch-converted");
    assertThat(r.failures()).isEmpty();
    assertThat(r.passed()).isGreaterThan(0);
  }

  @Test
  void pytorchOperator() throws IOException {
    Path root = TestData.require(DATA.resolve("pytorch-operator"), "libonnx-testdata");
    Report r = survey(root, "pytorch-operator");
    assertThat(r.failures()).isEmpty();
    assertThat(r.passed()).isGreaterThan(0);
  }

  static Report survey(Path root, String title) throws IOException {
    List<Path> dirs;
    try (Stream<Path> s = Files.list(root)) {
      dirs = s.filter(d -> Files.isRegularFile(d.resolve("model.onnx"))).sorted().toList();
    }
    int passed = 0;
    List<String> failures = new ArrayList<>();
    Map<String, List<String>> skips = new TreeMap<>();
    for (Path dir : dirs) {
      String test = dir.getFileName().toString();
      String outcome = runOne(dir);
      if (outcome == null) {
        passed++;
      } else if (outcome.startsWith("skip: ")) {
        skips.computeIfAbsent(outcome.substring(6), k -> new ArrayList<>()).add(test);
      } else {
        failures.add(test + ": " + outcome);
      }
    }
    Report r = new Report(passed, failures, skips);
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "ONNX conformance %s: %d models: %d passed, %d failed, %d skipped%n",
            title,
            dirs.size(),
            passed,
            failures.size(),
            r.skipped()));
    failures.forEach(f -> sb.append("  FAILED ").append(f).append('\n'));
    skips.forEach((reason, tests) ->
        sb.append(
            String.format(Locale.ROOT, "  skipped %3d: %s: %s%n", tests.size(), reason, tests)));
    System.out.print(sb);
    return r;
  }

  /** Null when the model passes, {@code "skip: reason"} when skipped, else the failure. */
  static String runOne(Path dir) throws IOException {
    OnnxWire.Model model = OnnxWire.Model.parseFrom(Files.readAllBytes(dir.resolve("model.onnx")));
    Set<String> unsupported = new TreeSet<>();
    model.getGraph().getNodeList().forEach(n -> unsupported.add(n.getOpType()));
    unsupported.removeAll(OnnxImporter.supportedOps());
    if (!unsupported.isEmpty()) {
      return "skip: op not in Silica's list: " + String.join(", ", unsupported);
    }
    Set<String> inits = new HashSet<>();
    model.getGraph().getInitializerList().forEach(t -> inits.add(t.getName()));
    List<String> feeds = new ArrayList<>();
    List<Integer> feedTypes = new ArrayList<>();
    for (OnnxWire.ValueInfo v : model.getGraph().getInputList()) {
      if (!inits.contains(v.getName())) {
        feeds.add(v.getName());
        feedTypes.add(v.getType().getTensorType().getElemType());
      }
    }
    Map<String, InitializerData> frozen = new LinkedHashMap<>();
    ImportedModel m = null;
    for (int attempt = 0; m == null; attempt++) {
      try {
        m = OnnxImporter.read(dir.resolve("model.onnx"), frozen);
      } catch (OnnxException e) {
        Matcher k = NEEDS_CONSTANT.matcher(e.getMessage());
        if (k.find()
            && attempt < 8
            && feeds.contains(k.group(1))
            && !frozen.containsKey(k.group(1))) {
          Path pb = dir.resolve("test_data_set_0/input_" + feeds.indexOf(k.group(1)) + ".pb");
          if (Files.isRegularFile(pb)) {
            frozen.put(k.group(1), OnnxTensors.read(pb).data());
            continue;
          }
        }
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("cannot import (");
        return "skip: import rejects: " + OnnxNodeTestsImportTest.reason(e.getMessage());
      }
    }
    Graph g = m.graph();
    Map<ValueId, Tensor> w = new HashMap<>();
    m.initializers().forEach((id, d) -> w.put(id, d.toTensor()));
    Weights weights = Weights.of(w);
    List<Value> irInputs = g.inputs();
    List<Path> sets;
    try (Stream<Path> s = Files.list(dir)) {
      sets =
          s.filter(p -> p.getFileName().toString().startsWith("test_data_set_")).sorted().toList();
    }
    if (sets.isEmpty()) {
      return "skip: no test data set";
    }
    for (Path set : sets) {
      Map<ValueId, Tensor> inputs = new LinkedHashMap<>();
      int next = 0;
      for (int k = 0; k < feeds.size(); k++) {
        Path pb = set.resolve("input_" + k + ".pb");
        if (!Files.isRegularFile(pb)) {
          return set.getFileName() + ": missing " + pb.getFileName();
        }
        InitializerData d;
        try {
          d = read(pb, feedTypes.get(k));
        } catch (OnnxException e) {
          return "skip: test data: " + OnnxNodeTestsImportTest.reason(e.getMessage());
        }
        if (frozen.containsKey(feeds.get(k))) {
          if (!frozen.get(feeds.get(k)).equals(d)) {
            return set.getFileName() + ": frozen input '" + feeds.get(k) + "' differs";
          }
          continue;
        }
        Value v = irInputs.get(next++);
        if (!v.type().shape().dims().equals(d.dims())) {
          return "skip: test data: input "
              + k
              + " is "
              + d.dims()
              + ", the model declares "
              + v.type().shape()
              + " (Silica needs the declared static shape)";
        }
        inputs.put(v.id(), d.toTensor());
      }
      Map<ValueId, Tensor> out;
      try {
        out = (usesF64(g) ? fp64 : fp32).run(g, inputs, weights);
      } catch (RuntimeException e) {
        return set.getFileName() + ": run failed: " + e;
      }
      int k = 0;
      for (Map.Entry<ValueId, Tensor> e : out.entrySet()) {
        Path pb = set.resolve("output_" + k + ".pb");
        InitializerData expected;
        try {
          expected = read(pb, g.type(e.getKey()).dtype());
        } catch (OnnxException ex) {
          return "skip: test data: " + OnnxNodeTestsImportTest.reason(ex.getMessage());
        }
        String bad = compare(e.getValue(), g.type(e.getKey()).dtype(), expected);
        if (bad != null) {
          return set.getFileName() + " output " + k + ": " + bad;
        }
        k++;
      }
    }
    return null;
  }

  /**
   * Reads a test tensor. ONNX 1.12 wrote the bfloat16 tensors of its Cast tests as uint16 bit
   * patterns (NumPy has no bfloat16); such a tensor is read as bfloat16 where the model declares
   * bfloat16 ({@code declared}: an ONNX element-type code, or an IR type).
   */
  static InitializerData read(Path pb, Object declared) throws IOException {
    boolean bf16 = declared instanceof Integer code ? code == 16 : declared == DType.BF16;
    if (bf16) {
      OnnxWire.Tensor t = OnnxWire.Tensor.parseFrom(Files.readAllBytes(pb));
      if (t.getDataType() == 4) {
        return OnnxTensors.decode(t.toBuilder().setDataType(16).build(), pb.toString());
      }
    }
    return OnnxTensors.read(pb).data();
  }

  /**
   * One bfloat16 unit in the last place at {@code v}: {@code 2^(e - 7)} for {@code v} in {@code
   * [2^e, 2^(e+1))}. ONNX 1.12's expected bfloat16 data (test_cast_FLOAT_to_BFLOAT16) truncates the
   * float32 bits, while Silica rounds to nearest even as IEEE conversion and later ONNX specs do;
   * the two differ by at most one unit, and rtol 1e-3 is finer than bfloat16's 2^-8 precision.
   */
  static double bf16Ulp(double v) {
    return Math.ulp((float) v) * (1 << 16);
  }

  /** A graph with an {@code f64} value runs in {@link Precision#FP64}, any other in FP32. */
  static boolean usesF64(Graph g) {
    return g.values().stream().anyMatch(v -> v.type().dtype() == DType.F64);
  }

  /** Null when {@code actual} matches {@code expected} at ONNX's tolerances, else why not. */
  static String compare(Tensor actual, DType declared, InitializerData expected) {
    if (declared != expected.dtype()) {
      return "type " + declared.text() + ", expected " + expected.dtype().text();
    }
    if (!actual.shape().dims().equals(expected.dims())) {
      return "shape " + actual.shape() + ", expected " + expected.dims();
    }
    Tensor want = expected.toTensor();
    if (declared.isIntegral()) {
      long[] a = actual.longs();
      long[] b = want.longs();
      for (int i = 0; i < a.length; i++) {
        if (a[i] != b[i]) {
          return String.format(
              Locale.ROOT, "element %d is %d, expected %d (integers must be equal)", i, a[i], b[i]);
        }
      }
      return null;
    }
    for (int i = 0; i < actual.size(); i++) {
      double a = actual.getDouble(i);
      double b = want.getDouble(i);
      if (a == b || (Double.isNaN(a) && Double.isNaN(b))) {
        continue;
      }
      double tol = ATOL + RTOL * Math.abs(b);
      if (declared == DType.BF16) {
        tol = Math.max(tol, bf16Ulp(b));
      }
      if (!(Math.abs(a - b) <= tol)) {
        return String.format(
            Locale.ROOT, "element %d is %s, expected %s (rtol %s, atol %s)", i, a, b, RTOL, ATOL);
      }
    }
    return null;
  }

  static Set<String> opsOf(OnnxWire.Model model) {
    Set<String> ops = new LinkedHashSet<>();
    model.getGraph().getNodeList().forEach(n -> ops.add(n.getOpType()));
    return ops;
  }
}
