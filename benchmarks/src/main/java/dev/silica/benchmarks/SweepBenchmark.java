package dev.silica.benchmarks;

import dev.silica.explore.AcceleratorEvaluator;
import dev.silica.explore.Sweep;
import dev.silica.explore.SweepReport;
import dev.silica.explore.exec.LocalExecutor;
import dev.silica.explore.exec.ProgressReporter;
import dev.silica.explore.spec.SweepSpec;
import dev.silica.explore.store.ResultStore;
import dev.silica.workloads.zoo.Zoo;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Wall time of a 1,000-point design-space sweep of ResNet-50 (batch 1) on the systolic array's
 * analytical tier: 10 row counts × 10 column counts × 10 IFMAP SRAM sizes around TPU v1, through
 * the same path as {@code silica sweep} (spec expansion, {@link AcceleratorEvaluator}, a local
 * thread pool, constraint check, an in-memory result store). The goal (issue 8) is under a minute
 * on 2 cores; {@code threads} is the pool size.
 *
 * <p>Run: {@code ./mvnw -P benchmarks -pl benchmarks -am package -DskipTests && java -jar
 * benchmarks/target/benchmarks.jar SweepBenchmark -p threads=2}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class SweepBenchmark {
  static final String SPEC =
      """
      version: 1
      kind: sweep
      name: resnet50-1000
      base: tpu-v1
      workloads: [resnet50]
      axes:
        array.rows: {from: 32, to: 320, step: 32}
        array.cols: {from: 32, to: 320, step: 32}
        sram.ifmap_kib: {from: 2048, to: 20480, step: 2048}
      constraints: ["area_mm2 <= 1000"]
      objectives: [{minimize: time_s}, {minimize: energy_pj}]
      """;

  @Param({"2"})
  public int threads;

  private SweepSpec spec;
  private AcceleratorEvaluator evaluator;

  @Setup
  public void setUp() {
    evaluator = AcceleratorEvaluator.of("tpu-v1", Map.of("resnet50", Zoo.build("resnet50")));
    spec = SweepSpec.parse("resnet50-1000.yaml", SPEC, evaluator.space());
    if (spec.size() != 1000) {
      throw new IllegalStateException("expected 1000 points, got " + spec.size());
    }
  }

  /** One whole sweep; fails unless every point was evaluated. */
  @Benchmark
  public SweepReport sweep1000() throws InterruptedException {
    try (LocalExecutor ex = new LocalExecutor(evaluator, threads)) {
      SweepReport r = new Sweep(spec, ex, ResultStore.inMemory(), ProgressReporter.silent()).run();
      if (r.evaluated() != 1000) {
        throw new IllegalStateException("evaluated " + r.evaluated() + " of 1000 points");
      }
      return r;
    }
  }
}
