package dev.silica.cli;

import dev.silica.accelerators.Accelerators;
import dev.silica.accelerators.tpu.ScaleSimConfig;
import dev.silica.accelerators.tpu.SystolicArrayModel;
import dev.silica.reports.CsvRenderer;
import dev.silica.reports.HtmlReport;
import dev.silica.reports.JsonRenderer;
import dev.silica.reports.RunReport;
import dev.silica.reports.TextTableRenderer;
import dev.silica.simulator.AcceleratorModel;
import dev.silica.simulator.result.RunResult;
import dev.silica.simulator.result.SimInvariants;
import dev.silica.simulator.spec.SpecKind;
import dev.silica.simulator.spec.SpecLoader;
import dev.silica.workloads.ir.Graph;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code silica simulate --model M --accelerator A [--report DIR]}: runs a workload on an
 * accelerator model (analytical tier) and prints the per-layer table and totals; with {@code
 * --report} it also writes the HTML report with its charts, the CSV tables and JSON.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Simulates a workload on an accelerator: cycles, time, utilization, energy and area per"
          + " layer and in total. An infeasible design prints its reason."
    })
final class SimulateCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(
      names = {"-m", "--model"},
      required = true,
      paramLabel = "WORKLOAD",
      description =
          "A zoo model, a .sir/.onnx/.csv file, or zoo:NAME, ir:FILE, onnx:FILE, scalesim:FILE,"
              + " gemm:M,N,K, gemv:M,N.")
  String model;

  @Option(
      names = {"-a", "--accelerator"},
      required = true,
      paramLabel = "ACCEL",
      description =
          "A preset (tpu-v1, eyeriss-like, scalesim-google, scalesim-scale, i7-5930k,"
              + " xeon-e5-2699v3, xeon-platinum-8480, host, gtx-580, titan-x-maxwell, tegra-k1,"
              + " k80, v100, a100, h100, h200), an accelerator spec (.yaml) or scalesim:FILE.cfg.")
  String accelerator;

  @Option(
      names = {"-r", "--report"},
      paramLabel = "DIR",
      description = "Also write DIR/<model>-<accelerator>.html (charts), .csv tables and .json.")
  Path report;

  @Option(
      names = "--batch",
      paramLabel = "N",
      description = "Batch of a gemm:M,N,K or gemv:M,N workload (default 1).")
  Integer batch;

  @Option(
      names = "--numerics",
      paramLabel = "FORMAT",
      description =
          "Compute format of a CPU or GPU model: fp64, fp32, tf32, fp16, bf16, fp8, int8.")
  String numerics;

  @Override
  public void run() {
    AcceleratorModel accel = accelerator(accelerator);
    if (numerics != null) {
      accel = KernelWorkloads.withNumerics(accel, numerics);
    }
    Graph g;
    if (KernelWorkloads.isShorthand(model)) {
      g = KernelWorkloads.parse(model, batch == null ? 1 : batch);
    } else if (batch != null) {
      throw new CliException("--batch: applies to gemm:M,N,K and gemv:M,N workloads, got " + model);
    } else {
      g = IrSources.load(model);
    }
    RunResult result = accel.run(g);
    SimInvariants.check(result);
    RunReport r = RunReport.of(result);
    PrintWriter out = spec.commandLine().getOut();
    out.print(TextTableRenderer.render(r));
    String achieved = KernelWorkloads.achieved(accel, result);
    if (achieved != null) {
      out.println(achieved);
    }
    if (report != null) {
      String stem = (g.name() + "-" + accel.name()).replaceAll("[^A-Za-z0-9._-]", "_");
      try {
        Files.createDirectories(report);
        HtmlReport.Output html = HtmlReport.write(r, report, stem);
        CsvRenderer.write(r, report, stem);
        Files.writeString(
            report.resolve(stem + ".json"), JsonRenderer.render(r), StandardCharsets.UTF_8);
        out.println("wrote " + html.html() + " (and its charts, CSV tables and JSON)");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    out.flush();
  }

  private static AcceleratorModel accelerator(String a) {
    if (a.startsWith("scalesim:")) {
      Path cfg = Path.of(a.substring("scalesim:".length()));
      if (!Files.isRegularFile(cfg)) {
        throw new UncheckedIOException(new NoSuchFileException(cfg.toString()));
      }
      return new SystolicArrayModel(ScaleSimConfig.read(cfg));
    }
    if (a.endsWith(".yaml") || a.endsWith(".yml")) {
      Path file = Path.of(a);
      if (!Files.isRegularFile(file)) {
        throw new UncheckedIOException(new NoSuchFileException(a));
      }
      return Accelerators.fromSpec(SpecLoader.load(file, SpecKind.ACCELERATOR));
    }
    return Accelerators.create(a);
  }
}
