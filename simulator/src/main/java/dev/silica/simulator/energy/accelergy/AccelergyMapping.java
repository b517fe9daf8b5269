package dev.silica.simulator.energy.accelergy;

import dev.silica.simulator.energy.Action;
import dev.silica.simulator.energy.ComponentKind;
import dev.silica.simulator.spec.InvalidSpecException;
import dev.silica.simulator.spec.SpecKind;
import dev.silica.simulator.spec.SpecLoader;
import dev.silica.simulator.spec.SpecNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which Accelergy component and action prices each Silica action (and which component's area each
 * Silica component kind takes), read from a {@code kind: accelergy_mapping} YAML file:
 *
 * <pre>{@code
 * version: 1
 * kind: accelergy_mapping
 * name: accelergy-45nm            # the name of the table set it builds
 * technology_nm: 45
 * vdd_v: 1.0
 * source: "…"                     # table-wide provenance
 * inputs: { ert: ERT.yaml, art: ART.yaml, ert_summary: ERT.csv, art_summary: ART.csv }
 * energy_pj:
 *   mac.int8: { component: "ref_accel.PE[0..255].mac_int8", action: mac_random }
 *   dram.read.bits: { component: ref_accel.dram_lpddr4, action: read, count_per_action: 64 }
 * area_um2:
 *   mac.int8: { component: "ref_accel.PE[0..255].mac_int8" }
 * }</pre>
 *
 * <p>Keys are Silica table keys in canonical form ({@link Action}, {@link ComponentKind}). {@code
 * count_per_action} (default 1) is how many of the Silica action one Accelergy action stands for: a
 * 64-bit DRAM read moves 64 {@code dram.read.bits}, so each bit costs the read's energy / 64.
 * {@code arguments:} picks among entries of one action that differ in their arguments (matched as
 * numbers where both are numbers). Input paths are relative to the mapping file; the summaries
 * ({@code ERT.csv}, {@code ART.csv}) are optional and only add the estimator's name to sources.
 *
 * <p>Syntax is checked here (file:line errors); whether the components and actions exist is checked
 * when the mapping is bound to an ERT and ART ({@link AccelergyTables#build}).
 *
 * @param file the mapping file, as named
 * @param name the table set's name
 * @param technologyNm the tables' node
 * @param vddV the tables' supply voltage
 * @param source table-wide provenance
 * @param inputs input file names by role ({@code ert}, {@code art}, {@code ert_summary}, {@code
 *     art_summary}), relative to the mapping file
 * @param energy one entry per Silica action, in file order
 * @param area one entry per Silica component kind, in file order
 */
public record AccelergyMapping(
    String file,
    String name,
    int technologyNm,
    double vddV,
    String source,
    Map<String, String> inputs,
    List<EnergyEntry> energy,
    List<AreaEntry> area) {

  /** The {@code kind:} of a mapping file. */
  public static final String KIND = SpecKind.ACCELERGY_MAPPING.key();

  private static final List<String> ROOT_KEYS =
      List.of(
          "version",
          "kind",
          "name",
          "technology_nm",
          "vdd_v",
          "source",
          "inputs",
          "energy_pj",
          "area_um2");

  /**
   * A Silica action priced by an Accelergy component's action.
   *
   * @param action the Silica action
   * @param component the Accelergy component's full name
   * @param accelergyAction the Accelergy action's name
   * @param arguments the arguments that pick the entry, or {@code null} for the action's only one
   * @param countPerAction Silica actions per Accelergy action (≥ 1)
   * @param node the mapping entry, for file:line errors
   */
  public record EnergyEntry(
      Action action,
      String component,
      String accelergyAction,
      Map<String, String> arguments,
      long countPerAction,
      SpecNode node) {}

  /**
   * A Silica component kind whose area is an Accelergy component's.
   *
   * @param kind the Silica component kind
   * @param component the Accelergy component's full name
   * @param node the mapping entry, for file:line errors
   */
  public record AreaEntry(ComponentKind kind, String component, SpecNode node) {}

  public AccelergyMapping {
    inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    energy = List.copyOf(energy);
    area = List.copyOf(area);
  }

  /** Loads a mapping file. */
  public static AccelergyMapping load(Path file) {
    try {
      return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new InvalidSpecException(file.toString(), 0, "", "cannot read: " + e.getMessage());
    }
  }

  /** Parses a mapping from text; messages name it {@code displayName}. */
  public static AccelergyMapping parse(String displayName, String text) {
    return fromSpec(SpecLoader.parse(displayName, text));
  }

  /** Binds a parsed mapping tree. */
  public static AccelergyMapping fromSpec(SpecNode root) {
    SpecLoader.checkHeader(root, SpecKind.ACCELERGY_MAPPING);
    root.allowOnly(ROOT_KEYS);
    Map<String, String> inputs = new LinkedHashMap<>();
    SpecNode in = root.get("inputs").allowOnly("ert", "art", "ert_summary", "art_summary");
    in.require("ert");
    in.entries().forEach((k, v) -> inputs.put(k, v.asString()));

    List<EnergyEntry> energy = new ArrayList<>();
    for (Map.Entry<String, SpecNode> e : root.get("energy_pj").entries().entrySet()) {
      SpecNode n = e.getValue().allowOnly("component", "action", "arguments", "count_per_action");
      Action action;
      try {
        action = Action.parse(e.getKey());
      } catch (IllegalArgumentException ex) {
        throw n.error(n.path() + ": " + ex.getMessage());
      }
      requireCanonical(n, e.getKey(), action.key());
      Map<String, String> arguments = null;
      Optional<SpecNode> args = n.optional("arguments");
      if (args.isPresent()) {
        arguments = new LinkedHashMap<>();
        for (Map.Entry<String, SpecNode> a : args.get().entries().entrySet()) {
          arguments.put(a.getKey(), a.getValue().asString());
        }
      }
      long per = n.has("count_per_action") ? n.positiveLong("count_per_action") : 1;
      energy.add(
          new EnergyEntry(action, n.string("component"), n.string("action"), arguments, per, n));
    }

    List<AreaEntry> area = new ArrayList<>();
    Optional<SpecNode> areaSection = root.optional("area_um2");
    if (areaSection.isPresent()) {
      for (Map.Entry<String, SpecNode> e : areaSection.get().entries().entrySet()) {
        SpecNode n = e.getValue().allowOnly("component");
        ComponentKind kind;
        try {
          kind = ComponentKind.parse(e.getKey());
        } catch (IllegalArgumentException ex) {
          throw n.error(n.path() + ": " + ex.getMessage());
        }
        requireCanonical(n, e.getKey(), kind.key());
        area.add(new AreaEntry(kind, n.string("component"), n));
      }
    }
    return new AccelergyMapping(
        root.file(),
        root.string("name"),
        root.positiveInt("technology_nm"),
        root.doubleInRange("vdd_v", 0.1, 5.0),
        root.string("source"),
        inputs,
        energy,
        area);
  }

  /** The entry that prices {@code action}, if any. */
  public Optional<EnergyEntry> energyEntry(Action action) {
    return energy.stream().filter(e -> e.action().equals(action)).findFirst();
  }

  private static void requireCanonical(SpecNode n, String written, String canonical) {
    if (!canonical.equals(written)) {
      throw n.error(
          n.path()
              + ": key must be written in canonical form '"
              + canonical
              + "' (attributes sorted)");
    }
  }
}
