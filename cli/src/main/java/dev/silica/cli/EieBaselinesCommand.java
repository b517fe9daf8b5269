package dev.silica.cli;

import dev.silica.accelerators.studies.EieBaselines;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code silica study eie-baselines --report DIR}: the EIE paper's nine layers on its CPU and GPU
 * baselines, dense and sparse, batch 1 and 64, into {@code DIR/baselines.csv}.
 */
@Command(
    name = "eie-baselines",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "EIE's benchmark layers on i7-5930k, titan-x-maxwell and tegra-k1, dense and sparse, batch"
            + " 1 and 64: DIR/baselines.csv.")
final class EieBaselinesCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(
      names = {"-r", "--report"},
      required = true,
      paramLabel = "DIR",
      description = "Directory for baselines.csv.")
  Path report;

  @Override
  public void run() {
    StringBuilder csv =
        new StringBuilder(
            "platform,layer,batch,matrix,time_us,energy_uj,energy_tdp_bound_uj,bound,kernel\n");
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        Locale.ROOT,
        "%-16s %-8s %5s %-6s %12s %12s %s%n",
        "platform",
        "layer",
        "batch",
        "matrix",
        "time_us",
        "energy_uj",
        "bound");
    for (EieBaselines.Row r : EieBaselines.rows()) {
      csv.append(
              String.join(
                  ",",
                  r.platform(),
                  r.layer(),
                  Integer.toString(r.batch()),
                  r.matrix(),
                  StudyCommand.num(r.timeUs()),
                  StudyCommand.num(r.energyUj()),
                  StudyCommand.num(r.energyTdpBoundUj()),
                  r.bound(),
                  r.kernel()))
          .append('\n');
      out.printf(
          Locale.ROOT,
          "%-16s %-8s %5d %-6s %12.2f %12.2f %s%n",
          r.platform(),
          r.layer(),
          r.batch(),
          r.matrix(),
          r.timeUs(),
          r.energyUj(),
          r.bound());
    }
    // the EIE model's own results on the same nine layers, next to the baselines (batch 1, sparse
    // weights and activations at the paper's densities, cycle-level)
    for (dev.silica.accelerators.eie.EieStudy.LayerRow r :
        dev.silica.accelerators.eie.EieStudy.layers(
            dev.silica.accelerators.eie.EieConfig.eie64(), 1, 1)) {
      csv.append(
              String.join(
                  ",",
                  "eie-64",
                  r.layer(),
                  "1",
                  "sparse",
                  StudyCommand.num(r.timeUs()),
                  StudyCommand.num(r.energyUj()),
                  "",
                  "cycle-level",
                  "eie"))
          .append('\n');
      out.printf(
          Locale.ROOT,
          "%-16s %-8s %5d %-6s %12.2f %12.2f %s%n",
          "eie-64",
          r.layer(),
          1,
          "sparse",
          r.timeUs(),
          r.energyUj(),
          "cycle-level");
    }
    out.println("wrote " + StudyCommand.write(report, "baselines.csv", csv.toString()));
    out.flush();
  }
}
