package dev.silica.reports;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Derived metrics of one layer, or of the whole run (the row named {@link RunReport#TOTAL}). See
 * {@link RunReport} for the formulas.
 *
 * @param name the graph node ({@code total} for the run row)
 * @param opKind the op kind ({@code conv2d}); empty for the run row
 * @param cycles cycles
 * @param cycleBreakdown named cycle components (compute, memory_stall, fill_drain, ...) summing to
 *     {@code cycles}
 * @param macs multiply-accumulates
 * @param peakMacCycles peak MACs per cycle × cycles (the utilization denominator)
 * @param timeS cycles / clock_hz, in seconds
 * @param tops 2·macs / time_s / 1e12, in tera-operations per second
 * @param utilization macs / peak_mac_cycles
 * @param energyPj energy in pJ (per layer: the layer's action counts at the run's prices)
 * @param energyByComponentPj energy per component in pJ, in first-use order
 * @param dramBytes bytes to and from DRAM
 * @param bytesByLevel bytes per memory level ({@code dram}, {@code sram}, {@code regfile})
 */
public record LayerReport(
    String name,
    String opKind,
    long cycles,
    Map<String, Long> cycleBreakdown,
    long macs,
    long peakMacCycles,
    double timeS,
    double tops,
    double utilization,
    double energyPj,
    Map<String, Double> energyByComponentPj,
    long dramBytes,
    Map<String, Long> bytesByLevel) {

  public LayerReport {
    cycleBreakdown = Collections.unmodifiableMap(new LinkedHashMap<>(cycleBreakdown));
    energyByComponentPj = Collections.unmodifiableMap(new LinkedHashMap<>(energyByComponentPj));
    bytesByLevel = Collections.unmodifiableMap(new LinkedHashMap<>(bytesByLevel));
  }

  /** Arithmetic operations: a MAC is two (a multiply and an add). */
  public long ops() {
    return Math.multiplyExact(2L, macs);
  }

  /**
   * Operational intensity against DRAM, {@code ops / dram_bytes} in ops/byte; {@link
   * Double#POSITIVE_INFINITY} when the layer moves no DRAM bytes.
   */
  public double opsPerDramByte() {
    return dramBytes == 0 ? Double.POSITIVE_INFINITY : (double) ops() / dramBytes;
  }

  /** Achieved {@code ops / time_s} in ops/s; 0 for a layer of zero cycles. */
  public double opsPerSecond() {
    return timeS == 0 ? 0 : ops() / timeS;
  }

  /** The named cycle component, 0 when absent. */
  public long cycles(String component) {
    return cycleBreakdown.getOrDefault(component, 0L);
  }

  /** The share of {@code cycles} spent in {@code component}; 0 for a layer of zero cycles. */
  public double cycleShare(String component) {
    return cycles == 0 ? 0 : (double) cycles(component) / cycles;
  }
}
