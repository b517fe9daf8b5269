package dev.silica.simulator.energy.accelergy;

import dev.silica.simulator.spec.InvalidSpecException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The flattened form of an ERT or ART ({@code ERT.csv}, {@code ART.csv}): one row per component
 * (and action), with the component's class, attributes and the estimator plug-in that priced it
 * ({@code Aladdin_table}, {@code CactiSRAM}, {@code CactiDRAM}). The YAML tables do not name the
 * estimator, so sources take it from here when a summary is given.
 *
 * <p>Columns: ERT {@code component,class,attributes,action,energy_pJ,estimator}; ART {@code
 * component,class,attributes,area_um2_per_instance,estimator}. Fields hold no commas (attributes
 * are space-separated), so no quoting is read.
 *
 * @param file where it was read from
 * @param rows the rows in file order
 */
public record AccelergySummary(String file, List<Row> rows) {
  static final String ERT_HEADER = "component,class,attributes,action,energy_pJ,estimator";
  static final String ART_HEADER = "component,class,attributes,area_um2_per_instance,estimator";

  /**
   * @param component the component's full name
   * @param componentClass its Accelergy class ({@code intmac}, {@code SRAM}, …)
   * @param attributes its attributes as written ({@code width=8 technology=45nm …})
   * @param action the action (ERT), or {@code ""} (ART)
   * @param value pJ per action (ERT) or µm² per instance (ART), exactly as written
   * @param estimator the plug-in that priced it
   * @param line 1-based line in the file
   */
  public record Row(
      String component,
      String componentClass,
      String attributes,
      String action,
      double value,
      String estimator,
      int line) {}

  public AccelergySummary {
    Objects.requireNonNull(file, "file");
    rows = List.copyOf(rows);
  }

  /** Parses {@code ERT.csv} or {@code ART.csv} (which one is told by the header). */
  public static AccelergySummary parse(String displayName, String text) {
    String[] lines = text.split("\r?\n", -1);
    String header = lines.length == 0 ? "" : lines[0].strip();
    boolean ert = header.equals(ERT_HEADER);
    if (!ert && !header.equals(ART_HEADER)) {
      throw new InvalidSpecException(
          displayName,
          1,
          "",
          "header must be '" + ERT_HEADER + "' or '" + ART_HEADER + "', got '" + header + "'");
    }
    int columns = ert ? 6 : 5;
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(",", -1);
      if (f.length != columns) {
        throw new InvalidSpecException(
            displayName, i + 1, "", "must have " + columns + " fields, got " + f.length);
      }
      String valueText = f[ert ? 4 : 3].strip();
      double value;
      try {
        value = Double.parseDouble(valueText);
      } catch (NumberFormatException e) {
        throw new InvalidSpecException(
            displayName,
            i + 1,
            "",
            (ert ? "energy_pJ" : "area_um2_per_instance")
                + ": must be a number, got '"
                + valueText
                + "'");
      }
      rows.add(
          new Row(
              f[0].strip(),
              f[1].strip(),
              f[2].strip(),
              ert ? f[3].strip() : "",
              value,
              f[columns - 1].strip(),
              i + 1));
    }
    return new AccelergySummary(displayName, rows);
  }

  /** The estimator of {@code component}, or empty when the summary does not list it. */
  public java.util.Optional<String> estimator(String component) {
    return rows.stream()
        .filter(r -> r.component().equals(component))
        .map(Row::estimator)
        .findFirst();
  }
}
