package dev.silica.cli;

import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.text.IrPrinter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code silica ir print MODEL|FILE}: the IR text form of a zoo model or of a parsed file. */
@Command(
    name = "print",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Prints the IR text form of a zoo model or of an IR file (parsed, checked and printed"
          + " again, so the output is in canonical form)."
    })
final class IrPrintCommand implements Runnable {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "MODEL|FILE",
      description = "A zoo model name (see 'silica zoo list') or a path to a .sir file.")
  String source;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE instead of standard output; refuses to overwrite it.")
  String output;

  @Option(names = "--force", description = "With -o: overwrite FILE if it exists.")
  boolean force;

  @Override
  public void run() {
    if (output != null) {
      // Refuse before the (possibly slow) build, not after.
      Path target = Path.of(output);
      if (!force && Files.exists(target)) {
        throw new CliException(output + " already exists; use --force to overwrite it");
      }
      Path parent = target.toAbsolutePath().getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        throw new CliException("cannot write " + output + ": no directory " + parent);
      }
    }
    Graph g = IrSources.load(source);
    String text = IrPrinter.print(g);
    PrintWriter out = spec.commandLine().getOut();
    if (output == null) {
      out.print(text);
      out.flush();
      return;
    }
    Path file = Path.of(output);
    try {
      if (force) {
        Files.writeString(file, text, StandardCharsets.UTF_8);
      } else {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
      }
    } catch (FileAlreadyExistsException e) {
      throw new CliException(output + " already exists; use --force to overwrite it");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println("wrote " + output + " (graph " + g.name() + ", " + g.nodes().size() + " nodes)");
    out.flush();
  }
}
