package dev.silica.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code silica} command: the entry point of the shaded jar that {@code ./silica} runs.
 *
 * <p>Exit codes: 0 success; 2 bad input (unknown model or option, malformed IR, missing file),
 * reported as one line on standard error; 1 a bug in silica, also one line. No stack trace reaches
 * the user (set {@code SILICA_STACKTRACE=1} to see one for a bug). {@link #run} is the same command
 * line with its streams passed in, which the tests call in-process.
 */
@Command(
    name = "silica",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Silica: a pure-Java hardware simulator and accelerator-modeling framework for deep"
          + " learning.",
      "",
      "Counts parameters, MACs and activation memory of the model zoo, and reads and writes the"
          + " workload IR text form (.sir)."
    },
    subcommands = {
      ZooCommand.class,
      IrCommand.class,
      RunCommand.class,
      SimulateCommand.class,
      CompressCommand.class,
      SweepCommand.class,
      CompareCommand.class,
      ScriptCommand.class,
      StudyCommand.class,
      QuantizeCommand.class,
      TrainCommand.class,
      AccuracyCommand.class,
      HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:a bug in silica (one line on stderr; SILICA_STACKTRACE=1 shows where)",
      "2:bad input: unknown model or option, malformed IR, missing file (one line on stderr)"
    },
    footer = {"", "Run 'silica COMMAND --help' for a command's options."})
public final class SilicaCli implements Runnable {
  @Spec CommandSpec spec;

  /** Exit code for bad input. */
  static final int USAGE = 2;

  /** Exit code for a bug in silica. */
  static final int BUG = 1;

  @Override
  public void run() {
    throw Errors.missingSubcommand(spec);
  }

  /** The configured command line writing to {@code out} and {@code err}. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return configure(new CommandLine(new SilicaCli()), out, err);
  }

  /** Sets the streams and error handlers on {@code cl} and the subcommands it has now. */
  static CommandLine configure(CommandLine cl, PrintWriter out, PrintWriter err) {
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler(Errors::handleUsageError);
    cl.setExecutionExceptionHandler(Errors::handleExecutionError);
    return cl;
  }

  /**
   * Runs the command line and returns its exit code; never throws.
   *
   * @param out standard output
   * @param err standard error
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    try {
      return commandLine(out, err).execute(args);
    } catch (Throwable t) { // an Error (e.g. a zoo class failing to initialize) escapes picocli
      return Errors.reportBug(t, err);
    } finally {
      out.flush();
      err.flush();
    }
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err));
  }
}
