package dev.silica.reports.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Chart factories with one look: white background, light grid, flat bars, category labels turned
 * 45° when there are many. Every numeric axis label must name its unit in parentheses ({@code
 * latency (µs)}, {@code utilization (%)}); a label without one is rejected.
 */
public final class Charts {
  private static final Pattern UNIT = Pattern.compile(".*\\(\\S[^)]*\\).*");
  private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);

  /** Series colours, colour-blind safe (Okabe–Ito). */
  private static final Color[] PALETTE = {
    new Color(0x00, 0x72, 0xB2),
    new Color(0xE6, 0x9F, 0x00),
    new Color(0x00, 0x9E, 0x73),
    new Color(0xD5, 0x5E, 0x00),
    new Color(0xCC, 0x79, 0xA7),
    new Color(0x56, 0xB4, 0xE9),
    new Color(0xF0, 0xE4, 0x42),
    new Color(0x00, 0x00, 0x00)
  };

  private Charts() {}

  /** Throws unless {@code label} names a unit in parentheses. */
  public static String requireUnit(String label) {
    if (label == null || !UNIT.matcher(label).matches()) {
      throw new IllegalArgumentException(
          "chart axis label must name its unit in parentheses, e.g. 'latency (µs)', got '"
              + label
              + "'");
    }
    return label;
  }

  /** One bar per category. */
  public static JFreeChart bars(
      String title, String categoryLabel, String valueLabel, Map<String, Double> values) {
    DefaultCategoryDataset ds = new DefaultCategoryDataset();
    values.forEach((k, v) -> ds.addValue(v, valueLabel, k));
    JFreeChart chart =
        ChartFactory.createBarChart(
            title,
            categoryLabel,
            requireUnit(valueLabel),
            ds,
            PlotOrientation.VERTICAL,
            false,
            false,
            false);
    styleCategory(chart, values.size());
    return chart;
  }

  /**
   * Bars stacked by series: {@code values} maps each category to its series values (a series
   * missing from a category counts as 0).
   */
  public static JFreeChart stackedBars(
      String title,
      String categoryLabel,
      String valueLabel,
      Map<String, Map<String, Double>> values) {
    DefaultCategoryDataset ds = new DefaultCategoryDataset();
    List<String> series = new ArrayList<>();
    values
        .values()
        .forEach(m ->
            m.keySet()
                .forEach(s -> {
                  if (!series.contains(s)) {
                    series.add(s);
                  }
                }));
    values.forEach((category, m) -> {
      for (String s : series) {
        ds.addValue(m.getOrDefault(s, 0.0), s, category);
      }
    });
    JFreeChart chart =
        ChartFactory.createStackedBarChart(
            title,
            categoryLabel,
            requireUnit(valueLabel),
            ds,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    styleCategory(chart, values.size());
    return chart;
  }

  /**
   * A roofline on log-log axes: the layers as labelled points at (ops/byte, ops/s), and the roof
   * {@code min(peak, bandwidth · intensity)} when both are known; when not, a subtitle says which
   * is unknown. Points with a non-positive or infinite coordinate are left out and counted in the
   * subtitle.
   */
  public static JFreeChart roofline(
      String title,
      List<NamedPoint> layers,
      OptionalDouble peakOpsPerS,
      OptionalDouble dramBytesPerS) {
    String xLabel = "operational intensity (ops/byte)";
    String yLabel = "performance (ops/s)";
    List<NamedPoint> shown = new ArrayList<>();
    int hidden = 0;
    for (NamedPoint p : layers) {
      if (p.x() > 0 && p.y() > 0 && Double.isFinite(p.x()) && Double.isFinite(p.y())) {
        shown.add(p);
      } else {
        hidden++;
      }
    }
    XYSeriesCollection ds = new XYSeriesCollection();
    XYSeries points = new XYSeries("layers", false, true);
    shown.forEach(p -> points.add(p.x(), p.y()));
    ds.addSeries(points);
    double xmin = Double.POSITIVE_INFINITY;
    double xmax = 0;
    for (NamedPoint p : shown) {
      xmin = Math.min(xmin, p.x());
      xmax = Math.max(xmax, p.x());
    }
    String note;
    if (peakOpsPerS.isPresent() && dramBytesPerS.isPresent()) {
      double peak = peakOpsPerS.getAsDouble();
      double bw = dramBytesPerS.getAsDouble();
      double ridge = peak / bw;
      xmin = Math.min(xmin, ridge) / 8;
      xmax = Math.max(xmax, ridge) * 8;
      XYSeries roof = new XYSeries("roof", false, true);
      roof.add(xmin, bw * xmin);
      roof.add(ridge, peak);
      roof.add(xmax, peak);
      ds.addSeries(roof);
      note =
          String.format(
              java.util.Locale.ROOT,
              "roof: peak %.3g ops/s, DRAM %.3g bytes/s, ridge %.3g ops/byte",
              peak,
              bw,
              ridge);
    } else if (peakOpsPerS.isPresent()) {
      if (xmax == 0) {
        xmin = 1;
        xmax = 100;
      }
      XYSeries roof = new XYSeries("peak (DRAM bandwidth unknown)", false, true);
      roof.add(xmin / 8, peakOpsPerS.getAsDouble());
      roof.add(xmax * 8, peakOpsPerS.getAsDouble());
      ds.addSeries(roof);
      note = "roof unknown: no DRAM bandwidth in the result; only the compute peak is drawn";
    } else {
      note = "roof unknown: neither peak rate nor DRAM bandwidth is in the result";
    }
    LogAxis x = decades(requireUnit(xLabel), ds, true);
    LogAxis y = decades(requireUnit(yLabel), ds, false);
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
    r.setSeriesLinesVisible(0, false);
    r.setSeriesShapesVisible(0, true);
    r.setSeriesPaint(0, PALETTE[0]);
    r.setSeriesLinesVisible(1, true);
    r.setSeriesShapesVisible(1, false);
    r.setSeriesPaint(1, PALETTE[3]);
    r.setSeriesStroke(1, new BasicStroke(2f));
    r.setSeriesItemLabelGenerator(0, (dataset, s, i) -> labelOf(shown, dataset.getXValue(s, i)));
    // Names overlap into an unreadable blot beyond a few dozen points; the layer table has them.
    r.setSeriesItemLabelsVisible(0, ds.getItemCount(0) <= MAX_LABELLED_POINTS);
    r.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    XYPlot plot = new XYPlot(ds, x, y, r);
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    chart.addSubtitle(new TextTitle(note, small));
    if (hidden > 0) {
      chart.addSubtitle(
          new TextTitle(hidden + " layer(s) without DRAM traffic or MACs not shown", small));
    }
    styleXy(chart);
    return chart;
  }

  /**
   * A scatter of design points with their Pareto front (both axes minimized) drawn as a line
   * through the non-dominated points.
   */
  public static JFreeChart pareto(
      String title, String xLabel, String yLabel, List<NamedPoint> points) {
    return pareto(title, xLabel, yLabel, points, ParetoFront.of(points));
  }

  /**
   * A scatter of design points with a given front (computed by the caller, e.g. with one axis
   * maximized) drawn as a line through its points in x order.
   */
  public static JFreeChart pareto(
      String title,
      String xLabel,
      String yLabel,
      List<NamedPoint> points,
      List<NamedPoint> givenFront) {
    XYSeriesCollection ds = new XYSeriesCollection();
    XYSeries all = new XYSeries("design points", false, true);
    points.forEach(p -> all.add(p.x(), p.y()));
    ds.addSeries(all);
    List<NamedPoint> front = new ArrayList<>(givenFront);
    front.sort(
        java.util.Comparator.comparingDouble(NamedPoint::x).thenComparingDouble(NamedPoint::y));
    XYSeries f = new XYSeries("Pareto front", false, true);
    front.forEach(p -> f.add(p.x(), p.y()));
    ds.addSeries(f);
    JFreeChart chart =
        ChartFactory.createScatterPlot(
            title,
            requireUnit(xLabel),
            requireUnit(yLabel),
            ds,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    XYPlot plot = chart.getXYPlot();
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
    r.setSeriesLinesVisible(0, false);
    r.setSeriesPaint(0, PALETTE[0]);
    r.setSeriesLinesVisible(1, true);
    r.setSeriesPaint(1, PALETTE[3]);
    r.setSeriesStroke(1, new BasicStroke(2f));
    r.setSeriesShape(1, new java.awt.geom.Ellipse2D.Double(-5, -5, 10, 10));
    // the front on top of the points it was chosen from
    plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
    r.setSeriesItemLabelGenerator(0, (dataset, s, i) -> points.get(i).name());
    // Names overlap into an unreadable blot beyond a few dozen points; the layer table has them.
    r.setSeriesItemLabelsVisible(0, ds.getItemCount(0) <= MAX_LABELLED_POINTS);
    r.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    plot.setRenderer(r);
    ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(false);
    ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
    styleXy(chart);
    return chart;
  }

  /**
   * Lines through numeric sweeps: one series per entry of {@code series} (name → points {@code {x,
   * y}} in drawing order), with a shape at each point.
   */
  public static JFreeChart lines(
      String title, String xLabel, String yLabel, Map<String, List<double[]>> series) {
    XYSeriesCollection ds = new XYSeriesCollection();
    series.forEach((name, pts) -> {
      XYSeries s = new XYSeries(name, false, true);
      pts.forEach(p -> s.add(p[0], p[1]));
      ds.addSeries(s);
    });
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            title,
            requireUnit(xLabel),
            requireUnit(yLabel),
            ds,
            PlotOrientation.VERTICAL,
            series.size() > 1,
            false,
            false);
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < series.size(); i++) {
      r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
      r.setSeriesStroke(i, new BasicStroke(2f));
    }
    XYPlot plot = chart.getXYPlot();
    plot.setRenderer(r);
    ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(false);
    ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
    styleXy(chart);
    return chart;
  }

  /**
   * Adds a dashed horizontal reference line at {@code value} (in the value axis's unit) labelled
   * {@code label}, e.g. a baseline, to a bar or XY chart; the value axis widens to show it.
   */
  public static JFreeChart withReferenceLine(JFreeChart chart, double value, String label) {
    org.jfree.chart.plot.ValueMarker m = new org.jfree.chart.plot.ValueMarker(value);
    m.setPaint(Color.DARK_GRAY);
    m.setStroke(
        new BasicStroke(
            1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    m.setLabel(label);
    m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
    m.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
    if (chart.getPlot() instanceof CategoryPlot cp) {
      cp.addRangeMarker(m);
      widen(cp.getRangeAxis(), value);
    } else if (chart.getPlot() instanceof XYPlot xp) {
      xp.addRangeMarker(m);
      widen(xp.getRangeAxis(), value);
    }
    return chart;
  }

  private static void widen(org.jfree.chart.axis.ValueAxis axis, double value) {
    org.jfree.data.Range r = axis.getRange();
    if (!r.contains(value)) {
      double lo = Math.min(r.getLowerBound(), value);
      double hi = Math.max(r.getUpperBound(), value);
      double pad = 0.05 * (hi - lo);
      axis.setRange(lo - (value <= r.getLowerBound() ? pad : 0), hi + pad);
    }
  }

  /**
   * A log axis over whole decades (at least two) covering the dataset, ticks at powers of ten, so
   * tick labels read 10^n rather than fractional exponents.
   */
  private static LogAxis decades(String label, XYSeriesCollection ds, boolean domain) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (int s = 0; s < ds.getSeriesCount(); s++) {
      for (int i = 0; i < ds.getItemCount(s); i++) {
        double v = domain ? ds.getXValue(s, i) : ds.getYValue(s, i);
        if (v > 0 && Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    LogAxis axis = new LogAxis(label);
    if (hi == 0) {
      return axis;
    }
    double a = Math.floor(Math.log10(lo));
    double b = Math.ceil(Math.log10(hi));
    if (b - a < 2) {
      b = a + 2;
    }
    axis.setRange(Math.pow(10, a), Math.pow(10, b));
    TickUnits units = new TickUnits();
    units.add(new NumberTickUnit(1));
    units.add(new NumberTickUnit(2));
    units.add(new NumberTickUnit(5));
    axis.setStandardTickUnits(units);
    return axis;
  }

  private static String labelOf(List<NamedPoint> points, double x) {
    for (NamedPoint p : points) {
      if (p.x() == x) {
        return p.name();
      }
    }
    return "";
  }

  /** Beyond this many bars a category axis hides its labels. */
  static final int MAX_LABELLED_CATEGORIES = 40;

  /** Beyond this many points the roofline hides the point names. */
  static final int MAX_LABELLED_POINTS = 24;

  private static void styleCategory(JFreeChart chart, int categories) {
    chart.setBackgroundPaint(Color.WHITE);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(GRID);
    plot.setOutlineVisible(false);
    if (categories > MAX_LABELLED_CATEGORIES) {
      // Too many to print legibly: bars stay in execution order and the axis says so.
      plot.getDomainAxis().setTickLabelsVisible(false);
      plot.getDomainAxis()
          .setLabel(
              plot.getDomainAxis().getLabel()
                  + " ("
                  + categories
                  + ", in execution order; names in the layer table)");
    } else if (categories > 6) {
      plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    } else {
      // a few wide categories: let a name use more than its bar's width rather than be cut short
      plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(1.6f);
    }
    BarRenderer r = (BarRenderer) plot.getRenderer();
    r.setBarPainter(new StandardBarPainter());
    r.setShadowVisible(false);
    r.setDrawBarOutline(false);
    r.setMaximumBarWidth(0.12);
    for (int i = 0; i < PALETTE.length; i++) {
      r.setSeriesPaint(i, PALETTE[i]);
    }
  }

  private static void styleXy(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    plot.setOutlineVisible(false);
  }
}
