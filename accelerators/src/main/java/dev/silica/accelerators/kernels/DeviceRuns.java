package dev.silica.accelerators.kernels;

import dev.silica.simulator.energy.ActionCounts;
import dev.silica.simulator.result.LayerResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns kernel times into a {@link LayerResult}, shared by the CPU and GPU models. */
public final class DeviceRuns {
  /** Cycle component for launch and synchronisation overhead. */
  public static final String OVERHEAD = "overhead";

  private DeviceRuns() {}

  /**
   * One layer from its kernels. {@code cycles = ⌈Σ seconds · clock⌉}, split into {@code overhead}
   * ({@code ⌊Σ overhead_s · clock⌋}), {@code compute} ({@code ⌈Σ compute_s · clock⌉}, capped) and
   * {@code memory_stall} (the rest: memory time not hidden under compute).
   */
  public static LayerResult layer(
      String node, String opKind, List<KernelTime> kernels, double clockHz, long peakMacsPerCycle) {
    double total = 0;
    double overhead = 0;
    double compute = 0;
    long macs = 0;
    ActionCounts actions = new ActionCounts();
    for (KernelTime k : kernels) {
      total += k.seconds();
      overhead += k.overheadS();
      compute += k.computeS();
      macs += k.macs();
      actions.addAll(k.actions());
    }
    long cycles = (long) Math.ceil(total * clockHz);
    long overheadC = Math.min(cycles, (long) Math.floor(overhead * clockHz));
    long computeC = Math.min(cycles - overheadC, (long) Math.ceil(compute * clockHz));
    Map<String, Long> breakdown = new LinkedHashMap<>();
    breakdown.put(LayerResult.COMPUTE, computeC);
    breakdown.put(LayerResult.MEMORY_STALL, cycles - overheadC - computeC);
    breakdown.put(OVERHEAD, overheadC);
    return new LayerResult(
        node, opKind, cycles, breakdown, macs, macs == 0 ? 0 : peakMacsPerCycle, actions);
  }
}
