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
        .contains("<th>energy (pJ)</th>");
    assertThat(out.pngs()).hasSize(RUN_TITLES.size());
    for (Path png : out.pngs()) {
      BufferedImage img = ImageIO.read(png.toFile());
      assertThat(dev.silica.reports.charts.ChartsTestAccess.nonBackground(img))
          .as(png.toString())
          .isGreaterThan(3000);
    }
  }

  @Test
  void comparisonPageHasAParetoChart(@TempDir Path dir) throws IOException {
    ComparisonReport c =
        ComparisonReport.of(
            List.of(
                SyntheticRuns.threeLayers("a", 8),
                SyntheticRuns.threeLayers("b", 16),
                SyntheticRuns.threeLayers("c", 4)));
    HtmlReport.Output out = HtmlReport.write(c, dir, "cmp");
    String html = Files.readString(out.html());
    assertThat(html).contains(">Energy vs latency (Pareto front)<").contains(">Pareto front<");
    assertThat(out.pngs()).hasSize(5);
  }

  /**
   * Opens the run page in headless Chromium, screenshots it and checks that every chart cell of the
   * fixed layout holds a drawn chart: many non-white pixels and more than a few colours.
   */
  @Test
  void chromiumRendersEveryChart(@TempDir Path dir) throws Exception {
    Path chromium = TestData.require(Path.of("/usr/bin/chromium"), "chromium");
    HtmlReport.Output out =
        HtmlReport.write(RunReport.of(SyntheticRuns.threeLayers()), dir, "tiny3");
    Path shot = dir.resolve("screenshot.png");
    Path profile = Files.createDirectories(dir.resolve("profile"));
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
                out.html().toUri().toString()));
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("chromium.log").toFile())
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 120 s");
    }
    assertThat(shot).as(Files.readString(dir.resolve("chromium.log"))).exists();
    String keep = System.getProperty("reports.screenshot");
    if (keep != null) {
      Files.copy(shot, Path.of(keep), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    BufferedImage img = ImageIO.read(shot.toFile());
    assertThat(img.getWidth()).isEqualTo(1280);
    for (int i = 0; i < RUN_TITLES.size(); i++) {
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
      assertThat(ink).as(RUN_TITLES.get(i) + " ink").isGreaterThan(3000);
      assertThat(colours.size()).as(RUN_TITLES.get(i) + " colours").isGreaterThan(10);
    }
    // the header above the charts is not where a chart drew
    assertThat(img.getRGB(1270, HtmlReport.HEADER_H / 2) & 0xFFFFFF).isEqualTo(0xFFFFFF);
  }
}
