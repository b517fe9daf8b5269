package dev.silica.accelerators.eie;

/**
 * What one layer did on the EIE model: cycles by component, PE occupancy, work and the counts the
 * energy model prices. Produced by {@link EieSimulator}; all counts are sums over PEs and output
 * batches.
 *
 * @param layer the layer's name
 * @param cycles total cycles ({@code compute + fillDrain + io})
 * @param computeCycles cycles in which at least one PE processed an entry or read pointers
 * @param fillDrainCycles LNZD latency, first-broadcast and arithmetic-pipeline drain cycles
 * @param ioCycles activation SRAM load/store cycles in which no PE worked
 * @param busyPeCycles PE-cycles spent on entries or on pointer reads of empty columns
 * @param bubblePeCycles PE-cycles idle during compute cycles (load imbalance and starvation)
 * @param entries sparse-matrix entries processed, fillers included
 * @param macs useful multiply-accumulates (non-filler entries × non-zero activations)
 * @param paddingEntries filler entries processed
 * @param pointerReads pointer pairs read (one per PE per activation popped)
 * @param spmatReads sparse-matrix SRAM reads ({@code width}-bit words)
 * @param accumulatorReads destination register reads (entries not served by the bypass)
 * @param bypasses entries whose accumulator came over the bypass path
 * @param broadcasts non-zero activations broadcast
 * @param activationsScanned input activations the LNZD tree scanned (per output batch)
 * @param queuePushes activation-queue writes (broadcasts × N)
 * @param actSramReads activation SRAM reads (input batches loaded into the source register files)
 * @param actSramWrites activation SRAM writes (outputs stored when they exceed the register files)
 * @param outputs raw 16-bit outputs (after ReLU when the layer has it), or null when not kept
 */
public record EieLayerRun(
    String layer,
    long cycles,
    long computeCycles,
    long fillDrainCycles,
    long ioCycles,
    long busyPeCycles,
    long bubblePeCycles,
    long entries,
    long macs,
    long paddingEntries,
    long pointerReads,
    long spmatReads,
    long accumulatorReads,
    long bypasses,
    long broadcasts,
    long activationsScanned,
    long queuePushes,
    long actSramReads,
    long actSramWrites,
    int[] outputs) {

  /**
   * Load-balance efficiency, EIE's {@code 1 − bubble cycles / total cycles} taken over the compute
   * cycles: {@code 1 − bubblePeCycles / (N · computeCycles)}; 1 when there was no compute.
   */
  public double loadBalance(int pes) {
    return computeCycles == 0
        ? 1.0
        : 1.0 - (double) bubblePeCycles / ((double) pes * computeCycles);
  }

  /** Fraction of processed entries that were fillers. */
  public double paddingFraction() {
    return entries == 0 ? 0 : (double) paddingEntries / entries;
  }
}
