package dev.silica.accelerators.tpu;

import java.util.List;

/**
 * A per-layer CSV for SCALE-Sim users: SCALE-Sim v2's {@code COMPUTE_REPORT.csv} columns first,
 * spelled and separated as SCALE-Sim writes them ({@code LayerID, Total Cycles, Stall Cycles,
 * Overall Util %, Mapping Efficiency %, Compute Util %,}, values joined by {@code ", "} with a
 * trailing comma, percentages as shortest round-trip decimals), so scripts that parse SCALE-Sim's
 * report read this one unchanged; then ours, with units in the names.
 *
 * <p>One row per graph node, {@code LayerID} counting from 0 in graph order; for a SCALE-Sim
 * topology every node is an array layer, so the IDs are SCALE-Sim's. Nodes off the array (the
 * activation pipeline, views) report 0 % for the three utilizations. The numbers are the analytical
 * tier's ({@link SystolicArrayModel}'s design comment gives the formulas; in SCALESIM_V2 timing
 * with CALC bandwidth they equal SCALE-Sim's, SystolicScaleSimFidelityTest).
 */
public final class ScaleSimComputeReport {
  /** SCALE-Sim v2's COMPUTE_REPORT.csv header (shared/refs/scalesim/cases/{@literal *}/). */
  public static final String SCALESIM_HEADER =
      "LayerID, Total Cycles, Stall Cycles, Overall Util %, Mapping Efficiency %, Compute Util %,";

  /** Our columns, after SCALE-Sim's. */
  public static final String SILICA_HEADER =
      " node, op_kind, unit, folds, compute_cycles, fill_drain_cycles, memory_stall_cycles,"
          + " vector_cycles, macs, ifmap_sram_reads, filter_sram_reads, ofmap_sram_writes,"
          + " dram_read_bytes, dram_write_bytes,";

  private ScaleSimComputeReport() {}

  /** The CSV text, header line first, one line per layer, each ending in a newline. */
  public static String csv(List<LayerAnalysis> layers) {
    StringBuilder sb = new StringBuilder();
    sb.append(SCALESIM_HEADER).append(SILICA_HEADER).append('\n');
    for (int i = 0; i < layers.size(); i++) {
      LayerAnalysis a = layers.get(i);
      boolean array = a.unit() == LayerAnalysis.Unit.ARRAY;
      Object[] row = {
        i,
        a.totalCycles(),
        a.stallCycles(),
        100 * a.overallUtilization(),
        array ? 100 * a.mappingEfficiency() : 0.0,
        array ? 100 * a.computeUtilization() : 0.0,
        a.node(),
        a.opKind(),
        a.unit().name().toLowerCase(java.util.Locale.ROOT),
        a.folds(),
        a.computeCycles(),
        a.fillDrainCycles(),
        a.stallCycles(),
        a.vectorCycles(),
        a.macs(),
        a.ifmapSramReads(),
        a.filterSramReads(),
        a.ofmapSramWrites(),
        a.dramReadBytes(),
        a.dramWriteBytes()
      };
      for (int j = 0; j < row.length; j++) {
        sb.append(j == 0 ? "" : " ").append(row[j]).append(',');
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
