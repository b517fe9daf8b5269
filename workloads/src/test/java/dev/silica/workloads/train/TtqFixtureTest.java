package dev.silica.workloads.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.testkit.TestData;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed TTQ model ({@code lenet5-fashion-mnist-ttq.onnx}, fine-tuned from the FP32 fixture;
 * command and seed in {@code lenet5-fashion-mnist-ttq.txt}) on the full 10,000-image Fashion-MNIST
 * test set.
 */
class TtqFixtureTest {
  static TrainableGraph fp32;
  static TrainableGraph ttq;
  static Dataset test;

  static Path resource(String name) throws URISyntaxException {
    return Path.of(TtqFixtureTest.class.getResource(name).toURI());
  }

  @BeforeAll
  static void load() throws URISyntaxException {
    Path dir = TestData.require(Dataset.FASHION_MNIST_DIR, "dataset-fashion-mnist");
    fp32 = TrainableGraph.load(resource("lenet5-fashion-mnist.onnx"));
    ttq = TrainableGraph.load(resource("lenet5-fashion-mnist-ttq.onnx"));
    test = Dataset.fashionMnist(dir, Dataset.Split.TEST);
  }

  @Test
  void everyWeightLayerHoldsExactlyMinusWnZeroAndWp() {
    int layers = 0;
    for (int p : ttq.parameters) {
      if (!AccuracyStudies.isWeight(ttq, p)) {
        continue;
      }
      layers++;
      TreeSet<Float> distinct = new TreeSet<>();
      for (float v : ttq.shared[p]) {
        distinct.add(v);
      }
      assertThat(distinct).as(ttq.name(p)).hasSize(3).contains(0f);
      assertThat(distinct.first()).as(ttq.name(p)).isNegative();
      assertThat(distinct.last()).as(ttq.name(p)).isPositive();
    }
    // the zoo's LeNet-5: C1, C3 as its three partially connected groups (c3_a, c3_b, c3_c), C5,
    // F6, output
    assertThat(layers).isEqualTo(7);
  }

  @Test
  void accuracyWithinTheIssueTargetOfFp32() {
    double a32 = AccuracyStudies.accuracy(fp32, test, 2);
    double a3 = AccuracyStudies.accuracy(ttq, test, 2);
    // measured 2026-11-30: FP32 89.87%, TTQ 88.38% (see lenet5-fashion-mnist-ttq.txt)
    // issue 9 target: TTQ within 1.5 pp of FP32; the two-epoch fine-tune meets it with 0.01 pp
    // to spare
    assertThat(100 * (a32 - a3)).isLessThanOrEqualTo(1.5);
    // Zhu et al. 2017 §4: trained scales recover what post-training ternarization loses (TWN)
    double[] unusedByTernary = new double[fp32.valueCount()];
    double twn =
        AccuracyStudies.accuracy(
            AccuracyStudies.quantized(fp32, "ternary", unusedByTernary), test, 2);
    assertThat(a3).isGreaterThan(twn + 0.2);
  }

  @Test
  void fgsmFoolsTheTernaryModelToo() {
    List<AccuracyStudies.Row> rows =
        TrainingStudies.fgsm("ttq", ttq, test.head(500), List.of(0.0, 0.05), 0, 2);
    // Goodfellow et al. 2015: a linear-enough model is fooled by sign-gradient steps
    assertThat(rows.get(1).accuracy()).isLessThan(rows.get(0).accuracy() - 0.3);
  }
}
