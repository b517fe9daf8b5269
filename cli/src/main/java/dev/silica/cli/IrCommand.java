package dev.silica.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code silica ir}: the workload IR text form ({@code .sir} files). */
@Command(
    name = "ir",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "The workload IR text form (.sir): print a model or file, check a file.",
    subcommands = {IrPrintCommand.class, IrCheckCommand.class})
final class IrCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw Errors.missingSubcommand(spec);
  }
}
