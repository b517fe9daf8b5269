package dev.silica.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code silica study}: studies that reproduce a paper's experiments as data. */
@Command(
    name = "study",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Studies that reproduce a paper's experiments as CSV data.",
    subcommands = {StudyEieCommand.class})
final class StudyCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw Errors.missingSubcommand(spec);
  }
}
