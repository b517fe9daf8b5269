package dev.silica.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.testkit.TestData;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
  private static final List<String> RUN_TITLES =
      List.of(
          "Per-layer latency by cycle component",
          "Per-layer energy by component",
          "Roofline (DRAM) with layers",
          "Area by component",
          "Utilization per layer");

  @Test
  void runPageIsSelfContainedWithChartsAndPngs(@TempDir Path dir) throws IOException {
    HtmlReport.Output out =
        HtmlReport.write(RunReport.of(SyntheticRuns.threeLayers()), dir, "tiny3");
    String html = Files.readString(out.html());
    assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("<img");
    assertThat(html.split("<svg", -1)).hasSize(RUN_TITLES.size() + 1);
    for (String t : RUN_TITLES) {
      assertThat(html).contains(">" + t + "<");
    }
    assertThat(html)
        .contains(">latency (µs)<")
        .contains(">energy (µJ)<")
        .contains(">utilization (%)<")
        .contains(">area (µm²)<")
        .contains("Horowitz 2014") // energy rows carry their sources
        .contains("<th>energy (pJ)</th>")
        // the heading line: clock and totals with SI units, throughput and efficiency
        .containsPattern("<p>clock [0-9.]+ [kMG]?Hz; [0-9.]+ [mµn]?s, [0-9.]+ [mµnp]?J per run; ")
        .contains(" inferences/s, ")
        .contains(" inferences/J, ")
        .contains(" TOPS/W</p>");
    assertThat(out.pngs()).hasSize(RUN_TITLES.size());
    for (Path png : out.pngs()) {
      BufferedImage img = ImageIO.read(png.toFile());
      assertThat(dev.silica.reports.charts.ChartsTestAccess.nonBackground(img))
          .as(png.toString())
          .isGreaterThan(3000);
    }
  }

  @Test
  void comparisonPageHasAParetoChartAndKeepsInfeasibleRunsInItsTable(@TempDir Path dir)
      throws IOException {
    HtmlReport.Output out = HtmlReport.write(comparison(), dir, "cmp");
    String html = Files.readString(out.html());
    assertThat(html)
        .contains(">Energy vs latency (Pareto front)<")
        .contains(">Pareto front<")
        .contains(">latency (µs)<")
        .contains(">efficiency (TOPS/W)<")
        .contains("<td>no: op conv2d unsupported</td>");
    assertThat(out.pngs()).hasSize(5);
    List<HtmlReport.NamedChart> charts = HtmlReport.charts(comparison());
    // infeasible runs are not plotted: four latency bars, not five
    assertThat(charts.get(0).chart().getCategoryPlot().getDataset().getColumnCount()).isEqualTo(4);
    // the front is a, b, d: c (1.5 us, 1.604 uJ) is beaten by a (1 us, 1.284 uJ)
    org.jfree.data.xy.XYDataset pareto = charts.get(4).chart().getXYPlot().getDataset();
    assertThat(pareto.getItemCount(0)).isEqualTo(4);
    assertThat(pareto.getItemCount(1)).isEqualTo(3);
    assertThat(pareto.getXValue(1, 0)).isEqualTo(1.0); // a: 1000 cycles at 1 GHz, in us
    // a: 12800 x 0.3 + 64000 x 20 pJ = 1,283,840 pJ, in uJ
    assertThat(pareto.getYValue(1, 0))
        .isCloseTo(1.28384, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void infeasibleRunPageHasNoChartsButSaysWhy(@TempDir Path dir) throws IOException {
    RunReport r =
        RunReport.of(
            dev.silica.simulator.result.RunResult.infeasible(
                "tiny3", "eie", 1e9, "op conv2d unsupported", java.util.Map.of()));
    HtmlReport.Output out = HtmlReport.write(r, dir, "eie");
    assertThat(out.pngs()).isEmpty();
    assertThat(Files.readString(out.html())).contains("INFEASIBLE: op conv2d unsupported");
  }

  /**
   * Opens the run page in headless Chromium, screenshots it and checks that every chart cell of the
   * fixed layout holds a drawn chart: many non-white pixels and more than a few colours.
   */
  @Test
  void chromiumRendersEveryRunChart(@TempDir Path dir) throws Exception {
    Path chromium = TestData.require(Path.of("/usr/bin/chromium"), "chromium");
    HtmlReport.Output out =
        HtmlReport.write(RunReport.of(SyntheticRuns.threeLayers()), dir, "tiny3");
    BufferedImage img = screenshot(chromium, out.html(), dir, "reports.screenshot");
    assertChartsDrawn(img, RUN_TITLES);
  }

  /** The comparison page, Pareto scatter included, in headless Chromium. */
  @Test
  void chromiumRendersEveryComparisonChart(@TempDir Path dir) throws Exception {
    Path chromium = TestData.require(Path.of("/usr/bin/chromium"), "chromium");
    HtmlReport.Output out = HtmlReport.write(comparison(), dir, "cmp");
    BufferedImage img = screenshot(chromium, out.html(), dir, "reports.comparison.screenshot");
    assertChartsDrawn(
        img,
        List.of(
            "Latency per run",
            "Energy per run by component",
            "Energy efficiency per run",
            "Area per run",
            "Energy vs latency (Pareto front)"));
  }

  private static ComparisonReport comparison() {
    return ComparisonReport.of(
        List.of(
            SyntheticRuns.point("a", 1000, 64000),
            SyntheticRuns.point("b", 2000, 16000),
            SyntheticRuns.point("c", 1500, 80000), // slower and costlier than a
            SyntheticRuns.point("d", 4000, 8000),
            dev.silica.simulator.result.RunResult.infeasible(
                "fc", "eie", 1e9, "op conv2d unsupported", java.util.Map.of())));
  }

  /**
   * Runs Chromium headless on {@code html}; copies the screenshot to the path in system property
   * {@code keepProperty} when set.
   */
  private static BufferedImage screenshot(Path chromium, Path html, Path dir, String keepProperty)
      throws Exception {
    Path shot = dir.resolve("screenshot.png");
    Path profile = Files.createDirectories(dir.resolve("profile"));
    Path log = dir.resolve("chromium.log");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--user-data-dir=" + profile,
                "--screenshot=" + shot,
                "--window-size=1280,2400",
                html.toUri().toString()));
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 120 s: " + Files.readString(log));
    }
    assertThat(shot).as(Files.readString(log)).exists();
    String keep = System.getProperty(keepProperty);
    if (keep != null) {
      Files.copy(shot, Path.of(keep), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    BufferedImage img = ImageIO.read(shot.toFile());
    assertThat(img.getWidth()).isEqualTo(1280);
    return img;
  }

  /** Each chart cell of {@link HtmlReport}'s fixed layout holds ink in many colours. */
  private static void assertChartsDrawn(BufferedImage img, List<String> titles) {
    for (int i = 0; i < titles.size(); i++) {
      int x0 = (i % 2) * HtmlReport.CELL_W + HtmlReport.PAD;
      int y0 = HtmlReport.HEADER_H + (i / 2) * HtmlReport.CELL_H + HtmlReport.PAD;
      long ink = 0;
      java.util.Set<Integer> colours = new java.util.HashSet<>();
      for (int y = y0; y < y0 + HtmlReport.CHART_H; y++) {
        for (int x = x0; x < x0 + HtmlReport.CHART_W; x++) {
          int rgb = img.getRGB(x, y) & 0xFFFFFF;
          colours.add(rgb);
          if (rgb != 0xFFFFFF) {
            ink++;
          }
        }
      }
      assertThat(ink).as(titles.get(i) + " ink").isGreaterThan(3000);
      assertThat(colours.size()).as(titles.get(i) + " colours").isGreaterThan(10);
    }
    // right of the header text, above the charts, nothing is drawn
    assertThat(img.getRGB(1270, HtmlReport.HEADER_H / 2) & 0xFFFFFF).isEqualTo(0xFFFFFF);
  }
}
