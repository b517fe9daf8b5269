package dev.silica.simulator.result;

import dev.silica.simulator.energy.ActionCounts;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Run totals. Stored, not derived, so {@link SimInvariants} can check that a model's totals equal
 * the sum of its layers; {@link #of(List)} computes them correctly.
 *
 * @param cycles Σ layer cycles
 * @param cycleBreakdown Σ per named component
 * @param macs Σ layer MACs
 * @param peakMacCycles Σ peakMacsPerCycle · cycles, the denominator of run utilization
 * @param actions Σ layer action counts
 */
public record Totals(
    long cycles,
    Map<String, Long> cycleBreakdown,
    long macs,
    long peakMacCycles,
    ActionCounts actions) {
  public Totals {
    cycleBreakdown = Collections.unmodifiableMap(new LinkedHashMap<>(cycleBreakdown));
    actions = actions.frozen();
  }

  /** The sums over {@code layers}. */
  public static Totals of(List<LayerResult> layers) {
    long cycles = 0;
    long macs = 0;
    long peak = 0;
    Map<String, Long> breakdown = new LinkedHashMap<>();
    ActionCounts actions = new ActionCounts();
    for (LayerResult l : layers) {
      cycles += l.cycles();
      macs += l.macs();
      peak += l.peakMacCycles();
      l.cycleBreakdown().forEach((k, v) -> breakdown.merge(k, v, Long::sum));
      actions.addAll(l.actions());
    }
    return new Totals(cycles, breakdown, macs, peak, actions);
  }

  public static Totals zero() {
    return new Totals(0, Map.of(), 0, 0, ActionCounts.empty());
  }

  /** Run utilization {@code Σmacs / Σ(peak · cycles)}, recomputed, never a mean of layers. */
  public double utilization() {
    return LayerResult.utilization(macs, peakMacCycles);
  }
}
