package dev.silica.workloads.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.GraphStats;
import dev.silica.workloads.ir.Shape;
import org.junit.jupiter.api.Test;

class CharRnnAccountingTest {
  // V = 65: tiny-shakespeare's distinct characters (karpathy/nanoGPT data/shakespeare_char
  // prepare.py prints "vocab size: 65"); H = 512, 2 layers, T = 100, N = 1 as the zoo builds it.
  private static final long V = 65;
  private static final long H = 512;
  private static final long T = 100;

  private static GraphStats.NodeStats node(GraphStats s, String name) {
    return s.nodes().stream().filter(r -> r.node().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void charLstmParametersFollowTheLstmFormula() {
    GraphStats s = Zoo.build("char-lstm").stats();
    // LSTM layer: 4H(D+H) + 4H (Wx, Wh, one bias, as char-rnn's LSTM.lua: h2h has no bias).
    long lstm1 = 4 * H * (V + H) + 4 * H; // D = V (one-hot): 1,183,744
    long lstm2 = 4 * H * (H + H) + 4 * H; // D = H: 2,099,200
    long decoder = H * V + V; // 33,345
    assertThat(node(s, "lstm1").parameters()).isEqualTo(lstm1).isEqualTo(1_183_744L);
    assertThat(node(s, "lstm2").parameters()).isEqualTo(lstm2).isEqualTo(2_099_200L);
    assertThat(node(s, "decoder").parameters()).isEqualTo(decoder);
    assertThat(s.parameters()).isEqualTo(lstm1 + lstm2 + decoder).isEqualTo(3_316_289L);
    // The one-hot encoding has no table: no parameters and no buffers.
    assertThat(s.buffers()).isZero();
  }

  @Test
  void charLstmMacsAreTimesStepsTimesGates() {
    GraphStats s = Zoo.build("char-lstm").stats();
    // Per layer T·N·4H·(D+H); decoder T·N·H·V.
    long lstm1 = T * 4 * H * (V + H); // 118,169,600
    long lstm2 = T * 4 * H * (H + H); // 209,715,200
    long decoder = T * H * V; // 3,328,000
    assertThat(node(s, "lstm1").macs()).isEqualTo(lstm1);
    assertThat(node(s, "lstm2").macs()).isEqualTo(lstm2);
    assertThat(node(s, "decoder").macs()).isEqualTo(decoder);
    assertThat(s.macs()).isEqualTo(lstm1 + lstm2 + decoder).isEqualTo(331_212_800L);
  }

  @Test
  void charLstmShapes() {
    Graph g = Zoo.build("char-lstm");
    assertThat(g.type(g.inputs().getFirst().id()).shape()).isEqualTo(Shape.of(100, 1));
    assertThat(g.type(g.node("onehot").output()).shape()).isEqualTo(Shape.of(100, 1, 65));
    assertThat(g.type(g.node("lstm2").output()).shape()).isEqualTo(Shape.of(100, 1, 512));
    // logits for every step: [T·N, V]
    assertThat(g.type(g.outputs().getFirst()).shape()).isEqualTo(Shape.of(100, 65));
  }

  @Test
  void charRnnDefaultSizeIsAboutWhatItsReadmePrints() {
    // char-rnn's Readme: "the default parameter settings (which currently print 150K
    // parameters)"; train.lua defaults of that time: rnn_size 100, num_layers 2, tinyshakespeare.
    // Ours: 4·100·(65+100)+400 + 4·100·200+400 + 100·65+65 = 153,365; the Readme rounds, so 5%.
    GraphStats s = CharRnn.build("char_rnn_default", CharRnn.Cell.LSTM, 65, 100, 2, 50, 50).stats();
    assertThat(s.parameters()).isEqualTo(153_365L);
    assertThat((double) s.parameters()).isCloseTo(150_000, within(7_500.0));
  }

  @Test
  void gruLmFollowsTheGruFormula() {
    GraphStats s = Zoo.build("gru-lm").stats();
    // GRU layer: 3H(D+H) + 6H (input and recurrent biases, as char-rnn's six biased linears).
    long gru1 = 3 * H * (V + H) + 6 * H;
    long gru2 = 3 * H * (H + H) + 6 * H;
    assertThat(s.parameters()).isEqualTo(gru1 + gru2 + H * V + V).isEqualTo(2_498_625L);
    // MACs T·N·3H·(D+H) per layer
    assertThat(s.macs())
        .isEqualTo(T * 3 * H * (V + H) + T * 3 * H * (H + H) + T * H * V)
        .isEqualTo(249_241_600L);
  }

  @Test
  void rnnLmFollowsTheVanillaFormula() {
    GraphStats s = Zoo.build("rnn-lm").stats();
    // Vanilla RNN layer: H(D+H) + H.
    long rnn1 = H * (V + H) + H;
    long rnn2 = H * (H + H) + H;
    assertThat(s.parameters()).isEqualTo(rnn1 + rnn2 + H * V + V).isEqualTo(854_081L);
    assertThat(s.macs())
        .isEqualTo(T * H * (V + H) + T * H * (H + H) + T * H * V)
        .isEqualTo(85_299_200L);
  }

  @Test
  void recurrentMacsScaleWithTheGateCount() {
    // Same shapes, so the recurrent layers' MACs are in the ratio of the gates: LSTM 4, GRU 3,
    // RNN 1.
    long lstm = node(Zoo.build("char-lstm").stats(), "lstm2").macs();
    long gru = node(Zoo.build("gru-lm").stats(), "gru2").macs();
    long rnn = node(Zoo.build("rnn-lm").stats(), "rnn2").macs();
    assertThat(lstm * 3).isEqualTo(gru * 4);
    assertThat(gru).isEqualTo(rnn * 3);
  }
}
