package dev.silica.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.testkit.TestData;
import dev.silica.workloads.train.AccuracyStudies.Row;
import dev.silica.workloads.train.Dataset;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Study charts from rows alone: sweeps become lines, anything else bars, with the baseline. */
class AccuracyChartsTest {
  @TempDir Path dir;

  static Row row(String study, String variant, double acc) {
    return new Row(study, variant, acc, 0.8987);
  }

  @Test
  void percentBitsAndEpsilonLabelsAreSweeps() {
    AccuracyCharts.Sweep pruning =
        AccuracyCharts.sweep(
            "pruning", List.of(row("pruning", "50%", 0.8), row("pruning", "90%", 0.1)));
    assertThat(pruning.xLabel()).isEqualTo("pruning (%)");
    assertThat(pruning.series()).containsOnlyKeys("pruning");
    assertThat(pruning.series().get("pruning"))
        .containsExactly(new double[] {50, 80}, new double[] {90, 10});

    AccuracyCharts.Sweep sharing =
        AccuracyCharts.sweep(
            "weight-sharing",
            List.of(row("weight-sharing", "8 bits", 0.89), row("weight-sharing", "2 bits", 0.5)));
    assertThat(sharing.xLabel()).isEqualTo("weight-sharing (bits)");

    AccuracyCharts.Sweep fgsm =
        AccuracyCharts.sweep(
            "fgsm",
            List.of(
                row("fgsm", "fp32 eps=0.0", 0.9),
                row("fgsm", "fp32 eps=0.1", 0.2),
                row("fgsm", "pruned-90% eps=0.0", 0.05),
                row("fgsm", "pruned-90% eps=0.1", 0.01)));
    assertThat(fgsm.xLabel()).isEqualTo("ε (pixel scale, 0 to 1)");
    assertThat(fgsm.series()).containsOnlyKeys("fp32", "pruned-90%");
    assertThat(fgsm.series().get("pruned-90%")).hasSize(2);
  }

  @Test
  void namedVariantsAndMixedParametersAreBars() {
    assertThat(
            AccuracyCharts.sweep(
                "formats", List.of(row("formats", "fp32", 0.9), row("formats", "q8", 0.89))))
        .isNull();
    assertThat(
            AccuracyCharts.sweep(
                "mixed", List.of(row("mixed", "50%", 0.9), row("mixed", "5 bits", 0.89))))
        .isNull();
    JFreeChart c =
        AccuracyCharts.chart(
            "formats", List.of(row("formats", "fp32", 0.8987), row("formats", "q4", 0.5)));
    CategoryPlot plot = (CategoryPlot) c.getPlot();
    assertThat(plot.getRangeAxis().getLabel()).isEqualTo("top-1 test accuracy (%)");
    assertThat(plot.getDataset().getValue(0, 1).doubleValue()).isEqualTo(50.0);
    ValueMarker m = (ValueMarker) plot.getRangeMarkers(Layer.FOREGROUND).iterator().next();
    assertThat(m.getValue()).isEqualTo(89.87, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(m.getLabel()).isEqualTo("FP32 baseline 89.87 %");
  }

  @Test
  void sweepChartShowsTheBaselineAndWritesPngAndSvg() throws Exception {
    List<Row> rows = List.of(row("pruning", "50%", 0.75), row("pruning", "90%", 0.05));
    XYPlot plot = (XYPlot) AccuracyCharts.chart("pruning", rows).getPlot();
    assertThat(plot.getDomainAxis().getLabel()).isEqualTo("pruning (%)");
    ValueMarker m = (ValueMarker) plot.getRangeMarkers(Layer.FOREGROUND).iterator().next();
    assertThat(m.getValue()).isEqualTo(89.87, org.assertj.core.data.Offset.offset(1e-9));
    // the axis reaches the baseline even though every point lies below it
    assertThat(plot.getRangeAxis().getRange().contains(89.87)).isTrue();

    List<Path> files = AccuracyCharts.write(dir, "pruning", rows);
    assertThat(files).containsExactly(dir.resolve("pruning.png"), dir.resolve("pruning.svg"));
    BufferedImage img = ImageIO.read(dir.resolve("pruning.png").toFile());
    assertThat(img.getWidth()).isEqualTo(900);
    assertThat(img.getHeight()).isEqualTo(560);
    assertThat(Files.readString(dir.resolve("pruning.svg")))
        .startsWith("<svg")
        .contains("top-1 test accuracy (%)")
        .contains("FP32 baseline 89.87 %");
  }

  @Test
  void accuracyCommandWritesEachStudysChartNextToItsCsv() {
    TestData.require(Dataset.FASHION_MNIST_DIR, "dataset-fashion-mnist");
    CliRun r =
        CliRun.of(
                "accuracy",
                AccuracyEnergyTest.FIXTURE.toString(),
                "--study",
                "pruning",
                "--limit",
                "100",
                "--threads",
                "2",
                "--report",
                dir.toString())
            .succeeds();
    assertThat(r.out())
        .contains("wrote " + dir.resolve("pruning.png"))
        .contains("wrote " + dir.resolve("pruning.svg"));
    assertThat(dir.resolve("pruning.csv")).isRegularFile();
    assertThat(dir.resolve("pruning.png")).isRegularFile();
    CliRun.of(
            "accuracy",
            AccuracyEnergyTest.FIXTURE.toString(),
            "--study",
            "sparsity",
            "--limit",
            "20",
            "--report",
            dir.toString())
        .succeeds();
    assertThat(dir.resolve("sparsity.png")).isRegularFile();
    assertThat(dir.resolve("sparsity.svg")).content().contains("zero elements (%)");
  }

  @Test
  void paretoTakesRetrainedModelsAsVariants() {
    TestData.require(Dataset.FASHION_MNIST_DIR, "dataset-fashion-mnist");
    Path ttq = AccuracyEnergyTest.FIXTURE.resolveSibling("lenet5-fashion-mnist-ttq.onnx");
    CliRun r =
        CliRun.of(
                "accuracy",
                AccuracyEnergyTest.FIXTURE.toString(),
                "--study",
                "pareto",
                "--limit",
                "50",
                "--variant",
                "ttq=" + ttq)
            .succeeds();
    // TTQ layers hold {-Wn, 0, +Wp}: 2-bit weights, computed in FP32
    assertThat(r.out()).containsPattern("(?m)^  ttq +2 +fp32 ");
    assertThat(
            CliRun.of(
                    "accuracy",
                    AccuracyEnergyTest.FIXTURE.toString(),
                    "--study",
                    "pareto",
                    "--limit",
                    "50",
                    "--variant",
                    "dc=missing.onnx")
                .failsWithOneLine())
        .isEqualTo("silica: --variant: dc: no such file: missing.onnx");
  }
}
