package dev.silica.workloads.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.Value;
import dev.silica.workloads.ir.ValueId;
import dev.silica.workloads.onnx.proto.OnnxWire;
import dev.silica.workloads.zoo.Zoo;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Export → import gives back the same graph, for every zoo model. */
class OnnxRoundTripTest {
  static java.util.List<String> zooNames() {
    return Zoo.names();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("zooNames")
  void weightsAsGraphInputsRoundTrip(String name) {
    Graph g = Zoo.build(name);
    byte[] bytes = OnnxExporter.toBytes(g, Map.of(), OnnxExporter.MissingData.GRAPH_INPUTS);
    ImportedModel m = OnnxImporter.read(bytes, name + ".onnx");
    assertThat(m.graph()).isEqualTo(g);
    assertThat(m.initializers()).isEmpty();
    assertThat(m.producerName()).isEqualTo("silica");
    assertThat(m.opsetVersion()).isIn(17, 20);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("zooNames")
  void exportedModelDeclaresEveryValueType(String name) {
    Graph g = Zoo.build(name);
    OnnxWire.Model model =
        parse(OnnxExporter.toBytes(g, Map.of(), OnnxExporter.MissingData.GRAPH_INPUTS));
    assertThat(model.getProducerName()).isEqualTo("silica");
    OnnxWire.Graph og = model.getGraph();
    java.util.Set<String> typed = new java.util.HashSet<>();
    og.getInputList().forEach(v -> typed.add(v.getName()));
    og.getOutputList().forEach(v -> typed.add(v.getName()));
    og.getValueInfoList().forEach(v -> typed.add(v.getName()));
    og.getInitializerList().forEach(t -> typed.add(t.getName()));
    for (Value v : g.values()) {
      assertThat(typed).as("type of %s", v.id()).contains(v.id().name());
    }
  }

  /** Small models with seeded random weights: the elements come back in the IR layout. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("smallModels")
  void weightsAsInitializersRoundTrip(String name, @TempDir Path dir) {
    Graph g = Zoo.build(name);
    Map<ValueId, InitializerData> data = randomWeights(g, 42);
    Path file = dir.resolve(name + ".onnx");
    OnnxExporter.write(g, data, file);
    ImportedModel m = OnnxImporter.read(file);
    assertThat(m.graph()).isEqualTo(g);
    assertThat(m.initializers()).isEqualTo(data);
  }

  static java.util.List<String> smallModels() {
    // every recurrent cell, pooling indices, LRN, batch norm, embedding, causal mask
    return Zoo.names().stream().filter(n -> Zoo.build(n).stats().parameters() < 8_000_000).toList();
  }

  @Test
  void zeroFilledWeightsRoundTripToo() {
    Graph g = Zoo.build("char-lstm");
    byte[] bytes = OnnxExporter.toBytes(g, Map.of(), OnnxExporter.MissingData.ZEROS);
    ImportedModel m = OnnxImporter.read(bytes, "char-lstm.onnx");
    assertThat(m.graph()).isEqualTo(g);
    assertThat(m.initializers().keySet())
        .containsExactlyInAnyOrderElementsOf(
            g.initializers().stream().filter(v -> v.literal().isEmpty()).map(Value::id).toList());
    for (InitializerData d : m.initializers().values()) {
      for (int i = 0; i < d.size(); i++) {
        assertThat(d.get(i)).isZero();
      }
    }
  }

  static Map<ValueId, InitializerData> randomWeights(Graph g, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Map<ValueId, InitializerData> data = new LinkedHashMap<>();
    for (Value v : g.initializers()) {
      if (!v.literal().isEmpty()) {
        continue;
      }
      InitializerData z = InitializerData.zeros(v.type());
      for (int i = 0; i < z.size(); i++) {
        if (z.floats() != null) {
          z.floats()[i] = (float) rnd.nextDouble(-1, 1);
        } else if (z.longs() != null) {
          z.longs()[i] = rnd.nextInt(2);
        } else {
          z.doubles()[i] = rnd.nextDouble(-1, 1);
        }
      }
      data.put(v.id(), z);
    }
    return data;
  }

  static OnnxWire.Model parse(byte[] bytes) {
    try {
      return OnnxWire.Model.parseFrom(bytes);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void everyIrOpRoundTripsWithData(@TempDir Path dir) {
    List<Graph> graphs =
        List.of(AllOpsGraph.build(), dev.silica.workloads.ir.QuantizedTestGraph.build());
    java.util.Set<Class<?>> used = new java.util.HashSet<>();
    graphs.forEach(g -> g.nodes().forEach(n -> used.add(n.op().getClass())));
    assertThat(used)
        .as("the test graphs apply every op")
        .containsExactlyInAnyOrder(dev.silica.workloads.ir.Op.class.getPermittedSubclasses());
    for (Graph g : graphs) {
      Map<ValueId, InitializerData> data = randomWeights(g, 7);
      Path file = dir.resolve(g.name() + ".onnx");
      OnnxExporter.write(g, data, file);
      ImportedModel m = OnnxImporter.read(file);
      assertThat(m.graph()).isEqualTo(g);
      assertThat(m.initializers()).isEqualTo(data);
      // Gelu needs opset 20; the quantized ops are in opset 17
      assertThat(m.opsetVersion()).isEqualTo(g.name().equals("all_ops") ? 20 : 17);
      ImportedModel inputs =
          OnnxImporter.read(
              OnnxExporter.toBytes(g, Map.of(), OnnxExporter.MissingData.GRAPH_INPUTS), "x.onnx");
      assertThat(inputs.graph()).isEqualTo(g);
    }
  }

  /** ONNX LSTM rows are gates i, o, f, c; the IR's columns are i, f, o, g. */
  @Test
  void lstmWeightsAreWrittenInOnnxGateOrder() {
    Graph g = AllOpsGraph.build();
    Map<ValueId, InitializerData> data = randomWeights(g, 1);
    int d = 5;
    int h = 4;
    float[] wx = new float[d * 4 * h];
    for (int r = 0; r < d; r++) {
      for (int c = 0; c < 4 * h; c++) {
        wx[r * 4 * h + c] = c * 100 + r;
      }
    }
    data.put(new ValueId("lstm.Wx"), InitializerData.ofFloats(List.of(d, 4 * h), wx));
    OnnxWire.Model model = parse(OnnxExporter.toBytes(g, data, OnnxExporter.MissingData.ZEROS));
    OnnxWire.Tensor w =
        model.getGraph().getInitializerList().stream()
            .filter(t -> t.getName().equals("lstm.Wx"))
            .findFirst()
            .orElseThrow();
    InitializerData onnx = OnnxTensors.decode(w, "W");
    assertThat(onnx.dims()).containsExactly(1, 4 * h, d);
    // ONNX row block 1 is the output gate o, which is IR column block 2: row h+j, column k
    // holds Wx[k][2h + j] = (2h + j)·100 + k
    assertThat(onnx.get((h + 1) * d + 3)).isEqualTo((2 * h + 1) * 100 + 3);
    // ONNX row block 2 is the forget gate f = IR block 1
    assertThat(onnx.get((2 * h) * d)).isEqualTo(h * 100);
    // input gate and cell candidate keep their blocks (0 and 3)
    assertThat(onnx.get((3 * h + 2) * d + 1)).isEqualTo((3 * h + 2) * 100 + 1);
  }
}
