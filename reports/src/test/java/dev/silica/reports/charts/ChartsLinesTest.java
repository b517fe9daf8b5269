package dev.silica.reports.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;

class ChartsLinesTest {
  static Map<String, List<double[]>> twoSeries() {
    Map<String, List<double[]>> m = new LinkedHashMap<>();
    m.put("fp32", List.of(new double[] {0, 90}, new double[] {0.1, 20}));
    m.put("int8", List.of(new double[] {0, 89}, new double[] {0.1, 25}));
    return m;
  }

  @Test
  void oneLinePerSeriesWithTheirPointsInOrder() {
    JFreeChart c = Charts.lines("t", "ε (pixel scale)", "accuracy (%)", twoSeries());
    XYPlot p = c.getXYPlot();
    assertThat(p.getDataset().getSeriesCount()).isEqualTo(2);
    assertThat(p.getDataset().getSeriesKey(1)).isEqualTo("int8");
    assertThat(p.getDataset().getYValue(1, 1)).isEqualTo(25.0);
    assertThat(c.getLegend()).isNotNull();
  }

  @Test
  void axesMustNameTheirUnits() {
    assertThatThrownBy(() -> Charts.lines("t", "epsilon", "accuracy (%)", twoSeries()))
        .hasMessageContaining("got 'epsilon'");
  }

  @Test
  void referenceLineIsAddedAndTheAxisReachesIt() {
    JFreeChart c = Charts.lines("t", "ε (pixel scale)", "accuracy (%)", twoSeries());
    Charts.withReferenceLine(c, 95.0, "baseline 95 %");
    XYPlot p = c.getXYPlot();
    ValueMarker m = (ValueMarker) p.getRangeMarkers(Layer.FOREGROUND).iterator().next();
    assertThat(m.getValue()).isEqualTo(95.0);
    assertThat(m.getLabel()).isEqualTo("baseline 95 %");
    assertThat(p.getRangeAxis().getRange().contains(95.0)).isTrue();
  }
}
