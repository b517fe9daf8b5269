package dev.silica.benchmarks;

import dev.silica.accelerators.eie.EieBenchmark;
import dev.silica.accelerators.eie.EieConfig;
import dev.silica.accelerators.eie.EieLayerRun;
import dev.silica.accelerators.eie.EieSimulator;
import dev.silica.accelerators.eie.EieStudy;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Wall time of one cycle-level EIE layer run on eie-64 (64 PEs, FIFO depth 8): the paper's
 * benchmark layers at full size, Alex-6 (9216 × 4096, 9 % weights, 35.1 % activations) by default.
 * The goal is well under a second per Alex-6 run; the simulated cycles and MACs are reported next
 * to the time ({@code @AuxCounters}). Lowering (pruning, k-means, encoding) happens once in setup.
 *
 * <p>Run: {@code ./mvnw -P benchmarks -pl benchmarks -am package -DskipTests && java -jar
 * benchmarks/target/benchmarks.jar EieSpmvBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EieSpmvBenchmark {
  @Param({"Alex-6", "VGG-7", "NT-We"})
  public String layer;

  private EieStudy.Prepared prepared;

  /** Simulated work per run, reported beside the time. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Simulated {
    public long simulatedCycles;
    public long simulatedMacs;
  }

  @Setup(Level.Trial)
  public void setUp() {
    prepared = EieStudy.prepare(EieBenchmark.byId(layer), EieConfig.eie64(), 2016);
  }

  @Benchmark
  public EieLayerRun run(Simulated counters) {
    EieLayerRun r = EieSimulator.run(prepared.layer(), prepared.act(), prepared.cfg(), false);
    counters.simulatedCycles += r.cycles();
    counters.simulatedMacs += r.macs();
    return r;
  }
}
