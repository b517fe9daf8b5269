package dev.silica.workloads.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.testkit.TestData;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.TensorType;
import dev.silica.workloads.onnx.proto.OnnxWire;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Imports the ONNX node-test models of Debian's {@code libonnx-testdata} (ONNX 1.12): every model
 * whose ops are all mapped either imports, with output shapes equal to the ones the model declares,
 * or is rejected with a one-line message naming the node and what is missing. Graph inputs that the
 * IR needs as constants (Reshape shapes, Resize scales, recurrent weights fed as inputs) are frozen
 * from {@code test_data_set_0}, as a user would freeze them. Each imported graph is also exported
 * and read back, which must give the same graph and initializers.
 *
 * <p>Numeric conformance against {@code output_0.pb} is {@link OnnxNodeConformanceTest}.
 */
class OnnxNodeTestsImportTest {
  static final Path NODE = Path.of("/usr/share/libonnx-testdata/data/node");
  private static final Pattern NEEDS_CONSTANT = Pattern.compile("got graph input '([^']*)'");

  /** Outcome of one model. */
  record Outcome(String test, boolean imported, String message, int frozen) {}

  @Test
  void supportedNodeTestsImportWithDeclaredOutputShapes() throws IOException {
    Path root = TestData.require(NODE, "libonnx-testdata");
    // Regression oracle: 143 of the 215 fully mapped models imported when this was written
    // (ONNX 1.12 data); every rejection is an unsupported attribute value or IR limitation.
    assertThat(survey(root, "node tests")).isGreaterThanOrEqualTo(143);
  }

  /** The models PyTorch's exporter wrote for its own modules (opset 6 to 12). */
  @Test
  void pytorchExportedModelsImport() throws IOException {
    Path data = TestData.require(NODE.getParent(), "libonnx-testdata");
    int imported = survey(data.resolve("pytorch-converted"), "pytorch-converted");
    imported += survey(data.resolve("pytorch-operator"), "pytorch-operator");
    // Regression oracle: 46 + 15 when this was written; 3-D convolution and pooling and dilated
    // max pooling are rejected
    assertThat(imported).isGreaterThanOrEqualTo(61);
  }

  /** Imports every model of a folder whose ops are all mapped; prints a report; returns imports. */
  static int survey(Path root, String title) throws IOException {
    List<Path> dirs;
    try (Stream<Path> s = Files.list(root)) {
      dirs = s.filter(d -> Files.isRegularFile(d.resolve("model.onnx"))).sorted().toList();
    }
    List<Outcome> outcomes = new ArrayList<>();
    int unsupportedOps = 0;
    for (Path dir : dirs) {
      OnnxWire.Model model =
          OnnxWire.Model.parseFrom(Files.readAllBytes(dir.resolve("model.onnx")));
      Set<String> ops = new LinkedHashSet<>();
      model.getGraph().getNodeList().forEach(n -> ops.add(n.getOpType()));
      ops.removeAll(OnnxImporter.supportedOps());
      if (!ops.isEmpty()) {
        unsupportedOps++;
        continue;
      }
      outcomes.add(importOne(dir, model));
    }
    Map<String, Integer> reasons = new TreeMap<>();
    int imported = 0;
    int frozenModels = 0;
    for (Outcome o : outcomes) {
      if (o.imported()) {
        imported++;
        frozenModels += o.frozen() > 0 ? 1 : 0;
      } else {
        reasons.merge(reason(o.message()), 1, Integer::sum);
        assertThat(o.message())
            .as(o.test())
            .doesNotContain("\n")
            .startsWith("model.onnx: ")
            .doesNotContain("cannot import (");
      }
    }
    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
            java.util.Locale.ROOT,
            "ONNX %s: %d models; %d use only mapped ops: %d import (%d with frozen inputs),"
                + " %d rejected; %d use unmapped ops%n",
            title,
            dirs.size(),
            outcomes.size(),
            imported,
            frozenModels,
            outcomes.size() - imported,
            unsupportedOps));
    report.append("Rejections by reason:\n");
    reasons.forEach((k, v) -> report.append(String.format("  %3d  %s%n", v, k)));
    System.out.print(report);
    return imported;
  }

  /** Imports one test, freezing inputs the importer asks to be constant; checks output shapes. */
  static Outcome importOne(Path dir, OnnxWire.Model model) {
    String test = dir.getFileName().toString();
    Map<String, InitializerData> frozen = new HashMap<>();
    List<String> inputs = new ArrayList<>();
    model.getGraph().getInputList().forEach(v -> inputs.add(v.getName()));
    for (int attempt = 0; ; attempt++) {
      ImportedModel m;
      try {
        m = OnnxImporter.read(dir.resolve("model.onnx"), frozen);
      } catch (OnnxException e) {
        Matcher k = NEEDS_CONSTANT.matcher(e.getMessage());
        if (k.find()
            && attempt < 8
            && inputs.contains(k.group(1))
            && !frozen.containsKey(k.group(1))) {
          Path pb = dir.resolve("test_data_set_0/input_" + inputs.indexOf(k.group(1)) + ".pb");
          if (Files.isRegularFile(pb)) {
            frozen.put(k.group(1), OnnxTensors.read(pb).data());
            continue;
          }
        }
        return new Outcome(test, false, e.getMessage(), frozen.size());
      }
      checkOutputs(test, model, m.graph());
      // and Silica's own export of the imported graph reads back the same
      ImportedModel again =
          OnnxImporter.read(
              OnnxExporter.toBytes(m.graph(), m.initializers(), OnnxExporter.MissingData.ZEROS),
              test + ".onnx");
      assertThat(again.graph()).as(test + " re-exported").isEqualTo(m.graph());
      assertThat(again.initializers()).as(test + " re-exported").isEqualTo(m.initializers());
      return new Outcome(test, true, "", frozen.size());
    }
  }

  static void checkOutputs(String test, OnnxWire.Model model, Graph g) {
    assertThat(g.outputs()).as(test).hasSize(model.getGraph().getOutputCount());
    for (int i = 0; i < g.outputs().size(); i++) {
      OnnxWire.TypeInfo.TensorInfo declared =
          model.getGraph().getOutput(i).getType().getTensorType();
      List<Integer> dims = new ArrayList<>();
      declared.getShape().getDimList().forEach(d -> dims.add((int) d.getDimValue()));
      TensorType t = g.type(g.outputs().get(i));
      assertThat(t.shape().dims()).as("%s output %d", test, i).isEqualTo(dims);
      assertThat(OnnxTensors.code(t.dtype()))
          .as("%s output %d type", test, i)
          .isEqualTo(declared.getElemType());
    }
  }

  /** A rejection message with names and numbers blanked, for grouping. */
  static String reason(String message) {
    String m = message.replaceFirst("^model\\.onnx: ", "");
    String op = "";
    Matcher node = Pattern.compile("^node .*?\\(op ([A-Za-z]+)\\): ").matcher(m);
    if (node.find()) {
      op = node.group(1) + ": ";
      m = m.substring(node.end());
    }
    m =
        m.replaceAll("'[^']*'", "'…'")
            .replaceAll("\\[[^\\]]*\\]", "[…]")
            .replaceAll("\\d+(?!-D)", "N");
    m = m.replaceAll(" \\(supported: .*", "");
    return op + m;
  }

  @Test
  void tensorFilesOfNodeTestsDecode() {
    Path root = TestData.require(NODE, "libonnx-testdata");
    // test_conv_with_strides_padding: x f32[1,1,7,5] holds 0..34; y f32[1,1,4,3]
    OnnxTensors.NamedTensor x =
        OnnxTensors.read(root.resolve("test_conv_with_strides_padding/test_data_set_0/input_0.pb"));
    assertThat(x.name()).isEqualTo("x");
    assertThat(x.data().dims()).containsExactly(1, 1, 7, 5);
    assertThat(x.data().get(0)).isEqualTo(0f);
    assertThat(x.data().get(34)).isEqualTo(34f);
    OnnxTensors.NamedTensor y =
        OnnxTensors.read(
            root.resolve("test_conv_with_strides_padding/test_data_set_0/output_0.pb"));
    assertThat(y.data().dims()).containsExactly(1, 1, 4, 3);
    // the first output sums the 3x3 window over the padded corner: 0+1+5+6 = 12
    assertThat(y.data().get(0)).isEqualTo(12f);
    // an int64 tensor: the target shape of test_reshape_reordered_all_dims is [4,2,3]
    OnnxTensors.NamedTensor shape =
        OnnxTensors.read(
            root.resolve("test_reshape_reordered_all_dims/test_data_set_0/input_1.pb"));
    assertThat(shape.data().longs()).containsExactly(4, 2, 3);
    // a bool tensor
    OnnxTensors.NamedTensor cond =
        OnnxTensors.read(root.resolve("test_where_example/test_data_set_0/input_0.pb"));
    assertThat(cond.data().dtype()).isEqualTo(dev.silica.workloads.ir.DType.BOOL);
    assertThat(cond.data().longs()).containsExactly(1, 0, 1, 1);
  }
}
