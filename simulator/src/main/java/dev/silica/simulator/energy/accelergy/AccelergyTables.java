package dev.silica.simulator.energy.accelergy;

import dev.silica.simulator.energy.AreaTable;
import dev.silica.simulator.energy.EnergyTable;
import dev.silica.simulator.spec.InvalidSpecException;
import dev.silica.simulator.spec.SpecLoader;
import dev.silica.simulator.spec.SpecMessages;
import dev.silica.simulator.spec.SpecNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads Accelergy's energy and area reference tables and turns them into Silica tables.
 *
 * <h2>Design</h2>
 *
 * <p><b>What is read.</b> Accelergy 0.4 writes {@code ERT.yaml} ({@code ERT: {version: '0.4',
 * tables: [{name: <component>, actions: [{name, arguments: {…}, energy: <pJ>}]}]}}) and {@code
 * ART.yaml} ({@code ART: {version: '0.4', tables: [{name, area: <µm²>}]}}). Both are read with the
 * simulator's {@link SpecLoader}, so a malformed table fails at its {@code file:line}. Values are
 * kept exactly as written (the YAML text parsed once by {@link Double#parseDouble}), and so are the
 * arguments ({@code global_cycle_seconds: 1e-09}): Aladdin's arithmetic energies depend on the
 * clock period, and the argument set is part of what an entry means.
 *
 * <p><b>From Accelergy's names to Silica's.</b> Accelergy prices named components of one
 * architecture ({@code ref_accel.glb_128KB read}); Silica prices generic actions ({@code
 * sram.read[capacity_bytes=131072,width_bits=64]}). An {@link AccelergyMapping} (YAML) says which
 * Accelergy entry prices which Silica key; {@link #build} looks every entry up (an unknown
 * component or action fails at the mapping's line, listing the closest names the ERT has) and
 * writes a {@code kind: energy_table} whose every entry's source names the ERT file, component,
 * action, estimator and arguments, e.g. {@code accelergy ERT.yaml: ref_accel.PE[0..255].mac_int8
 * mac_random (Aladdin_table, global_cycle_seconds=1e-09)}. Silica actions counted in smaller units
 * than Accelergy's (bits of a 64-bit DRAM access) divide the entry's energy by {@code
 * count_per_action}, and the source says so.
 *
 * <p><b>The shipped set.</b> {@code accelergy-45nm} is built at first use from verbatim copies of
 * the Accelergy outputs for the reference accelerator (shared/refs/accelergy: {@code ERT.yaml},
 * {@code ART.yaml}, and {@code ERT.csv}/{@code ART.csv} for estimator names) and the mapping {@code
 * accelergy-45nm/mapping.yaml}, all resources next to {@code horowitz-45nm.yaml}; nothing derived
 * is committed. {@link EnergyTables#named} selects it by name.
 *
 * <p><b>Not carried over.</b> {@code leak} (Silica prices no leakage), {@code mac_reused} and
 * {@code mac_gated} (data-dependent switching; Silica prices every action at one value) and the
 * HBM2/GDDR5/DDR3 variants (the set's DRAM is LPDDR4; a user mapping can pick another). They stay
 * in the {@link Ert} for anyone who asks for them.
 */
public final class AccelergyTables {
  /** Classpath folder of the {@code accelergy-45nm} inputs and mapping. */
  public static final String ACCELERGY_45NM_DIR = "dev/silica/simulator/energy/accelergy-45nm/";

  /** The ERT/ART format version this code reads. */
  public static final String FORMAT_VERSION = "0.4";

  private AccelergyTables() {}

  // ---- reading ----

  /** Reads an Accelergy {@code ERT.yaml}. */
  public static Ert readErt(Path file) {
    return parseErt(file.toString(), read(file));
  }

  /** Parses an Accelergy ERT; messages name it {@code displayName}. */
  public static Ert parseErt(String displayName, String text) {
    SpecNode root = SpecLoader.parse(displayName, text);
    SpecNode ert = body(root, "ERT");
    List<Ert.Entry> entries = new ArrayList<>();
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (SpecNode table : ert.get("tables").elements()) {
      table.allowOnly("name", "actions");
      String component = uniqueComponent(table, seen);
      List<Ert.Entry> own = new ArrayList<>();
      for (SpecNode a : table.get("actions").elements()) {
        a.allowOnly("name", "arguments", "energy");
        Map<String, String> arguments = new LinkedHashMap<>();
        a.optional("arguments")
            .ifPresent(args -> args.entries().forEach((k, v) -> arguments.put(k, v.asString())));
        Ert.Entry e =
            new Ert.Entry(
                component,
                a.string("name"),
                arguments,
                a.get("energy").asNonNegativeDouble(),
                a.line());
        for (Ert.Entry o : own) {
          if (o.action().equals(e.action()) && Ert.sameArguments(o.arguments(), e.arguments())) {
            throw a.error(
                a.path()
                    + ": duplicate action '"
                    + e.action()
                    + "' with the same arguments (first at line "
                    + o.line()
                    + ")");
          }
        }
        own.add(e);
      }
      entries.addAll(own);
    }
    return new Ert(displayName, ert.get("version").asString(), entries);
  }

  /** The table's component name, which must not repeat one of {@code seen} (name → line). */
  private static String uniqueComponent(SpecNode table, Map<String, Integer> seen) {
    String component = table.string("name");
    Integer first = seen.putIfAbsent(component, table.line());
    if (first != null) {
      throw table
          .get("name")
          .error(
              table.path()
                  + ".name: duplicate component '"
                  + component
                  + "' (first at line "
                  + first
                  + ")");
    }
    return component;
  }

  /** Reads an Accelergy {@code ART.yaml}. */
  public static Art readArt(Path file) {
    return parseArt(file.toString(), read(file));
  }

  /** Parses an Accelergy ART; messages name it {@code displayName}. */
  public static Art parseArt(String displayName, String text) {
    SpecNode root = SpecLoader.parse(displayName, text);
    SpecNode art = body(root, "ART");
    List<Art.Entry> entries = new ArrayList<>();
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (SpecNode table : art.get("tables").elements()) {
      table.allowOnly("name", "area");
      String component = uniqueComponent(table, seen);
      entries.add(new Art.Entry(component, table.get("area").asNonNegativeDouble(), table.line()));
    }
    return new Art(displayName, art.get("version").asString(), entries);
  }

  /** Reads {@code ERT.csv} or {@code ART.csv}. */
  public static AccelergySummary readSummary(Path file) {
    return AccelergySummary.parse(file.toString(), read(file));
  }

  private static SpecNode body(SpecNode root, String key) {
    if (!root.isMap()) {
      throw root.error("must be a mapping with one key " + key + ":, got " + root.describe());
    }
    root.allowOnly(key);
    SpecNode body = root.get(key).allowOnly("version", "tables");
    String version = body.get("version").asString();
    if (!version.equals(FORMAT_VERSION)) {
      throw body.get("version")
          .error(
              key
                  + ".version: must be '"
                  + FORMAT_VERSION
                  + "' (the Accelergy table format read here), got '"
                  + version
                  + "'");
    }
    return body;
  }

  // ---- building Silica tables ----

  /**
   * Builds Silica tables from a mapping file, reading the inputs it names (relative to it).
   *
   * @param mappingFile a {@code kind: accelergy_mapping} file
   */
  public static AccelergyTableSet fromMapping(Path mappingFile) {
    AccelergyMapping m = AccelergyMapping.load(mappingFile);
    Path dir = mappingFile.toAbsolutePath().getParent();
    Function<String, Path> at = role -> dir.resolve(m.inputs().get(role));
    return build(
        m,
        readErt(at.apply("ert")),
        m.inputs().containsKey("art") ? readArt(at.apply("art")) : null,
        m.inputs().containsKey("ert_summary") ? readSummary(at.apply("ert_summary")) : null,
        m.inputs().containsKey("art_summary") ? readSummary(at.apply("art_summary")) : null);
  }

  /** The {@code accelergy-45nm} set, built once from its resources. */
  public static AccelergyTableSet accelergy45nm() {
    return Holder.ACCELERGY_45NM;
  }

  private static final class Holder {
    static final AccelergyTableSet ACCELERGY_45NM = fromResources(ACCELERGY_45NM_DIR);
  }

  private static AccelergyTableSet fromResources(String dir) {
    String mappingName = dir + "mapping.yaml";
    AccelergyMapping m = AccelergyMapping.parse("classpath:" + mappingName, resource(mappingName));
    Function<String, String> name = role -> dir + m.inputs().get(role);
    return build(
        m,
        parseErt("classpath:" + name.apply("ert"), resource(name.apply("ert"))),
        m.inputs().containsKey("art")
            ? parseArt("classpath:" + name.apply("art"), resource(name.apply("art")))
            : null,
        m.inputs().containsKey("ert_summary")
            ? AccelergySummary.parse(
                "classpath:" + name.apply("ert_summary"), resource(name.apply("ert_summary")))
            : null,
        m.inputs().containsKey("art_summary")
            ? AccelergySummary.parse(
                "classpath:" + name.apply("art_summary"), resource(name.apply("art_summary")))
            : null);
  }

  /**
   * Binds {@code mapping} to the tables read and builds the Silica energy and area tables.
   *
   * @param mapping which Accelergy entry prices which Silica key
   * @param ert the energy reference table
   * @param art the area reference table, or {@code null} when the mapping has no area section
   * @param ertSummary {@code ERT.csv} for estimator names, or {@code null}
   * @param artSummary {@code ART.csv} for estimator names, or {@code null}
   * @throws InvalidSpecException at the mapping entry's line when a component or action is unknown
   */
  public static AccelergyTableSet build(
      AccelergyMapping mapping,
      Ert ert,
      Art art,
      AccelergySummary ertSummary,
      AccelergySummary artSummary) {
    List<AccelergyTableSet.BoundAction> energy = new ArrayList<>();
    Map<String, Object> energyPj = new LinkedHashMap<>();
    for (AccelergyMapping.EnergyEntry m : mapping.energy()) {
      Ert.Entry e = lookup(ert, m);
      double pjEach = e.energyPj() / m.countPerAction();
      String source = energySource(ert, e, m, ertSummary);
      energy.add(
          new AccelergyTableSet.BoundAction(m.action(), e, m.countPerAction(), pjEach, source));
      energyPj.put(m.action().key(), entry(pjEach, source));
    }
    List<AccelergyTableSet.BoundArea> area = new ArrayList<>();
    Map<String, Object> areaUm2 = new LinkedHashMap<>();
    for (AccelergyMapping.AreaEntry m : mapping.area()) {
      if (art == null) {
        throw m.node().error(m.node().path() + ": the mapping names no ART (inputs.art)");
      }
      Art.Entry e;
      try {
        e = art.entry(m.component());
      } catch (UnknownAccelergyEntryException ex) {
        SpecNode c = m.node().get("component");
        throw c.error(c.path() + ": " + ex.getMessage());
      }
      String source =
          "accelergy "
              + art.name()
              + ": "
              + e.component()
              + estimatorText(artSummary, e.component()).map(s -> " (" + s + ")").orElse("")
              + ", um^2 per instance";
      area.add(new AccelergyTableSet.BoundArea(m.kind(), e, source));
      areaUm2.put(m.kind().key(), entry(e.areaUm2(), source));
    }

    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("version", SpecLoader.VERSION);
    spec.put("kind", "energy_table");
    spec.put("name", mapping.name());
    spec.put("technology_nm", mapping.technologyNm());
    spec.put("vdd_v", mapping.vddV());
    spec.put("source", mapping.source());
    spec.put("energy_pj", energyPj);
    spec.put("area_um2", areaUm2);
    SpecNode node = SpecNode.fromPlain(mapping.file(), spec);
    EnergyTable energyTable = EnergyTable.fromSpec(node);
    Optional<AreaTable> areaTable =
        mapping.area().isEmpty() ? Optional.empty() : Optional.of(AreaTable.fromSpec(node));
    return new AccelergyTableSet(
        new EnergyTableSet(mapping.name(), energyTable, areaTable, mapping.file()),
        mapping,
        ert,
        art,
        energy,
        area);
  }

  private static Ert.Entry lookup(Ert ert, AccelergyMapping.EnergyEntry m) {
    try {
      return ert.entry(m.component(), m.accelergyAction(), m.arguments());
    } catch (UnknownAccelergyEntryException ex) {
      String at =
          !ert.components().contains(m.component())
              ? "component"
              : m.arguments() != null && ert.actions(m.component()).contains(m.accelergyAction())
                  ? "arguments"
                  : "action";
      SpecNode n = m.node().optional(at).orElse(m.node());
      throw n.error(n.path() + ": " + ex.getMessage());
    }
  }

  private static String energySource(
      Ert ert, Ert.Entry e, AccelergyMapping.EnergyEntry m, AccelergySummary summary) {
    List<String> notes = new ArrayList<>();
    estimatorText(summary, e.component()).ifPresent(notes::add);
    if (!e.arguments().isEmpty()) {
      notes.add(e.argumentsText());
    }
    StringBuilder sb =
        new StringBuilder("accelergy ")
            .append(ert.name())
            .append(": ")
            .append(e.component())
            .append(' ')
            .append(e.action());
    if (!notes.isEmpty()) {
      sb.append(" (").append(String.join(", ", notes)).append(')');
    }
    if (m.countPerAction() != 1) {
      sb.append("; ")
          .append(plain(e.energyPj()))
          .append(" pJ / ")
          .append(m.countPerAction())
          .append(' ')
          .append(m.action().name())
          .append(" per ")
          .append(e.action());
    }
    return sb.toString();
  }

  private static Optional<String> estimatorText(AccelergySummary summary, String component) {
    return summary == null ? Optional.empty() : summary.estimator(component);
  }

  private static Map<String, Object> entry(double value, String source) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("value", value);
    m.put("source", source);
    return m;
  }

  // ---- helpers ----

  /** Up to three names closest to {@code word} by edit distance. */
  static List<String> closest(String word, Collection<String> known) {
    return SpecMessages.nearestN(word, known, 3);
  }

  static String baseName(String file) {
    int i = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
    return file.substring(i + 1);
  }

  /** A number as written without a trailing {@code .0}: {@code 512}, {@code 0.845}. */
  static String plain(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.toString(v);
    }
    return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidSpecException(file.toString(), 0, "", "cannot read: " + e.getMessage());
    }
  }

  static String resource(String name) {
    try (InputStream in = AccelergyTables.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new InvalidSpecException("classpath:" + name, 0, "", "no such resource");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
