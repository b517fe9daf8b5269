package dev.silica.benchmarks;

import dev.silica.workloads.exec.Precision;
import dev.silica.workloads.exec.ReferenceExecutor;
import dev.silica.workloads.exec.SeededInit;
import dev.silica.workloads.exec.Weights;
import dev.silica.workloads.ir.Conv2d;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.GraphBuilder;
import dev.silica.workloads.ir.MatMul;
import dev.silica.workloads.ir.TensorType;
import dev.silica.workloads.ir.ValueId;
import dev.silica.workloads.tensor.Tensor;
import java.util.Map;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * FP32 throughput of the reference executor's product kernels: a 1024³ GEMM and the convolution
 * shapes of ResNet-50 (torchvision v1.5: conv1, a 3x3 of each stage, a 1x1 expand). The {@code
 * gflop} counter reports GFLOP/s (2 FLOP per MAC) next to the time per call; compare it with the
 * machine's peak (cores × SIMD lanes × 2 for FMA × clock).
 *
 * <p>Run: {@code ./mvnw -P benchmarks -pl benchmarks -am package -DskipTests && java -jar
 * benchmarks/target/benchmarks.jar ExecutorBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExecutorBenchmark {
  /** Layer shapes as {@code name:C:H:M:k:stride}; {@code gemm1024} is the 1024³ matrix product. */
  @Param({
    "gemm1024",
    "conv1:3:224:64:7:2",
    "layer1_3x3:64:56:64:3:1",
    "layer2_3x3:128:28:128:3:1",
    "layer3_3x3:256:14:256:3:1",
    "layer4_3x3:512:7:512:3:1",
    "layer3_1x1_expand:256:14:1024:1:1"
  })
  public String layer;

  private ReferenceExecutor executor;
  private Graph graph;
  private Weights weights;
  private Map<ValueId, Tensor> inputs;
  private double gflopPerCall;

  /** GFLOP done, reported as a rate by JMH. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Flops {
    public double gflop;

    @Setup(Level.Iteration)
    public void reset() {
      gflop = 0;
    }
  }

  @Setup
  public void setUp() {
    graph = layer.equals("gemm1024") ? gemm(1024) : conv(layer.split(":"));
    gflopPerCall = 2.0 * graph.stats().macs() / 1e9;
    weights = SeededInit.forGraph(graph, 1);
    inputs = SeededInit.inputs(graph, 1);
    executor = new ReferenceExecutor(Precision.FP32);
  }

  @TearDown
  public void tearDown() {
    executor.close();
  }

  @Benchmark
  public Map<ValueId, Tensor> run(Flops flops) {
    flops.gflop += gflopPerCall;
    return executor.run(graph, inputs, weights);
  }

  private static Graph gemm(int n) {
    GraphBuilder b = new GraphBuilder("gemm");
    ValueId a = b.input("a", TensorType.f32(n, n));
    ValueId w = b.parameter("b", TensorType.f32(n, n));
    return b.output(b.apply("y", new MatMul(), a, w)).build();
  }

  private static Graph conv(String[] f) {
    int c = Integer.parseInt(f[1]);
    int h = Integer.parseInt(f[2]);
    int m = Integer.parseInt(f[3]);
    int k = Integer.parseInt(f[4]);
    int s = Integer.parseInt(f[5]);
    GraphBuilder b = new GraphBuilder(f[0]);
    ValueId x = b.input("x", TensorType.f32(1, c, h, h));
    ValueId w = b.parameter("w", TensorType.f32(m, c, k, k));
    return b.output(b.apply("y", Conv2d.of(s, k / 2), x, w)).build();
  }
}
