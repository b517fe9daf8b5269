package dev.silica.reports.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {
  /** Pixels that differ from the white background. */
  static long nonBackground(BufferedImage img) {
    long n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if ((img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
          n++;
        }
      }
    }
    return n;
  }

  @Test
  void barChartPngIsNotBlankAndSvgHasTitleAndUnits(@TempDir Path dir) throws IOException {
    Map<String, Double> v = new LinkedHashMap<>();
    v.put("conv1", 1.0);
    v.put("conv2", 2.0);
    JFreeChart chart = Charts.bars("Per-layer latency", "layer", "latency (µs)", v);
    Path png = ChartImage.png(chart, 600, 400, dir.resolve("bars.png"));
    BufferedImage img = ImageIO.read(png.toFile());
    assertThat(img.getWidth()).isEqualTo(600);
    // two bars of at least 20 x 100 px each, plus text and axes
    assertThat(nonBackground(img)).isGreaterThan(4000);
    String svg = ChartImage.svg(chart, 600, 400, "c1");
    assertThat(svg)
        .startsWith("<svg")
        .contains("id='c1'")
        .contains(">Per-layer latency<")
        .contains(">latency (µs)<")
        .contains(">conv1<");
  }

  @Test
  void rooflineDrawsTheRoofOrSaysItIsUnknown() {
    List<NamedPoint> layers =
        List.of(
            new NamedPoint("conv1", 3.2, 2.56e10),
            new NamedPoint("relu", Double.POSITIVE_INFINITY, 0));
    JFreeChart known =
        Charts.roofline("Roofline", layers, OptionalDouble.of(3.2e10), OptionalDouble.of(8e9));
    String svg = ChartImage.svg(known, 600, 400, "r");
    assertThat(svg)
        .contains(">operational intensity (ops/byte)<")
        .contains(">performance (ops/s)<")
        .contains("ridge 4.00 ops/byte")
        .contains("1 layer(s) without DRAM traffic or MACs not shown")
        .contains(">conv1<");
    assertThat(known.getXYPlot().getDataset().getSeriesCount()).isEqualTo(2);
    assertThat(nonBackground(ChartImage.image(known, 600, 400))).isGreaterThan(2000);
    JFreeChart unknown =
        Charts.roofline("Roofline", layers, OptionalDouble.of(3.2e10), OptionalDouble.empty());
    assertThat(ChartImage.svg(unknown, 600, 400, "u")).contains("roof unknown");
  }

  @Test
  void paretoFrontKeepsOnlyNonDominatedPoints() {
    List<NamedPoint> pts =
        List.of(
            new NamedPoint("a", 1, 10),
            new NamedPoint("b", 2, 5),
            new NamedPoint("c", 3, 6), // dominated by b
            new NamedPoint("d", 4, 1),
            new NamedPoint("e", 4, 2)); // dominated by d
    assertThat(ParetoFront.of(pts).stream().map(NamedPoint::name)).containsExactly("a", "b", "d");
    JFreeChart chart = Charts.pareto("Energy vs latency", "latency (µs)", "energy (µJ)", pts);
    assertThat(chart.getXYPlot().getDataset().getItemCount(1)).isEqualTo(3);
    assertThat(ChartImage.svg(chart, 600, 400, "p")).contains(">Pareto front<");
  }

  @Test
  void axisLabelsMustNameTheirUnit() {
    assertThatThrownBy(() -> Charts.bars("t", "layer", "latency", Map.of("a", 1.0)))
        .hasMessage(
            "chart axis label must name its unit in parentheses, e.g. 'latency (µs)', got 'latency'");
  }

  @Test
  void unitScalesPickAPrefix() {
    assertThat(UnitScale.seconds(3.1e-6)).isEqualTo(new UnitScale("µs", 1e-6));
    assertThat(UnitScale.picojoules(2_097_620)).isEqualTo(new UnitScale("µJ", 1e6));
    assertThat(UnitScale.picojoules(100)).isEqualTo(new UnitScale("pJ", 1));
    assertThat(UnitScale.squareMicrons(2e6)).isEqualTo(new UnitScale("mm²", 1e6));
  }
}
