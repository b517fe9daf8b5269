package dev.silica.workloads.scalesim;

import dev.silica.workloads.ir.IrException;
import dev.silica.workloads.scalesim.ScaleSimTopology.Format;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Reads and writes the two SCALE-Sim CSV layouts; the rules are in {@link ScaleSimTopology}. */
final class TopologyCsv {
  private TopologyCsv() {}

  /** Column names of the conv layout, as SCALE-Sim's shipped files spell them. */
  static final List<String> CONV_COLUMNS =
      List.of(
          "Layer name",
          "IFMAP Height",
          "IFMAP Width",
          "Filter Height",
          "Filter Width",
          "Channels",
          "Num Filter",
          "Strides",
          "Stride Width");

  /** Column names of the GEMM layout. */
  static final List<String> GEMM_COLUMNS = List.of("Layer", "M", "N", "K");

  /** Reads a topology; {@code format} null means: decide from the header row. */
  static ScaleSimTopology read(Reader in, String source, Format format) {
    List<String> lines = lines(in, source);
    if (lines.isEmpty() || (lines.size() == 1 && trim(lines.getFirst()).isEmpty())) {
      throw new IrException(source + ": empty file: expected a SCALE-Sim header row and layers");
    }
    String header = trim(stripBom(lines.getFirst()));
    if (header.isEmpty()) {
      throw new IrException(
          source
              + ":1: the first line must be the header row (SCALE-Sim skips it unread), got an"
              + " empty line");
    }
    Format f = format != null ? format : detect(header, source);
    List<ScaleSimLayer> layers = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String row = trim(lines.get(i));
      if (row.isEmpty()) {
        continue; // SCALE-Sim skips blank lines too
      }
      String where = source + ":" + (i + 1) + ": ";
      try {
        layers.add(f == Format.CONV ? convRow(row) : gemmRow(row));
      } catch (IllegalArgumentException e) {
        throw new IrException(where + e.getMessage(), e);
      }
    }
    if (layers.isEmpty()) {
      throw new IrException(source + ": no layers after the header row");
    }
    return new ScaleSimTopology(ScaleSimTopology.graphName(source), f, layers);
  }

  /** The format a header row names, or an error saying what was expected. */
  static Format detect(String header, String source) {
    String h = header;
    if (h.endsWith(",")) {
      h = h.substring(0, h.length() - 1);
    }
    List<String> cols = new ArrayList<>();
    for (String c : fields(h)) {
      cols.add(trim(c).replaceAll("[\\s\\u00a0]+", " ").toLowerCase(Locale.ROOT));
    }
    if (cols.size() == 4 && cols.subList(1, 4).equals(List.of("m", "n", "k"))) {
      return Format.GEMM;
    }
    if (cols.size() >= 8 && cols.get(1).contains("ifmap") && cols.get(3).contains("filter")) {
      return Format.CONV;
    }
    throw new IrException(
        source
            + ":1: header is neither SCALE-Sim's conv topology ("
            + String.join(", ", CONV_COLUMNS.subList(0, 8))
            + ",) nor its GEMM topology ("
            + String.join(", ", GEMM_COLUMNS)
            + ",), got '"
            + header
            + "'; call readConv or readGemm to choose the layout");
  }

  private static ConvLayer convRow(String row) {
    List<String> v = values(row, 8, 9, CONV_COLUMNS);
    String name = name(v, CONV_COLUMNS);
    int[] d = new int[8];
    for (int c = 1; c < v.size(); c++) {
      d[c - 1] = positive(v.get(c), CONV_COLUMNS.get(c));
    }
    int strideW = v.size() == 9 ? d[7] : d[6];
    return new ConvLayer(name, d[0], d[1], d[2], d[3], d[4], d[5], d[6], strideW);
  }

  private static GemmLayer gemmRow(String row) {
    List<String> v = values(row, 4, 4, GEMM_COLUMNS);
    String name = name(v, GEMM_COLUMNS);
    return new GemmLayer(
        name,
        positive(v.get(1), GEMM_COLUMNS.get(1)),
        positive(v.get(2), GEMM_COLUMNS.get(2)),
        positive(v.get(3), GEMM_COLUMNS.get(3)));
  }

  /**
   * The values of a row without its last field, which SCALE-Sim drops: normally empty (the row ends
   * with a comma), or a note such as {@code #dw}; a number there would be lost, so it is an error.
   */
  private static List<String> values(String row, int min, int max, List<String> columns) {
    int cut = row.lastIndexOf(',');
    String dropped = trim(row.substring(cut + 1));
    if (dropped.matches("[-+]?[0-9]+(\\.[0-9]*)?")) {
      throw new IllegalArgumentException(
          "row must end with a comma (SCALE-Sim drops the last field of every row, so it would"
              + " lose '"
              + dropped
              + "')");
    }
    List<String> v = cut < 0 ? List.of() : fields(row.substring(0, cut));
    if (v.size() < min || v.size() > max) {
      String expected =
          min == max
              ? min + " values (" + String.join(", ", columns.subList(0, min)) + ")"
              : min
                  + " or "
                  + max
                  + " values ("
                  + String.join(", ", columns.subList(0, min))
                  + "[, "
                  + String.join(", ", columns.subList(min, max))
                  + "])";
      throw new IllegalArgumentException(
          "expected " + expected + " and a trailing comma, got " + v.size());
    }
    return v;
  }

  private static String name(List<String> v, List<String> columns) {
    String name = trim(v.getFirst());
    if (name.isEmpty()) {
      throw new IllegalArgumentException("column '" + columns.getFirst() + "': must not be empty");
    }
    return name;
  }

  private static int positive(String text, String column) {
    String t = trim(text);
    if (t.matches("[0-9]{1,10}")) {
      long v = Long.parseLong(t);
      if (v >= 1 && v <= Integer.MAX_VALUE) {
        return (int) v;
      }
    }
    throw new IllegalArgumentException(
        "column '" + column + "': must be a positive integer, got '" + t + "'");
  }

  /**
   * Trims white space as Python's {@code str.strip()} does, no-break spaces included (a shipped
   * SCALE-Sim header has them).
   */
  static String trim(String s) {
    int b = 0;
    int e = s.length();
    while (b < e && blank(s.charAt(b))) {
      b++;
    }
    while (e > b && blank(s.charAt(e - 1))) {
      e--;
    }
    return s.substring(b, e);
  }

  private static boolean blank(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  private static List<String> fields(String text) {
    return Arrays.asList(text.split(",", -1));
  }

  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  private static List<String> lines(Reader in, String source) {
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(in)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": " + e.getMessage(), e);
    }
    return lines;
  }

  /** SCALE-Sim CSV text: the header row, then one row per layer, every row ending in a comma. */
  static String write(ScaleSimTopology t) {
    StringBuilder out = new StringBuilder();
    if (t.format() == Format.GEMM) {
      out.append(String.join(", ", GEMM_COLUMNS)).append(",\n");
      for (ScaleSimLayer l : t.layers()) {
        GemmLayer g = (GemmLayer) l;
        out.append(row(g.name(), g.m(), g.n(), g.k()));
      }
      return out.toString();
    }
    boolean strideWidth =
        t.layers().stream()
            .map(ConvLayer.class::cast)
            .anyMatch(c -> c.strideWidth() != c.strideHeight());
    out.append(String.join(", ", CONV_COLUMNS.subList(0, strideWidth ? 9 : 8))).append(",\n");
    for (ScaleSimLayer l : t.layers()) {
      ConvLayer c = (ConvLayer) l;
      long[] v = {
        c.ifmapHeight(),
        c.ifmapWidth(),
        c.filterHeight(),
        c.filterWidth(),
        c.channels(),
        c.filters(),
        c.strideHeight(),
        c.strideWidth()
      };
      out.append(row(c.name(), strideWidth ? v : Arrays.copyOf(v, 7)));
    }
    return out.toString();
  }

  private static String row(String name, long... values) {
    StringBuilder b = new StringBuilder(name);
    for (long v : values) {
      b.append(", ").append(v);
    }
    return b.append(",\n").toString();
  }
}
