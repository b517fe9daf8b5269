package dev.silica.explore.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.silica.explore.DesignPoint;
import dev.silica.explore.PointResult;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finished design points as JSON Lines, one object per point keyed by its hash:
 *
 * <pre>{@code
 * {"hash":"3f0c…","index":7,"point":{"array.rows":128},"feasible":true,"metrics":{"energy_pj":1.5E9}}
 * {"hash":"9a1e…","index":8,"point":{"array.rows":256},"feasible":false,"reason":"area_mm2 = 412 violates area_mm2 <= 300","metrics":{}}
 * }</pre>
 *
 * <p>Each {@link #record} appends one line and flushes it, so a killed sweep loses at most the line
 * being written. {@link #open} reloads a file, ignoring unparsable lines (a truncated last line
 * after a kill) and counting them in {@link #skippedLines()}; it then rewrites the file without
 * them. A point is recorded at most once: a second result for a known hash is dropped. {@link
 * #finish} rewrites the file sorted by point index, so the final file does not depend on completion
 * order, thread count or interruptions. Doubles are written in Java's shortest round-trip form and
 * read back bit-identical. Thread-safe.
 */
public final class ResultStore {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A recorded point.
   *
   * @param index the point's index in its sweep (expansion, sample or discovery order)
   * @param result the result
   */
  public record Entry(long index, PointResult result) {}

  private final Path file;
  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final int skippedLines;
  private BufferedWriter out;

  private ResultStore(Path file, int skippedLines) {
    this.file = file;
    this.skippedLines = skippedLines;
  }

  /** A store that keeps results in memory only. */
  public static ResultStore inMemory() {
    return new ResultStore(null, 0);
  }

  /** Opens (creating if absent) the JSON Lines file at {@code file}, reloading finished points. */
  public static ResultStore open(Path file) {
    try {
      List<String> lines =
          Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
      List<Entry> loaded = new ArrayList<>();
      int skipped = 0;
      for (String line : lines) {
        if (line.isBlank()) {
          continue;
        }
        Optional<Entry> e = parse(line);
        if (e.isPresent()) {
          loaded.add(e.get());
        } else {
          skipped++;
        }
      }
      ResultStore store = new ResultStore(file, skipped);
      for (Entry e : loaded) {
        store.entries.putIfAbsent(e.result().hash(), e);
      }
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      if (skipped > 0 || store.entries.size() != loaded.size()) {
        store.rewrite(List.copyOf(store.entries.values()));
      }
      store.out =
          Files.newBufferedWriter(
              file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      return store;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open result store " + file, e);
    }
  }

  /** Lines that could not be parsed on reload (normally 0, or 1 after a kill mid-write). */
  public int skippedLines() {
    return skippedLines;
  }

  /** The file, or empty for an in-memory store. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  public synchronized boolean contains(String hash) {
    return entries.containsKey(hash);
  }

  public synchronized Optional<Entry> get(String hash) {
    return Optional.ofNullable(entries.get(hash));
  }

  public synchronized int size() {
    return entries.size();
  }

  /**
   * Records {@code result} at {@code index} and flushes it to the file.
   *
   * @return false when the point was already recorded (the new result is dropped)
   */
  public synchronized boolean record(long index, PointResult result) {
    String hash = result.hash();
    if (entries.containsKey(hash)) {
      return false;
    }
    Entry e = new Entry(index, result);
    if (out != null) {
      try {
        out.write(toJson(e));
        out.write('\n');
        out.flush();
      } catch (IOException x) {
        throw new UncheckedIOException("cannot append to " + file, x);
      }
    }
    entries.put(hash, e);
    return true;
  }

  /** Every entry, sorted by index then hash. */
  public synchronized List<Entry> entries() {
    List<Entry> l = new ArrayList<>(entries.values());
    l.sort(ORDER);
    return l;
  }

  /** Rewrites the file sorted by index (atomically) and keeps it open for appends. */
  public synchronized void finish() {
    if (file == null) {
      return;
    }
    try {
      out.close();
      rewrite(entries());
      out =
          Files.newBufferedWriter(
              file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rewrite " + file, e);
    }
  }

  /** Closes the file (entries stay readable). */
  public synchronized void close() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      out = null;
    }
  }

  private static final Comparator<Entry> ORDER =
      Comparator.comparingLong(Entry::index).thenComparing(e -> e.result().hash());

  private void rewrite(List<Entry> list) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      for (Entry e : list) {
        w.write(toJson(e));
        w.write('\n');
      }
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The JSON line of {@code e} (without newline). */
  public static String toJson(Entry e) {
    ObjectNode o = JSON.createObjectNode();
    PointResult r = e.result();
    o.put("hash", r.hash());
    o.put("index", e.index());
    ObjectNode p = o.putObject("point");
    r.point()
        .params()
        .forEach((k, v) -> {
          switch (v) {
            case Long l -> p.put(k, l);
            case Double d -> p.put(k, d);
            case Boolean b -> p.put(k, b);
            default -> p.put(k, (String) v);
          }
        });
    o.put("feasible", r.feasible());
    if (!r.feasible()) {
      o.put("reason", r.infeasibleReason());
    }
    ObjectNode m = o.putObject("metrics");
    r.metrics().forEach(m::put);
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException x) {
      throw new IllegalStateException(x);
    }
  }

  /** Parses one line; empty when it is not a complete, well-formed record. */
  public static Optional<Entry> parse(String line) {
    try {
      JsonNode o = JSON.readTree(line);
      if (o == null || !o.isObject()) {
        return Optional.empty();
      }
      Map<String, Object> params = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = o.get("point").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        JsonNode v = f.getValue();
        Object value;
        if (v.isIntegralNumber()) {
          value = v.asLong();
        } else if (v.isNumber()) {
          value = v.asDouble();
        } else if (v.isBoolean()) {
          value = v.asBoolean();
        } else if (v.isTextual()) {
          value = v.asText();
        } else {
          return Optional.empty();
        }
        params.put(f.getKey(), value);
      }
      Map<String, Double> metrics = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = o.get("metrics").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        if (!f.getValue().isNumber()) {
          return Optional.empty();
        }
        metrics.put(f.getKey(), f.getValue().asDouble());
      }
      DesignPoint point = new DesignPoint(params);
      if (!point.hash().equals(o.get("hash").asText())) {
        return Optional.empty();
      }
      boolean feasible = o.get("feasible").asBoolean();
      PointResult r = new PointResult(point, feasible ? null : o.get("reason").asText(), metrics);
      return Optional.of(new Entry(o.get("index").asLong(), r));
    } catch (JsonProcessingException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
