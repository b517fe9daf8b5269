package dev.silica.workloads.scalesim;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silica.workloads.ir.Conv2d;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.GraphBuilder;
import dev.silica.workloads.ir.IrException;
import dev.silica.workloads.ir.MatMul;
import dev.silica.workloads.ir.MaxPool;
import dev.silica.workloads.ir.Padding;
import dev.silica.workloads.ir.TensorType;
import dev.silica.workloads.ir.ValueId;
import java.io.StringReader;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Messages are part of the interface: every bad input and its exact message. */
class ScaleSimErrorMessagesTest {
  static final String CONV_HEADER =
      "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter,"
          + " Strides,\n";

  static Stream<Arguments> badTopologies() {
    return Stream.of(
        Arguments.of(
            CONV_HEADER + "Conv1, 224, 224, x, 11, 3, 96, 4,\n",
            "bad.csv:2: column 'Filter Height': must be a positive integer, got 'x'"),
        Arguments.of(
            CONV_HEADER + "Conv1, 224, 224, 11, 11, 0, 96, 4,\n",
            "bad.csv:2: column 'Channels': must be a positive integer, got '0'"),
        Arguments.of(
            CONV_HEADER + "Conv1, 224, 224, 11, 11, 3, 96, -4,\n",
            "bad.csv:2: column 'Strides': must be a positive integer, got '-4'"),
        Arguments.of(
            CONV_HEADER + "Conv1, 224, 224, 11, 11, 3, 96, 4, 2.5,\n",
            "bad.csv:2: column 'Stride Width': must be a positive integer, got '2.5'"),
        Arguments.of(
            CONV_HEADER + "\nConv1, 224, 224, 11, 11, 3, 96,\n",
            "bad.csv:3: expected 8 or 9 values (Layer name, IFMAP Height, IFMAP Width, Filter"
                + " Height, Filter Width, Channels, Num Filter, Strides[, Stride Width]) and a"
                + " trailing comma, got 7"),
        Arguments.of(
            CONV_HEADER + "Conv1, 224, 224, 11, 11, 3, 96, 4, 2\n",
            "bad.csv:2: row must end with a comma (SCALE-Sim drops the last field of every row, so"
                + " it would lose '2')"),
        Arguments.of(
            "Layer, M, N, K,\nTest 1, 128, 64, 256\n",
            "bad.csv:2: row must end with a comma (SCALE-Sim drops the last field of every row, so"
                + " it would lose '256')"),
        Arguments.of(
            CONV_HEADER + "AlphaGoZero\n",
            "bad.csv:2: expected 8 or 9 values (Layer name, IFMAP Height, IFMAP Width, Filter"
                + " Height, Filter Width, Channels, Num Filter, Strides[, Stride Width]) and a"
                + " trailing comma, got 0"),
        Arguments.of(
            CONV_HEADER + "Conv1, 224, 224, 11, 11, 3, 96, 4, 4, 1,\n",
            "bad.csv:2: expected 8 or 9 values (Layer name, IFMAP Height, IFMAP Width, Filter"
                + " Height, Filter Width, Channels, Num Filter, Strides[, Stride Width]) and a"
                + " trailing comma, got 10"),
        Arguments.of(
            CONV_HEADER + "Conv1, 224, 224, 11, 11, 3, 96, 4\n",
            "bad.csv:2: row must end with a comma (SCALE-Sim drops the last field of every row, so"
                + " it would lose '4')"),
        Arguments.of(
            CONV_HEADER + "Conv1, 224, 224, 11, 11, 3, 96, 4,\nConv3, 5, 5, 11, 11, 3, 96, 1,\n",
            "bad.csv:3: Conv3: filter 11x11 does not fit ifmap 5x5"),
        Arguments.of(
            CONV_HEADER + "Conv3, 5, 5, 1, 7, 3, 96, 1,\n",
            "bad.csv:2: Conv3: filter 1x7 does not fit ifmap 5x5"),
        Arguments.of(
            CONV_HEADER + " , 224, 224, 11, 11, 3, 96, 4,\n",
            "bad.csv:2: column 'Layer name': must not be empty"),
        Arguments.of(
            CONV_HEADER + ",,,,,,,,\n", "bad.csv:2: column 'Layer name': must not be empty"),
        Arguments.of("", "bad.csv: empty file: expected a SCALE-Sim header row and layers"),
        Arguments.of("\n", "bad.csv: empty file: expected a SCALE-Sim header row and layers"),
        Arguments.of(CONV_HEADER, "bad.csv: no layers after the header row"),
        Arguments.of(CONV_HEADER + "\n  \n", "bad.csv: no layers after the header row"),
        Arguments.of(
            "\nConv1, 224, 224, 11, 11, 3, 96, 4,\n",
            "bad.csv:1: the first line must be the header row (SCALE-Sim skips it unread), got an"
                + " empty line"),
        Arguments.of(
            "Layer, M, N, K,\nfc, 128, 64,\n",
            "bad.csv:2: expected 4 values (Layer, M, N, K) and a trailing comma, got 3"),
        Arguments.of(
            "Layer, M, N, K,\nfc, 128, 64, 99999999999,\n",
            "bad.csv:2: column 'K': must be a positive integer, got '99999999999'"),
        Arguments.of(
            "Name, Rows, Cols,\nfc, 128, 64,\n",
            "bad.csv:1: header is neither SCALE-Sim's conv topology (Layer name, IFMAP Height,"
                + " IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,) nor"
                + " its GEMM topology (Layer, M, N, K,), got 'Name, Rows, Cols,'; call readConv"
                + " or readGemm to choose the layout"));
  }

  @ParameterizedTest
  @MethodSource("badTopologies")
  void badTopology(String text, String message) {
    assertThatThrownBy(() -> ScaleSimTopology.read(new StringReader(text), "bad.csv"))
        .isInstanceOf(IrException.class)
        .hasMessage(message);
  }

  private static Graph conv(String node, int batch, int c, int h, int m, int k, Conv2d op) {
    GraphBuilder g = new GraphBuilder("net");
    ValueId x = g.input("x", TensorType.f32(batch, c, h, h));
    ValueId w = g.parameter(node + ".weight", TensorType.f32(m, c / op.groups(), k, k));
    return g.output(g.apply(node, op, x, w)).build();
  }

  static Stream<Arguments> inexpressibleGraphs() {
    GraphBuilder pool = new GraphBuilder("net");
    ValueId px = pool.input("x", TensorType.f32(1, 4, 8, 8));
    pool.output(pool.apply("pool1", MaxPool.of(2, 2, 0), px));
    GraphBuilder attn = new GraphBuilder("net");
    ValueId q = attn.input("q", TensorType.f32(12, 128, 64));
    ValueId kt = attn.input("kt", TensorType.f32(12, 64, 128));
    attn.output(attn.apply("scores", new MatMul(), q, kt));
    return Stream.of(
        Arguments.of(
            conv("conv3", 1, 16, 8, 32, 3, Conv2d.of(1, 1)),
            "conv3: SCALE-Sim topology has no padding column; pad 1 cannot be expressed"),
        Arguments.of(
            conv("conv3", 1, 16, 8, 32, 3, new Conv2d(1, 1, Padding.of(0, 0, 2, 2), 1, 1, 1)),
            "conv3: SCALE-Sim topology has no padding column; pad [0,0,2,2] cannot be expressed"),
        Arguments.of(
            conv("conv3", 1, 16, 8, 32, 3, new Conv2d(1, 1, Padding.SAME, 1, 1, 1)),
            "conv3: SCALE-Sim topology has no padding column; pad 1 cannot be expressed"),
        Arguments.of(
            conv("conv", 1, 16, 8, 32, 3, Conv2d.of(1, 0, 4)),
            "conv: groups 4 cannot be expressed: SCALE-Sim has no group column (it simulates a"
                + " row as depthwise only when the layer name contains 'DP')"),
        Arguments.of(
            conv("dw", 1, 16, 8, 16, 3, Conv2d.of(1, 0, 16)),
            "dw: groups 16 cannot be expressed: SCALE-Sim has no group column (it simulates a row"
                + " as depthwise only when the layer name contains 'DP')"),
        Arguments.of(
            conv("myDPconv", 1, 16, 8, 32, 3, Conv2d.of(1, 0)),
            "myDPconv: name contains 'DP', which SCALE-Sim simulates as a depthwise layer (one"
                + " layer per channel), but the layer is not depthwise"),
        Arguments.of(
            conv("conv", 1, 16, 9, 32, 3, new Conv2d(1, 1, Padding.NONE, 2, 2, 1)),
            "conv: dilation 2x2 cannot be expressed: SCALE-Sim has no dilation column"),
        Arguments.of(
            conv("conv", 8, 16, 8, 32, 3, Conv2d.of(1, 0)),
            "conv: batch 8 cannot be expressed: SCALE-Sim simulates batch 1"),
        Arguments.of(
            pool.build(),
            "pool1: maxpool does no multiply-accumulates; a SCALE-Sim topology holds only conv2d,"
                + " gemm and matmul layers"),
        Arguments.of(
            attn.build(),
            "scores: batched matmul of 12 independent products cannot be one SCALE-Sim row"));
  }

  @ParameterizedTest
  @MethodSource("inexpressibleGraphs")
  void inexpressibleGraph(Graph g, String message) {
    assertThatThrownBy(() -> ScaleSimTopology.write(g))
        .isInstanceOf(IrException.class)
        .hasMessage(message);
  }
}
