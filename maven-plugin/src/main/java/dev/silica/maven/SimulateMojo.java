package dev.silica.maven;

import dev.silica.cli.Simulation;
import dev.silica.simulator.result.RunResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Simulates a workload on an accelerator ({@code silica simulate}): prints the per-layer table and
 * totals to the build log, writes the HTML report with its charts, the CSV tables and JSON into
 * {@code outputDirectory}, and checks the limits that are set.
 *
 * <p>Limits: {@code maxEnergyPerInferenceUj}, {@code maxLatencyUs}, {@code minTops}, {@code
 * maxAreaMm2} and {@code maxOutputErrorVsFp32} (see {@link Metrics} for their definitions). A
 * breach fails the build with the metric, its value and the limit, e.g. {@code latency_us = 35.2
 * exceeds maxLatencyUs = 10}; a limit whose metric the run lacks (an infeasible design, a model
 * without area, an output error without {@code numerics}) fails it as well.
 */
@Mojo(name = "simulate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class SimulateMojo extends SilicaMojo {

  /**
   * The workload: a zoo model ({@code lenet5}, {@code resnet50}, ...), a {@code .sir}, {@code
   * .onnx} or SCALE-Sim {@code .csv} file (relative to the project), or {@code zoo:NAME}, {@code
   * ir:FILE}, {@code onnx:FILE}, {@code scalesim:FILE}, {@code gemm:M,N,K}, {@code gemv:M,N}.
   */
  @Parameter(property = "silica.model", required = true)
  String model;

  /**
   * The accelerator: a preset ({@code tpu-v1}, {@code eyeriss-like}, {@code ws-16x16-int8}, {@code
   * eie-64}, {@code a100}, ...), an accelerator spec ({@code .yaml}) or {@code scalesim:FILE.cfg}.
   */
  @Parameter(property = "silica.accelerator", required = true)
  String accelerator;

  /**
   * Energy and area tables: {@code horowitz-45nm} (the default), {@code accelergy-45nm}, or a file
   * ({@code kind: energy_table}, or {@code kind: accelergy_mapping}).
   */
  @Parameter(property = "silica.energyTable")
  String energyTable;

  /**
   * Number format. On a systolic array {@code int8}, {@code fp16} or {@code bf16}: the functional
   * tier computes the outputs in that format (needed for {@code maxOutputErrorVsFp32}). On a CPU or
   * GPU model the compute format ({@code fp64} ... {@code int8}).
   */
  @Parameter(property = "silica.numerics")
  String numerics;

  /** Fidelity: {@code analytical} (default), {@code cycle_stepped} or {@code functional}. */
  @Parameter(property = "silica.fidelity")
  String fidelity;

  /** Seed of the weights and inputs of a functional run. */
  @Parameter(property = "silica.seed", defaultValue = "0")
  long seed;

  /** Batch of a {@code gemm:}/{@code gemv:} workload. */
  @Parameter(property = "silica.batch")
  Integer batch;

  /** Only these nodes (EIE accelerators), e.g. {@code fc6}, {@code fc7}. */
  @Parameter List<String> layers;

  /** Fails the build when the energy per inference, in microjoules, is above this. */
  @Parameter(property = "silica.maxEnergyPerInferenceUj")
  Double maxEnergyPerInferenceUj;

  /** Fails the build when the time of one run (one batch), in microseconds, is above this. */
  @Parameter(property = "silica.maxLatencyUs")
  Double maxLatencyUs;

  /** Fails the build when the throughput, in TOPS ({@code 2 · MACs / s / 1e12}), is below this. */
  @Parameter(property = "silica.minTops")
  Double minTops;

  /** Fails the build when the accelerator's area, in mm², is above this. */
  @Parameter(property = "silica.maxAreaMm2")
  Double maxAreaMm2;

  /**
   * Fails the build when the functional outputs differ from the FP32 reference execution by more
   * than this ({@code max|y - y_fp32| / max|y_fp32|}, the worst output); needs {@code numerics} on
   * a systolic array.
   */
  @Parameter(property = "silica.maxOutputErrorVsFp32")
  Double maxOutputErrorVsFp32;

  /** Creates the goal; Maven sets its parameters. */
  public SimulateMojo() {}

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("silica:simulate skipped");
      return;
    }
    Limits limits =
        new Limits()
            .max(
                "maxEnergyPerInferenceUj", Metrics.ENERGY_PER_INFERENCE_UJ, maxEnergyPerInferenceUj)
            .max("maxLatencyUs", Metrics.LATENCY_US, maxLatencyUs)
            .min("minTops", Metrics.TOPS, minTops)
            .max("maxAreaMm2", Metrics.AREA_MM2, maxAreaMm2)
            .max("maxOutputErrorVsFp32", Metrics.OUTPUT_ERROR_VS_FP32, maxOutputErrorVsFp32);
    headless();
    StringWriter err = new StringWriter();
    Simulation s;
    try (PrintWriter out = lines(getLog()::info)) {
      s = Simulation.run(arguments(), out, new PrintWriter(err));
    }
    if (s.exitCode() != 0 || s.result().isEmpty() || s.graph().isEmpty()) {
      throw new MojoExecutionException(failure("simulate", err.toString()));
    }
    RunResult result = s.result().get();
    if (!result.isFeasible()) {
      getLog().warn(result.model() + " on " + result.accelerator() + " is infeasible");
    }
    OptionalDouble error = OptionalDouble.empty();
    String errorMissing =
        "the run computed no outputs; set numerics (int8, fp16 or bf16) on a systolic array";
    if (maxOutputErrorVsFp32 != null && result.isFeasible()) {
      error = OutputError.vsFp32(s.graph().get(), result.outputs(), s.seed());
    }
    Metrics metrics = Metrics.of(result, error, errorMissing);
    enforce(limits, metrics);
  }

  /** Logs each limit's outcome and fails the build when any does not hold. */
  void enforce(Limits limits, Metrics metrics) throws MojoFailureException {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<Limits.Limit, Limits.Outcome> e : limits.check(metrics).entrySet()) {
      Limits.Outcome o = e.getValue();
      if (o.passed()) {
        getLog().info("limit ok: " + o.message() + " (" + metrics.label() + ")");
      } else {
        getLog().error("limit failed: " + o.message() + " (" + metrics.label() + ")");
        problems.add(o.message());
      }
    }
    if (!problems.isEmpty()) {
      throw new MojoFailureException(
          "Silica limit"
              + (problems.size() > 1 ? "s" : "")
              + " failed for "
              + metrics.label()
              + ": "
              + String.join("; ", problems));
    }
  }

  /** The {@code silica simulate} options for this configuration. */
  List<String> arguments() {
    List<String> a = new ArrayList<>();
    a.add("--model");
    a.add(resolve(model));
    a.add("--accelerator");
    a.add(resolve(accelerator));
    if (energyTable != null) {
      a.add("--energy-table");
      a.add(resolve(energyTable));
    }
    if (numerics != null) {
      a.add("--numerics");
      a.add(numerics);
    }
    if (fidelity != null) {
      a.add("--fidelity");
      a.add(fidelity);
    }
    a.add("--seed");
    a.add(Long.toString(seed));
    if (batch != null) {
      a.add("--batch");
      a.add(batch.toString());
    }
    if (layers != null && !layers.isEmpty()) {
      a.add("--layers");
      a.add(String.join(",", layers));
    }
    a.add("--report");
    a.add(outputDirectory.getAbsolutePath());
    return a;
  }
}
