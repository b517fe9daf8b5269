package dev.silica.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A table of named columns whose cells are numbers ({@code Long}) or text, rendered as aligned
 * text, CSV, JSON or Markdown. Numbers print exactly: grouped ({@code 1,792}) in text and Markdown,
 * plain digits in CSV and JSON, so scripts read the same values people see. Column names carry
 * their unit ({@code activation_bytes}); rows keep insertion order.
 */
final class Table {
  /** A formatted quantity: digits first, e.g. {@code 138.36 M (138,357,544)} or {@code 0 B}. */
  private static final Pattern QUANTITY = Pattern.compile("-?[0-9][0-9,.]*( \\S+)?( \\(.*\\))?");

  private final List<String> columns;
  private final List<List<Object>> rows = new ArrayList<>();

  Table(String... columns) {
    this.columns = List.of(columns);
  }

  List<String> columns() {
    return columns;
  }

  List<List<Object>> rows() {
    return rows;
  }

  /** Appends a row; each cell is a {@code Long}/{@code Integer} or a {@code String}. */
  Table row(Object... cells) {
    if (cells.length != columns.size()) {
      throw new IllegalStateException(
          "table row must have " + columns.size() + " cells, got " + cells.length);
    }
    List<Object> row = new ArrayList<>(cells.length);
    for (Object c : cells) {
      row.add(c instanceof Integer i ? Long.valueOf(i) : c);
    }
    rows.add(row);
    return this;
  }

  /** Aligned columns separated by two spaces; numbers are right-aligned. */
  String text() {
    int n = columns.size();
    int[] width = new int[n];
    boolean[] numeric = new boolean[n];
    for (int c = 0; c < n; c++) {
      width[c] = columns.get(c).length();
      numeric[c] = isNumeric(c);
      for (List<Object> row : rows) {
        width[c] = Math.max(width[c], cell(row.get(c)).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    line(sb, columns.stream().map(Object.class::cast).toList(), width, numeric);
    for (List<Object> row : rows) {
      line(sb, row, width, numeric);
    }
    return sb.toString();
  }

  /**
   * True when every cell of column {@code c} is a number or a formatted quantity ({@code 15.47 G}),
   * so the column is right-aligned.
   */
  private boolean isNumeric(int c) {
    return !rows.isEmpty()
        && rows.stream()
            .map(r -> r.get(c))
            .allMatch(o -> o instanceof Long || QUANTITY.matcher(String.valueOf(o)).matches());
  }

  private static void line(StringBuilder sb, List<Object> cells, int[] width, boolean[] right) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      String s = cell(cells.get(c));
      String pad = " ".repeat(width[c] - s.length());
      if (c > 0) {
        line.append("  ");
      }
      line.append(right[c] ? pad + s : s + pad);
    }
    sb.append(line.toString().stripTrailing()).append('\n');
  }

  private static String cell(Object o) {
    return o instanceof Long l ? Units.exact(l) : String.valueOf(o);
  }

  /** RFC 4180 CSV with a header row and {@code \n} line ends. */
  String csv() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.join(",", columns.stream().map(Table::csvField).toList())).append('\n');
    for (List<Object> row : rows) {
      sb.append(String.join(",", row.stream().map(Table::csvField).toList())).append('\n');
    }
    return sb.toString();
  }

  private static String csvField(Object o) {
    String s = String.valueOf(o);
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }

  /** The rows as a JSON array of objects keyed by column name. */
  Json.Value json() {
    List<Json.Value> out = new ArrayList<>();
    for (List<Object> row : rows) {
      Json.Obj o = new Json.Obj();
      for (int c = 0; c < columns.size(); c++) {
        o.put(columns.get(c), row.get(c));
      }
      out.add(o);
    }
    return new Json.Arr(out);
  }

  /** A GitHub-flavoured Markdown table; numeric columns are right-aligned. */
  String markdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("| ").append(String.join(" | ", columns)).append(" |\n|");
    for (int c = 0; c < columns.size(); c++) {
      sb.append(isNumeric(c) ? "---:|" : "---|");
    }
    sb.append('\n');
    for (List<Object> row : rows) {
      sb.append("| ");
      sb.append(String.join(" | ", row.stream().map(o -> cell(o).replace("|", "\\|")).toList()));
      sb.append(" |\n");
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Table%s (%d rows)", columns, rows.size());
  }
}
