package dev.silica.cli;

import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.GraphStats;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code silica ir check FILE}: parses and validates an IR file. On success prints {@code FILE: ok:
 * graph NAME, N nodes, P parameters, M MACs}; on error the parser's one line ({@code FILE:line:col:
 * message}) and exit code 2.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Parses and validates an IR file (syntax, names, shapes). Prints 'FILE: ok: ...' with the"
          + " graph's size, or the first error as 'FILE:line:col: message' and exits with 2."
    })
final class IrCheckCommand implements Runnable {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The .sir file to check.")
  String file;

  @Override
  public void run() {
    Graph g = IrSources.parseFile(file);
    GraphStats s = g.stats();
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        file
            + ": ok: graph "
            + g.name()
            + ", "
            + Units.exact(g.nodes().size())
            + " nodes, "
            + Units.exact(s.parameters())
            + " parameters, "
            + Units.exact(s.macs())
            + " MACs");
    out.flush();
  }
}
