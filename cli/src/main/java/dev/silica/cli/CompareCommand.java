package dev.silica.cli;

import dev.silica.reports.ComparisonReport;
import dev.silica.reports.CsvRenderer;
import dev.silica.reports.HtmlReport;
import dev.silica.reports.JsonRenderer;
import dev.silica.reports.TextTableRenderer;
import dev.silica.simulator.AcceleratorModel;
import dev.silica.simulator.result.RunResult;
import dev.silica.simulator.result.SimInvariants;
import dev.silica.workloads.ir.Graph;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code silica compare --model M --accelerators A,B,... [--report DIR]}: runs one workload on
 * several accelerators (any name the registry knows, a spec file or {@code scalesim:FILE.cfg}) and
 * prints them side by side; {@code --report} writes the comparison HTML page (latency, energy by
 * component, TOPS/W, area, energy-latency Pareto scatter), its CSV and JSON.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Runs one workload on several accelerators and compares latency, throughput, energy,"
          + " efficiency and area. An infeasible accelerator is listed with its reason."
    })
final class CompareCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(
      names = {"-m", "--model"},
      required = true,
      paramLabel = "WORKLOAD",
      description =
          "A zoo model, a .sir/.onnx/.csv file, or zoo:NAME, ir:FILE, onnx:FILE, scalesim:FILE.")
  String model;

  @Option(
      names = {"-a", "--accelerators"},
      required = true,
      split = ",",
      paramLabel = "ACCEL",
      description =
          "Comma-separated accelerators: registered names (see 'silica simulate --help'), spec"
              + " files (.yaml) or scalesim:FILE.cfg; at least two.")
  List<String> accelerators;

  @Option(
      names = {"-r", "--report"},
      paramLabel = "DIR",
      description = "Also write DIR/<model>-comparison.html (charts), .csv and .json.")
  Path report;

  @Override
  public void run() {
    List<String> names = new ArrayList<>(new LinkedHashSet<>(accelerators));
    if (names.size() < 2) {
      throw new CliException(
          "--accelerators: must name at least two different accelerators, got " + names);
    }
    List<AcceleratorModel> models = new ArrayList<>();
    for (String a : names) {
      models.add(SimulateCommand.accelerator(a));
    }
    Graph g = IrSources.load(model);
    List<RunResult> results = new ArrayList<>();
    for (AcceleratorModel m : models) {
      results.add(SimInvariants.check(m.run(g)));
    }
    ComparisonReport c = ComparisonReport.of(results);
    PrintWriter out = spec.commandLine().getOut();
    out.print(TextTableRenderer.render(c));
    if (report != null) {
      String stem = (g.name() + "-comparison").replaceAll("[^A-Za-z0-9._-]", "_");
      try {
        Files.createDirectories(report);
        HtmlReport.Output html = HtmlReport.write(c, report, stem);
        CsvRenderer.write(report.resolve(stem + ".csv"), CsvRenderer.comparison(c));
        Files.writeString(
            report.resolve(stem + ".json"), JsonRenderer.render(c), StandardCharsets.UTF_8);
        out.println("wrote " + html.html() + " (and its charts, CSV and JSON)");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    out.flush();
  }
}
