package dev.silica.workloads.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.GraphBuilder;
import dev.silica.workloads.ir.Node;
import dev.silica.workloads.ir.Op;
import dev.silica.workloads.ir.Relu;
import dev.silica.workloads.ir.TensorType;
import dev.silica.workloads.ir.Value;
import dev.silica.workloads.ir.ValueId;
import dev.silica.workloads.zoo.Zoo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code parse(print(g)).equals(g)} and {@code print(parse(print(g))).equals(print(g))} for every
 * zoo model and for hand-built graphs that use every op with non-default attributes.
 */
class IrRoundTripTest {
  static List<String> zooNames() {
    return Zoo.names();
  }

  static Stream<Graph> handBuilt() {
    return IrTestGraphs.all().stream();
  }

  private static void assertRoundTrip(Graph g) {
    String text = IrPrinter.print(g);
    Graph parsed = IrParser.parse(text, g.name() + ".sir");
    assertThat(parsed).isEqualTo(g);
    // the same declaration order, not only the same set of values
    assertThat(parsed.values()).isEqualTo(g.values());
    assertThat(IrPrinter.print(parsed)).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("zooNames")
  void everyZooModelRoundTrips(String name) {
    assertRoundTrip(Zoo.build(name));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("handBuilt")
  void handBuiltGraphsRoundTrip(Graph g) {
    assertRoundTrip(g);
  }

  @Test
  void handBuiltGraphsUseEveryOpType() {
    Set<Class<?>> used =
        IrTestGraphs.all().stream()
            .flatMap(g -> g.nodes().stream())
            .map(n -> n.op().getClass())
            .collect(Collectors.toSet());
    assertThat(used).containsExactlyInAnyOrder(Op.class.getPermittedSubclasses());
  }

  @Test
  void parserKnowsEveryOpKindWithThePrintersAttributeKeys() {
    Set<String> kinds = new LinkedHashSet<>();
    for (Graph g : IrTestGraphs.all()) {
      for (Node n : g.nodes()) {
        kinds.add(n.op().kind());
        List<String> printed =
            IrPrinter.attributes(n.op()).stream().map(IrPrinter.Attribute::key).toList();
        assertThat(printed).as(n.op().kind()).isEqualTo(IrParser.attributeKeys(n.op().kind()));
      }
    }
    assertThat(IrParser.opKinds())
        .containsExactlyInAnyOrderElementsOf(kinds)
        .hasSize(Op.class.getPermittedSubclasses().length);
  }

  @Test
  void literalFloatsRoundTripBitExactly() {
    for (long seed = 1; seed <= 20; seed++) {
      Graph g = IrTestGraphs.literals(seed);
      Graph parsed = IrParser.parse(IrPrinter.print(g), "literals.sir");
      List<Float> expected = g.value(new ValueId("c")).literal();
      List<Float> actual = parsed.value(new ValueId("c")).literal();
      for (int i = 0; i < expected.size(); i++) {
        assertThat(Float.floatToIntBits(actual.get(i)))
            .as("seed %d element %d (%s)", seed, i, expected.get(i))
            .isEqualTo(Float.floatToIntBits(expected.get(i)));
      }
    }
  }

  @Test
  void printsTheDocumentedForm() {
    Graph g = IrTestGraphs.attention();
    String text = IrPrinter.print(g);
    assertThat(text)
        .startsWith("graph attention {\n  input %x: f32[1,4,8]\n")
        .contains("  buffer %scale: f32[] = [0.35355338]\n")
        .contains("  %mask = causal_mask(%scaled) {fill=-inf}: f32[1,2,4,4]\n")
        .contains("  %q4 = reshape(%q) {shape=[0,0,2,-1]}: f32[1,4,2,4]\n")
        .endsWith("  output %vec, %ctx\n}\n");
    String cnn = IrPrinter.print(IrTestGraphs.cnn());
    assertThat(cnn)
        .contains(
            "  %conv1 = conv2d(%image, %conv1.weight, %conv1.bias) {stride=[2,1],"
                + " padding=[1,2,0,1], dilation=[1,2], groups=1}: f32[1,8,8,18]\n")
        .contains(
            "  %pool, %pool.1 = maxpool(%relu2) {kernel=[3,2], stride=[2,2], padding=[1,0,1,1],"
                + " ceil_mode=true, indices=true}: ")
        .contains("{stride=[2,2], padding=same_lower, dilation=[1,1], groups=8}")
        .contains("{trans_a=false, trans_b=true, alpha=0.5, beta=-2.0}");
    String odd = IrPrinter.print(IrTestGraphs.oddNames());
    assertThat(odd)
        .startsWith("graph odd:names/v-1.0 {\n")
        .contains("  param %\"model/dense:\": f16[3,3]\n")
        .contains("  %\"::\" = relu(%1st-layer/out:0): f16[2,3]\n");
  }

  @Test
  void parsesAFileByPath(@TempDir Path dir) throws Exception {
    Graph g = IrTestGraphs.sequence();
    Path file = dir.resolve("sequence.sir");
    IrPrinter.write(g, file);
    assertThat(IrParser.parse(file)).isEqualTo(g);
    Files.writeString(file, "graph broken {\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> IrParser.parse(file))
        .hasMessage(file + ":2:1: unterminated graph 'broken': expected '}' before end of file");
  }

  /**
   * A chain of 20,000 nodes prints and parses in well under the timeout: both directions are linear
   * (a quadratic step would take minutes at this size).
   */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void largeGraphsAreFast() {
    GraphBuilder b = new GraphBuilder("chain");
    ValueId x = b.input("x", TensorType.f32(1, 8));
    for (int i = 0; i < 20_000; i++) {
      x = b.apply("relu" + i, new Relu(), x);
    }
    Graph g = b.output(x).build();
    String text = IrPrinter.print(g);
    Graph parsed = IrParser.parse(text, "chain.sir");
    assertThat(parsed.nodes()).hasSize(20_000);
    assertThat(parsed).isEqualTo(g);
  }

  @Test
  void valueKindsAndLiteralsSurvive() {
    Graph g = IrParser.parse(IrPrinter.print(IrTestGraphs.cnn()), "cnn.sir");
    Value mean = g.value(new ValueId("bn1.running_mean"));
    assertThat(mean.isInitializer()).isTrue();
    assertThat(g.value(new ValueId("shift")).literal()).containsExactly(-1.5f, 0f, 3.25f);
    assertThat(g.stats().parameters()).isEqualTo(IrTestGraphs.cnn().stats().parameters());
  }
}
