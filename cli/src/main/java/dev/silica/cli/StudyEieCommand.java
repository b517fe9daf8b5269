package dev.silica.cli;

import dev.silica.accelerators.eie.EieConfig;
import dev.silica.accelerators.eie.EieStudy;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code silica study eie --report DIR}: the EIE paper's studies on the cycle-level model (the nine
 * benchmark layers, load balance against FIFO depth, scaling with PE count, the PE power and area
 * breakdown beside the paper's), written as CSV; the per-layer table is also printed.
 */
@Command(
    name = "eie",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Runs the EIE studies on eie-64 (Han et al., ISCA 2016): the nine benchmark layers, FIFO"
          + " depth 1..256 and PE count 1..256; writes layers.csv, fifo-depth.csv,"
          + " pe-scaling.csv and pe-breakdown.csv."
    })
final class StudyEieCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(
      names = {"-r", "--report"},
      required = true,
      paramLabel = "DIR",
      description = "Directory for the CSV files.")
  Path report;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "2016",
      description = "Seed of the weights and activations (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--scale-down",
      paramLabel = "F",
      defaultValue = "1",
      description =
          "Divide every layer's dimensions by F (densities kept) for a quick run (default:"
              + " ${DEFAULT-VALUE}, the paper's sizes).")
  int scaleDown;

  @Override
  public void run() {
    if (scaleDown < 1) {
      throw new CliException("--scale-down: must be at least 1, got " + scaleDown);
    }
    PrintWriter out = spec.commandLine().getOut();
    try {
      Files.createDirectories(report);
      for (Path p : EieStudy.writeAll(report, EieConfig.eie64(), seed, scaleDown)) {
        if (p.getFileName().toString().equals("layers.csv")) {
          out.print(Files.readString(p));
        }
        out.println("wrote " + p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.flush();
  }
}
