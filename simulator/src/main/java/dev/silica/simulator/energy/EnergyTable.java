package dev.silica.simulator.energy;

import dev.silica.simulator.spec.SpecKind;
import dev.silica.simulator.spec.SpecLoader;
import dev.silica.simulator.spec.SpecNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Picojoules per {@link Action}: published entries (each with its {@code source:}) plus derivation
 * rules for what was not published, loaded from a versioned {@code kind: energy_table} YAML file.
 * Immutable. See {@link EnergyModel} for how a table prices action counts, and {@code
 * horowitz-45nm.yaml} for the format.
 */
public final class EnergyTable {
  /** Classpath name of the built-in 45 nm table. */
  public static final String HOROWITZ_45NM = "dev/silica/simulator/energy/horowitz-45nm.yaml";

  private static final List<String> ROOT_KEYS =
      List.of(
          "version",
          "kind",
          "name",
          "technology_nm",
          "vdd_v",
          "source",
          "energy_pj",
          "rules",
          "area_um2",
          "area_rules");

  private final PriceTable table;
  private final int technologyNm;
  private final double vddV;
  private final String source;
  private final String origin;

  private EnergyTable(
      PriceTable table, int technologyNm, double vddV, String source, String origin) {
    this.table = table;
    this.technologyNm = technologyNm;
    this.vddV = vddV;
    this.source = source;
    this.origin = origin;
  }

  /** The built-in Horowitz ISSCC 2014 table, 45 nm, 0.9 V. */
  public static EnergyTable horowitz45nm() {
    return Holder.HOROWITZ;
  }

  private static final class Holder {
    static final EnergyTable HOROWITZ =
        fromSpec(SpecLoader.loadResource(HOROWITZ_45NM, SpecKind.ENERGY_TABLE));
  }

  /** Loads a table file. */
  public static EnergyTable load(Path file) {
    return fromSpec(SpecLoader.load(file, SpecKind.ENERGY_TABLE));
  }

  /**
   * Binds a loaded {@code kind: energy_table} spec (area sections are read by {@link AreaTable}).
   */
  public static EnergyTable fromSpec(SpecNode spec) {
    SpecLoader.checkHeader(spec, SpecKind.ENERGY_TABLE);
    spec.allowOnly(ROOT_KEYS);
    String name = spec.string("name");
    int nm = spec.positiveInt("technology_nm");
    double vdd = spec.doubleInRange("vdd_v", 0.1, 5.0);
    String source = spec.string("source");
    var entries = PriceTable.readEntries(spec.get("energy_pj"));
    var rules =
        spec.optional("rules").map(r -> PriceTable.readRules(r, "action")).orElse(List.of());
    return new EnergyTable(
        new PriceTable(name, entries, rules, 1.0, ""), nm, vdd, source, spec.file());
  }

  public String name() {
    return table.name();
  }

  public int technologyNm() {
    return technologyNm;
  }

  public double vddV() {
    return vddV;
  }

  /** The table-wide source string. */
  public String source() {
    return source;
  }

  /** Where the table was loaded from ({@code classpath:…} or a path). */
  public String origin() {
    return origin;
  }

  /** The published entries as written (key → pJ before any scaling), in file order. */
  public Map<String, Double> publishedPj() {
    Map<String, Double> out = new java.util.LinkedHashMap<>();
    table.entries().forEach((k, v) -> out.put(k, v.value()));
    return out;
  }

  /** The price of {@code action}, or empty when no entry or rule covers it. */
  public Optional<TableEntry> lookup(Action action) {
    return Optional.ofNullable(table.resolve(action).entry());
  }

  /** The price of {@code action} in pJ; a missing entry throws {@link MissingEntryException}. */
  public double energyPj(Action action) {
    return EnergyModel.price(action, List.of(this)).value();
  }

  /**
   * This table moved to another technology node: every value times {@link
   * TechnologyScaling#energyFactor}, sources noting the factor; the name becomes {@code
   * <name>@<nm>nm}.
   */
  public EnergyTable scaledTo(int nm, TechnologyScaling.Vdd vdd) {
    double f = TechnologyScaling.energyFactor(technologyNm, nm, vdd);
    String note =
        String.format(
            Locale.ROOT,
            "x %s from %d nm to %d nm (energy, same Vdd %s; %s)",
            TechnologyScaling.format(f),
            technologyNm,
            nm,
            vdd == TechnologyScaling.Vdd.V0_8 ? "0.8 V" : "1.0 V",
            TechnologyScaling.SOURCE);
    String base =
        table.name().contains("@")
            ? table.name().substring(0, table.name().indexOf('@'))
            : table.name();
    return new EnergyTable(table.scaled(base + "@" + nm + "nm", f, note), nm, vddV, source, origin);
  }

  /** As {@link #scaledTo(int, TechnologyScaling.Vdd)} with the 0.8 V row. */
  public EnergyTable scaledTo(int nm) {
    return scaledTo(nm, TechnologyScaling.Vdd.V0_8);
  }

  PriceTable priceTable() {
    return table;
  }

  @Override
  public String toString() {
    return "EnergyTable["
        + table.name()
        + ", "
        + technologyNm
        + " nm, "
        + table.entries().size()
        + " entries, "
        + table.rules().size()
        + " rules]";
  }
}
