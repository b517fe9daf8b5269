package dev.silica.simulator.energy.accelergy;

import dev.silica.simulator.energy.ActionCounts;
import dev.silica.simulator.energy.EnergyBreakdown;
import dev.silica.simulator.energy.EnergyModel;
import dev.silica.simulator.energy.EnergyTable;
import dev.silica.simulator.energy.MissingEntryException;
import dev.silica.simulator.spec.SpecMessages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An energy breakdown in Accelergy's shape: component, action, count, pJ per action, energy and
 * share of the total, one row per counted (component, action), written as CSV with units in the
 * header. Two views of the same {@link ActionCounts}:
 *
 * <ul>
 *   <li>{@link #of(ActionCounts, EnergyTable...)}: Silica's own names and prices (any table, e.g.
 *       {@code horowitz-45nm} or {@code accelergy-45nm});
 *   <li>{@link #inAccelergyTerms}: each count put into Accelergy's names and units ({@code 6400
 *       dram.read.bits} become {@code 100} {@code ref_accel.dram_lpddr4 read}s at 512 pJ), priced
 *       straight from the ERT.
 * </ul>
 *
 * <p>Both carry the Silica component and action of each row, so the CSVs of two tables, or of
 * Silica and Accelergy, line up row by row. The totals of {@code of(counts, accelergy-45nm)} and
 * {@code inAccelergyTerms(counts, accelergy-45nm)} agree (the same products, regrouped).
 *
 * @param rows one row per counted (component, action), in count order
 * @param totalPj the sum of the rows' energies
 */
public record AccelergyBreakdown(List<Row> rows, double totalPj) {
  /** The CSV header, units in the names. */
  public static final String CSV_HEADER =
      "component,action,count,pj_per_action,energy_pj,share_percent,"
          + "silica_component,silica_action,source";

  /**
   * @param component the component ({@code pe_array}, or Accelergy's {@code
   *     ref_accel.PE[0..255].mac_int8})
   * @param action the action ({@code mac.int8}, or Accelergy's {@code mac_random})
   * @param count how many, in this row's unit of action (fractional when Silica counts in smaller
   *     units than a whole Accelergy action)
   * @param pjPerAction pJ per action
   * @param energyPj energy of the row in pJ
   * @param share energyPj / total (0 when the total is 0)
   * @param silicaComponent the Silica component counted
   * @param silicaAction the Silica action key counted
   * @param source where the price came from
   */
  public record Row(
      String component,
      String action,
      double count,
      double pjPerAction,
      double energyPj,
      double share,
      String silicaComponent,
      String silicaAction,
      String source) {}

  public AccelergyBreakdown {
    rows = List.copyOf(rows);
  }

  /** Silica's own breakdown of {@code counts} with {@code tables} (first that prices wins). */
  public static AccelergyBreakdown of(ActionCounts counts, EnergyTable... tables) {
    return of(EnergyModel.evaluate(counts, tables));
  }

  /** A Silica {@link EnergyBreakdown} in this shape. */
  public static AccelergyBreakdown of(EnergyBreakdown b) {
    List<Part> parts = new ArrayList<>();
    for (EnergyBreakdown.Row r : b.rows()) {
      parts.add(
          new Part(
              r.component(),
              r.action(),
              r.count(),
              r.pjEach(),
              r.energyPj(),
              r.component(),
              r.action(),
              r.source()));
    }
    return withShares(parts);
  }

  /**
   * {@code counts} in Accelergy's names and units, priced from {@code set}'s ERT: count = Silica
   * count / count_per_action, pJ per action = the ERT entry. A Silica action the mapping does not
   * cover throws {@link MissingEntryException} naming it and the closest mapped keys.
   */
  public static AccelergyBreakdown inAccelergyTerms(ActionCounts counts, AccelergyTableSet set) {
    List<Part> parts = new ArrayList<>();
    for (ActionCounts.Entry c : counts.entries()) {
      AccelergyTableSet.BoundAction b =
          set.bound(c.action())
              .orElseThrow(() ->
                  new MissingEntryException(
                      "no Accelergy mapping for '"
                          + c.action().key()
                          + "' (component "
                          + c.component()
                          + ") in "
                          + set.mapping().file()
                          + "; closest mapped keys (by edit distance): "
                          + String.join(
                              ", ",
                              SpecMessages.nearestN(
                                  c.action().key(),
                                  set.energy().stream().map(x -> x.action().key()).toList(),
                                  3))));
      double count = (double) c.count() / b.countPerAction();
      parts.add(
          new Part(
              b.entry().component(),
              b.entry().action(),
              count,
              b.entry().energyPj(),
              count * b.entry().energyPj(),
              c.component(),
              c.action().key(),
              b.source()));
    }
    return withShares(parts);
  }

  private record Part(
      String component,
      String action,
      double count,
      double pj,
      double energy,
      String silicaComponent,
      String silicaAction,
      String source) {}

  private static AccelergyBreakdown withShares(List<Part> parts) {
    double total = 0;
    for (Part p : parts) {
      total += p.energy();
    }
    List<Row> rows = new ArrayList<>();
    for (Part p : parts) {
      rows.add(
          new Row(
              p.component(),
              p.action(),
              p.count(),
              p.pj(),
              p.energy(),
              total == 0 ? 0 : p.energy() / total,
              p.silicaComponent(),
              p.silicaAction(),
              p.source()));
    }
    return new AccelergyBreakdown(rows, total);
  }

  /**
   * The rows as CSV: {@link #CSV_HEADER}, then one line per row. Numbers are written exactly
   * (shortest form that reads back to the same double, no trailing {@code .0}); the share in
   * percent to 4 decimals. Fields with a comma or quote are quoted.
   */
  public String toCsv() {
    StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
    for (Row r : rows) {
      sb.append(field(r.component()))
          .append(',')
          .append(field(r.action()))
          .append(',')
          .append(AccelergyTables.plain(r.count()))
          .append(',')
          .append(AccelergyTables.plain(r.pjPerAction()))
          .append(',')
          .append(AccelergyTables.plain(r.energyPj()))
          .append(',')
          .append(String.format(Locale.ROOT, "%.4f", 100 * r.share()))
          .append(',')
          .append(field(r.silicaComponent()))
          .append(',')
          .append(field(r.silicaAction()))
          .append(',')
          .append(field(r.source()))
          .append('\n');
    }
    return sb.toString();
  }

  /** Writes {@link #toCsv()} to {@code file}. */
  public void writeCsv(Path file) {
    try {
      Files.writeString(file, toCsv(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String field(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
