package dev.silica.reports;

import java.util.List;

/**
 * GitHub-flavoured Markdown: a heading per run, then every table of {@link
 * ReportTables#all(RunReport)} with units in the headers; numbers to 4 significant digits, right
 * aligned; pipes in cells escaped.
 */
public final class MarkdownRenderer {
  private MarkdownRenderer() {}

  public static String render(RunReport r) {
    StringBuilder sb = new StringBuilder();
    sb.append("# ").append(r.model()).append(" on ").append(r.accelerator()).append("\n\n");
    sb.append("Clock: ").append(Fmt.human(r.clockHz())).append(" Hz. ");
    sb.append(r.infeasibleReason().map(x -> "**Infeasible:** " + escape(x)).orElse("Feasible."));
    sb.append("\n");
    for (Table t : ReportTables.all(r)) {
      sb.append('\n').append(render(t));
    }
    return sb.toString();
  }

  public static String render(ComparisonReport c) {
    return "# Comparison of " + c.runs().size() + " runs\n\n" + render(ReportTables.comparison(c));
  }

  /** One table under a level-2 heading. */
  public static String render(Table t) {
    StringBuilder sb = new StringBuilder("## ").append(t.title()).append("\n\n");
    int n = t.columns().size();
    boolean[] numeric = new boolean[n];
    for (int i = 0; i < n; i++) {
      numeric[i] = true;
      for (List<Object> row : t.rows()) {
        if (row.get(i) != null && !(row.get(i) instanceof Number)) {
          numeric[i] = false;
        }
      }
    }
    sb.append('|');
    for (Table.Column c : t.columns()) {
      sb.append(' ').append(escape(c.label())).append(" |");
    }
    sb.append("\n|");
    for (int i = 0; i < n; i++) {
      sb.append(numeric[i] ? " ---: |" : " --- |");
    }
    sb.append('\n');
    for (List<Object> row : t.rows()) {
      sb.append('|');
      for (Object o : row) {
        sb.append(' ').append(escape(Fmt.cell(o))).append(" |");
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static String escape(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
