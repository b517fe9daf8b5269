package dev.silica.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * A titled table whose columns carry their units: what every text renderer formats. {@code key} is
 * the machine name with the unit as a suffix ({@code energy_pj}), used in CSV headers and JSON;
 * {@code label} is for people ({@code energy (pJ)}).
 *
 * @param title the table's title
 * @param columns the columns
 * @param rows cells: {@link Number}s, strings, or null for an empty cell
 */
public record Table(String title, List<Column> columns, List<List<Object>> rows) {
  /**
   * @param key machine name with unit suffix ({@code time_s})
   * @param label human header with unit ({@code time (s)})
   */
  public record Column(String key, String label) {
    /** A column whose label is its key (text and identifiers). */
    public static Column text(String key) {
      return new Column(key, key);
    }
  }

  public Table {
    columns = List.copyOf(columns);
    List<List<Object>> copy = new ArrayList<>();
    for (List<Object> r : rows) {
      if (r.size() != columns.size()) {
        throw new IllegalArgumentException(
            "table " + title + ": row " + r + " has " + r.size() + " cells, not " + columns.size());
      }
      copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(r)));
    }
    rows = List.copyOf(copy);
  }

  /** The column keys, in order. */
  public List<String> keys() {
    return columns.stream().map(Column::key).toList();
  }
}
