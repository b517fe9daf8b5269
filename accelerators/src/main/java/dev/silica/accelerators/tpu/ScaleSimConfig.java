package dev.silica.accelerators.tpu;

import dev.silica.simulator.spec.InvalidSpecException;
import dev.silica.simulator.spec.SpecMessages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a SCALE-Sim v2 architecture file ({@code .cfg}, INI) into a {@link SystolicArrayConfig}, so
 * SCALE-Sim users bring their configs unchanged.
 *
 * <p>As {@code scale_config.read_conf_file} reads it: sections in brackets, {@code key: value} or
 * {@code key = value}, keys case-insensitive, {@code #} and {@code ;} start comment lines. Read:
 * {@code [general] run_name} (the name), {@code [architecture_presets] ArrayHeight, ArrayWidth,
 * IfmapSramSzkB, FilterSramSzkB, OfmapSramSzkB, Dataflow, Bandwidth} (words per cycle; of a comma
 * list only the first value, as SCALE-Sim), {@code [run_presets] InterfaceBandwidth} ({@code CALC}
 * or {@code USER}; default CALC). SCALE-Sim's word is one byte, so the formats are int8 and a kB is
 * a KiB of words. SCALE-Sim has no clock; this reader sets 1000 MHz. Keys SCALE-Sim v2 ignores or
 * uses only for traces ({@code MemoryBanks}, the offsets, {@code TopologyCsvLoc}, v3's extra keys)
 * are accepted and ignored; any other key is an error with the nearest known key suggested, where
 * SCALE-Sim would silently ignore a typo. An invalid dataflow is an error (SCALE-Sim only prints a
 * warning). Errors read {@code file:line: Section.Key: must …, got …}.
 */
public final class ScaleSimConfig {
  private ScaleSimConfig() {}

  /** SCALE-Sim has no clock; cycles are reported at this frequency. */
  public static final double DEFAULT_CLOCK_MHZ = 1000.0;

  private static final Map<String, Set<String>> USED =
      Map.of(
          "general", Set.of("run_name"),
          "architecture_presets",
              Set.of(
                  "arrayheight",
                  "arraywidth",
                  "ifmapsramszkb",
                  "filtersramszkb",
                  "ofmapsramszkb",
                  "dataflow",
                  "bandwidth"),
          "run_presets", Set.of("interfacebandwidth"),
          "network_presets", Set.of());

  private static final Map<String, Set<String>> IGNORED =
      Map.of(
          "general", Set.of(),
          "architecture_presets",
              Set.of(
                  "ifmapoffset",
                  "filteroffset",
                  "ofmapoffset",
                  "memorybanks",
                  "readrequestbuffer",
                  "writerequestbuffer"),
          "run_presets", Set.of("userramulatortrace", "useramulatortrace"),
          "network_presets", Set.of("topologycsvloc"));

  private record Entry(String key, String value, int line) {}

  /** Reads {@code file}; messages name it as written. */
  public static SystolicArrayConfig read(Path file) {
    try {
      return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  /** Parses config text; {@code source} prefixes messages. */
  public static SystolicArrayConfig parse(String source, String text) {
    Map<String, Entry> values = new LinkedHashMap<>();
    String section = null;
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      int lineNo = i + 1;
      String line = lines.get(i).strip();
      if (line.startsWith("\uFEFF")) {
        line = line.substring(1).strip();
      }
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[")) {
        if (!line.endsWith("]")) {
          throw new InvalidSpecException(
              source, lineNo, "", "section header must end with ']', got '" + line + "'");
        }
        section = line.substring(1, line.length() - 1).strip().toLowerCase(Locale.ROOT);
        if (!USED.containsKey(section)) {
          throw new InvalidSpecException(
              source,
              lineNo,
              section,
              "unknown section '" + section + "' (expected one of: " + sorted(USED.keySet()) + ")");
        }
        continue;
      }
      int sep = firstSeparator(line);
      if (sep < 0) {
        throw new InvalidSpecException(
            source, lineNo, "", "must be 'key: value' or 'key = value', got '" + line + "'");
      }
      if (section == null) {
        throw new InvalidSpecException(
            source, lineNo, "", "key before any [section]: '" + line + "'");
      }
      String key = line.substring(0, sep).strip().toLowerCase(Locale.ROOT);
      String value = line.substring(sep + 1).strip();
      if (!USED.get(section).contains(key) && !IGNORED.get(section).contains(key)) {
        java.util.Set<String> known = new java.util.TreeSet<>(USED.get(section));
        known.addAll(IGNORED.get(section));
        String near = nearest(key, known);
        throw new InvalidSpecException(
            source,
            lineNo,
            section + "." + key,
            "unknown key '"
                + key
                + "' in ["
                + section
                + "]"
                + (near == null ? "" : " (did you mean '" + near + "'?)")
                + " (expected one of: "
                + String.join(", ", known)
                + ")");
      }
      values.put(section + "." + key, new Entry(section + "." + key, value, lineNo));
    }
    String name =
        values.containsKey("general.run_name")
            ? values.get("general.run_name").value()
            : "scalesim";
    int rows = positiveInt(source, values, "architecture_presets.arrayheight");
    int cols = positiveInt(source, values, "architecture_presets.arraywidth");
    int ifmap = positiveInt(source, values, "architecture_presets.ifmapsramszkb");
    int filter = positiveInt(source, values, "architecture_presets.filtersramszkb");
    int ofmap = positiveInt(source, values, "architecture_presets.ofmapsramszkb");
    Entry df = require(source, values, "architecture_presets.dataflow");
    Dataflow dataflow =
        switch (df.value().toLowerCase(Locale.ROOT)) {
          case "os" -> Dataflow.OS;
          case "ws" -> Dataflow.WS;
          case "is" -> Dataflow.IS;
          default ->
              throw new InvalidSpecException(
                  source,
                  df.line(),
                  df.key(),
                  df.key()
                      + ": unknown dataflow '"
                      + df.value()
                      + "' (expected one of: os, ws, is)");
        };
    BandwidthMode mode = BandwidthMode.CALC;
    Entry ib = values.get("run_presets.interfacebandwidth");
    if (ib != null) {
      mode =
          switch (ib.value().toUpperCase(Locale.ROOT)) {
            case "CALC" -> BandwidthMode.CALC;
            case "USER" -> BandwidthMode.USER;
            default ->
                throw new InvalidSpecException(
                    source,
                    ib.line(),
                    ib.key(),
                    ib.key() + ": unknown mode '" + ib.value() + "' (expected one of: CALC, USER)");
          };
    }
    double bw = 10.0;
    Entry b = values.get("architecture_presets.bandwidth");
    if (b != null) {
      String first = b.value().split(",", -1)[0].strip();
      try {
        bw = Double.parseDouble(first);
      } catch (NumberFormatException e) {
        bw = Double.NaN;
      }
      if (!(bw > 0) || Double.isInfinite(bw)) {
        throw new InvalidSpecException(
            source,
            b.line(),
            b.key(),
            b.key() + ": must be a positive number of words per cycle, got '" + b.value() + "'");
      }
    } else if (mode == BandwidthMode.USER) {
      throw new InvalidSpecException(
          source, 0, "architecture_presets.bandwidth", "Bandwidth: required in USER mode");
    }
    return new SystolicArrayConfig(
        name.isBlank() ? "scalesim" : name,
        rows,
        cols,
        dataflow,
        ifmap,
        filter,
        ofmap,
        bw,
        mode,
        DEFAULT_CLOCK_MHZ,
        OperandFormat.INT8,
        OperandFormat.INT8,
        OperandFormat.INT8,
        Timing.SCALESIM_V2);
  }

  private static int firstSeparator(String line) {
    int c = line.indexOf(':');
    int e = line.indexOf('=');
    if (c < 0) {
      return e;
    }
    return e < 0 ? c : Math.min(c, e);
  }

  private static Entry require(String source, Map<String, Entry> values, String key) {
    Entry e = values.get(key);
    if (e == null) {
      String[] parts = key.split("\\.");
      throw new InvalidSpecException(
          source, 0, key, "missing key '" + parts[1] + "' in [" + parts[0] + "]");
    }
    return e;
  }

  private static int positiveInt(String source, Map<String, Entry> values, String key) {
    Entry e = require(source, values, key);
    try {
      int v = Integer.parseInt(e.value());
      if (v > 0) {
        return v;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new InvalidSpecException(
        source, e.line(), key, key + ": must be a positive integer, got '" + e.value() + "'");
  }

  private static String sorted(Set<String> s) {
    return String.join(", ", new java.util.TreeSet<>(s));
  }

  /** The known key within edit distance 2, or null. */
  private static String nearest(String key, Set<String> known) {
    String best = null;
    int bestD = 3;
    for (String k : known) {
      int d = SpecMessages.levenshtein(key, k);
      if (d < bestD) {
        bestD = d;
        best = k;
      }
    }
    return best;
  }
}
