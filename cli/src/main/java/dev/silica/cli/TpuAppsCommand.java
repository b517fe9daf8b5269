package dev.silica.cli;

import dev.silica.accelerators.studies.TpuComparison;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code silica study tpu-apps [--report DIR]}: the TPU paper's apps on its CPU, GPU and TPU with
 * TOPS and roofline positions.
 */
@Command(
    name = "tpu-apps",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "The TPU paper's apps (zoo tpu-*) on xeon-e5-2699v3, k80 and tpu-v1: TOPS and roofline.")
final class TpuAppsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(
      names = {"-r", "--report"},
      paramLabel = "DIR",
      description = "Also write DIR/tpu-apps.csv.")
  Path report;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    StringBuilder csv =
        new StringBuilder(
            "platform,app,batch,time_us,tops,peak_tops,macs_per_weight_byte,roofline_tops,"
                + "energy_uj\n");
    out.printf(
        Locale.ROOT,
        "%-16s %-10s %5s %12s %9s %9s %10s %9s%n",
        "platform",
        "app",
        "batch",
        "time_us",
        "tops",
        "peak",
        "macs/wB",
        "roofline");
    for (TpuComparison.Row r : TpuComparison.rows()) {
      out.printf(
          Locale.ROOT,
          "%-16s %-10s %5d %12.1f %9.3f %9.3f %10.1f %9.3f%n",
          r.platform(),
          r.app(),
          r.batch(),
          r.timeUs(),
          r.tops(),
          r.peakTops(),
          r.macsPerWeightByte(),
          r.rooflineTops());
      csv.append(
              String.join(
                  ",",
                  r.platform(),
                  r.app(),
                  Integer.toString(r.batch()),
                  StudyCommand.num(r.timeUs()),
                  StudyCommand.num(r.tops()),
                  StudyCommand.num(r.peakTops()),
                  StudyCommand.num(r.macsPerWeightByte()),
                  StudyCommand.num(r.rooflineTops()),
                  StudyCommand.num(r.energyUj())))
          .append('\n');
    }
    if (report != null) {
      out.println("wrote " + StudyCommand.write(report, "tpu-apps.csv", csv.toString()));
    }
    out.flush();
  }
}
