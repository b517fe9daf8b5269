package dev.silica.benchmarks;

import dev.silica.accelerators.tpu.SystolicArrayConfig;
import dev.silica.accelerators.tpu.SystolicArrayModel;
import dev.silica.simulator.result.RunResult;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.zoo.Zoo;
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
 * Wall time of the systolic array's analytical tier on ResNet-50 (torchvision v1.5, 1×3×224×224,
 * every node) on a 128×128 array in each dataflow: the speed goal is "well under a second"
 * for the whole network. The graph is built once in {@code @Setup}; each call runs the model
 * (lowering, closed form per node, energy and area pricing) and returns the result. For scale,
 * SCALE-Sim v2 takes 30–40 s for AlexNet's five conv layers on a 128×128 array and did not finish
 * ResNet-50 on 32×32 within 10 minutes (shared/refs/scalesim/README.md).
 *
 * <p>Run: {@code ./mvnw -P benchmarks -pl benchmarks -am package -DskipTests && java -jar
 * benchmarks/target/benchmarks.jar SystolicBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SystolicBenchmark {
  /** The array's dataflow. */
  @Param({"ws", "os", "is"})
  public String dataflow;

  private Graph resnet50;
  private SystolicArrayModel model;

  @Setup
  public void setUp() {
    resnet50 = Zoo.build("resnet50");
    SystolicArrayConfig base = SystolicArrayConfig.preset("scalesim-google").withArray(128, 128);
    model =
        new SystolicArrayModel(
            base.withDataflow(
                dev.silica.accelerators.tpu.Dataflow.valueOf(
                    dataflow.toUpperCase(java.util.Locale.ROOT))));
  }

  /** ResNet-50 on 128×128, analytical tier. */
  @Benchmark
  public RunResult resnet50Analytical128() {
    return model.run(resnet50);
  }
}
