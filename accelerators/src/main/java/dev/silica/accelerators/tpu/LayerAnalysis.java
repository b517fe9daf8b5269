package dev.silica.accelerators.tpu;

import java.util.List;

/**
 * The analytical tier's numbers for one graph node, including SCALE-Sim's three utilization
 * definitions, which {@link dev.silica.simulator.result.LayerResult} does not carry.
 *
 * @param node the node name
 * @param opKind its op kind
 * @param unit where it runs
 * @param gemms the matrix products it was lowered to (empty unless {@code unit} is ARRAY)
 * @param folds array folds over all products and instances
 * @param computeCycles cycles streaming operands through a full array, {@code Σ folds · T · passes}
 * @param fillDrainCycles weight load, skew, fill and drain cycles (with SCALE-Sim's −1 per product
 *     instance in its timing)
 * @param stallCycles cycles waiting for DRAM (0 in CALC mode)
 * @param vectorCycles cycles on the activation pipeline
 * @param macs MACs on the array ({@code Σ m·n·k}, padding included as SCALE-Sim counts it)
 * @param peakMacsPerCycle {@code R · C} for array layers, 0 otherwise
 * @param mappingEfficiency SCALE-Sim's mapping efficiency: mean over folds of used PEs / PEs
 * @param computeUtilization SCALE-Sim's compute utilization: mean over folds of used PE-cycles over
 *     its fold length (see {@link SystolicArrayModel})
 * @param vectorOps element operations on the activation pipeline
 * @param ifmapSramReads IFMAP SRAM word reads
 * @param ifmapSramWrites IFMAP SRAM word writes (activation pipeline results: TPU v1's Activate
 *     writes the Unified Buffer)
 * @param filterSramReads FILTER SRAM word reads
 * @param ofmapSramWrites OFMAP SRAM word writes
 * @param ofmapSramReads OFMAP SRAM word reads (activation pipeline inputs: TPU v1's Activate reads
 *     the accumulators)
 * @param dramReadBytes bytes read from DRAM
 * @param dramWriteBytes bytes written to DRAM
 */
public record LayerAnalysis(
    String node,
    String opKind,
    Unit unit,
    List<GemmShape> gemms,
    long folds,
    long computeCycles,
    long fillDrainCycles,
    long stallCycles,
    long vectorCycles,
    long macs,
    long peakMacsPerCycle,
    double mappingEfficiency,
    double computeUtilization,
    long vectorOps,
    long ifmapSramReads,
    long ifmapSramWrites,
    long filterSramReads,
    long ofmapSramWrites,
    long ofmapSramReads,
    long dramReadBytes,
    long dramWriteBytes) {

  /** Where a node runs. */
  public enum Unit {
    /** Lowered to matrix products on the PE array (plus any bias or gate work on the pipeline). */
    ARRAY,
    /** Element-wise, pooling, normalisation or data movement on the activation pipeline. */
    VECTOR,
    /** A view (reshape, flatten, dropout at inference): no work. */
    VIEW
  }

  public LayerAnalysis {
    gemms = List.copyOf(gemms);
  }

  /** {@code compute + fill_drain + memory_stall + vector}. */
  public long totalCycles() {
    return computeCycles + fillDrainCycles + stallCycles + vectorCycles;
  }

  /** SCALE-Sim's overall utilization: {@code macs / (total cycles · R · C)}; 0 off the array. */
  public double overallUtilization() {
    long t = totalCycles();
    return peakMacsPerCycle == 0 || t == 0 ? 0.0 : (double) macs / ((double) t * peakMacsPerCycle);
  }
}
