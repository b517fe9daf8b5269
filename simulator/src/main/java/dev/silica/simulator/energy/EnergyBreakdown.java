package dev.silica.simulator.energy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Energy by component and action. Each row names the table and entry its price came from, and the
 * entry's source. {@code totalPj} is stored (not recomputed) so {@code SimInvariants} can check
 * that it equals the sum of the rows.
 *
 * @param rows one row per (component, action), in count order
 * @param totalPj total energy in pJ
 */
public record EnergyBreakdown(List<Row> rows, double totalPj) {
  /**
   * @param component the component that did the action ({@code weights_sram})
   * @param action the action key ({@code sram.read[capacity_bytes=262144,width_bits=64]})
   * @param count how many times
   * @param pjEach the price of one action in pJ
   * @param energyPj count × pjEach
   * @param table the table that priced it
   * @param entry the entry (or rule) used
   * @param source the entry's provenance
   */
  public record Row(
      String component,
      String action,
      long count,
      double pjEach,
      double energyPj,
      String table,
      String entry,
      String source) {}

  public EnergyBreakdown {
    rows = List.copyOf(rows);
  }

  /** A breakdown whose total is the sum of {@code rows}. */
  public static EnergyBreakdown of(List<Row> rows) {
    double t = 0;
    for (Row r : rows) {
      t += r.energyPj();
    }
    return new EnergyBreakdown(rows, t);
  }

  public static EnergyBreakdown empty() {
    return new EnergyBreakdown(List.of(), 0);
  }

  /** Energy per component in pJ, in first-row order. */
  public Map<String, Double> byComponent() {
    Map<String, Double> out = new LinkedHashMap<>();
    rows.forEach(r -> out.merge(r.component(), r.energyPj(), Double::sum));
    return out;
  }

  /** Energy per action key in pJ, in first-row order. */
  public Map<String, Double> byAction() {
    Map<String, Double> out = new LinkedHashMap<>();
    rows.forEach(r -> out.merge(r.action(), r.energyPj(), Double::sum));
    return out;
  }

  /** The sum of the rows (compare with {@link #totalPj()}). */
  public double sumOfRowsPj() {
    double t = 0;
    for (Row r : rows) {
      t += r.energyPj();
    }
    return t;
  }
}
