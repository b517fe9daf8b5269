package dev.silica.workloads.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.silica.workloads.ir.IrException;
import dev.silica.workloads.onnx.proto.OnnxWire;
import dev.silica.workloads.zoo.Zoo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed files, truncated files and unsupported ops give a one-line {@link OnnxException} (an
 * {@link IrException}, so an {@link IllegalArgumentException}) that starts with the file name, and
 * never any other exception.
 */
class OnnxErrorMessagesTest {
  @TempDir Path dir;

  /** A valid model with an LSTM, an embedding, reshapes and initializers, to corrupt. */
  static byte[] valid() {
    return OnnxExporter.toBytes(Zoo.build("rnn-lm"), Map.of(), OnnxExporter.MissingData.ZEROS);
  }

  static Stream<Arguments> corruptions() {
    byte[] good = valid();
    SplittableRandom rnd = new SplittableRandom(2024);
    List<Arguments> cases = new ArrayList<>();
    cases.add(Arguments.of("empty", new byte[0]));
    for (int cut : new int[] {1, 2, 7, 100, good.length / 3, good.length / 2, good.length - 1}) {
      cases.add(Arguments.of("truncated to " + cut + " bytes", Arrays.copyOf(good, cut)));
    }
    for (int i = 0; i < 8; i++) {
      byte[] noise = new byte[1 + rnd.nextInt(4096)];
      for (int k = 0; k < noise.length; k++) {
        noise[k] = (byte) rnd.nextInt(256);
      }
      cases.add(Arguments.of("random bytes seed 2024 #" + i, noise));
    }
    cases.add(
        Arguments.of("text file", "hello, this is not onnx\n".getBytes(StandardCharsets.UTF_8)));
    // field 7 (graph) as a varint instead of a message: parses as an unknown field, so no graph
    cases.add(Arguments.of("graph field as varint", new byte[] {0x38, 0x01}));
    // field 1 (ir_version) as a length-delimited field claiming more bytes than exist
    cases.add(Arguments.of("length beyond end", new byte[] {0x0A, 0x7F, 0x01}));
    // a model whose initializer claims 10^9 elements but carries 4 bytes
    cases.add(Arguments.of("huge dims", hugeDims()));
    cases.add(Arguments.of("no opset", noOpset()));
    cases.add(Arguments.of("symbolic batch", symbolicInput()));
    cases.add(Arguments.of("undefined input", undefinedInput()));
    cases.add(Arguments.of("wrong attribute type", wrongAttributeType()));
    cases.add(
        Arguments.of(
            "node without outputs",
            model(
                    OnnxWire.Graph.newBuilder()
                        .addInput(info("x", 2))
                        .addNode(OnnxWire.Node.newBuilder().setOpType("Unsqueeze").addInput("x"))
                        .addOutput(info("x", 2)))
                .toByteArray()));
    cases.add(
        Arguments.of(
            "control characters in names",
            model(
                    OnnxWire.Graph.newBuilder()
                        .addInput(info("x\n\n", 2))
                        .addNode(node("Relu", "r\n", List.of("x"), "y"))
                        .addOutput(info("y", 2)))
                .toByteArray()));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corruptions")
  void corruptedFilesFailWithOneLineNamingTheFile(String what, byte[] bytes) throws IOException {
    Path file = dir.resolve("model.onnx");
    Files.write(file, bytes);
    assertThatThrownBy(() -> OnnxImporter.read(file))
        .as(what)
        .isInstanceOf(OnnxException.class)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("model.onnx: ")
        .satisfies(
            e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("cannot import ("));
  }

  /** Flipped bits may still leave a valid model (in weight bytes); they must never crash. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void flippedBitsImportOrFailWithOneLine(long seed) throws IOException {
    byte[] bytes = valid();
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int k = 0; k < 8; k++) {
      bytes[rnd.nextInt(Math.min(bytes.length, 4096))] ^= (byte) (1 << rnd.nextInt(8));
    }
    Path file = dir.resolve("model.onnx");
    Files.write(file, bytes);
    try {
      OnnxImporter.read(file);
    } catch (OnnxException e) {
      assertThat(e.getMessage())
          .startsWith("model.onnx: ")
          .doesNotContain("\n")
          .doesNotContain("cannot import (");
    }
  }

  static Stream<Long> seeds() {
    return Stream.iterate(1L, s -> s + 1).limit(40);
  }

  @Test
  void missingFileNamesIt() {
    assertThatThrownBy(() -> OnnxImporter.read(dir.resolve("absent.onnx")))
        .isInstanceOf(OnnxException.class)
        .hasMessageStartingWith("absent.onnx: cannot read");
  }

  @Test
  void specificMessages() throws IOException {
    assertThat(message(new byte[0])).isEqualTo("model.onnx: empty file (not an ONNX model)");
    assertThat(message(new byte[] {0x38, 0x01}))
        .isEqualTo("model.onnx: not an ONNX model (no graph)");
    assertThat(message(Arrays.copyOf(valid(), 100)))
        .startsWith("model.onnx: not a valid ONNX model (")
        .contains("truncated");
    assertThat(message(symbolicInput()))
        .isEqualTo(
            "model.onnx: graph input 'x': dimension 0 is symbolic ('N'); Silica needs static"
                + " shapes");
    assertThat(message(wrongAttributeType()))
        .isEqualTo(
            "model.onnx: node 'pool' (op MaxPool): attribute 'kernel_shape' must be of type ints,"
                + " got float");
    assertThat(message(hugeDims()))
        .isEqualTo(
            "model.onnx: initializer 'w': raw data has 4 bytes, dimensions [1000000000] of f32 need"
                + " 4000000000");
  }

  @Test
  void unsupportedOpNamesOpNodeAndSupportedOps() throws IOException {
    OnnxWire.Model m =
        model(
            OnnxWire.Graph.newBuilder()
                .setName("g")
                .addInput(info("x", 2, 3))
                .addNode(node("Relu", "n1", List.of("x"), "a"))
                .addNode(node("Einsum", "n3", List.of("a", "a"), "y"))
                .addOutput(info("y", 2, 3)));
    assertThat(message(m.toByteArray()))
        .startsWith(
            "model.onnx: node 'n3' (op Einsum): unsupported op (supported: Add, AveragePool, ")
        .contains("LSTM")
        .doesNotContain("\n");
  }

  @Test
  void unsupportedAttributeAndValuesAreNamed() throws IOException {
    OnnxWire.Model bidirectional =
        model(
            OnnxWire.Graph.newBuilder()
                .addInput(info("x", 2, 1, 3))
                .addInitializer(zeros("W", 2, 8, 3))
                .addInitializer(zeros("R", 2, 8, 4))
                .addNode(
                    node("GRU", "enc", List.of("x", "W", "R"), "y")
                        .addAttribute(text("direction", "bidirectional"))
                        .addAttribute(integer("hidden_size", 4)))
                .addOutput(info("y", 2, 2, 1, 4)));
    assertThat(message(bidirectional.toByteArray()))
        .isEqualTo(
            "model.onnx: node 'enc' (op GRU): direction 'bidirectional' is not supported (the IR's"
                + " recurrent ops run forward only)");
    OnnxWire.Model foo =
        model(
            OnnxWire.Graph.newBuilder()
                .addInput(info("x", 1, 1, 4, 4))
                .addNode(node("Relu", "", List.of("x"), "y").addAttribute(integer("foo", 1)))
                .addOutput(info("y", 1, 1, 4, 4)));
    assertThat(message(foo.toByteArray()))
        .isEqualTo("model.onnx: node #0 ('y') (op Relu): unsupported attribute 'foo' (takes none)");
  }

  /** Scalar initializer of an ONNX element type, for the quantized-op cases. */
  static OnnxWire.Tensor scalar(String name, int elemType, long bits) {
    return OnnxWire.Tensor.newBuilder()
        .setName(name)
        .setDataType(elemType)
        .addInt32Data((int) bits)
        .build();
  }

  @Test
  void quantizedAndCastOpsNameWhatIsWrong() throws IOException {
    // Cast to STRING (ONNX type 8)
    OnnxWire.Model toString =
        model(
            OnnxWire.Graph.newBuilder()
                .addInput(info("x", 2))
                .addNode(node("Cast", "c", List.of("x"), "y").addAttribute(integer("to", 8)))
                .addOutput(info("y", 2)));
    assertThat(message(toString.toByteArray()))
        .startsWith(
            "model.onnx: node 'c' (op Cast): to: unsupported element type 8 (string; supported:");
    // a float zero point (ONNX requires int8 or uint8)
    OnnxWire.Model floatZero =
        model(
            OnnxWire.Graph.newBuilder()
                .addInput(info("x", 2, 3))
                .addInitializer(zeros("s"))
                .addInitializer(zeros("z"))
                .addNode(node("QuantizeLinear", "q", List.of("x", "s", "z"), "y"))
                .addOutput(info("y", 2, 3)));
    assertThat(message(floatZero.toByteArray()))
        .isEqualTo(
            "model.onnx: node 'q' (op QuantizeLinear): q: zero point must be i8 or u8, got f32[]");
    // a per-channel output scale of QLinearMatMul (Silica takes per-tensor ones)
    OnnxWire.Model perChannel =
        model(
            OnnxWire.Graph.newBuilder()
                .addInitializer(scalar("a", 2, 1).toBuilder().addDims(1).addDims(1))
                .addInitializer(zeros("s"))
                .addInitializer(scalar("z", 2, 0))
                .addInitializer(zeros("ys", 2))
                .addInitializer(scalar("yz", 2, 0))
                .addNode(
                    node(
                        "QLinearMatMul",
                        "mm",
                        List.of("a", "s", "z", "a", "s", "z", "ys", "yz"),
                        "y"))
                .addOutput(info("y", 1, 1)));
    assertThat(message(perChannel.toByteArray()))
        .isEqualTo(
            "model.onnx: node 'mm' (op QLinearMatMul): mm: Y scale must be a scalar, got [2]");
    // linear resizing
    OnnxWire.Model linear =
        model(
            OnnxWire.Graph.newBuilder()
                .addInput(info("x", 1, 1, 2, 2))
                .addInitializer(zeros("roi", 0))
                .addInitializer(
                    OnnxTensors.encode("scales", InitializerData.ofFloats(List.of(4), 1, 1, 2, 2)))
                .addNode(
                    node("Resize", "r", List.of("x", "roi", "scales"), "y")
                        .addAttribute(text("mode", "linear")))
                .addOutput(info("y", 1, 1, 4, 4)));
    assertThat(message(linear.toByteArray()))
        .isEqualTo(
            "model.onnx: node 'r' (op Resize): mode 'linear' is not supported (only nearest)");
    OnnxWire.Model badMode =
        model(
            OnnxWire.Graph.newBuilder()
                .addInput(info("x", 1, 1, 2, 2))
                .addInitializer(
                    OnnxTensors.encode("scales", InitializerData.ofFloats(List.of(4), 1, 1, 2, 2)))
                .addNode(
                    node("Resize", "r", List.of("x", "", "scales"), "y")
                        .addAttribute(text("coordinate_transformation_mode", "tf_crop_and_resize")))
                .addOutput(info("y", 1, 1, 4, 4)));
    assertThat(message(badMode.toByteArray()))
        .isEqualTo(
            "model.onnx: node 'r' (op Resize): coordinate_transformation_mode 'tf_crop_and_resize'"
                + " is not supported (supported: half_pixel, pytorch_half_pixel, align_corners,"
                + " asymmetric, tf_half_pixel_for_nn)");
  }

  /**
   * The ONNX node-test models of the quantized, cast and resize ops (libonnx-testdata), each cut at
   * five points and with bits flipped at ten seeds: every one imports or fails with one line.
   */
  @Test
  void corruptedNodeTestModelsFailWithOneLine() throws IOException {
    Path root =
        dev.silica.testkit.TestData.require(
            OnnxNodeConformanceTest.DATA.resolve("node"), "libonnx-testdata");
    List<String> tests =
        List.of(
            "test_qlinearconv",
            "test_qlinearmatmul_3D",
            "test_convinteger_with_padding",
            "test_matmulinteger",
            "test_quantizelinear_axis",
            "test_dequantizelinear_axis",
            "test_cast_FLOAT_to_FLOAT16",
            "test_prelu_broadcast",
            "test_logsoftmax_axis_1",
            "test_resize_upsample_sizes_nearest_ceil_half_pixel",
            "test_maxunpool_export_with_output_shape");
    int failures = 0;
    for (String t : tests) {
      byte[] good = Files.readAllBytes(root.resolve(t).resolve("model.onnx"));
      List<byte[]> bad = new ArrayList<>();
      for (int cut :
          new int[] {1, good.length / 4, good.length / 2, good.length - 2, good.length - 1}) {
        bad.add(Arrays.copyOf(good, cut));
      }
      for (long seed = 1; seed <= 10; seed++) {
        SplittableRandom rnd = new SplittableRandom(seed);
        byte[] b = good.clone();
        for (int k = 0; k < 4; k++) {
          b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
        }
        bad.add(b);
      }
      for (byte[] b : bad) {
        Path file = dir.resolve("model.onnx");
        Files.write(file, b);
        try {
          OnnxImporter.read(file);
        } catch (OnnxException e) {
          failures++;
          assertThat(e.getMessage())
              .as(t)
              .startsWith("model.onnx: ")
              .doesNotContain("\n")
              .doesNotContain("cannot import (");
        }
      }
    }
    // every truncation breaks the file; some flipped bits land in names or data and still import
    assertThat(failures).isGreaterThanOrEqualTo(tests.size() * 5);
  }

  @Test
  void exporterRejectsRecurrentWeightsThatAreNotInitializers() {
    var g = new dev.silica.workloads.ir.GraphBuilder("g");
    var x = g.input("x", dev.silica.workloads.ir.TensorType.f32(2, 1, 3));
    var wx = g.input("wx", dev.silica.workloads.ir.TensorType.f32(3, 4));
    var y =
        g.apply(
            "rnn",
            new dev.silica.workloads.ir.Rnn(4, dev.silica.workloads.ir.Rnn.Activation.TANH),
            x,
            wx,
            g.parameter("wh", dev.silica.workloads.ir.TensorType.f32(4, 4)),
            g.parameter("b", dev.silica.workloads.ir.TensorType.f32(4)));
    var graph = g.output(y).build();
    assertThatThrownBy(() -> OnnxExporter.write(graph, dir.resolve("out.onnx")))
        .isInstanceOf(OnnxException.class)
        .hasMessage(
            "out.onnx: node 'rnn' (rnn): operand %wx (W) must be a parameter or buffer: ONNX stores"
                + " recurrent weights in its own layout, got input");
  }

  private String message(byte[] bytes) throws IOException {
    Path file = dir.resolve("model.onnx");
    Files.write(file, bytes);
    try {
      OnnxImporter.read(file);
    } catch (OnnxException e) {
      return e.getMessage();
    }
    throw new AssertionError("no error");
  }

  static OnnxWire.Model model(OnnxWire.Graph.Builder g) {
    return OnnxWire.Model.newBuilder()
        .setIrVersion(8)
        .addOpsetImport(OnnxWire.OpsetId.newBuilder().setVersion(17))
        .setGraph(g)
        .build();
  }

  static OnnxWire.ValueInfo info(String name, int... dims) {
    OnnxWire.Dims.Builder d = OnnxWire.Dims.newBuilder();
    for (int v : dims) {
      d.addDim(OnnxWire.Dims.Dim.newBuilder().setDimValue(v));
    }
    return OnnxWire.ValueInfo.newBuilder()
        .setName(name)
        .setType(
            OnnxWire.TypeInfo.newBuilder()
                .setTensorType(
                    OnnxWire.TypeInfo.TensorInfo.newBuilder().setElemType(1).setShape(d)))
        .build();
  }

  static OnnxWire.Node.Builder node(String op, String name, List<String> in, String out) {
    return OnnxWire.Node.newBuilder().setOpType(op).setName(name).addAllInput(in).addOutput(out);
  }

  static OnnxWire.Tensor zeros(String name, int... dims) {
    List<Integer> d = Arrays.stream(dims).boxed().toList();
    return OnnxTensors.encode(name, InitializerData.zeros(dev.silica.workloads.ir.DType.F32, d));
  }

  static OnnxWire.Attribute integer(String name, long v) {
    return OnnxWire.Attribute.newBuilder()
        .setName(name)
        .setType(OnnxWire.Attribute.Kind.INT)
        .setI(v)
        .build();
  }

  static OnnxWire.Attribute ints(String name, long... v) {
    OnnxWire.Attribute.Builder a =
        OnnxWire.Attribute.newBuilder().setName(name).setType(OnnxWire.Attribute.Kind.INTS);
    for (long e : v) {
      a.addInts(e);
    }
    return a.build();
  }

  static OnnxWire.Attribute text(String name, String v) {
    return OnnxWire.Attribute.newBuilder()
        .setName(name)
        .setType(OnnxWire.Attribute.Kind.STRING)
        .setS(ByteString.copyFromUtf8(v))
        .build();
  }

  static byte[] hugeDims() {
    return model(
            OnnxWire.Graph.newBuilder()
                .addInput(info("x", 1))
                .addInitializer(
                    OnnxWire.Tensor.newBuilder()
                        .setName("w")
                        .setDataType(1)
                        .addDims(1_000_000_000L)
                        .setRawData(ByteString.copyFrom(new byte[4])))
                .addNode(node("Add", "add", List.of("x", "w"), "y"))
                .addOutput(info("y", 1)))
        .toByteArray();
  }

  static byte[] noOpset() {
    return OnnxWire.Model.newBuilder()
        .setGraph(
            OnnxWire.Graph.newBuilder()
                .addInput(info("x", 1))
                .addNode(node("Relu", "r", List.of("x"), "y"))
                .addOutput(info("y", 1)))
        .build()
        .toByteArray();
  }

  static byte[] symbolicInput() {
    OnnxWire.ValueInfo x =
        OnnxWire.ValueInfo.newBuilder()
            .setName("x")
            .setType(
                OnnxWire.TypeInfo.newBuilder()
                    .setTensorType(
                        OnnxWire.TypeInfo.TensorInfo.newBuilder()
                            .setElemType(1)
                            .setShape(
                                OnnxWire.Dims.newBuilder()
                                    .addDim(OnnxWire.Dims.Dim.newBuilder().setDimParam("N"))
                                    .addDim(OnnxWire.Dims.Dim.newBuilder().setDimValue(3)))))
            .build();
    return model(
            OnnxWire.Graph.newBuilder()
                .addInput(x)
                .addNode(node("Relu", "r", List.of("x"), "y"))
                .addOutput(info("y", 1, 3)))
        .toByteArray();
  }

  static byte[] undefinedInput() {
    return model(
            OnnxWire.Graph.newBuilder()
                .addInput(info("x", 1))
                .addNode(node("Add", "add", List.of("x", "nowhere"), "y"))
                .addOutput(info("y", 1)))
        .toByteArray();
  }

  static byte[] wrongAttributeType() {
    return model(
            OnnxWire.Graph.newBuilder()
                .addInput(info("x", 1, 1, 4, 4))
                .addNode(
                    node("MaxPool", "pool", List.of("x"), "y")
                        .addAttribute(
                            OnnxWire.Attribute.newBuilder()
                                .setName("kernel_shape")
                                .setType(OnnxWire.Attribute.Kind.FLOAT)
                                .setF(2)))
                .addOutput(info("y", 1, 1, 2, 2)))
        .toByteArray();
  }
}
