package dev.silica.simulator.result;

import dev.silica.simulator.energy.ActionCounts;
import dev.silica.simulator.energy.AreaBreakdown;
import dev.silica.simulator.energy.EnergyBreakdown;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that a {@link RunResult} is internally consistent; a violation is a simulator bug and
 * throws {@link IllegalStateException} with the state that broke it. Checked:
 *
 * <ul>
 *   <li>no negative counter: cycles, cycle components, MACs, peak rate, action counts, energy and
 *       area rows;
 *   <li>each layer's cycle components sum to its cycles;
 *   <li>0 ≤ utilization ≤ 1 per layer and for the run, and MACs on zero peak are a bug;
 *   <li>totals = Σ layers (cycles, each cycle component, MACs, peak MAC-cycles, action counts);
 *   <li>energy total = Σ breakdown rows, each row = count × price; area likewise (relative
 *       tolerance 1e-9);
 *   <li>an infeasible run has no layers and zero totals.
 * </ul>
 */
public final class SimInvariants {
  /** Relative tolerance for floating-point sums. */
  public static final double REL_TOL = 1e-9;

  private SimInvariants() {}

  /**
   * Returns {@code r} when every invariant holds; otherwise throws {@link IllegalStateException}.
   */
  public static RunResult check(RunResult r) {
    String who = r.model() + " on " + r.accelerator();
    if (!r.isFeasible()) {
      if (!r.layers().isEmpty() || r.totals().cycles() != 0 || r.totals().macs() != 0) {
        fail(
            who,
            "an infeasible run must have no layers and zero totals, got "
                + r.layers().size()
                + " layers, totals "
                + r.totals());
      }
    }
    for (LayerResult l : r.layers()) {
      String at = who + ", layer " + l.node();
      nonNegative(at, "cycles", l.cycles());
      nonNegative(at, "macs", l.macs());
      nonNegative(at, "peak_macs_per_cycle", l.peakMacsPerCycle());
      long sum = 0;
      for (Map.Entry<String, Long> e : l.cycleBreakdown().entrySet()) {
        nonNegative(at, "cycles." + e.getKey(), e.getValue());
        sum += e.getValue();
      }
      if (sum != l.cycles()) {
        fail(
            at,
            "cycle breakdown " + l.cycleBreakdown() + " sums to " + sum + ", not " + l.cycles());
      }
      checkActions(at, l.actions());
      if (l.macs() > 0 && l.peakMacCycles() == 0) {
        fail(
            at,
            "macs "
                + l.macs()
                + " on peak_macs_per_cycle "
                + l.peakMacsPerCycle()
                + " x cycles "
                + l.cycles());
      }
      utilization(
          at,
          l.utilization(),
          "macs "
              + l.macs()
              + ", peak_macs_per_cycle "
              + l.peakMacsPerCycle()
              + ", cycles "
              + l.cycles());
    }
    Totals expected = Totals.of(r.layers());
    Totals t = r.totals();
    equal(who, "totals.cycles", t.cycles(), expected.cycles(), r.layers());
    equal(who, "totals.macs", t.macs(), expected.macs(), r.layers());
    equal(who, "totals.peak_mac_cycles", t.peakMacCycles(), expected.peakMacCycles(), r.layers());
    if (!nonZero(t.cycleBreakdown()).equals(nonZero(expected.cycleBreakdown()))) {
      fail(
          who,
          "totals.cycle_breakdown "
              + t.cycleBreakdown()
              + " != sum of layers "
              + expected.cycleBreakdown());
    }
    checkActions(who + ", totals", t.actions());
    if (!t.actions().equals(expected.actions())) {
      fail(who, "totals.actions " + t.actions() + " != sum of layers " + expected.actions());
    }
    utilization(who, t.utilization(), "totals " + t);
    checkEnergy(who, r.energy());
    checkArea(who, r.area());
    return r;
  }

  private static void checkActions(String at, ActionCounts counts) {
    for (ActionCounts.Entry e : counts.entries()) {
      if (e.count() < 0) {
        fail(
            at,
            "action count "
                + e.component()
                + ":"
                + e.action().key()
                + " is negative: "
                + e.count());
      }
    }
  }

  private static void checkEnergy(String who, EnergyBreakdown energy) {
    for (EnergyBreakdown.Row row : energy.rows()) {
      String at = who + ", energy row " + row.component() + ":" + row.action();
      if (row.count() < 0 || row.pjEach() < 0 || row.energyPj() < 0) {
        fail(at, "negative energy: " + row);
      }
      if (!close(row.energyPj(), row.count() * row.pjEach())) {
        fail(
            at,
            "energy_pj "
                + row.energyPj()
                + " != count "
                + row.count()
                + " x pj_each "
                + row.pjEach());
      }
    }
    if (!close(energy.totalPj(), energy.sumOfRowsPj())) {
      fail(
          who,
          "energy total "
              + num(energy.totalPj())
              + " pJ != sum of breakdown "
              + num(energy.sumOfRowsPj())
              + " pJ ("
              + energy.rows().size()
              + " rows)");
    }
  }

  private static void checkArea(String who, AreaBreakdown area) {
    for (AreaBreakdown.Row row : area.rows()) {
      if (row.count() < 0 || row.um2Each() < 0 || row.areaUm2() < 0) {
        fail(who + ", area row " + row.instance(), "negative area: " + row);
      }
    }
    if (!close(area.totalUm2(), area.sumOfRowsUm2())) {
      fail(
          who,
          "area total "
              + num(area.totalUm2())
              + " um2 != sum of breakdown "
              + num(area.sumOfRowsUm2())
              + " um2");
    }
  }

  private static void utilization(String at, double u, String state) {
    if (!(u >= 0 && u <= 1 + REL_TOL)) {
      fail(at, "utilization must be in [0, 1], got " + u + " (" + state + ")");
    }
  }

  private static void nonNegative(String at, String what, long v) {
    if (v < 0) {
      fail(at, what + " is negative: " + v);
    }
  }

  private static void equal(
      String who, String what, long actual, long expected, List<LayerResult> layers) {
    if (actual != expected) {
      Map<String, Long> per = new LinkedHashMap<>();
      for (LayerResult l : layers) {
        per.put(
            l.node(),
            what.endsWith("cycles")
                ? l.cycles()
                : what.endsWith("macs") ? l.macs() : l.peakMacCycles());
      }
      fail(who, what + " " + actual + " != sum of layers " + expected + " " + per);
    }
  }

  private static Map<String, Long> nonZero(Map<String, Long> m) {
    Map<String, Long> out = new LinkedHashMap<>();
    m.forEach((k, v) -> {
      if (v != 0) {
        out.put(k, v);
      }
    });
    return out;
  }

  /** Shortest exact decimal form: {@code 721}, {@code 0.3}. */
  private static String num(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.toString(v);
    }
    return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
  }

  private static boolean close(double a, double b) {
    return Math.abs(a - b) <= REL_TOL * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
  }

  private static void fail(String where, String what) {
    throw new IllegalStateException("invariant broken: " + where + ": " + what);
  }
}
