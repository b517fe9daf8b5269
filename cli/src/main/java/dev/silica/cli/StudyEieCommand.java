package dev.silica.cli;

import dev.silica.accelerators.eie.EieConfig;
import dev.silica.accelerators.eie.EieStudy;
import dev.silica.reports.charts.ChartImage;
import dev.silica.reports.charts.Charts;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code silica study eie --report DIR}: the EIE paper's studies on the cycle-level model (the nine
 * benchmark layers, load balance against FIFO depth, scaling with PE count, the PE power and area
 * breakdown beside the paper's), written as CSV with SVG charts; the per-layer table is also
 * printed.
 */
@Command(
    name = "eie",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Runs the EIE studies on eie-64 (Han et al., ISCA 2016): the nine benchmark layers, FIFO"
          + " depth 1..256 and PE count 1..256; writes layers.csv, fifo-depth.csv,"
          + " pe-scaling.csv and pe-breakdown.csv, and SVG charts of them."
    })
final class StudyEieCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(
      names = {"-r", "--report"},
      required = true,
      paramLabel = "DIR",
      description = "Directory for the CSV files and charts.")
  Path report;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "2016",
      description = "Seed of the weights and activations (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--scale-down",
      paramLabel = "F",
      defaultValue = "1",
      description =
          "Divide every layer's dimensions by F (densities kept) for a quick run (default:"
              + " ${DEFAULT-VALUE}, the paper's sizes).")
  int scaleDown;

  @Override
  public void run() {
    if (scaleDown < 1) {
      throw new CliException("--scale-down: must be at least 1, got " + scaleDown);
    }
    PrintWriter out = spec.commandLine().getOut();
    try {
      Files.createDirectories(report);
      EieStudy.Results results = EieStudy.runAll(EieConfig.eie64(), seed, scaleDown);
      List<Path> written = new ArrayList<>(EieStudy.write(report, results));
      written.addAll(charts(report, results));
      out.print(EieStudy.layersCsv(results.layers()));
      for (Path p : written) {
        out.println("wrote " + p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.flush();
  }

  private static List<Path> charts(Path dir, EieStudy.Results r) throws IOException {
    List<Path> out = new ArrayList<>();
    Map<String, Double> time = new LinkedHashMap<>();
    r.layers().forEach(l -> time.put(l.layer(), l.timeUs()));
    out.add(
        svg(
            dir,
            "layers-time",
            Charts.bars("EIE benchmark layers, eie-64", "layer", "time (µs)", time)));
    out.add(
        svg(
            dir,
            "fifo-depth",
            xy(
                "Load balance vs FIFO depth (64 PEs)",
                "FIFO depth (entries)",
                "load balance (ratio)",
                r.fifo(),
                EieStudy.FifoRow::layer,
                f -> f.fifoDepth(),
                EieStudy.FifoRow::loadBalance,
                false)));
    out.add(
        svg(
            dir,
            "pe-speedup",
            xy(
                "Speedup vs PE count",
                "PEs (count)",
                "speedup (x)",
                r.pes(),
                EieStudy.PeRow::layer,
                p -> p.pes(),
                EieStudy.PeRow::speedup,
                true)));
    out.add(
        svg(
            dir,
            "pe-padding",
            xy(
                "Padding zeros vs PE count",
                "PEs (count)",
                "padding zeros (fraction of entries)",
                r.pes(),
                EieStudy.PeRow::layer,
                p -> p.pes(),
                EieStudy.PeRow::paddingFraction,
                false)));
    out.add(
        svg(
            dir,
            "pe-load-balance",
            xy(
                "Load balance vs PE count (FIFO depth 8)",
                "PEs (count)",
                "load balance (ratio)",
                r.pes(),
                EieStudy.PeRow::layer,
                p -> p.pes(),
                EieStudy.PeRow::loadBalance,
                false)));
    return out;
  }

  private static <T> JFreeChart xy(
      String title,
      String xLabel,
      String yLabel,
      List<T> rows,
      java.util.function.Function<T, String> series,
      ToDoubleFunction<T> x,
      ToDoubleFunction<T> y,
      boolean logY) {
    Map<String, XYSeries> bySeries = new LinkedHashMap<>();
    for (T row : rows) {
      bySeries
          .computeIfAbsent(series.apply(row), XYSeries::new)
          .add(x.applyAsDouble(row), y.applyAsDouble(row));
    }
    XYSeriesCollection ds = new XYSeriesCollection();
    bySeries.values().forEach(ds::addSeries);
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            title,
            Charts.requireUnit(xLabel),
            Charts.requireUnit(yLabel),
            ds,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    LogAxis xAxis = new LogAxis(xLabel);
    xAxis.setBase(2);
    chart.getXYPlot().setDomainAxis(xAxis);
    if (logY) {
      LogAxis yAxis = new LogAxis(yLabel);
      yAxis.setBase(2);
      chart.getXYPlot().setRangeAxis(yAxis);
    }
    return chart;
  }

  private static Path svg(Path dir, String name, JFreeChart chart) throws IOException {
    Path p = dir.resolve(name + ".svg");
    Files.writeString(p, ChartImage.svg(chart, 900, 540, name), StandardCharsets.UTF_8);
    return p;
  }
}
