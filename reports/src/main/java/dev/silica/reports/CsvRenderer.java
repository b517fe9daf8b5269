package dev.silica.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: the header row is the column keys, each carrying its unit ({@code cycles}, {@code
 * time_s}, {@code energy_pj}, {@code area_um2}, {@code dram_bytes}); numbers are exact ({@code
 * long}s as is, {@code double}s in Java's shortest round-trip form); an empty cell is an absent
 * value.
 */
public final class CsvRenderer {
  private CsvRenderer() {}

  /** Per-layer metrics with a final {@code total} row. */
  public static String layers(RunReport r) {
    return render(ReportTables.layers(r));
  }

  /** Energy rows with their table entries. */
  public static String energy(RunReport r) {
    return render(ReportTables.energyByAction(r));
  }

  /** Area rows with their table entries. */
  public static String area(RunReport r) {
    return render(ReportTables.area(r));
  }

  /** Bytes per memory level and component. */
  public static String memory(RunReport r) {
    return render(ReportTables.memoryTraffic(r));
  }

  /** One row per run. */
  public static String comparison(ComparisonReport c) {
    return render(ReportTables.comparison(c));
  }

  /**
   * Writes {@code <stem>-layers.csv}, {@code -energy.csv}, {@code -area.csv} and {@code
   * -memory.csv} into {@code dir}; returns the paths.
   */
  public static List<Path> write(RunReport r, Path dir, String stem) {
    List<Path> out = new ArrayList<>();
    out.add(write(dir.resolve(stem + "-layers.csv"), layers(r)));
    out.add(write(dir.resolve(stem + "-energy.csv"), energy(r)));
    out.add(write(dir.resolve(stem + "-area.csv"), area(r)));
    out.add(write(dir.resolve(stem + "-memory.csv"), memory(r)));
    return out;
  }

  /** Any table: header of keys, then rows. */
  public static String render(Table t) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.join(",", t.keys().stream().map(CsvRenderer::quote).toList())).append("\r\n");
    for (List<Object> row : t.rows()) {
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        Object o = row.get(i);
        if (o instanceof Number n) {
          double d = n.doubleValue();
          sb.append(Double.isNaN(d) || Double.isInfinite(d) ? "" : Fmt.exact(n));
        } else if (o != null) {
          sb.append(quote(o.toString()));
        }
      }
      sb.append("\r\n");
    }
    return sb.toString();
  }

  private static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  /** Writes {@code text} to {@code file}, creating its folder. */
  public static Path write(Path file, String text) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
