package dev.silica.explore;

import dev.silica.explore.spec.ParameterSpace;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An analytical toy accelerator for sweep tests: a rows × cols array with an SRAM of sram_kib. Its
 * formulas are arbitrary but smooth and pure; points with rows·cols over 65536 are infeasible.
 * Counts evaluations per point hash.
 */
final class ToyModel implements Evaluator {
  static final ParameterSpace SPACE = ParameterSpace.of("array.rows", "array.cols", "sram.kib");

  final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final long sleepMillis;

  ToyModel(long sleepMillis) {
    this.sleepMillis = sleepMillis;
  }

  ToyModel() {
    this(0);
  }

  int totalCalls() {
    return calls.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  @Override
  public PointResult evaluate(DesignPoint p) {
    calls.computeIfAbsent(p.hash(), h -> new AtomicInteger()).incrementAndGet();
    if (sleepMillis > 0) {
      try {
        Thread.sleep(sleepMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    double rows = p.number("array.rows");
    double cols = p.number("array.cols");
    double sram = p.params().containsKey("sram.kib") ? p.number("sram.kib") : 256;
    if (rows * cols > 65536) {
      return PointResult.infeasible(p, "array of " + (long) (rows * cols) + " PEs exceeds 65536");
    }
    double macs = 1e9;
    double util =
        Math.min(1, 256 / rows) * Math.min(1, 256 / cols) * (0.5 + 0.5 * sram / (sram + 128));
    double cycles = macs / (rows * cols * util);
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("cycles", cycles);
    m.put("energy_pj", macs * 0.9 + cycles * (rows + cols) * 0.37 + macs * 6.0 / Math.sqrt(sram));
    m.put("area_mm2", rows * cols * 0.0021 + sram * 0.0125);
    m.put("throughput_inf_per_s", 7e8 / cycles);
    return PointResult.feasible(p, m);
  }
}
