package dev.silica.cli;

import dev.silica.accelerators.Accelerators;
import dev.silica.accelerators.parallel.Interconnect;
import dev.silica.accelerators.parallel.Parallelism;
import dev.silica.accelerators.studies.DeviceKernels;
import dev.silica.simulator.AcceleratorModel;
import dev.silica.workloads.ir.Graph;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code silica study parallel}: speedup and efficiency of data parallelism, a layer pipeline and
 * the output split over N = 1…64 devices, and the AlexNet-on-two-GTX-580 estimate.
 */
@Command(
    name = "parallel",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Data parallel, pipeline and output-split speedup and efficiency for N = 1..64 devices.")
final class ParallelStudyCommand implements Runnable {
  static final int[] COUNTS = {1, 2, 4, 8, 16, 32, 64};

  /** ImageNet-1k training images and AlexNet's ~90 epochs (Krizhevsky et al. 2012; U here). */
  static final double IMAGES = 1.2e6;

  static final double EPOCHS = 90;

  @Spec CommandSpec spec;

  @Option(
      names = {"-m", "--model"},
      paramLabel = "WORKLOAD",
      defaultValue = "alexnet",
      description = "A batch-1 workload (default ${DEFAULT-VALUE}).")
  String model;

  @Option(
      names = {"-a", "--accelerator"},
      paramLabel = "DEVICE",
      defaultValue = "gtx-580",
      description = "A CPU or GPU preset (default ${DEFAULT-VALUE}).")
  String accelerator;

  @Option(
      names = "--interconnect",
      paramLabel = "LINK",
      defaultValue = "pcie2-x16",
      description = "pcie2-x16, pcie3-x16, nvlink2, nvlink3, nvlink4 (default ${DEFAULT-VALUE}).")
  String interconnect;

  @Option(
      names = "--batch",
      paramLabel = "N",
      defaultValue = "128",
      description = "Global batch (default ${DEFAULT-VALUE}).")
  int batch;

  @Option(
      names = {"-r", "--report"},
      paramLabel = "DIR",
      description = "Also write DIR/parallel.csv.")
  Path report;

  @Override
  public void run() {
    if (batch <= 0) {
      throw new CliException("--batch: must be a positive integer, got " + batch);
    }
    AcceleratorModel m = Accelerators.create(accelerator);
    DeviceKernels d = new DeviceKernels(m);
    Interconnect link = Interconnect.preset(interconnect);
    Graph g = IrSources.load(model);
    Parallelism p = new Parallelism(g, d::seconds, link, d.elementBytes());
    PrintWriter out = spec.commandLine().getOut();
    StringBuilder csv = new StringBuilder("strategy,devices,time_s,comm_s,speedup,efficiency\n");
    out.printf(
        Locale.ROOT,
        "%s on %s x N over %s, batch %d%n%-13s %7s %12s %12s %8s %10s%n",
        g.name(),
        m.name(),
        link.name(),
        batch,
        "strategy",
        "devices",
        "time_s",
        "comm_s",
        "speedup",
        "efficiency");
    for (String s : new String[] {"data", "pipeline", "output-split"}) {
      for (double[] row : p.curve(s, batch, COUNTS)) {
        out.printf(
            Locale.ROOT,
            "%-13s %7d %12.6f %12.6f %8.2f %10.3f%n",
            s,
            (int) row[0],
            row[1],
            row[2],
            row[3],
            row[4]);
        csv.append(
                String.join(
                    ",",
                    s,
                    Integer.toString((int) row[0]),
                    StudyCommand.num(row[1]),
                    StudyCommand.num(row[2]),
                    StudyCommand.num(row[3]),
                    StudyCommand.num(row[4])))
            .append('\n');
      }
    }
    // training with the two-GPU output split: forward + backward ~ 3 x the split forward pass
    double step = 3 * p.outputSplit(batch, 2).seconds();
    double days = step * EPOCHS * IMAGES / batch / 86400;
    out.printf(
        Locale.ROOT,
        "training estimate, output split on 2 devices: %.4f s per step of %d, %.1f days for %.0f"
            + " epochs of %.1fM images (AlexNet on 2 x GTX 580 took 5-6 days)%n",
        step,
        batch,
        days,
        EPOCHS,
        IMAGES / 1e6);
    if (report != null) {
      out.println("wrote " + StudyCommand.write(report, "parallel.csv", csv.toString()));
    }
    out.flush();
  }
}
