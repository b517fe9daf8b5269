package dev.silica.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.testkit.TestData;
import dev.silica.workloads.train.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code silica accuracy --study ttq|mixed-precision|distillation|adversarial}. */
class AccuracyTrainingStudiesTest {
  @TempDir Path dir;

  private Path untrainedLenet() {
    Path model = dir.resolve("lenet-300-100.onnx");
    CliRun.of("train", "--model", "lenet-300-100", "--epochs", "0", "--out", model.toString())
        .succeeds();
    return model;
  }

  @Test
  void ttqFineTunesWritesTheTableAndTheTernaryModel() throws Exception {
    TestData.require(Dataset.FASHION_MNIST_DIR, "dataset-fashion-mnist");
    Path model = untrainedLenet();
    Path report = dir.resolve("report");
    CliRun r =
        CliRun.of(
                "accuracy",
                model.toString(),
                "--study",
                "ttq",
                "--epochs",
                "1",
                "--train-limit",
                "256",
                "--limit",
                "200",
                "--threads",
                "2",
                "-r",
                report.toString())
            .succeeds();
    assertThat(r.out())
        .contains("ttq study of lenet-300-100: 1 epochs, lr default, seed 1, 2 threads")
        .containsPattern("ttq epoch 1 +[0-9.]+%")
        .contains("wrote " + report.resolve("ttq.onnx"));
    assertThat(Files.readAllLines(report.resolve("ttq.csv")))
        .first()
        .isEqualTo("study,variant,accuracy,delta_pp");
    assertThat(Files.readAllLines(report.resolve("ttq.csv")))
        .hasSize(5); // header, fp32, twn, ttq before fine-tuning, one epoch
  }

  @Test
  void badOptionsAreOneLine() {
    assertThat(CliRun.of("accuracy", "m.onnx", "--study", "ttx").failsWithOneLine())
        .isEqualTo(
            "silica: --study: unknown study 'ttx' (expected one of: formats, pruning,"
                + " sharing, fgsm, sparsity, filters, pareto, all, ttq, mixed-precision,"
                + " distillation, adversarial, retrain-pruning, sharing-finetune, deep-compression,"
                + " dsd)");
  }

  @Test
  void epochsMustBePositive() {
    TestData.require(Dataset.FASHION_MNIST_DIR, "dataset-fashion-mnist");
    Path model = untrainedLenet();
    assertThat(
            CliRun.of("accuracy", model.toString(), "--study", "ttq", "--epochs", "0")
                .failsWithOneLine())
        .isEqualTo("silica: --epochs: must be >= 1, got 0");
  }
}
