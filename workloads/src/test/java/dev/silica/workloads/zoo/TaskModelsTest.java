package dev.silica.workloads.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.Node;
import org.junit.jupiter.api.Test;

/** Registry and naming rules for the task models. */
class TaskModelsTest {
  @Test
  void allTaskModelsAreRegisteredAndBuildUnderTheirOwnName() {
    assertThat(TaskModels.all())
        .extracting(ZooModel::name)
        .containsExactly(
            "fcn",
            "yolo-tiny",
            "dcgan-generator",
            "dcgan-discriminator",
            "bert-base-layer",
            "gpt2-small");
    for (ZooModel m : TaskModels.all()) {
      assertThat(Zoo.names()).contains(m.name());
      assertThat(m.build().name()).isEqualTo(m.name());
    }
  }

  @Test
  void noNodeNameEndsInDotDigitSoExtraOutputsCannotCollide() {
    for (ZooModel m : TaskModels.all()) {
      Graph g = m.build();
      assertThat(g.nodes())
          .extracting(Node::name)
          .as(m.name())
          .noneMatch(name -> name.matches(".*\\.[0-9]+$"));
    }
  }
}
