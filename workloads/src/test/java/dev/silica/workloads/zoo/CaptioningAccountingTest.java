package dev.silica.workloads.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.GraphStats;
import dev.silica.workloads.ir.Shape;
import dev.silica.workloads.ir.ValueId;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptioningAccountingTest {
  private static long params(GraphStats s, String... names) {
    List<String> wanted = List.of(names);
    return s.nodes().stream()
        .filter(r -> wanted.contains(r.node()))
        .mapToLong(GraphStats.NodeStats::parameters)
        .sum();
  }

  private static Shape shape(Graph g, String value) {
    return g.type(new ValueId(value)).shape();
  }

  @Test
  void captioningShapes() {
    Graph g = Zoo.build("captioning");
    assertThat(shape(g, "fc7")).isEqualTo(Shape.of(1, 4096));
    assertThat(shape(g, "img_proj")).isEqualTo(Shape.of(1, 512)); // h0
    assertThat(shape(g, "embed")).isEqualTo(Shape.of(1, 1, 512)); // one word, T = N = 1
    assertThat(shape(g, "lstm")).isEqualTo(Shape.of(1, 1, 512));
    assertThat(g.outputs())
        .containsExactly(new ValueId("probs"), new ValueId("lstm.1"), new ValueId("lstm.2"));
    assertThat(shape(g, "probs")).isEqualTo(Shape.of(1, 10_000));
    assertThat(shape(g, "lstm.1")).isEqualTo(Shape.of(1, 512));
  }

  @Test
  void captioningDecoderParametersByFormula() {
    GraphStats s = Zoo.build("captioning").stats();
    long proj = 4096L * 512 + 512; // h0 = fc7 · W_proj + b_proj
    long embed = 10_000L * 512; // word vectors
    long lstm = 4L * 512 * (512 + 512) + 4 * 512; // 4H(D+H) + 4H
    long vocab = 512L * 10_000 + 10_000;
    assertThat(params(s, "img_proj")).isEqualTo(proj);
    assertThat(params(s, "embed")).isEqualTo(embed);
    assertThat(params(s, "lstm")).isEqualTo(lstm).isEqualTo(2_099_200L);
    assertThat(params(s, "vocab")).isEqualTo(vocab);
    assertThat(proj + embed + lstm + vocab).isEqualTo(14_446_864L);
    // The encoder is VGG-16 without fc8: torchvision vgg16 138,357,544 (papers-inputs §8.3)
    // minus fc8's 4096·1000 + 1000.
    long encoder = 138_357_544L - (4096L * 1000 + 1000);
    assertThat(s.parameters()).isEqualTo(encoder + 14_446_864L).isEqualTo(148_707_408L);
  }

  @Test
  void captioningDecoderStepMacs() {
    GraphStats s = Zoo.build("captioning").stats();
    long lstm =
        s.nodes().stream().filter(r -> r.node().equals("lstm")).findFirst().orElseThrow().macs();
    assertThat(lstm).isEqualTo(1L * 1 * 4 * 512 * (512 + 512)); // T·N·4H·(D+H)
  }

  @Test
  void neuralTalkLayersHaveTheSizesOfEieTableThree() {
    Graph g = Zoo.build("neuraltalk-eie");
    // EIE Table III (papers-inputs §1.2), (input, output): NT-We 4096, 600.
    // The FC weight is stored [out, in].
    assertThat(shape(g, "We.weight")).isEqualTo(Shape.of(600, 4096));
    // NT-Wd 600, 8791
    assertThat(shape(g, "Wd.weight")).isEqualTo(Shape.of(8791, 600));
    // NT-LSTM 1201, 2400: NeuralTalk's WLSTM = [bias row; 600 input rows; 600 recurrent rows] x
    // 4 gates·600, here Wx[600, 2400], Wh[600, 2400] and b[2400].
    assertThat(shape(g, "WLSTM.Wx")).isEqualTo(Shape.of(600, 2400));
    assertThat(shape(g, "WLSTM.Wh")).isEqualTo(Shape.of(600, 2400));
    assertThat(shape(g, "WLSTM.b")).isEqualTo(Shape.of(2400));
    long lstmWeights =
        g.type(new ValueId("WLSTM.Wx")).size()
            + g.type(new ValueId("WLSTM.Wh")).size()
            + g.type(new ValueId("WLSTM.b")).size();
    assertThat(lstmWeights).isEqualTo(1201L * 2400).isEqualTo(2_882_400L);
  }

  @Test
  void neuralTalkGraph() {
    Graph g = Zoo.build("neuraltalk-eie");
    GraphStats s = g.stats();
    assertThat(shape(g, "steps")).isEqualTo(Shape.of(2, 1, 600)); // image step, START word
    assertThat(shape(g, "Wd")).isEqualTo(Shape.of(1, 8791));
    // We 4096·600 + 600, Ws 8791·600, WLSTM 1201·2400, Wd 600·8791 + 8791
    assertThat(s.parameters())
        .isEqualTo(4096L * 600 + 600 + 8791L * 600 + 1201L * 2400 + 600L * 8791 + 8791)
        .isEqualTo(15_898_591L);
    // MACs: We once, the LSTM over T = 2 steps (2·4·600·1200), Wd once
    assertThat(s.macs()).isEqualTo(4096L * 600 + 2L * 2400 * 1200 + 600L * 8791);
  }
}
