package dev.silica.workloads.scalesim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.workloads.ir.Conv2d;
import dev.silica.workloads.ir.Gemm;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.GraphBuilder;
import dev.silica.workloads.ir.MatMul;
import dev.silica.workloads.ir.Padding;
import dev.silica.workloads.ir.TensorType;
import dev.silica.workloads.ir.ValueId;
import dev.silica.workloads.scalesim.ScaleSimTopology.Format;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand-written topologies in test resources, and graphs written back to SCALE-Sim form. */
class ScaleSimTopologyTest {

  static Path resource(String name) {
    try {
      return Path.of(ScaleSimTopologyTest.class.getResource("/scalesim/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void readsTheHandWrittenConvTopology() {
    Path file = resource("small_conv.csv");
    ScaleSimTopology t = ScaleSimTopology.parse(file);
    assertThat(t.format()).isEqualTo(Format.CONV);
    assertThat(t.name()).isEqualTo("small_conv");
    assertThat(t.layers())
        .extracting(ScaleSimLayer::name)
        .containsExactly("Conv1", "Conv 2", "DW_DP3", "Conv2", "Conv2", "Rect.1");
    // sanitised, then made unique in row order
    assertThat(t.nodeNames())
        .containsExactly("Conv1", "Conv_2", "DW_DP3", "Conv2", "Conv2_2", "Rect_1");

    Graph g = ScaleSimTopology.readConv(file);
    assertThat(g).isEqualTo(t.toGraph()).isEqualTo(ScaleSimTopology.read(file));
    assertThat(g.nodes()).hasSize(6);
    assertThat(g.outputs()).hasSize(6);
    assertThat(g.inputs()).hasSize(6);

    // Conv1: ceil((224 - 11 + 4) / 4) = 55 rows; the last window reaches 54·4 + 11 - 224 = 3 rows
    // below the ifmap
    assertThat(g.type(new ValueId("Conv1.ifmap"))).isEqualTo(TensorType.f32(1, 3, 224, 224));
    assertThat(g.type(new ValueId("Conv1.weight"))).isEqualTo(TensorType.f32(96, 3, 11, 11));
    assertThat(g.type(new ValueId("Conv1"))).isEqualTo(TensorType.f32(1, 96, 55, 55));
    assertThat(g.node("Conv1").op()).isEqualTo(new Conv2d(4, 4, Padding.of(0, 0, 3, 3), 1, 1, 1));

    // stride 1 divides everything: no overhang, framework and SCALE-Sim agree on 23
    assertThat(g.node("Conv_2").op()).isEqualTo(new Conv2d(1, 1, Padding.NONE, 1, 1, 1));
    assertThat(g.type(new ValueId("Conv_2"))).isEqualTo(TensorType.f32(1, 256, 23, 23));

    // 'DP' in the name: SCALE-Sim splits it into 32 one-channel layers of 1 filter = depthwise;
    // ceil((112 - 3 + 2) / 2) = 56 rows where floor((112 - 3) / 2) + 1 = 55
    assertThat(g.node("DW_DP3").op()).isEqualTo(new Conv2d(2, 2, Padding.of(0, 0, 1, 1), 1, 1, 32));
    assertThat(g.type(new ValueId("DW_DP3.weight"))).isEqualTo(TensorType.f32(32, 1, 3, 3));
    assertThat(g.type(new ValueId("DW_DP3"))).isEqualTo(TensorType.f32(1, 32, 56, 56));
    assertThat(g.stats().nodes().get(2).macs()).isEqualTo(56L * 56 * 3 * 3 * 32);

    // the hand-written "depthwise" row without 'DP' is what SCALE-Sim simulates: 32 channels into
    // one filter
    assertThat(g.type(new ValueId("Conv2.weight"))).isEqualTo(TensorType.f32(1, 32, 3, 3));
    assertThat(g.type(new ValueId("Conv2"))).isEqualTo(TensorType.f32(1, 1, 110, 110));

    // ninth column: stride 1 down, 2 across; ceil((40 - 5 + 2) / 2) = 19 columns, overhang 1
    assertThat(g.node("Rect_1").op()).isEqualTo(new Conv2d(1, 2, Padding.of(0, 0, 0, 1), 1, 1, 1));
    assertThat(g.type(new ValueId("Rect_1"))).isEqualTo(TensorType.f32(1, 8, 28, 19));

    // every node's MACs are the row's M·N·K
    for (int i = 0; i < 6; i++) {
      assertThat(g.stats().nodes().get(i).macs()).isEqualTo(t.layers().get(i).macs());
    }
  }

  @Test
  void readsTheHandWrittenGemmTopology() {
    Path file = resource("small_gemm.csv");
    ScaleSimTopology t = ScaleSimTopology.parse(file);
    assertThat(t.format()).isEqualTo(Format.GEMM);
    assertThat(t.layers())
        .containsExactly(
            new GemmLayer("QKT", 1024, 1024, 64),
            new GemmLayer("Test 1", 128, 64, 256),
            new GemmLayer("PW-FF-L1", 1024, 3072, 768));
    Graph g = ScaleSimTopology.readGemm(file);
    assertThat(g).isEqualTo(ScaleSimTopology.read(file));
    // M rows of the streamed IFMAP operand [M, K], N columns of the FILTER operand [K, N]
    assertThat(g.type(new ValueId("Test_1.ifmap"))).isEqualTo(TensorType.f32(128, 256));
    assertThat(g.type(new ValueId("Test_1.weight"))).isEqualTo(TensorType.f32(256, 64));
    assertThat(g.type(new ValueId("Test_1"))).isEqualTo(TensorType.f32(128, 64));
    assertThat(g.node("Test_1").op()).isEqualTo(new Gemm(false, false, 1f, 1f));
    assertThat(g.stats().nodes().get(1).macs()).isEqualTo(128L * 64 * 256);
    assertThat(g.node("PW-FF-L1")).isNotNull();
  }

  @Test
  void roundTripsKeepOriginalNamesAndGraphs() {
    for (String name : List.of("small_conv.csv", "small_gemm.csv")) {
      Path file = resource(name);
      ScaleSimTopology t = ScaleSimTopology.parse(file);
      String csv = t.toCsv();
      assertThat(ScaleSimTopology.parse(new StringReader(csv), file.toString())).isEqualTo(t);
      Graph g = t.toGraph();
      Graph back = ScaleSimTopology.read(new StringReader(ScaleSimTopology.write(g)), name);
      assertThat(back).isEqualTo(g);
    }
  }

  @Test
  void oneChannelDepthwiseRowRoundTrips() {
    // SCALE-Sim splits a one-channel 'DP' row into one layer: the row itself
    String text = "Layer, IFMAP, IFMAP, Filter, Filter, C, N, S,\nE_DP, 9, 9, 3, 3, 1, 4, 2,\n";
    Graph g = ScaleSimTopology.readConv(new StringReader(text), "one.csv");
    assertThat(g.node("E_DP").op()).isEqualTo(new Conv2d(2, 2, Padding.NONE, 1, 1, 1));
    assertThat(ScaleSimTopology.write(g)).endsWith("E_DP, 9, 9, 3, 3, 1, 4, 2,\n");
    assertThat(ScaleSimTopology.readConv(new StringReader(ScaleSimTopology.write(g)), "one.csv"))
        .isEqualTo(g);
  }

  @Test
  void writesScaleSimsLayoutWithTrailingCommas() {
    ScaleSimTopology t = ScaleSimTopology.parse(resource("small_conv.csv"));
    assertThat(t.toCsv())
        .startsWith(
            "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num"
                + " Filter, Strides, Stride Width,\n"
                + "Conv1, 224, 224, 11, 11, 3, 96, 4, 4,\n"
                + "Conv 2, 27, 27, 5, 5, 96, 256, 1, 1,\n");
    Graph one = ScaleSimTopology.parse(resource("small_gemm.csv")).toGraph();
    assertThat(ScaleSimTopology.write(one))
        .isEqualTo(
            "Layer, M, N, K,\n"
                + "QKT, 1024, 1024, 64,\n"
                + "Test_1, 128, 64, 256,\n"
                + "PW-FF-L1, 1024, 3072, 768,\n");
  }

  @Test
  void nodeNamesAreDeterministicIdentifiers() {
    assertThat(ScaleSimTopology.nodeName("Test 1")).isEqualTo("Test_1");
    assertThat(ScaleSimTopology.nodeName("PW-FF-L1")).isEqualTo("PW-FF-L1");
    assertThat(ScaleSimTopology.nodeName("layer1.0.conv1")).isEqualTo("layer1_0_conv1");
    assertThat(ScaleSimTopology.nodeName("-x")).isEqualTo("_-x");
    assertThat(ScaleSimTopology.nodeName("Inc(3a)")).isEqualTo("Inc_3a_");
    assertThat(ScaleSimTopology.nodeName("12")).isEqualTo("12");
    ScaleSimTopology t =
        ScaleSimTopology.parse(
            new StringReader("Layer, M, N, K,\na b, 1, 1, 1,\na_b, 1, 1, 1,\na b, 1, 1, 1,\n"),
            "dups.csv");
    assertThat(t.nodeNames()).containsExactly("a_b", "a_b_2", "a_b_3");
  }

  @Test
  void headerDecidesTheLayout() {
    String conv =
        "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter,"
            + " Strides, \nc, 8, 8, 3, 3, 4, 4, 1,\n";
    assertThat(ScaleSimTopology.parse(new StringReader(conv), "a.csv").format())
        .isEqualTo(Format.CONV);
    // SCALE-Sim's own write_topo_file header: nine lower-case columns
    String conv9 =
        "Layer name,IFMAP height,IFMAP width,Filter height,Filter width,Channels,Num filter,Stride"
            + " height,Stride width,\nc,8,8,3,3,4,4,1,1,\n";
    assertThat(ScaleSimTopology.parse(new StringReader(conv9), "b.csv").format())
        .isEqualTo(Format.CONV);
    assertThat(
            ScaleSimTopology.parse(new StringReader("Layer Name, M, N, K,\nt, 2, 3, 4,"), "c.csv")
                .format())
        .isEqualTo(Format.GEMM);
    // the explicit readers ignore the header's text, as SCALE-Sim does
    assertThat(
            ScaleSimTopology.readGemm(new StringReader("anything\nt, 2, 3, 4,\n"), "d.csv").nodes())
        .hasSize(1);
  }

  @Test
  void acceptsWhatScaleSimAccepts() {
    // from SCALE-Sim's topologies/conv_nets/mobilnet_4k.csv: a note after the last comma, which
    // SCALE-Sim drops with the last field; and translation/gpt2.csv's header with a byte-order
    // mark and no-break spaces
    String text =
        "\uFEFFLayer name,\u00a0IFMAP Height,\u00a0IFMAP Width,\u00a0Filter Height,\u00a0Filter"
            + " Width,\u00a0Channels,\u00a0Num Filter,\u00a0Strides,\n"
            + "\n"
            + "Conv2_dw, 1080, 2048, 3, 3, 1, 1, 1,#dw\n"
            + "\u00a0Linear1,1024,1600,1,1600,1,4800,1,\u00a0\n";
    ScaleSimTopology t = ScaleSimTopology.parse(new StringReader(text), "mobilnet_4k.csv");
    assertThat(t.layers())
        .containsExactly(
            new ConvLayer("Conv2_dw", 1080, 2048, 3, 3, 1, 1, 1),
            new ConvLayer("Linear1", 1024, 1600, 1, 1600, 1, 4800, 1));
  }

  // ---- writing graphs ----

  private static Graph conv(String node, int c, int h, int m, int k, Conv2d op) {
    GraphBuilder g = new GraphBuilder("net");
    ValueId x = g.input("x", TensorType.f32(1, c, h, h));
    ValueId w = g.parameter(node + ".weight", TensorType.f32(m, c / op.groups(), k, k));
    return g.output(g.apply(node, op, x, w)).build();
  }

  @Test
  void frameworkConvolutionIsCroppedToTheRowsItReads() {
    // torch: floor((224 - 11) / 4) + 1 = 54 rows, reading rows 0..222; writing 224 would make
    // SCALE-Sim compute 55, so the writer writes the 223 rows the windows reach
    Graph g = conv("conv1", 3, 224, 96, 11, Conv2d.of(4, 0));
    ScaleSimTopology t = ScaleSimTopology.fromGraph(g);
    assertThat(t.layers()).containsExactly(new ConvLayer("conv1", 223, 223, 11, 11, 3, 96, 4));
    Graph back = t.toGraph();
    assertThat(back.type(back.node("conv1").output())).isEqualTo(TensorType.f32(1, 96, 54, 54));
    assertThat(back.stats().macs()).isEqualTo(g.stats().macs());
  }

  @Test
  void mixedGraphWritesMatrixProductsAsPointwiseConvolutions() {
    GraphBuilder g = new GraphBuilder("mixed");
    ValueId x = g.input("x", TensorType.f32(1, 4, 8, 8));
    ValueId w = g.parameter("w", TensorType.f32(8, 4, 3, 3));
    ValueId y = g.apply("conv", Conv2d.of(1, 0), x, w);
    ValueId a = g.input("a", TensorType.f32(6, 32));
    ValueId fw = g.parameter("fc.weight", TensorType.f32(10, 32));
    ValueId z = g.apply("fc", Gemm.fullyConnected(), a, fw);
    ValueId s = g.input("s", TensorType.f32(3, 5, 7));
    ValueId sw = g.parameter("proj", TensorType.f32(7, 2));
    ValueId u = g.apply("proj_mm", new MatMul(), s, sw);
    Graph graph = g.output(y, z, u).build();
    ScaleSimTopology t = ScaleSimTopology.fromGraph(graph);
    assertThat(t.layers())
        .containsExactly(
            new ConvLayer("conv", 8, 8, 3, 3, 4, 8, 1),
            // M x K times K x N as IFMAP M x 1, filter 1 x 1, K channels, N filters
            new ConvLayer("fc", 6, 1, 1, 1, 32, 10, 1),
            // shared right operand: batch 3 folds into M = 15
            new ConvLayer("proj_mm", 15, 1, 1, 1, 7, 2, 1));
    assertThat(t.macs()).isEqualTo(graph.stats().macs());
    ScaleSimTopology gemm = ScaleSimTopology.fromGraph(graph, Format.GEMM);
    assertThat(gemm.layers())
        .containsExactly(
            new GemmLayer("conv", 36, 8, 36),
            new GemmLayer("fc", 6, 10, 32),
            new GemmLayer("proj_mm", 15, 2, 7));
  }

  @Test
  void depthwiseNamedWithDpRoundTrips() {
    Graph g = conv("blk_DP", 16, 10, 32, 3, new Conv2d(1, 1, Padding.NONE, 1, 1, 16));
    ScaleSimTopology t = ScaleSimTopology.fromGraph(g);
    // channel multiplier 2: SCALE-Sim runs 16 one-channel layers of 2 filters
    assertThat(t.layers()).containsExactly(new ConvLayer("blk_DP", 10, 10, 3, 3, 16, 2, 1));
    Graph back = t.toGraph();
    assertThat(back.stats().macs()).isEqualTo(g.stats().macs());
    assertThat(back.type(new ValueId("blk_DP.weight"))).isEqualTo(TensorType.f32(32, 1, 3, 3));
  }
}
