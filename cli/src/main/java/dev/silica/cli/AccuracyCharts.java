package dev.silica.cli;

import dev.silica.reports.charts.ChartImage;
import dev.silica.reports.charts.Charts;
import dev.silica.workloads.train.AccuracyStudies.Row;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.chart.JFreeChart;

/**
 * The chart of any accuracy study, from its rows alone, so a new study gets one without code:
 *
 * <ul>
 *   <li>a <b>sweep</b> when every variant label ends in a number with the same parameter name and
 *       unit ({@code "50%"}, {@code "5 bits"}, {@code "int8 eps=0.05"}): accuracy against that
 *       number as lines, one line per label prefix ({@code int8}), x labelled with its unit ({@code
 *       %} → the study in %, {@code bits}, {@code eps=} → ε on the [0, 1] pixel scale);
 *   <li>otherwise <b>bars</b>, one per variant in row order.
 * </ul>
 *
 * <p>Both draw the first row's FP32 baseline as a dashed reference line and plot accuracy in
 * percent. Written as {@code <study>.png} and {@code <study>.svg}.
 */
final class AccuracyCharts {
  private AccuracyCharts() {}

  /** {@code [prefix ]['name=']number[ unit]}. */
  private static final Pattern SWEEP =
      Pattern.compile(
          "^(?:(?<series>.+?)\\s+)?(?:(?<param>[\\p{L}_][\\p{L}_0-9]*)=)?"
              + "(?<x>[-+]?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)\\s*(?<unit>%|bits?|pp)?$");

  /** A parsed sweep: series → points {x, accuracy %}, and the x-axis label. */
  record Sweep(Map<String, List<double[]>> series, String xLabel) {}

  /** The rows as a sweep, or null when their labels do not all share one numeric parameter. */
  static Sweep sweep(String study, List<Row> rows) {
    if (rows.size() < 2) {
      return null;
    }
    Map<String, List<double[]>> series = new LinkedHashMap<>();
    String param = null;
    String unit = null;
    for (int i = 0; i < rows.size(); i++) {
      Matcher m = SWEEP.matcher(rows.get(i).variant().trim());
      if (!m.matches()) {
        return null;
      }
      String p = m.group("param") == null ? "" : m.group("param");
      String u = m.group("unit") == null ? "" : m.group("unit").replaceAll("^bit$", "bits");
      if (i == 0) {
        param = p;
        unit = u;
      } else if (!p.equals(param) || !u.equals(unit)) {
        return null;
      }
      String s = m.group("series") == null ? study : m.group("series");
      series
          .computeIfAbsent(s, k -> new ArrayList<>())
          .add(new double[] {Double.parseDouble(m.group("x")), 100 * rows.get(i).accuracy()});
    }
    return new Sweep(series, xLabel(study, param, unit));
  }

  private static String xLabel(String study, String param, String unit) {
    if (param.equalsIgnoreCase("eps") || param.equals("ε")) {
      return "ε (pixel scale, 0 to 1)";
    }
    String name = param.isEmpty() ? study : param;
    return switch (unit) {
      case "%" -> name + " (%)";
      case "bits" -> name + " (bits)";
      case "pp" -> name + " (pp)";
      default -> name + " (as labelled)";
    };
  }

  /** The study's chart (see the class comment). */
  static JFreeChart chart(String study, List<Row> rows) {
    String y = "top-1 test accuracy (%)";
    String title = "Accuracy: " + study;
    Sweep s = sweep(study, rows);
    JFreeChart chart;
    if (s != null) {
      chart = Charts.lines(title, s.xLabel(), y, s.series());
    } else {
      Map<String, Double> bars = new LinkedHashMap<>();
      for (Row r : rows) {
        bars.put(r.variant(), 100 * r.accuracy());
      }
      chart = Charts.bars(title, "variant", y, bars);
    }
    if (!rows.isEmpty()) {
      double b = 100 * rows.get(0).baseline();
      Charts.withReferenceLine(chart, b, String.format(Locale.ROOT, "FP32 baseline %.2f %%", b));
    }
    return chart;
  }

  /** Writes {@code <study>.png} and {@code <study>.svg} into {@code dir}; returns the files. */
  static List<Path> write(Path dir, String study, List<Row> rows) {
    JFreeChart chart = chart(study, rows);
    int width = Math.max(900, 40 * rows.size());
    try {
      Path png = ChartImage.png(chart, width, 560, dir.resolve(study + ".png"));
      Path svg =
          Files.writeString(
              dir.resolve(study + ".svg"),
              ChartImage.svg(chart, width, 560, study),
              StandardCharsets.UTF_8);
      return List.of(png, svg);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
