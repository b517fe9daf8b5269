package dev.silica.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.testkit.TestData;
import dev.silica.workloads.train.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
  @TempDir Path dir;

  @Test
  void trainsOnFashionMnistShowsProgressAndSavesOnnx() {
    TestData.require(Dataset.FASHION_MNIST_DIR, "dataset-fashion-mnist");
    Path out = dir.resolve("lenet-300-100.onnx");
    CliRun r =
        CliRun.of(
                "train",
                "--model",
                "lenet-300-100",
                "--epochs",
                "1",
                "--limit",
                "3000",
                "--threads",
                "2",
                "--out",
                out.toString())
            .succeeds();
    assertThat(r.out())
        .contains("training lenet-300-100 (266,610 parameters) on fashion-mnist/train[:3000]")
        .containsPattern("epoch 1/1  batch \\d+/47  loss [0-9.]+  train accuracy [0-9.]+%")
        .containsPattern("epoch 1/1  loss [0-9.]+  train accuracy [0-9.]+%  test accuracy [0-9.]+%")
        .contains("wrote " + out);
    assertThat(out).isRegularFile();
    // an existing model is not overwritten without --force
    assertThat(
            CliRun.of("train", "--model", "lenet-300-100", "--epochs", "0", "--out", out.toString())
                .failsWithOneLine())
        .isEqualTo("silica: --out: " + out + " exists (pass --force to overwrite it)");
  }

  @Test
  void badOptionsAreOneLine() {
    assertThat(
            CliRun.of("train", "--model", "lenet5", "--dataset", "mnist", "--out", "x.onnx")
                .failsWithOneLine())
        .isEqualTo("silica: --dataset: unknown data set 'mnist' (expected one of: fashion-mnist)");
    assertThat(
            CliRun.of("train", "--model", "lenet5", "--optimizer", "rmsprop", "--out", "x.onnx")
                .failsWithOneLine())
        .isEqualTo("silica: --optimizer: must be adam or sgd, got 'rmsprop'");
    assertThat(Files.exists(Path.of("x.onnx"))).isFalse();
  }
}
