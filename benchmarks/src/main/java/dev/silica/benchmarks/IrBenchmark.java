package dev.silica.benchmarks;

import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.GraphStats;
import dev.silica.workloads.text.IrParser;
import dev.silica.workloads.text.IrPrinter;
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
 * How fast the IR front end handles a large network: building a zoo graph (shape inference on every
 * node), accounting it, and a text-form round trip. Design-space sweeps build and account a graph
 * per point, so these bound their set-up cost.
 *
 * <p>Run: {@code ./mvnw -P benchmarks -pl benchmarks -am package -DskipTests && java -jar
 * benchmarks/target/benchmarks.jar IrBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class IrBenchmark {
  @Param({"resnet50", "vgg16"})
  public String model;

  private Graph graph;
  private String text;

  @Setup
  public void setUp() {
    graph = Zoo.build(model);
    text = IrPrinter.print(graph);
  }

  @Benchmark
  public Graph build() {
    return Zoo.build(model);
  }

  @Benchmark
  public GraphStats stats() {
    return graph.stats();
  }

  @Benchmark
  public String print() {
    return IrPrinter.print(graph);
  }

  @Benchmark
  public Graph parse() {
    return IrParser.parse(text, model + ".sir");
  }
}
