package dev.silica.reports;

import dev.silica.reports.charts.ChartImage;
import dev.silica.reports.charts.Charts;
import dev.silica.reports.charts.NamedPoint;
import dev.silica.reports.charts.UnitScale;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/**
 * A self-contained HTML page: inline CSS, every chart as inline SVG (a PNG of each is written
 * beside the page and linked), then the report's tables with the table entry and source of every
 * priced number.
 *
 * <p>Layout is fixed so that a screenshot can be checked: a header of {@link #HEADER_H} px, then
 * charts in cells of {@link #CELL_W} × {@link #CELL_H} px, two per row, each chart of {@link
 * #CHART_W} × {@link #CHART_H} px at offset {@link #PAD} in its cell; tables follow.
 *
 * <p>Run charts: per-layer latency stacked by cycle component (the stall breakdown), per-layer
 * energy stacked by component, the DRAM roofline with the layers as points, area by component and
 * utilization per layer. Comparison charts: latency, energy by component, TOPS/W and area per run,
 * and the energy-latency Pareto scatter.
 */
public final class HtmlReport {
  public static final int HEADER_H = 96;
  public static final int CELL_W = 620;
  public static final int CELL_H = 420;
  public static final int PAD = 10;
  public static final int CHART_W = 600;
  public static final int CHART_H = 400;

  /**
   * One chart of a report.
   *
   * @param id file and element id suffix ({@code latency})
   * @param title the chart's title
   * @param chart the chart
   */
  public record NamedChart(String id, String title, JFreeChart chart) {}

  /**
   * What {@code write} produced.
   *
   * @param html the page
   * @param pngs one PNG per chart, in chart order
   */
  public record Output(Path html, List<Path> pngs) {}

  private HtmlReport() {}

  /** The run's charts (none for an infeasible run). */
  public static List<NamedChart> charts(RunReport r) {
    List<NamedChart> out = new ArrayList<>();
    if (!r.isFeasible()) {
      return out;
    }
    UnitScale t =
        UnitScale.seconds(r.layers().stream().mapToDouble(LayerReport::timeS).max().orElse(0));
    Map<String, Map<String, Double>> latency = new LinkedHashMap<>();
    for (LayerReport l : r.layers()) {
      Map<String, Double> parts = new LinkedHashMap<>();
      l.cycleBreakdown().forEach((c, cyc) -> parts.put(c, t.apply(cyc / r.clockHz())));
      latency.put(l.name(), parts);
    }
    add(
        out,
        "latency",
        "Per-layer latency by cycle component",
        title -> Charts.stackedBars(title, "layer", "latency (" + t.unit() + ")", latency));
    UnitScale e =
        UnitScale.picojoules(
            r.layers().stream().mapToDouble(LayerReport::energyPj).max().orElse(0));
    Map<String, Map<String, Double>> energy = new LinkedHashMap<>();
    for (LayerReport l : r.layers()) {
      Map<String, Double> parts = new LinkedHashMap<>();
      l.energyByComponentPj().forEach((c, pj) -> parts.put(c, e.apply(pj)));
      energy.put(l.name(), parts);
    }
    add(
        out,
        "energy",
        "Per-layer energy by component",
        title -> Charts.stackedBars(title, "layer", "energy (" + e.unit() + ")", energy));
    List<NamedPoint> points = new ArrayList<>();
    for (LayerReport l : r.layers()) {
      points.add(new NamedPoint(l.name(), l.opsPerDramByte(), l.opsPerSecond()));
    }
    add(
        out,
        "roofline",
        "Roofline (DRAM) with layers",
        title -> Charts.roofline(title, points, r.roof().peakOpsPerS(), r.roof().dramBytesPerS()));
    Map<String, Double> areaUm2 = r.areaByComponentUm2();
    UnitScale a =
        UnitScale.squareMicrons(areaUm2.values().stream().mapToDouble(Double::doubleValue).sum());
    Map<String, Double> area = new LinkedHashMap<>();
    areaUm2.forEach((k, v) -> area.put(k, a.apply(v)));
    add(
        out,
        "area",
        "Area by component",
        title -> Charts.bars(title, "component", "area (" + a.unit() + ")", area));
    Map<String, Double> util = new LinkedHashMap<>();
    r.layers().forEach(l -> util.put(l.name(), 100 * l.utilization()));
    add(
        out,
        "utilization",
        "Utilization per layer",
        title -> Charts.bars(title, "layer", "utilization (%)", util));
    return out;
  }

  /** The comparison's charts over its feasible runs. */
  public static List<NamedChart> charts(ComparisonReport c) {
    Map<String, RunReport> runs = new LinkedHashMap<>();
    c.byLabel()
        .forEach((k, v) -> {
          if (v.isFeasible()) {
            runs.put(k, v);
          }
        });
    List<NamedChart> out = new ArrayList<>();
    UnitScale t =
        UnitScale.seconds(
            runs.values().stream().mapToDouble(r -> r.total().timeS()).max().orElse(0));
    Map<String, Double> latency = new LinkedHashMap<>();
    runs.forEach((k, r) -> latency.put(k, t.apply(r.total().timeS())));
    add(
        out,
        "latency",
        "Latency per run",
        title -> Charts.bars(title, "run", "latency (" + t.unit() + ")", latency));
    UnitScale e =
        UnitScale.picojoules(
            runs.values().stream().mapToDouble(r -> r.total().energyPj()).max().orElse(0));
    Map<String, Map<String, Double>> energy = new LinkedHashMap<>();
    runs.forEach((k, r) -> {
      Map<String, Double> parts = new LinkedHashMap<>();
      r.energyByComponentPj().forEach((comp, pj) -> parts.put(comp, e.apply(pj)));
      energy.put(k, parts);
    });
    add(
        out,
        "energy",
        "Energy per run by component",
        title -> Charts.stackedBars(title, "run", "energy (" + e.unit() + ")", energy));
    Map<String, Double> eff = new LinkedHashMap<>();
    runs.forEach((k, r) -> eff.put(k, r.topsPerW()));
    add(
        out,
        "efficiency",
        "Energy efficiency per run",
        title -> Charts.bars(title, "run", "efficiency (TOPS/W)", eff));
    UnitScale a =
        UnitScale.squareMicrons(
            runs.values().stream().mapToDouble(RunReport::areaUm2).max().orElse(0));
    Map<String, Double> area = new LinkedHashMap<>();
    runs.forEach((k, r) -> area.put(k, a.apply(r.areaUm2())));
    add(
        out,
        "area",
        "Area per run",
        title -> Charts.bars(title, "run", "area (" + a.unit() + ")", area));
    List<NamedPoint> points = new ArrayList<>();
    runs.forEach((k, r) ->
        points.add(new NamedPoint(k, t.apply(r.total().timeS()), e.apply(r.total().energyPj()))));
    add(
        out,
        "pareto",
        "Energy vs latency (Pareto front)",
        title ->
            Charts.pareto(
                title, "latency (" + t.unit() + ")", "energy (" + e.unit() + ")", points));
    return out;
  }

  /** Writes {@code <stem>.html} and {@code <stem>-<chart>.png} into {@code dir}. */
  public static Output write(RunReport r, Path dir, String stem) {
    String heading = r.model() + " on " + r.accelerator();
    UnitScale hz = UnitScale.hertz(r.clockHz());
    UnitScale t = UnitScale.seconds(r.total().timeS());
    UnitScale e = UnitScale.picojoules(r.total().energyPj());
    String sub =
        "clock "
            + Fmt.human(hz.apply(r.clockHz()))
            + " "
            + hz.unit()
            + "; "
            + r.infeasibleReason()
                .map(x -> "INFEASIBLE: " + x)
                .orElse(
                    Fmt.human(t.apply(r.total().timeS()))
                        + " "
                        + t.unit()
                        + ", "
                        + Fmt.human(e.apply(r.total().energyPj()))
                        + " "
                        + e.unit()
                        + " per run; "
                        + Fmt.human(r.inferencesPerS())
                        + " inferences/s, "
                        + Fmt.human(r.inferencesPerJ())
                        + " inferences/J, "
                        + Fmt.human(r.topsPerW())
                        + " TOPS/W");
    return write(dir, stem, heading, sub, charts(r), ReportTables.all(r));
  }

  /** Writes a comparison page. */
  public static Output write(ComparisonReport c, Path dir, String stem) {
    return write(
        dir,
        stem,
        "Comparison of " + c.runs().size() + " runs",
        "varying: "
            + (c.varyingConfigKeys().isEmpty() ? "-" : String.join(", ", c.varyingConfigKeys())),
        charts(c),
        List.of(ReportTables.comparison(c)));
  }

  /**
   * Writes a page of the same layout from given charts and tables (sweep reports build theirs in
   * the explore module).
   */
  public static Output writePage(
      Path dir,
      String stem,
      String heading,
      String sub,
      List<NamedChart> charts,
      List<Table> tables) {
    return write(dir, stem, heading, sub, charts, tables);
  }

  private static Output write(
      Path dir,
      String stem,
      String heading,
      String sub,
      List<NamedChart> charts,
      List<Table> tables) {
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(esc(heading))
        .append("</title>\n<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n<header>\n<h1>")
        .append(esc(heading))
        .append("</h1>\n<p>")
        .append(esc(sub))
        .append("</p>\n</header>\n<section class=\"charts\">\n");
    List<Path> pngs = new ArrayList<>();
    for (NamedChart nc : charts) {
      String id = "chart-" + nc.id();
      Path png = dir.resolve(stem + "-" + nc.id() + ".png");
      ChartImage.png(nc.chart(), CHART_W, CHART_H, png);
      pngs.add(png);
      sb.append("<figure id=\"")
          .append(id)
          .append("\" data-title=\"")
          .append(esc(nc.title()))
          .append("\">\n")
          .append(ChartImage.svg(nc.chart(), CHART_W, CHART_H, id + "-svg"))
          .append("\n<figcaption><a href=\"")
          .append(esc(png.getFileName().toString()))
          .append("\">PNG</a></figcaption>\n</figure>\n");
    }
    sb.append("</section>\n<section class=\"tables\">\n");
    for (Table t : tables) {
      table(sb, t);
    }
    sb.append(
        "<p class=\"note\">Definitions: time_s = cycles / clock_hz; ops = 2 x MACs; "
            + "TOPS = ops / time_s / 1e12; utilization = MACs / (peak MACs per cycle x cycles); "
            + "TOPS/W = ops / energy_pj; energy and area rows name the table entry and source that "
            + "priced them.</p>\n");
    sb.append("</section>\n</body>\n</html>\n");
    Path html = CsvRenderer.write(dir.resolve(stem + ".html"), sb.toString());
    return new Output(html, pngs);
  }

  private static void table(StringBuilder sb, Table t) {
    sb.append("<h2>").append(esc(t.title())).append("</h2>\n<table>\n<thead><tr>");
    for (Table.Column c : t.columns()) {
      sb.append("<th>").append(esc(c.label())).append("</th>");
    }
    sb.append("</tr></thead>\n<tbody>\n");
    for (List<Object> row : t.rows()) {
      sb.append("<tr>");
      for (Object o : row) {
        sb.append(o instanceof Number ? "<td class=\"n\">" : "<td>")
            .append(esc(Fmt.cell(o)))
            .append("</td>");
      }
      sb.append("</tr>\n");
    }
    sb.append("</tbody>\n</table>\n");
  }

  private static void add(
      List<NamedChart> out,
      String id,
      String title,
      java.util.function.Function<String, JFreeChart> f) {
    out.add(new NamedChart(id, title, f.apply(title)));
  }

  static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static final String CSS =
      "html,body{margin:0;padding:0;background:#fff;color:#222;"
          + "font-family:'DejaVu Sans',Arial,sans-serif;font-size:13px}\n"
          + "header{height:"
          + HEADER_H
          + "px;box-sizing:border-box;padding:12px 16px;"
          + "overflow:hidden;border-bottom:1px solid #ddd}\n"
          + "h1{font-size:22px;margin:0 0 6px 0}\nheader p{margin:0;color:#555}\n"
          + ".charts{display:flex;flex-wrap:wrap;width:"
          + (2 * CELL_W)
          + "px;margin:0;padding:0}\n"
          + "figure{width:"
          + CELL_W
          + "px;height:"
          + CELL_H
          + "px;margin:0;padding:"
          + PAD
          + "px;"
          + "box-sizing:border-box;position:relative;overflow:hidden}\n"
          + "figure svg{display:block;width:"
          + CHART_W
          + "px;height:"
          + CHART_H
          + "px}\n"
          + "figcaption{position:absolute;right:14px;bottom:2px;font-size:10px}\n"
          + ".tables{padding:8px 16px;overflow-x:auto}\nh2{font-size:16px;margin:18px 0 6px 0}\n"
          + "table{border-collapse:collapse;margin-bottom:8px}\n"
          + "th,td{border:1px solid #ddd;padding:2px 6px;text-align:left;vertical-align:top}\n"
          + "th{background:#f4f4f4}\ntd.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}\n"
          + ".note{color:#555;font-size:11px}\n";
}
