package dev.silica.workloads.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The distillation loss (Hinton et al. 2015) and its gradient. */
class DistillationTest {
  private static final float[] TEACHER = {2.5f, -1f, 0.3f, 4f, -2f};
  private static final float[] STUDENT = {0.5f, 1.5f, -0.7f, 2f, 0.1f};

  @Test
  void gradientMatchesCentralFiniteDifferences() {
    for (float t : new float[] {1f, 2f, 4f, 20f}) {
      for (float alpha : new float[] {0f, 0.5f, 0.9f, 1f}) {
        float[] dz = new float[5];
        Distillation.loss(STUDENT, 3, TEACHER, 0, t, alpha, dz);
        double h = 1e-2;
        for (int k = 0; k < 5; k++) {
          float[] zp = STUDENT.clone();
          float[] zm = STUDENT.clone();
          zp[k] += (float) h;
          zm[k] -= (float) h;
          double fd =
              (Distillation.loss(zp, 3, TEACHER, 0, t, alpha, new float[5])
                      - Distillation.loss(zm, 3, TEACHER, 0, t, alpha, new float[5]))
                  / (zp[k] - zm[k]);
          // central difference error O(h²·L''') plus float rounding of z ± h
          assertThat((double) dz[k])
              .as("T=%s alpha=%s k=%d", t, alpha, k)
              .isCloseTo(fd, within(2e-4 * Math.max(1, t)));
        }
      }
    }
  }

  @Test
  void limitsAreCrossEntropyAndZeroKl() {
    float[] dz = new float[5];
    float[] ce = new float[5];
    // α = 0: plain cross-entropy with the hard label
    assertThat(Distillation.loss(STUDENT, 1, TEACHER, 0, 4f, 0f, dz))
        .isCloseTo(TrainableGraph.softmaxCrossEntropy(STUDENT, 1, ce), within(1e-9));
    assertThat(dz).containsExactly(ce, org.assertj.core.data.Offset.offset(1e-7f));
    // α = 1 and a student equal to its teacher: KL = 0 and no gradient
    assertThat(Distillation.loss(TEACHER, 1, TEACHER, 0, 4f, 1f, dz)).isCloseTo(0, within(1e-12));
    for (float v : dz) {
      assertThat(v).isCloseTo(0f, within(1e-7f));
    }
  }

  @Test
  void highTemperatureGradientApproachesLogitMatching() {
    // Hinton et al. §2.1: for T large and zero-mean logits, T²·KL's gradient → (z − v)/N
    float[] v = {1f, -1f, 0.5f, -0.5f, 0f};
    float[] z = {0.2f, 0.4f, -0.6f, 0.3f, -0.3f};
    float[] dz = new float[5];
    Distillation.loss(z, 0, v, 0, 200f, 1f, dz);
    for (int k = 0; k < 5; k++) {
      assertThat((double) dz[k]).isCloseTo((z[k] - v[k]) / 5.0, within(1e-3));
    }
  }

  @Test
  void trainingThroughTheRegimeUsesTheTeachersLogitsByExample() {
    Dataset data = TrainerTest.squares(200, 6);
    dev.silica.workloads.ir.Graph g = dev.silica.workloads.zoo.Zoo.build("lenet-300-100");
    TrainableGraph teacher =
        new TrainableGraph(g, dev.silica.workloads.exec.SeededInit.forGraph(g, 7));
    float[] logits = Distillation.logits(teacher, data, 3);
    Workspace w = teacher.workspace();
    data.fill(17, w.val[teacher.input], teacher.inputHeight(), teacher.inputWidth());
    float[] z = teacher.forward(w);
    for (int k = 0; k < 10; k++) {
      assertThat(logits[17 * 10 + k]).isEqualTo(z[k]);
    }
    Distillation d = new Distillation(logits, 10, 2f, 1f);
    float[] dz = new float[10];
    // the teacher distilled into itself: zero loss for the example's own logits
    assertThat(d.loss(17, data.label(17), z, dz)).isCloseTo(0, within(1e-9));
  }
}
