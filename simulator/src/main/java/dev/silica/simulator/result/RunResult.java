package dev.silica.simulator.result;

import dev.silica.simulator.energy.AreaBreakdown;
import dev.silica.simulator.energy.AreaTable;
import dev.silica.simulator.energy.EnergyBreakdown;
import dev.silica.simulator.energy.EnergyModel;
import dev.silica.simulator.energy.EnergyTable;
import dev.silica.simulator.stats.Aggregation;
import dev.silica.simulator.stats.Metric;
import dev.silica.simulator.stats.Unit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of running one graph on one accelerator configuration.
 *
 * <h2>Design</h2>
 *
 * <p><b>One result model for every accelerator.</b> A CPU, GPU, systolic array or EIE model all
 * return this record; reports, sweeps and the CLI see nothing else (they never import a model).
 *
 * <p><b>Counters, not derived numbers.</b> Per layer: cycles split into named components that sum
 * to the total, MACs, the peak MAC rate and the action counts. Utilization, time and energy are
 * derived from those: utilization is {@code Σmacs / Σ(peak · cycles)} (a formula, never a mean of
 * per-layer ratios), time is {@code cycles / clock_hz}, energy is the action counts priced by an
 * energy table. Totals and the energy total are stored alongside so that {@link SimInvariants} can
 * check them against the parts: totals = Σ layers, energy = Σ breakdown rows, 0 ≤ utilization ≤ 1,
 * no negative counter.
 *
 * <p><b>Infeasible is a value.</b> A run the model cannot do has {@link Infeasible} feasibility, no
 * layers and zero totals; a sweep records it and goes on.
 *
 * <p><b>Provenance.</b> {@code config} is the fully resolved configuration (ordered, plain values)
 * so the point can be rerun alone; each energy and area row names its table entry and source.
 * Functional {@code outputs} (tensors, when a model computes values) are opaque here: the simulator
 * module does not interpret them.
 *
 * <p><b>Units in names.</b> {@link #summary()} keys carry units: {@code cycles}, {@code time_s},
 * {@code energy_pj}, {@code area_um2}, {@code dram_bytes}. Order is deterministic (insertion order
 * everywhere).
 *
 * @param model the workload's name (the graph's name)
 * @param accelerator the accelerator configuration's name
 * @param feasibility feasible, or infeasible with the reason
 * @param clockHz the clock the cycles are counted in
 * @param layers per-layer results, in execution order
 * @param totals sums over the layers
 * @param energy energy by component and action
 * @param area area by component instance
 * @param config the resolved configuration echo, ordered
 * @param outputs functional outputs by name (opaque; empty when not computed)
 */
public record RunResult(
    String model,
    String accelerator,
    Feasibility feasibility,
    double clockHz,
    List<LayerResult> layers,
    Totals totals,
    EnergyBreakdown energy,
    AreaBreakdown area,
    Map<String, Object> config,
    Map<String, Object> outputs) {

  /**
   * The summary metrics, with units, descriptions and aggregation rules, keyed as in {@link
   * #summary()}.
   */
  public static final List<Metric> SUMMARY_METRICS =
      List.of(
          Metric.sum("cycles", Unit.CYCLES, "total cycles over all layers"),
          Metric.sum("time_s", Unit.SECONDS, "cycles / clock_hz"),
          Metric.sum("macs", Unit.MACS, "multiply-accumulates performed"),
          new Metric(
              "utilization",
              Unit.RATIO,
              "macs / (peak macs per cycle x cycles), summed over layers",
              Aggregation.FORMULA),
          Metric.sum("energy_pj", Unit.PJ, "sum of the energy breakdown"),
          Metric.max("area_um2", Unit.UM2, "sum of the area breakdown"),
          Metric.sum(
              "dram_bytes", Unit.BYTES, "bytes moved to and from DRAM (dram.*.bits counts / 8)"));

  public RunResult {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(accelerator, "accelerator");
    Objects.requireNonNull(feasibility, "feasibility");
    Objects.requireNonNull(totals, "totals");
    Objects.requireNonNull(energy, "energy");
    Objects.requireNonNull(area, "area");
    if (!(clockHz > 0) || Double.isInfinite(clockHz)) {
      throw new IllegalArgumentException(
          accelerator + ": clock_hz must be positive, got " + clockHz);
    }
    layers = List.copyOf(layers);
    config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
    outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
  }

  /** An infeasible run: no layers, zero totals, empty energy and area. */
  public static RunResult infeasible(
      String model, String accelerator, double clockHz, String reason, Map<String, Object> config) {
    return new RunResult(
        model,
        accelerator,
        new Infeasible(reason),
        clockHz,
        List.of(),
        Totals.zero(),
        EnergyBreakdown.empty(),
        AreaBreakdown.empty(),
        config,
        Map.of());
  }

  public boolean isFeasible() {
    return feasibility.isFeasible();
  }

  public long cycles() {
    return totals.cycles();
  }

  /** {@code cycles / clock_hz}. */
  public double timeSeconds() {
    return totals.cycles() / clockHz;
  }

  public double energyPj() {
    return energy.totalPj();
  }

  public double areaUm2() {
    return area.totalUm2();
  }

  /**
   * Bytes moved to and from DRAM: the {@code dram.read.bits} and {@code dram.write.bits} counts of
   * all components, over 8 (rounded up).
   */
  public long dramBytes() {
    long bits =
        totals.actions().total(dev.silica.simulator.energy.Action.DRAM_READ_BITS)
            + totals.actions().total(dev.silica.simulator.energy.Action.DRAM_WRITE_BITS);
    return Math.ceilDiv(bits, 8);
  }

  /** Run utilization, recomputed from the totals. */
  public double utilization() {
    return totals.utilization();
  }

  /** The layer for node {@code name}. */
  public LayerResult layer(String name) {
    for (LayerResult l : layers) {
      if (l.node().equals(name)) {
        return l;
      }
    }
    throw new IllegalArgumentException(model + " on " + accelerator + ": no layer '" + name + "'");
  }

  /** Headline numbers keyed with units ({@link #SUMMARY_METRICS}), in a fixed order. */
  public Map<String, Number> summary() {
    Map<String, Number> m = new LinkedHashMap<>();
    m.put("cycles", cycles());
    m.put("time_s", timeSeconds());
    m.put("macs", totals.macs());
    m.put("utilization", utilization());
    m.put("energy_pj", energyPj());
    m.put("area_um2", areaUm2());
    m.put("dram_bytes", dramBytes());
    return m;
  }

  /** Starts a feasible result; totals and energy are computed by {@link Builder#build()}. */
  public static Builder builder(String model, String accelerator, double clockHz) {
    return new Builder(model, accelerator, clockHz);
  }

  /** Collects layers, then prices the summed action counts and the area items. */
  public static final class Builder {
    private final String model;
    private final String accelerator;
    private final double clockHz;
    private final List<LayerResult> layers = new ArrayList<>();
    private final List<AreaBreakdown.Item> areaItems = new ArrayList<>();
    private List<EnergyTable> energyTables = List.of();
    private List<AreaTable> areaTables = List.of();
    private Map<String, Object> config = Map.of();
    private Map<String, Object> outputs = Map.of();

    private Builder(String model, String accelerator, double clockHz) {
      this.model = model;
      this.accelerator = accelerator;
      this.clockHz = clockHz;
    }

    public Builder layer(LayerResult layer) {
      layers.add(layer);
      return this;
    }

    /**
     * The tables that price the actions (first match wins); required when any action was counted.
     */
    public Builder energyTables(EnergyTable... tables) {
      this.energyTables = List.of(tables);
      return this;
    }

    /** The design's components and the tables that price them. */
    public Builder area(List<AreaBreakdown.Item> items, AreaTable... tables) {
      this.areaItems.addAll(items);
      this.areaTables = List.of(tables);
      return this;
    }

    public Builder config(Map<String, Object> resolvedConfig) {
      this.config = resolvedConfig;
      return this;
    }

    public Builder outputs(Map<String, Object> functionalOutputs) {
      this.outputs = functionalOutputs;
      return this;
    }

    public RunResult build() {
      Totals totals = Totals.of(layers);
      EnergyBreakdown energy =
          totals.actions().isEmpty()
              ? EnergyBreakdown.empty()
              : EnergyModel.evaluate(totals.actions(), energyTables);
      AreaBreakdown area =
          areaItems.isEmpty()
              ? AreaBreakdown.empty()
              : EnergyModel.area(areaItems, areaTables.toArray(AreaTable[]::new));
      return new RunResult(
          model,
          accelerator,
          Feasibility.feasible(),
          clockHz,
          layers,
          totals,
          energy,
          area,
          config,
          outputs);
    }
  }
}
