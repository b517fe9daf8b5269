package dev.silica.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.testkit.TestData;
import dev.silica.workloads.train.Dataset;
import dev.silica.workloads.train.Retraining;
import dev.silica.workloads.train.TrainableGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code silica accuracy --study retrain-pruning|sharing-finetune|deep-compression|dsd} on the
 * committed LeNet-5 fixture, retraining on a few hundred images so that the runs take seconds.
 */
class AccuracyRetrainingCliTest {
  static final Path FIXTURE =
      Path.of(
          "../workloads/src/test/resources/dev/silica/workloads/train/lenet5-fashion-mnist.onnx");

  @TempDir Path dir;

  private static String[] args(String study, String... more) {
    List<String> a =
        new java.util.ArrayList<>(
            List.of(
                "accuracy",
                FIXTURE.toString(),
                "--study",
                study,
                "--train-limit",
                "128",
                "--limit",
                "200",
                "--threads",
                "2"));
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  @Test
  void dsdComparesWithPlainTrainingAndWritesCsv() throws IOException {
    TestData.require(Dataset.FASHION_MNIST_DIR, "dataset-fashion-mnist");
    CliRun r = CliRun.of(args("dsd", "--report", dir.toString())).succeeds();
    assertThat(r.out())
        .contains("retraining on fashion-mnist/train[:128] (128 images): 1 epoch(s) per phase")
        .contains("dsd:")
        .containsPattern("sparse 50% \\+1 epochs +[0-9.]+%")
        .containsPattern("dsd re-dense \\+2 epochs +[0-9.]+%")
        .containsPattern("plain \\+2 epochs +[0-9.]+%");
    List<String> csv = Files.readAllLines(dir.resolve("dsd.csv"));
    assertThat(csv.get(0)).isEqualTo("study,variant,accuracy,delta_pp");
    assertThat(csv).hasSize(7);
  }

  @Test
  void deepCompressionReportsStagesWithStorageAndSavesTheModel() throws IOException {
    TestData.require(Dataset.FASHION_MNIST_DIR, "dataset-fashion-mnist");
    Path saved = dir.resolve("dc.onnx");
    CliRun r =
        CliRun.of(
                args(
                    "deep-compression",
                    "--epochs",
                    "1",
                    "--report",
                    dir.toString(),
                    "--save",
                    saved.toString()))
            .succeeds();
    assertThat(r.out()).contains("deep-compression:").contains("wrote " + saved);
    List<String> csv = Files.readAllLines(dir.resolve("deep-compression-storage.csv"));
    assertThat(csv.get(0))
        .isEqualTo("stage,accuracy,weight_sparsity,storage_bits,ratio,ratio_weights_only");
    // fp32, pruned 50/70/80/90%, 5-bit k-means, fine-tuned, + Huffman
    assertThat(csv).hasSize(9);
    assertThat(csv.get(1)).startsWith("fp32,");
    assertThat(csv.get(8)).startsWith("+ Huffman,");
    double[] ratios =
        csv.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[4])).toArray();
    assertThat(ratios[0]).isEqualTo(1.0);
    // pruning, then sharing, then Huffman each shrink the storage
    assertThat(ratios[4]).isGreaterThan(ratios[1]);
    assertThat(ratios[6]).isGreaterThan(ratios[4]);
    assertThat(ratios[7]).isGreaterThan(ratios[6]);
    TrainableGraph net = TrainableGraph.load(saved);
    assertThat(Retraining.sparsity(net)).isGreaterThanOrEqualTo(0.9);
    assertThat(Retraining.maxDistinctNonZero(net)).isLessThanOrEqualTo(32);
  }

  @Test
  void badRetrainingOptionsAreOneLine() {
    assertThat(CliRun.of("accuracy", "m.onnx", "--study", "prune-retrain").failsWithOneLine())
        .isEqualTo(
            "silica: --study: unknown study 'prune-retrain' (expected one of: formats, pruning,"
                + " sharing, fgsm, sparsity, filters, pareto, all, ttq, mixed-precision,"
                + " distillation, adversarial, retrain-pruning, sharing-finetune, deep-compression,"
                + " dsd)");
    assertThat(
            CliRun.of("accuracy", "m.onnx", "--study", "dsd", "--epochs", "-1").failsWithOneLine())
        .isEqualTo("silica: --epochs: must be >= 0, got -1");
    assertThat(
            CliRun.of("accuracy", "m.onnx", "--study", "dsd", "--save", "x.onnx")
                .failsWithOneLine())
        .isEqualTo("silica: --save: only with --study deep-compression, got --study dsd");
  }
}
