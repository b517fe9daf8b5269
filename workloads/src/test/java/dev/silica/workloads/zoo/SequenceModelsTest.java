package dev.silica.workloads.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.workloads.ir.Graph;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SequenceModelsTest {
  @Test
  void everyModelIsRegisteredAndBuilds() {
    assertThat(SequenceModels.all())
        .extracting(ZooModel::name)
        .containsExactly(
            "char-lstm",
            "gru-lm",
            "rnn-lm",
            "captioning",
            "neuraltalk-eie",
            "tpu-mlp0",
            "tpu-lstm0",
            "tpu-cnn0",
            "dqn");
    for (ZooModel m : SequenceModels.all()) {
      assertThat(m.name()).isEqualTo(m.name().toLowerCase(Locale.ROOT));
      assertThat(Zoo.model(m.name().toUpperCase(Locale.ROOT)).source()).isEqualTo(m.source());
      Graph g = m.build();
      assertThat(g.outputs()).isNotEmpty();
      assertThat(g.stats().parameters()).isPositive();
      assertThat(g.stats().macs()).isPositive();
    }
  }
}
