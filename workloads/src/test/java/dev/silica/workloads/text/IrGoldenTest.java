package dev.silica.workloads.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.workloads.ir.Conv2d;
import dev.silica.workloads.ir.DType;
import dev.silica.workloads.ir.Flatten;
import dev.silica.workloads.ir.Gemm;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.GraphBuilder;
import dev.silica.workloads.ir.GraphStats;
import dev.silica.workloads.ir.MaxPool;
import dev.silica.workloads.ir.Mul;
import dev.silica.workloads.ir.Padding;
import dev.silica.workloads.ir.Relu;
import dev.silica.workloads.ir.TensorType;
import dev.silica.workloads.ir.ValueId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A hand-written {@code .sir} file ({@code ir/golden/tiny.sir}: comments, blank lines, a tab,
 * attributes out of order, integers for floats) parses to the graph built here with {@link
 * GraphBuilder}, and prints as {@code ir/golden/tiny-canonical.sir}.
 */
class IrGoldenTest {
  static String resource(String path) throws IOException {
    try (InputStream in = IrGoldenTest.class.getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static Graph expected() {
    GraphBuilder g = new GraphBuilder("tiny");
    ValueId image = g.input("image", TensorType.f32(1, 1, 28, 28));
    ValueId w = g.parameter("conv1.weight", TensorType.f32(6, 1, 5, 5));
    ValueId b = g.parameter("conv1.bias", TensorType.f32(6));
    ValueId conv = g.apply("conv1", new Conv2d(1, 1, Padding.of(2), 1, 1, 1), image, w, b);
    ValueId relu = g.apply("relu1", new Relu(), conv);
    List<ValueId> pool =
        g.node(
            "pool1",
            new MaxPool(2, 2, 2, 2, new Padding(Padding.Mode.VALID, 0, 0, 0, 0), false, true),
            List.of(relu));
    ValueId flat = g.apply("flat", new Flatten(1), pool.get(0));
    ValueId fcW = g.parameter("fc.weight", TensorType.f32(10, 1176));
    ValueId fc = g.apply("fc", new Gemm(false, true, 1f, 0f), flat, fcW);
    ValueId t = g.constant("temperature", TensorType.f32(), 0.5f);
    ValueId scaled = g.apply("scaled", new Mul(), fc, t);
    return g.output(scaled, pool.get(1)).build();
  }

  @Test
  void handWrittenFileParsesToTheExpectedGraph() throws IOException {
    Graph g = IrParser.parse(resource("/ir/golden/tiny.sir"), "tiny.sir");
    assertThat(g).isEqualTo(expected());
    assertThat(g.nodes())
        .extracting(n -> n.name())
        .containsExactly("conv1", "relu1", "pool1", "flat", "fc", "scaled");
    assertThat(g.type(new ValueId("pool1.1"))).isEqualTo(TensorType.of(DType.I64, 1, 6, 14, 14));
    assertThat(g.value(new ValueId("temperature")).literal()).containsExactly(0.5f);
    GraphStats s = g.stats();
    // conv1 6·(1·5·5) + 6 = 156, fc 10·1176 = 11,760
    assertThat(s.parameters()).isEqualTo(156 + 11_760);
    // conv1 6·28·28 outputs × 25 MACs = 117,600; fc 10 × 1176 = 11,760
    assertThat(s.macs()).isEqualTo(117_600 + 11_760);
  }

  @Test
  void printsTheCanonicalForm() throws IOException {
    Graph g = IrParser.parse(resource("/ir/golden/tiny.sir"), "tiny.sir");
    String canonical = resource("/ir/golden/tiny-canonical.sir");
    assertThat(IrPrinter.print(g)).isEqualTo(canonical);
    assertThat(IrParser.parse(canonical, "tiny-canonical.sir")).isEqualTo(g);
  }

  @Test
  void acceptsWindowsLineEndingsAndByteOrderMark() throws IOException {
    String text = "\uFEFF" + resource("/ir/golden/tiny.sir").replace("\n", "\r\n");
    assertThat(IrParser.parse(text, "tiny.sir")).isEqualTo(expected());
  }
}
