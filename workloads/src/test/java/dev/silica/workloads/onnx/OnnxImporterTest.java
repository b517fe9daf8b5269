package dev.silica.workloads.onnx;

import static dev.silica.workloads.onnx.OnnxErrorMessagesTest.info;
import static dev.silica.workloads.onnx.OnnxErrorMessagesTest.integer;
import static dev.silica.workloads.onnx.OnnxErrorMessagesTest.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.Reshape;
import dev.silica.workloads.ir.Softmax;
import dev.silica.workloads.ir.TensorType;
import dev.silica.workloads.ir.ValueKind;
import dev.silica.workloads.onnx.proto.OnnxWire;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Import conventions that the round-trip and node tests do not reach. */
class OnnxImporterTest {
  static OnnxWire.Model model(int opset, OnnxWire.Graph.Builder g) {
    return OnnxWire.Model.newBuilder()
        .setIrVersion(6)
        .addOpsetImport(OnnxWire.OpsetId.newBuilder().setVersion(opset))
        .setGraph(g)
        .build();
  }

  static Graph read(OnnxWire.Model m) {
    return OnnxImporter.read(m.toByteArray(), "t.onnx").graph();
  }

  /** Before opset 13 Softmax normalizes the 2-D coercion [prod(d < axis), prod(d >= axis)]. */
  @Test
  void legacySoftmaxOnAnInnerAxisFlattensToTwoDimensions() {
    Graph g =
        read(
            model(
                11,
                OnnxWire.Graph.newBuilder()
                    .addInput(info("x", 2, 3, 4))
                    .addNode(
                        node("Softmax", "sm", List.of("x"), "y").addAttribute(integer("axis", 1)))
                    .addOutput(info("y", 2, 3, 4))));
    assertThat(g.nodes())
        .extracting(n -> n.op())
        .containsExactly(Reshape.of(2, 12), new Softmax(1), Reshape.of(2, 3, 4));
    assertThat(g.type(g.outputs().getFirst())).isEqualTo(TensorType.f32(2, 3, 4));
    Graph last =
        read(
            model(
                11,
                OnnxWire.Graph.newBuilder()
                    .addInput(info("x", 2, 3, 4))
                    .addNode(
                        node("Softmax", "sm", List.of("x"), "y").addAttribute(integer("axis", 2)))
                    .addOutput(info("y", 2, 3, 4))));
    assertThat(last.nodes()).extracting(n -> n.op()).containsExactly(new Softmax(2));
  }

  /** Identity and Squeeze add no node; a view consumed by a normal op becomes one Reshape. */
  @Test
  void identityAndSqueezeAreViews() {
    Graph g =
        read(
            model(
                17,
                OnnxWire.Graph.newBuilder()
                    .addInput(info("x", 1, 3, 1))
                    .addInitializer(
                        OnnxTensors.encode("axes", InitializerData.ofLongs(List.of(1), 2)))
                    .addNode(node("Identity", "", List.of("x"), "x2"))
                    .addNode(node("Squeeze", "", List.of("x2", "axes"), "s"))
                    .addNode(node("Relu", "act", List.of("s"), "y"))
                    .addOutput(info("y", 1, 3))));
    assertThat(g.nodes()).extracting(n -> n.op().kind()).containsExactly("reshape", "relu");
    assertThat(g.values()).noneMatch(v -> v.id().name().equals("axes"));
  }

  /** A Constant node becomes a buffer; small float constants are literals. */
  @Test
  void constantsBecomeBuffers() {
    OnnxWire.Attribute value =
        OnnxWire.Attribute.newBuilder()
            .setName("value")
            .setType(OnnxWire.Attribute.Kind.TENSOR)
            .setT(OnnxTensors.encode("", InitializerData.ofFloats(List.of(3), 1, 2, 3)))
            .build();
    Graph g =
        read(
            model(
                17,
                OnnxWire.Graph.newBuilder()
                    .addInput(info("x", 2, 3))
                    .addNode(node("Constant", "", List.of(), "c").addAttribute(value))
                    .addNode(node("Add", "add", List.of("x", "c"), "y"))
                    .addOutput(info("y", 2, 3))));
    var c = g.value(new dev.silica.workloads.ir.ValueId("c"));
    assertThat(c.kind()).isEqualTo(ValueKind.BUFFER);
    assertThat(c.literal()).containsExactly(1f, 2f, 3f);
  }

  /** Opset < 7 Add with broadcast and axis aligns B at the axis. */
  @Test
  void legacyBroadcastAxisAppendsUnitDimensions() {
    Graph g =
        read(
            model(
                6,
                OnnxWire.Graph.newBuilder()
                    .addInput(info("a", 2, 3, 4, 5))
                    .addInput(info("b", 3, 4))
                    .addNode(
                        node("Add", "add", List.of("a", "b"), "y")
                            .addAttribute(integer("broadcast", 1))
                            .addAttribute(integer("axis", 1)))
                    .addOutput(info("y", 2, 3, 4, 5))));
    assertThat(g.nodes()).extracting(n -> n.op().kind()).containsExactly("reshape", "add");
    assertThat(g.type(g.nodes().getFirst().output())).isEqualTo(TensorType.f32(3, 4, 1));
  }

  /** A 1-D convolution runs as a 2-D one of height 1; its weight is declared lifted. */
  @Test
  void oneDimensionalConvolutionIsLifted() {
    Graph g =
        read(
            model(
                17,
                OnnxWire.Graph.newBuilder()
                    .addInput(info("x", 1, 2, 10))
                    .addInitializer(
                        OnnxTensors.encode(
                            "w",
                            InitializerData.zeros(
                                dev.silica.workloads.ir.DType.F32, List.of(4, 2, 3))))
                    .addNode(
                        node("Conv", "conv", List.of("x", "w"), "y")
                            .addAttribute(OnnxErrorMessagesTest.ints("pads", 1, 1))
                            .addAttribute(OnnxErrorMessagesTest.ints("strides", 2)))
                    .addOutput(info("y", 1, 4, 5))));
    assertThat(g.type(new dev.silica.workloads.ir.ValueId("w")))
        .isEqualTo(TensorType.f32(4, 2, 1, 3));
    assertThat(g.nodes())
        .extracting(n -> n.op().kind())
        .containsExactly("reshape", "conv2d", "reshape");
    assertThat(g.type(g.outputs().getFirst())).isEqualTo(TensorType.f32(1, 4, 5));
  }

  @Test
  void freezingAnUnknownInputIsAnError() {
    OnnxWire.Model m =
        model(
            17,
            OnnxWire.Graph.newBuilder()
                .addInput(info("x", 2))
                .addNode(node("Relu", "r", List.of("x"), "y"))
                .addOutput(info("y", 2)));
    assertThatThrownBy(() ->
            OnnxImporter.read(
                m.toByteArray(), "t.onnx", Map.of("z", InitializerData.ofFloats(List.of(1), 0))))
        .isInstanceOf(OnnxException.class)
        .hasMessage("t.onnx: cannot freeze 'z': not a graph input");
  }
}
