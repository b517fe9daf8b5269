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

  /**
   * A whole-graph run of a kernel-priced device (CPU or GPU): one {@link LayerResult} per node from
   * {@code layerOf}, the functional outputs in {@code format} when asked, the configuration echo,
   * and the listener hooks in order. The cycle-stepped tier does not exist for these models.
   */
  public static dev.silica.simulator.result.RunResult run(
      dev.silica.simulator.AcceleratorModel model,
      dev.silica.workloads.ir.Graph graph,
      dev.silica.simulator.RunOptions options,
      double clockHz,
      java.util.function.Function<dev.silica.workloads.ir.Node, LayerResult> layerOf,
      MathFormat format,
      Map<String, Object> echo,
      dev.silica.simulator.energy.EnergyTable... tables) {
    if (options.fidelity() == dev.silica.simulator.Fidelity.CYCLE_STEPPED) {
      throw new IllegalArgumentException(
          model.name()
              + ": fidelity cycle_stepped is not implemented (expected one of: analytical,"
              + " functional)");
    }
    dev.silica.simulator.result.RunResult.Builder b =
        dev.silica.simulator.result.RunResult.builder(graph.name(), model.name(), clockHz);
    List<dev.silica.workloads.ir.Node> nodes = graph.nodes();
    for (int i = 0; i < nodes.size(); i++) {
      dev.silica.workloads.ir.Node n = nodes.get(i);
      options.listener().onLayerStart(i, n);
      LayerResult lr = layerOf.apply(n);
      b.layer(lr);
      options.listener().onLayerEnd(i, lr);
    }
    if (options.fidelity() == dev.silica.simulator.Fidelity.FUNCTIONAL) {
      b.outputs(Functional.outputs(graph, format, options.seed()));
    }
    dev.silica.simulator.result.RunResult r = b.energyTables(tables).config(echo).build();
    options.listener().onRunEnd(r);
    return r;
  }
}
