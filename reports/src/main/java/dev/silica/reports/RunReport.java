package dev.silica.reports;

import dev.silica.simulator.energy.Action;
import dev.silica.simulator.energy.ActionCounts;
import dev.silica.simulator.energy.AreaBreakdown;
import dev.silica.simulator.energy.EnergyBreakdown;
import dev.silica.simulator.result.Infeasible;
import dev.silica.simulator.result.LayerResult;
import dev.silica.simulator.result.RunResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Everything a report shows about one run, derived once from a {@link RunResult}; the renderers
 * only format it.
 *
 * <h2>Metrics and formulas</h2>
 *
 * <p>Per layer and for the run (the row named {@value #TOTAL}), from the counters of the result:
 *
 * <ul>
 *   <li>{@code cycles}, and the <b>stall breakdown</b>: the result's named cycle components ({@code
 *       compute}, {@code memory_stall}, {@code fill_drain}, ...), which sum to {@code cycles};
 *   <li>{@code time_s = cycles / clock_hz};
 *   <li>{@code ops = 2 · macs} (a MAC is a multiply and an add), {@code tops = ops / time_s /
 *       1e12};
 *   <li>{@code utilization = macs / (peak_macs_per_cycle · cycles)}, recomputed from the sums for
 *       the run (never a mean of layer ratios);
 *   <li>{@code energy_pj}: the run's value is the stored energy total; a layer's is its action
 *       counts priced at the run's own per-row prices ({@code Σ count · pj_each}), so the layers
 *       add up to the run up to rounding;
 *   <li>{@code dram_bytes} and bytes per memory level, from the action counts ({@link
 *       MemoryTraffic}): bits / 8, rounded up.
 * </ul>
 *
 * <p>For the run only:
 *
 * <ul>
 *   <li>{@code inferences}: the config echo's {@code batch} (or {@code batch_size}), else 1; {@code
 *       inferences_per_s = inferences / time_s};
 *   <li>{@code power_w = energy_pj · 1e-12 / time_s} (average over the run);
 *   <li>{@code tops_per_w = tops / power_w = ops / energy_pj} (an op per pJ is a TOPS per W);
 *   <li>{@code inferences_per_j = inferences / (energy_pj · 1e-12)};
 *   <li>energy by component and by action, and area by component, are the result's breakdown rows,
 *       each naming the table, entry and source that priced it; {@code area_mm2 = area_um2 / 1e6}.
 * </ul>
 *
 * <h2>Roofline</h2>
 *
 * <p>A layer's point is {@code (ops / dram_bytes, ops / time_s)}. The roof is {@code min(peak,
 * bandwidth · intensity)}: the peak is {@code 2 · peak_macs_per_cycle · clock_hz} from the config
 * echo key {@code peak_macs_per_cycle} (at any nesting), else the largest per-layer peak; the DRAM
 * bandwidth comes from a config echo key that names {@code dram} and ends in {@code
 * bytes_per_cycle} (times the clock) or {@code bytes_per_s}. When the result does not say, the roof
 * is unknown and reports say so rather than guess.
 *
 * <h2>Not derived here</h2>
 *
 * <p>Nothing is averaged across layers; a quantity that is zero in the denominator gives 0 (or
 * infinity for an intensity with no DRAM bytes), never NaN. An infeasible run has no layers and
 * zero totals; its reason is kept.
 *
 * @param model the workload
 * @param accelerator the accelerator configuration
 * @param infeasibleReason empty for a feasible run
 * @param clockHz the clock
 * @param inferences inferences per run (batch size)
 * @param layers per-layer metrics, in execution order
 * @param total the run's metrics
 * @param energyRows energy by component and action, with their table entries
 * @param areaRows area by component instance, with their table entries
 * @param memoryTraffic bytes per level and component
 * @param roof the machine's roofline
 * @param config the resolved configuration echo, flattened to dotted keys
 */
public record RunReport(
    String model,
    String accelerator,
    Optional<String> infeasibleReason,
    double clockHz,
    long inferences,
    List<LayerReport> layers,
    LayerReport total,
    List<EnergyBreakdown.Row> energyRows,
    List<AreaBreakdown.Row> areaRows,
    List<MemoryTraffic> memoryTraffic,
    Roof roof,
    Map<String, Object> config) {

  /** The name of the run row. */
  public static final String TOTAL = "total";

  public RunReport {
    Objects.requireNonNull(infeasibleReason, "infeasibleReason");
    layers = List.copyOf(layers);
    energyRows = List.copyOf(energyRows);
    areaRows = List.copyOf(areaRows);
    memoryTraffic = List.copyOf(memoryTraffic);
    config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
  }

  /** Derives every metric of {@code result}. */
  public static RunReport of(RunResult result) {
    double clock = result.clockHz();
    Map<String, Double> prices = new HashMap<>();
    for (EnergyBreakdown.Row row : result.energy().rows()) {
      prices.put(row.component() + "\u0000" + row.action(), row.pjEach());
    }
    List<LayerReport> layers = new ArrayList<>();
    for (LayerResult l : result.layers()) {
      Map<String, Double> byComponent = new LinkedHashMap<>();
      double energy = 0;
      for (ActionCounts.Entry e : l.actions().entries()) {
        Double pj = prices.get(e.component() + "\u0000" + e.action().key());
        if (pj == null) {
          throw new IllegalStateException(
              result.model()
                  + " on "
                  + result.accelerator()
                  + ", layer "
                  + l.node()
                  + ": action "
                  + e.component()
                  + ":"
                  + e.action().key()
                  + " has no row in the run's energy breakdown");
        }
        double pjTotal = e.count() * pj;
        byComponent.merge(e.component(), pjTotal, Double::sum);
        energy += pjTotal;
      }
      layers.add(
          metrics(
              l.node(),
              l.opKind(),
              l.cycles(),
              l.cycleBreakdown(),
              l.macs(),
              l.peakMacCycles(),
              clock,
              energy,
              byComponent,
              l.actions()));
    }
    LayerReport total =
        metrics(
            TOTAL,
            "",
            result.totals().cycles(),
            result.totals().cycleBreakdown(),
            result.totals().macs(),
            result.totals().peakMacCycles(),
            clock,
            result.energy().totalPj(),
            result.energy().byComponent(),
            result.totals().actions());
    Map<String, Object> config = flatten(result.config());
    return new RunReport(
        result.model(),
        result.accelerator(),
        result.feasibility() instanceof Infeasible(String reason)
            ? Optional.of(reason)
            : Optional.empty(),
        clock,
        inferences(config),
        layers,
        total,
        result.energy().rows(),
        result.area().rows(),
        traffic(result.totals().actions()),
        roof(config, result, clock),
        config);
  }

  public boolean isFeasible() {
    return infeasibleReason.isEmpty();
  }

  /** {@code inferences / time_s}; 0 for a run of zero time. */
  public double inferencesPerS() {
    return total.timeS() == 0 ? 0 : inferences / total.timeS();
  }

  /** Total energy in joules. */
  public double energyJ() {
    return total.energyPj() * 1e-12;
  }

  /** Average power {@code energy_j / time_s} in watts; 0 for a run of zero time. */
  public double powerW() {
    return total.timeS() == 0 ? 0 : energyJ() / total.timeS();
  }

  /** {@code ops / energy_pj} (TOPS per watt); 0 when no energy was counted. */
  public double topsPerW() {
    return total.energyPj() == 0 ? 0 : total.ops() / total.energyPj();
  }

  /** {@code inferences / energy_j}; 0 when no energy was counted. */
  public double inferencesPerJ() {
    return total.energyPj() == 0 ? 0 : inferences / energyJ();
  }

  /** Total area in µm². */
  public double areaUm2() {
    double a = 0;
    for (AreaBreakdown.Row r : areaRows) {
      a += r.areaUm2();
    }
    return a;
  }

  public double areaMm2() {
    return areaUm2() / 1e6;
  }

  /** Energy per component in pJ, in first-row order. */
  public Map<String, Double> energyByComponentPj() {
    return total.energyByComponentPj();
  }

  /** Energy per action key in pJ (summed over components), in first-row order. */
  public Map<String, Double> energyByActionPj() {
    Map<String, Double> out = new LinkedHashMap<>();
    energyRows.forEach(r -> out.merge(r.action(), r.energyPj(), Double::sum));
    return out;
  }

  /** Area per instance in µm², in row order. */
  public Map<String, Double> areaByComponentUm2() {
    Map<String, Double> out = new LinkedHashMap<>();
    areaRows.forEach(r -> out.merge(r.instance(), r.areaUm2(), Double::sum));
    return out;
  }

  /** Bytes per memory level, farthest level first. */
  public Map<String, Long> bytesByLevel() {
    return total.bytesByLevel();
  }

  /** The names of the cycle components over all layers, in first-use order. */
  public List<String> cycleComponents() {
    return List.copyOf(total.cycleBreakdown().keySet());
  }

  /** The names of energy components, in first-row order. */
  public List<String> energyComponents() {
    return List.copyOf(total.energyByComponentPj().keySet());
  }

  /** The run's headline numbers, keys carrying units, in a fixed order. */
  public Map<String, Number> summary() {
    Map<String, Number> m = new LinkedHashMap<>();
    m.put("cycles", total.cycles());
    m.put("time_s", total.timeS());
    m.put("inferences", inferences);
    m.put("inferences_per_s", inferencesPerS());
    m.put("macs", total.macs());
    m.put("ops", total.ops());
    m.put("tops", total.tops());
    m.put("utilization", total.utilization());
    m.put("energy_pj", total.energyPj());
    m.put("power_w", powerW());
    m.put("tops_per_w", topsPerW());
    m.put("inferences_per_j", inferencesPerJ());
    m.put("area_um2", areaUm2());
    m.put("dram_bytes", total.dramBytes());
    return m;
  }

  private static LayerReport metrics(
      String name,
      String opKind,
      long cycles,
      Map<String, Long> breakdown,
      long macs,
      long peakMacCycles,
      double clock,
      double energyPj,
      Map<String, Double> energyByComponent,
      ActionCounts actions) {
    double time = cycles / clock;
    double tops = time == 0 ? 0 : 2.0 * macs / time / 1e12;
    double util = peakMacCycles == 0 ? 0 : (double) macs / peakMacCycles;
    Map<String, Long> levels = new LinkedHashMap<>();
    for (String level : MemoryTraffic.LEVELS) {
      long bytes = 0;
      for (MemoryTraffic t : traffic(actions)) {
        if (t.level().equals(level)) {
          bytes += t.bytes();
        }
      }
      levels.put(level, bytes);
    }
    return new LayerReport(
        name,
        opKind,
        cycles,
        breakdown,
        macs,
        peakMacCycles,
        time,
        tops,
        util,
        energyPj,
        energyByComponent,
        levels.get("dram"),
        levels);
  }

  /** Bits per (level, component), read and write, turned into bytes at the end. */
  static List<MemoryTraffic> traffic(ActionCounts actions) {
    Map<String, long[]> bits = new LinkedHashMap<>();
    for (ActionCounts.Entry e : actions.entries()) {
      Action a = e.action();
      String name = a.name();
      long width = a.attributes().getOrDefault("width_bits", 0L);
      String level;
      int dir;
      long moved;
      if (a.equals(Action.DRAM_READ_BITS) || a.equals(Action.DRAM_WRITE_BITS)) {
        level = "dram";
        dir = a.equals(Action.DRAM_READ_BITS) ? 0 : 1;
        moved = e.count();
      } else if (name.equals("dram.read") || name.equals("dram.write")) {
        level = "dram";
        dir = name.endsWith("read") ? 0 : 1;
        moved = Math.multiplyExact(e.count(), width);
      } else if (name.startsWith("sram.") || name.startsWith("regfile.")) {
        level = name.substring(0, name.indexOf('.'));
        String op = name.substring(name.indexOf('.') + 1);
        if (!op.equals("read") && !op.equals("write")) {
          continue;
        }
        dir = op.equals("read") ? 0 : 1;
        moved = Math.multiplyExact(e.count(), width);
      } else {
        continue;
      }
      bits.computeIfAbsent(level + "\u0000" + e.component(), k -> new long[2])[dir] += moved;
    }
    List<MemoryTraffic> out = new ArrayList<>();
    for (String level : MemoryTraffic.LEVELS) {
      bits.forEach((key, rw) -> {
        String[] p = key.split("\u0000", 2);
        if (p[0].equals(level)) {
          out.add(new MemoryTraffic(level, p[1], Math.ceilDiv(rw[0], 8), Math.ceilDiv(rw[1], 8)));
        }
      });
    }
    return out;
  }

  private static long inferences(Map<String, Object> config) {
    for (String key : List.of("batch", "batch_size")) {
      if (config.get(key) instanceof Number n && n.longValue() > 0) {
        return n.longValue();
      }
    }
    return 1;
  }

  private static Roof roof(Map<String, Object> config, RunResult result, double clock) {
    OptionalDouble peak = OptionalDouble.empty();
    String peakSource = "unknown: no peak_macs_per_cycle in the config echo or the layers";
    for (Map.Entry<String, Object> e : config.entrySet()) {
      if ((e.getKey().equals("peak_macs_per_cycle") || e.getKey().endsWith(".peak_macs_per_cycle"))
          && e.getValue() instanceof Number n
          && n.doubleValue() > 0) {
        peak = OptionalDouble.of(2 * n.doubleValue() * clock);
        peakSource = "config " + e.getKey() + " = " + n + " x 2 ops x clock_hz";
        break;
      }
    }
    if (peak.isEmpty()) {
      long max = 0;
      for (LayerResult l : result.layers()) {
        max = Math.max(max, l.peakMacsPerCycle());
      }
      if (max > 0) {
        peak = OptionalDouble.of(2.0 * max * clock);
        peakSource = "largest layer peak_macs_per_cycle = " + max + " x 2 ops x clock_hz";
      }
    }
    OptionalDouble bw = OptionalDouble.empty();
    String bwSource =
        "unknown: no dram ..._bytes_per_cycle or ..._bytes_per_s key in the config echo";
    for (Map.Entry<String, Object> e : config.entrySet()) {
      String k = e.getKey();
      if (!k.contains("dram") || !(e.getValue() instanceof Number n) || n.doubleValue() <= 0) {
        continue;
      }
      if (k.endsWith("bytes_per_cycle")) {
        bw = OptionalDouble.of(n.doubleValue() * clock);
        bwSource = "config " + k + " = " + n + " x clock_hz";
        break;
      }
      if (k.endsWith("bytes_per_s")) {
        bw = OptionalDouble.of(n.doubleValue());
        bwSource = "config " + k + " = " + n;
        break;
      }
    }
    return new Roof(peak, bw, peakSource, bwSource);
  }

  /** Nested maps become dotted keys; everything else is kept as is, in order. */
  static Map<String, Object> flatten(Map<String, Object> config) {
    Map<String, Object> out = new LinkedHashMap<>();
    flatten("", config, out);
    return out;
  }

  private static void flatten(String prefix, Map<?, ?> map, Map<String, Object> out) {
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = prefix + e.getKey();
      if (e.getValue() instanceof Map<?, ?> inner) {
        flatten(key + ".", inner, out);
      } else {
        out.put(key, e.getValue());
      }
    }
  }
}
