package dev.silica.simulator.result;

import dev.silica.simulator.energy.ActionCounts;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one layer (graph node) cost.
 *
 * <p>{@code cycles} is split into named components that sum to it exactly (checked here): {@link
 * #COMPUTE} cycles the datapath spends on useful work, {@link #MEMORY_STALL} cycles waiting for
 * data that double buffering could not hide, {@link #FILL_DRAIN} pipeline fill and drain (systolic
 * skew), and any other named component a model needs. Utilization is a formula, {@code macs /
 * (peakMacsPerCycle · cycles)}, recomputed from the counters wherever it is needed and never
 * averaged.
 *
 * @param node the graph node's name
 * @param opKind the op kind ({@code Op.kind()}, e.g. {@code conv2d})
 * @param cycles total cycles of the layer
 * @param cycleBreakdown named cycle components, in insertion order, summing to {@code cycles}
 * @param macs multiply-accumulates performed (useful work, not padding)
 * @param peakMacsPerCycle the hardware's peak MACs per cycle for this layer's op (0 when the layer
 *     does no MACs on a MAC datapath)
 * @param actions the layer's action counts (frozen)
 */
public record LayerResult(
    String node,
    String opKind,
    long cycles,
    Map<String, Long> cycleBreakdown,
    long macs,
    long peakMacsPerCycle,
    ActionCounts actions) {
  public static final String COMPUTE = "compute";
  public static final String MEMORY_STALL = "memory_stall";
  public static final String FILL_DRAIN = "fill_drain";

  public LayerResult {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(opKind, "opKind");
    Objects.requireNonNull(actions, "actions");
    cycleBreakdown = Collections.unmodifiableMap(new LinkedHashMap<>(cycleBreakdown));
    long sum = 0;
    for (long c : cycleBreakdown.values()) {
      sum += c;
    }
    if (sum != cycles) {
      throw new IllegalStateException(
          "layer "
              + node
              + ": cycle breakdown "
              + cycleBreakdown
              + " sums to "
              + sum
              + ", not to cycles "
              + cycles);
    }
    actions = actions.frozen();
  }

  /** A layer whose cycles are the sum of {@code cycleBreakdown}. */
  public static LayerResult of(
      String node,
      String opKind,
      Map<String, Long> cycleBreakdown,
      long macs,
      long peakMacsPerCycle,
      ActionCounts actions) {
    long sum = 0;
    for (long c : cycleBreakdown.values()) {
      sum += c;
    }
    return new LayerResult(node, opKind, sum, cycleBreakdown, macs, peakMacsPerCycle, actions);
  }

  /** {@code macs / (peakMacsPerCycle · cycles)}; 0 when the denominator is 0. */
  public double utilization() {
    return utilization(macs, peakMacCycles());
  }

  /** The MAC capacity of the layer's cycles: {@code peakMacsPerCycle · cycles}. */
  public long peakMacCycles() {
    return Math.multiplyExact(peakMacsPerCycle, cycles);
  }

  /** The named component, 0 when absent. */
  public long cycles(String component) {
    return cycleBreakdown.getOrDefault(component, 0L);
  }

  static double utilization(long macs, long peakMacCycles) {
    return peakMacCycles == 0 ? 0.0 : (double) macs / peakMacCycles;
  }
}
