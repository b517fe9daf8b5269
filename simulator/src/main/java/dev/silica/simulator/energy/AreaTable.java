package dev.silica.simulator.energy;

import dev.silica.simulator.spec.SpecKind;
import dev.silica.simulator.spec.SpecLoader;
import dev.silica.simulator.spec.SpecNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Square micrometres per {@link ComponentKind}: published entries plus rules (SRAM area as a
 * function of capacity), read from the {@code area_um2:} and {@code area_rules:} sections of an
 * energy-table file. Immutable.
 */
public final class AreaTable {
  private final PriceTable table;
  private final int technologyNm;

  private AreaTable(PriceTable table, int technologyNm) {
    this.table = table;
    this.technologyNm = technologyNm;
  }

  /** The built-in 45 nm table (Horowitz arithmetic areas; CACTI-fitted SRAM area). */
  public static AreaTable horowitz45nm() {
    return Holder.HOROWITZ;
  }

  private static final class Holder {
    static final AreaTable HOROWITZ =
        fromSpec(SpecLoader.loadResource(EnergyTable.HOROWITZ_45NM, SpecKind.ENERGY_TABLE));
  }

  public static AreaTable load(Path file) {
    return fromSpec(SpecLoader.load(file, SpecKind.ENERGY_TABLE));
  }

  /** Binds the area sections of a {@code kind: energy_table} spec. */
  public static AreaTable fromSpec(SpecNode spec) {
    EnergyTable.fromSpec(spec); // validates the whole file, header and energy sections included
    var entries = PriceTable.readEntries(spec.get("area_um2"));
    var rules =
        spec.optional("area_rules")
            .map(r -> PriceTable.readRules(r, "component"))
            .orElse(List.of());
    return new AreaTable(
        new PriceTable(spec.string("name"), entries, rules, 1.0, ""),
        spec.positiveInt("technology_nm"));
  }

  public String name() {
    return table.name();
  }

  public int technologyNm() {
    return technologyNm;
  }

  /** The published entries as written (key → µm²), in file order. */
  public Map<String, Double> publishedUm2() {
    Map<String, Double> out = new LinkedHashMap<>();
    table.entries().forEach((k, v) -> out.put(k, v.value()));
    return out;
  }

  public Optional<TableEntry> lookup(ComponentKind kind) {
    return Optional.ofNullable(table.resolve(kind).entry());
  }

  /** Area of one {@code kind} in µm²; a missing entry throws {@link MissingEntryException}. */
  public double areaUm2(ComponentKind kind) {
    return EnergyModel.priceArea(kind, List.of(this)).value();
  }

  /** This table at another node, every value times {@link TechnologyScaling#areaFactor}. */
  public AreaTable scaledTo(int nm) {
    double f = TechnologyScaling.areaFactor(technologyNm, nm);
    String note =
        String.format(
            Locale.ROOT,
            "x %s from %d nm to %d nm (area; %s)",
            TechnologyScaling.format(f),
            technologyNm,
            nm,
            TechnologyScaling.SOURCE);
    String base =
        table.name().contains("@")
            ? table.name().substring(0, table.name().indexOf('@'))
            : table.name();
    return new AreaTable(table.scaled(base + "@" + nm + "nm", f, note), nm);
  }

  PriceTable priceTable() {
    return table;
  }

  @Override
  public String toString() {
    return "AreaTable[" + table.name() + ", " + technologyNm + " nm]";
  }
}
