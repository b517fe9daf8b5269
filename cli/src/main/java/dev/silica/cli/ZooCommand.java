package dev.silica.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code silica zoo}: the built-in models and their accounting. */
@Command(
    name = "zoo",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "The built-in models: list them, show one layer by layer, write a report.",
    subcommands = {ZooListCommand.class, ZooShowCommand.class, ZooReportCommand.class})
final class ZooCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw Errors.missingSubcommand(spec);
  }
}
