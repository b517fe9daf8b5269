package dev.silica.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code silica study}: the papers' experiments and comparisons, rerun on the models. */
@Command(
    name = "study",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Studies that reproduce a paper's experiments as CSV data: EIE on its cycle-level model,"
            + " EIE's CPU/GPU baselines, the TPU paper's apps, multi-device parallelism.",
    subcommands = {
      StudyEieCommand.class,
      EieBaselinesCommand.class,
      TpuAppsCommand.class,
      ParallelStudyCommand.class
    })
final class StudyCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw Errors.missingSubcommand(spec);
  }

  /** Writes {@code text} to {@code dir/name}, creating {@code dir}; a file in its place fails. */
  static Path write(Path dir, String name, String text) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new CliException("--report " + dir + ": is a file, expected a directory");
    }
    try {
      Files.createDirectories(dir);
      Path f = dir.resolve(name);
      Files.writeString(f, text, StandardCharsets.UTF_8);
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A number for CSV: shortest round-trip decimal, empty for NaN. */
  static String num(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    return new java.math.BigDecimal(v)
        .round(new java.math.MathContext(6))
        .stripTrailingZeros()
        .toPlainString();
  }
}
