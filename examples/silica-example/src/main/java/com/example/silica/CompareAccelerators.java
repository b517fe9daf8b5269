package com.example.silica;

import dev.silica.accelerators.Accelerators;
import dev.silica.reports.ComparisonReport;
import dev.silica.reports.RunReport;
import dev.silica.reports.TextTableRenderer;
import dev.silica.simulator.AcceleratorModel;
import dev.silica.simulator.result.RunResult;
import dev.silica.simulator.result.SimInvariants;
import dev.silica.workloads.ir.Gemm;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.GraphBuilder;
import dev.silica.workloads.ir.Relu;
import dev.silica.workloads.ir.TensorType;
import dev.silica.workloads.ir.ValueId;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Silica as a library: builds a small network in Silica's graph IR, runs it on two accelerator
 * models and prints them side by side.
 *
 * <p>Run it with {@code mvn compile exec:java -Dexec.mainClass=com.example.silica.CompareAccelerators}
 * (or pass other accelerator names as arguments); the test runs it on every build.
 */
public final class CompareAccelerators {
  private CompareAccelerators() {}

  /** A 784-256-10 multilayer perceptron (two fully connected layers), batch {@code batch}. */
  public static Graph mlp(int batch) {
    GraphBuilder g = new GraphBuilder("mlp-784-256-10");
    ValueId x = g.input("image", TensorType.f32(batch, 784));
    ValueId h =
        g.apply(
            "fc1",
            Gemm.fullyConnected(),
            x,
            g.parameter("fc1.weight", TensorType.f32(256, 784)),
            g.parameter("fc1.bias", TensorType.f32(256)));
    h = g.apply("fc1_relu", new Relu(), h);
    ValueId y =
        g.apply(
            "fc2",
            Gemm.fullyConnected(),
            h,
            g.parameter("fc2.weight", TensorType.f32(10, 256)),
            g.parameter("fc2.bias", TensorType.f32(10)));
    return g.output(y).build();
  }

  /** Runs {@code graph} on each accelerator and prints the comparison to {@code out}. */
  public static List<RunReport> compare(Graph graph, List<String> accelerators, PrintStream out) {
    List<RunResult> results = new ArrayList<>();
    List<RunReport> reports = new ArrayList<>();
    for (String name : accelerators) {
      AcceleratorModel model = Accelerators.create(name);
      RunResult r = SimInvariants.check(model.run(graph));
      results.add(r);
      reports.add(RunReport.of(r));
    }
    out.print(TextTableRenderer.render(ComparisonReport.of(results)));
    out.println();
    for (RunReport r : reports) {
      out.printf(
          Locale.ROOT,
          "%s on %s: %.3f us, %.3f uJ per inference, %.4f TOPS, %.2f mm2%n",
          r.model(),
          r.accelerator(),
          r.total().timeS() * 1e6,
          r.total().energyPj() / r.inferences() / 1e6,
          r.total().tops(),
          r.areaMm2());
    }
    RunReport a = reports.get(0);
    RunReport b = reports.get(1);
    out.printf(
        Locale.ROOT,
        "%s vs %s: %.2fx the latency, %.2fx the energy%n",
        a.accelerator(),
        b.accelerator(),
        a.total().timeS() / b.total().timeS(),
        a.total().energyPj() / b.total().energyPj());
    return reports;
  }

  /**
   * Prints the comparison of the MLP on two accelerators.
   *
   * @param args two accelerator names (default {@code tpu-v1} and {@code eyeriss-like})
   */
  public static void main(String[] args) {
    List<String> accelerators = args.length >= 2 ? List.of(args) : List.of("tpu-v1", "eyeriss-like");
    compare(mlp(1), accelerators, System.out);
  }
}
