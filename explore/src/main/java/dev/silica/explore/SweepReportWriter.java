package dev.silica.explore;

import dev.silica.explore.spec.Objective;
import dev.silica.explore.store.ResultStore;
import dev.silica.reports.CsvRenderer;
import dev.silica.reports.HtmlReport;
import dev.silica.reports.Table;
import dev.silica.reports.charts.Charts;
import dev.silica.reports.charts.NamedPoint;
import dev.silica.reports.charts.UnitScale;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes a sweep's report: {@code <name>.csv} with one row per point (index, hash, parameters,
 * feasibility and reason, every metric, whether it is on the Pareto front) and {@code <name>.html}
 * with the Pareto scatter of each pair of objectives (all feasible points, the front drawn as a
 * line; for one objective, the best points as bars), the front as a table and the count of
 * infeasible points by reason.
 *
 * <p>Axis labels carry units derived from the metric's name suffix ({@link #unitOf}); energy and
 * time are scaled to a readable SI prefix.
 */
public final class SweepReportWriter {
  /** Points drawn as bars for a single objective. */
  static final int MAX_BARS = 30;

  private SweepReportWriter() {}

  /**
   * What was written.
   *
   * @param csv the per-point table
   * @param html the page
   * @param pngs the charts as PNG
   */
  public record Output(Path csv, Path html, List<Path> pngs) {}

  /** Writes {@code dir/<stem>.csv} and {@code dir/<stem>.html} (+ PNGs). */
  public static Output write(SweepReport report, Path dir, String stem) {
    Set<String> front = new LinkedHashSet<>();
    report.best().forEach(r -> front.add(r.hash()));
    Table points = pointsTable(report, front);
    Path csv = CsvRenderer.write(dir.resolve(stem + ".csv"), CsvRenderer.render(points));
    List<HtmlReport.NamedChart> charts = charts(report);
    List<Table> tables = new ArrayList<>();
    tables.add(frontTable(report));
    if (report.infeasibleCount() > 0) {
      tables.add(infeasibleTable(report));
    }
    String sub =
        String.format(
            Locale.ROOT,
            "%d points (%d feasible, %d infeasible); objectives: %s; all points in %s",
            report.results().size(),
            report.feasibleCount(),
            report.infeasibleCount(),
            String.join(", ", report.objectives().stream().map(Objective::toString).toList()),
            csv.getFileName());
    HtmlReport.Output html =
        HtmlReport.writePage(dir, stem, "Sweep " + report.name(), sub, charts, tables);
    return new Output(csv, html.html(), html.pngs());
  }

  /**
   * The unit a metric's name implies: {@code _pj} pJ, {@code _s} s, {@code _mm2} mm², {@code _um2}
   * µm², {@code _bytes} B, {@code _w} W, {@code cycles}, {@code macs}, {@code utilization} (ratio),
   * {@code tops_per_w} TOPS/W, {@code inferences_per_s} and {@code _per_j}; else {@code 1}.
   */
  public static String unitOf(String metric) {
    String m = metric.substring(metric.lastIndexOf('.') + 1);
    if (m.equals("tops_per_w")) {
      return "TOPS/W";
    }
    if (m.equals("inferences_per_s")) {
      return "inferences/s";
    }
    if (m.equals("inferences_per_j")) {
      return "inferences/J";
    }
    if (m.endsWith("_per_s")) {
      return m.substring(0, m.length() - 6) + "/s";
    }
    if (m.endsWith("_pj")) {
      return "pJ";
    }
    if (m.endsWith("_mm2")) {
      return "mm²";
    }
    if (m.endsWith("_um2")) {
      return "µm²";
    }
    if (m.endsWith("_bytes")) {
      return "B";
    }
    if (m.endsWith("_s")) {
      return "s";
    }
    if (m.endsWith("_w")) {
      return "W";
    }
    if (m.equals("cycles") || m.endsWith("_cycles")) {
      return "cycles";
    }
    if (m.equals("macs")) {
      return "MACs";
    }
    if (m.equals("utilization")) {
      return "ratio";
    }
    return "1";
  }

  /** A metric shown on an axis: the label with its unit, and the scale applied to values. */
  record AxisScale(String label, double divisor) {
    double apply(double v) {
      return v / divisor;
    }
  }

  static AxisScale axis(Objective o, List<PointResult> feasible) {
    String metric = o.metric();
    double max = feasible.stream().mapToDouble(r -> Math.abs(r.metric(metric))).max().orElse(0);
    String unit = unitOf(metric);
    double div = 1;
    if (unit.equals("pJ")) {
      UnitScale s = UnitScale.picojoules(max);
      unit = s.unit();
      div = s.divisor();
    } else if (unit.equals("s")) {
      UnitScale s = UnitScale.seconds(max);
      unit = s.unit();
      div = s.divisor();
    }
    String dir = o.maximize() ? ", higher is better" : ", lower is better";
    return new AxisScale(metric + " (" + unit + dir + ")", div);
  }

  static List<HtmlReport.NamedChart> charts(SweepReport report) {
    List<Objective> objs = report.objectives();
    List<PointResult> feasible =
        report.pointResults().stream().filter(PointResult::feasible).toList();
    List<HtmlReport.NamedChart> out = new ArrayList<>();
    if (feasible.isEmpty()) {
      return out;
    }
    if (objs.size() == 1) {
      Objective o = objs.getFirst();
      AxisScale a = axis(o, feasible);
      Map<String, Double> bars = new LinkedHashMap<>();
      feasible.stream()
          .sorted(Comparator.comparingDouble(r -> o.cost(r.metric(o.metric()))))
          .limit(MAX_BARS)
          .forEach(r -> bars.put(label(r), a.apply(r.metric(o.metric()))));
      String title = "Best " + bars.size() + " points by " + o.metric();
      out.add(
          new HtmlReport.NamedChart(
              "best", title, Charts.bars(title, "design point", a.label(), bars)));
      return out;
    }
    int[][] pairs = objs.size() == 2 ? new int[][] {{0, 1}} : new int[][] {{0, 1}, {0, 2}, {1, 2}};
    for (int[] pair : pairs) {
      Objective ox = objs.get(pair[0]);
      Objective oy = objs.get(pair[1]);
      AxisScale ax = axis(ox, feasible);
      AxisScale ay = axis(oy, feasible);
      List<NamedPoint> pts = new ArrayList<>();
      for (PointResult r : feasible) {
        pts.add(
            new NamedPoint(
                label(r), ax.apply(r.metric(ox.metric())), ay.apply(r.metric(oy.metric()))));
      }
      List<NamedPoint> front = new ArrayList<>();
      for (PointResult r : ParetoFront.of(feasible, List.of(ox, oy))) {
        front.add(
            new NamedPoint(
                label(r), ax.apply(r.metric(ox.metric())), ay.apply(r.metric(oy.metric()))));
      }
      String title = "Pareto front: " + oy.metric() + " vs " + ox.metric();
      out.add(
          new HtmlReport.NamedChart(
              "pareto-" + pair[0] + pair[1],
              title,
              Charts.pareto(title, ax.label(), ay.label(), pts, front)));
    }
    return out;
  }

  private static String label(PointResult r) {
    List<String> parts = new ArrayList<>();
    r.point().params().forEach((k, v) -> parts.add(String.valueOf(v)));
    return String.join("/", parts);
  }

  static Table pointsTable(SweepReport report, Set<String> front) {
    Set<String> params = new LinkedHashSet<>();
    Set<String> metrics = new LinkedHashSet<>();
    for (ResultStore.Entry e : report.results()) {
      params.addAll(e.result().point().params().keySet());
      metrics.addAll(e.result().metrics().keySet());
    }
    List<Table.Column> cols = new ArrayList<>();
    cols.add(Table.Column.text("index"));
    cols.add(Table.Column.text("hash"));
    params.forEach(p -> cols.add(Table.Column.text(p)));
    cols.add(Table.Column.text("feasible"));
    cols.add(Table.Column.text("infeasible_reason"));
    cols.add(Table.Column.text("pareto"));
    metrics.forEach(m -> cols.add(new Table.Column(m, m + " (" + unitOf(m) + ")")));
    List<List<Object>> rows = new ArrayList<>();
    for (ResultStore.Entry e : report.results()) {
      PointResult r = e.result();
      List<Object> row = new ArrayList<>();
      row.add(e.index());
      row.add(r.hash());
      params.forEach(p -> row.add(r.point().params().get(p)));
      row.add(r.feasible() ? "true" : "false");
      row.add(r.reason().orElse(null));
      row.add(front.contains(r.hash()) ? "true" : "false");
      metrics.forEach(m -> row.add(r.metrics().get(m)));
      rows.add(row);
    }
    return new Table("Design points", cols, rows);
  }

  static Table frontTable(SweepReport report) {
    List<PointResult> best = report.best();
    Set<String> params = new LinkedHashSet<>();
    best.forEach(r -> params.addAll(r.point().params().keySet()));
    List<Table.Column> cols = new ArrayList<>();
    cols.add(Table.Column.text("hash"));
    params.forEach(p -> cols.add(Table.Column.text(p)));
    for (Objective o : report.objectives()) {
      cols.add(new Table.Column(o.metric(), o.metric() + " (" + unitOf(o.metric()) + ")"));
    }
    List<List<Object>> rows = new ArrayList<>();
    for (PointResult r : best) {
      List<Object> row = new ArrayList<>();
      row.add(r.hash());
      params.forEach(p -> row.add(r.point().params().get(p)));
      report.objectives().forEach(o -> row.add(r.metric(o.metric())));
      rows.add(row);
    }
    String title =
        report.objectives().size() == 1
            ? "Best point"
            : "Pareto front ("
                + best.size()
                + " of "
                + report.feasibleCount()
                + " feasible points)";
    return new Table(title, cols, rows);
  }

  static Table infeasibleTable(SweepReport report) {
    Map<String, Integer> byReason = new LinkedHashMap<>();
    for (PointResult r : report.pointResults()) {
      r.reason().ifPresent(x -> byReason.merge(x, 1, Integer::sum));
    }
    List<List<Object>> rows = new ArrayList<>();
    byReason.forEach((k, v) -> rows.add(List.of(k, (long) v)));
    return new Table(
        "Infeasible points by reason",
        List.of(Table.Column.text("reason"), new Table.Column("points", "points (count)")),
        rows);
  }
}
