package dev.silica.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * Fixed-width console tables: numbers right-aligned to 4 significant digits, text left-aligned,
 * headers with units.
 */
public final class TextTableRenderer {
  private TextTableRenderer() {}

  /** The run's header, then every table of {@link ReportTables#all(RunReport)}. */
  public static String render(RunReport r) {
    StringBuilder sb = new StringBuilder();
    sb.append(header(r)).append('\n');
    for (Table t : ReportTables.all(r)) {
      sb.append('\n').append(render(t));
    }
    return sb.toString();
  }

  /** The comparison table. */
  public static String render(ComparisonReport c) {
    return render(ReportTables.comparison(c));
  }

  /** One table with its title. */
  public static String render(Table t) {
    int n = t.columns().size();
    int[] width = new int[n];
    boolean[] numeric = new boolean[n];
    List<String[]> cells = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      width[i] = t.columns().get(i).label().length();
      numeric[i] = true;
    }
    for (List<Object> row : t.rows()) {
      String[] s = new String[n];
      for (int i = 0; i < n; i++) {
        Object o = row.get(i);
        s[i] = Fmt.cell(o);
        width[i] = Math.max(width[i], s[i].length());
        if (o != null && !(o instanceof Number)) {
          numeric[i] = false;
        }
      }
      cells.add(s);
    }
    StringBuilder sb = new StringBuilder(t.title()).append('\n');
    String[] head = new String[n];
    for (int i = 0; i < n; i++) {
      head[i] = t.columns().get(i).label();
    }
    line(sb, head, width, numeric);
    String[] rule = new String[n];
    for (int i = 0; i < n; i++) {
      rule[i] = "-".repeat(width[i]);
    }
    line(sb, rule, width, numeric);
    for (String[] s : cells) {
      line(sb, s, width, numeric);
    }
    return sb.toString();
  }

  static String header(RunReport r) {
    return r.model()
        + " on "
        + r.accelerator()
        + " @ "
        + Fmt.human(r.clockHz())
        + " Hz"
        + r.infeasibleReason().map(reason -> ": INFEASIBLE: " + reason).orElse("");
  }

  private static void line(StringBuilder sb, String[] s, int[] width, boolean[] numeric) {
    for (int i = 0; i < s.length; i++) {
      if (i > 0) {
        sb.append("  ");
      }
      String pad = " ".repeat(width[i] - s[i].length());
      sb.append(numeric[i] ? pad + s[i] : s[i] + (i == s.length - 1 ? "" : pad));
    }
    sb.append('\n');
  }
}
