package dev.silica.simulator.energy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Area by component instance, each row naming the table entry it came from.
 *
 * @param rows one row per instance group
 * @param totalUm2 total area in µm²
 */
public record AreaBreakdown(List<Row> rows, double totalUm2) {
  /**
   * What a design is made of: {@code count} copies of {@code kind}, called {@code instance}.
   *
   * @param instance e.g. {@code pe_array.mac}
   * @param kind e.g. {@code mac.int8}
   * @param count number of copies
   */
  public record Item(String instance, ComponentKind kind, long count) {
    public Item {
      if (count < 0) {
        throw new IllegalArgumentException(instance + ": count must be >= 0, got " + count);
      }
    }
  }

  /**
   * @param instance the instance name
   * @param component the component key
   * @param count copies
   * @param um2Each area of one copy
   * @param areaUm2 count × um2Each
   * @param table the table that priced it
   * @param entry the entry (or rule) used
   * @param source the entry's provenance
   */
  public record Row(
      String instance,
      String component,
      long count,
      double um2Each,
      double areaUm2,
      String table,
      String entry,
      String source) {}

  public AreaBreakdown {
    rows = List.copyOf(rows);
  }

  public static AreaBreakdown of(List<Row> rows) {
    double t = 0;
    for (Row r : rows) {
      t += r.areaUm2();
    }
    return new AreaBreakdown(rows, t);
  }

  public static AreaBreakdown empty() {
    return new AreaBreakdown(List.of(), 0);
  }

  public double sumOfRowsUm2() {
    double t = 0;
    for (Row r : rows) {
      t += r.areaUm2();
    }
    return t;
  }

  /** Area per instance in µm². */
  public Map<String, Double> byInstance() {
    Map<String, Double> out = new LinkedHashMap<>();
    rows.forEach(r -> out.merge(r.instance(), r.areaUm2(), Double::sum));
    return out;
  }
}
