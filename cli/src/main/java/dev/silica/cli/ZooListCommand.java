package dev.silica.cli;

import dev.silica.workloads.ir.GraphStats;
import dev.silica.workloads.zoo.Zoo;
import dev.silica.workloads.zoo.ZooModel;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code silica zoo list}: one line per model with its parameters and MACs. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Lists every model of the zoo: name, parameters, MACs (multiply-accumulates for one"
          + " input, batch 1) and description.",
      "Counts are shown in SI units with the exact value in parentheses."
    })
final class ZooListCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      converter = OutputFormat.Converter.class,
      completionCandidates = OutputFormat.Names.class,
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    Table exact = new Table("model", "params", "macs", "nodes", "description", "source");
    Table human = new Table("model", "params", "macs", "description");
    for (ZooModel m : Zoo.models()) {
      var graph = m.build();
      GraphStats s = graph.stats();
      exact.row(
          m.name(),
          s.parameters(),
          s.macs(),
          (long) graph.nodes().size(),
          m.description(),
          m.source());
      human.row(
          m.name(),
          Units.countWithExact(s.parameters()),
          Units.countWithExact(s.macs()),
          m.description());
    }
    switch (format) {
      case TABLE -> out.print(human.text());
      case CSV -> out.print(exact.csv());
      case JSON -> out.println(exact.json().text());
    }
    out.flush();
  }
}
