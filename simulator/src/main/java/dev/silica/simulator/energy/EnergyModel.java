package dev.silica.simulator.energy;

import dev.silica.simulator.spec.SpecMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Turns action counts into energy, and component lists into area.
 *
 * <h2>Design</h2>
 *
 * <p><b>Accelergy's idea, done as data.</b> A hardware model never computes energy itself: it
 * counts {@link Action}s per component ({@code mac.int8}, {@code sram.read} with capacity and
 * width, {@code dram.read.bits}, {@code noc.hop}, {@code instruction}) into {@link ActionCounts}.
 * An {@link EnergyTable} prices each action in pJ; {@code energy = Σ count × price}, reported as an
 * {@link EnergyBreakdown} by component and action in which every row names the table entry (or
 * rule) and its {@code source:}. Area works the same way over {@link AreaBreakdown.Item}s and an
 * {@link AreaTable}.
 *
 * <p><b>Tables, in order.</b> {@code evaluate(counts, tables)} consults the tables in the order
 * given; the first that can price an action wins. So a user table of a few measured entries can sit
 * in front of the built-in Horowitz table. Within a table, a published entry for the exact key wins
 * over a rule.
 *
 * <p><b>Published points and rules (built-in table, 45 nm, 0.9 V; papers-inputs §4).</b> Entries
 * are the published numbers verbatim. Rules fill the gaps, each anchored at published points:
 *
 * <ul>
 *   <li>integer add, linear in bits: {@code E = 0.005 + 0.0029464·N pJ} (least squares through 8,
 *       16, 32 b; −4.8 %, +4.3 %, −0.7 % at those points);
 *   <li>integer multiply, ~quadratic: {@code E = 3.1·(N/32)^1.977 pJ}, the power law through the
 *       int8 and int32 points (a pure quadratic anchored at int32 is −3.1 % at int8); int16, which
 *       was not published, comes out at 0.787 pJ;
 *   <li>MAC = multiply + accumulator add: int accumulators max(32, 2N) bits, fp16/bf16 accumulate
 *       in fp32; {@code mac.int8 = 0.2 + 0.1 = 0.3 pJ};
 *   <li>SRAM access: {@code E = 10 pJ·(W/64)·(C/8 KiB)^0.4765}, exact at 8 KB (64 b and 32 b), −3.2
 *       % at 32 KB and +0.9 % at 1 MB;
 *   <li>register file, DRAM per access and NoC hop: linear in width from their 32-bit entries;
 *   <li>SRAM area: {@code A = 3.7267·C^0.98736 µm²} (C in bytes), fitted to CACTI's 64 KB, 128 KB
 *       and 1 MB arrays in Accelergy's 45 nm ART (+1.5 %, −2.0 %, +0.5 %).
 * </ul>
 *
 * <p><b>Other nodes.</b> {@link EnergyTable#scaledTo(int)} and {@link AreaTable#scaledTo(int)}
 * multiply every value by the Stillmaker &amp; Baas factors ({@link TechnologyScaling}), and say so
 * in each row's source.
 *
 * <p><b>Not modelled here.</b> Leakage and clock-tree energy (no published per-action figure in the
 * base table); data-dependent switching (every action costs its table price).
 *
 * <p><b>Missing prices fail.</b> An action no table can price throws {@link MissingEntryException}
 * naming the action and component, every table consulted and why it declined, and the nearest keys;
 * it is never priced at zero.
 */
public final class EnergyModel {
  private EnergyModel() {}

  /** Prices every count with {@code tables} (first match wins). */
  public static EnergyBreakdown evaluate(ActionCounts counts, EnergyTable... tables) {
    return evaluate(counts, List.of(tables));
  }

  /** Prices every count with {@code tables} (first match wins). */
  public static EnergyBreakdown evaluate(ActionCounts counts, List<EnergyTable> tables) {
    List<EnergyBreakdown.Row> rows = new ArrayList<>();
    for (ActionCounts.Entry e : counts.entries()) {
      TableEntry price = price(e.action(), e.component(), tables);
      rows.add(
          new EnergyBreakdown.Row(
              e.component(),
              e.action().key(),
              e.count(),
              price.value(),
              e.count() * price.value(),
              price.table(),
              price.entry(),
              price.source()));
    }
    return EnergyBreakdown.of(rows);
  }

  /** Area of every item with {@code tables} (first match wins). */
  public static AreaBreakdown area(List<AreaBreakdown.Item> items, AreaTable... tables) {
    List<AreaTable> list = List.of(tables);
    List<AreaBreakdown.Row> rows = new ArrayList<>();
    for (AreaBreakdown.Item item : items) {
      TableEntry price = priceArea(item.kind(), list);
      rows.add(
          new AreaBreakdown.Row(
              item.instance(),
              item.kind().key(),
              item.count(),
              price.value(),
              item.count() * price.value(),
              price.table(),
              price.entry(),
              price.source()));
    }
    return AreaBreakdown.of(rows);
  }

  /** The price of one action; throws {@link MissingEntryException} when no table has it. */
  public static TableEntry price(Action action, List<EnergyTable> tables) {
    return price(action, null, tables);
  }

  private static TableEntry price(Action action, String component, List<EnergyTable> tables) {
    return resolve(action, component, "energy", tables, EnergyTable::priceTable);
  }

  /** The area of one component kind; throws {@link MissingEntryException} when no table has it. */
  public static TableEntry priceArea(ComponentKind kind, List<AreaTable> tables) {
    return resolve(kind, null, "area", tables, AreaTable::priceTable);
  }

  private static <T> TableEntry resolve(
      TableKey key, String component, String what, List<T> tables, Function<T, PriceTable> core) {
    if (tables.isEmpty()) {
      throw new IllegalArgumentException("no " + what + " table given to price " + key.key());
    }
    List<String> consulted = new ArrayList<>();
    List<String> known = new ArrayList<>();
    for (T t : tables) {
      PriceTable pt = core.apply(t);
      PriceTable.Resolution r = pt.resolve(key);
      if (r.entry() != null) {
        return r.entry();
      }
      consulted.add(
          pt.name()
              + " ("
              + (r.declined().isEmpty()
                  ? "no entry or rule for this key"
                  : String.join("; ", r.declined()))
              + ")");
      known.addAll(pt.knownKeys());
    }
    throw new MissingEntryException(
        "no "
            + what
            + " entry for '"
            + key.key()
            + "'"
            + (component == null ? "" : " (component " + component + ")")
            + "; tables consulted: "
            + String.join(", ", consulted)
            + "; nearest keys: "
            + String.join(", ", SpecMessages.nearestN(key.key(), known, 3)));
  }
}
