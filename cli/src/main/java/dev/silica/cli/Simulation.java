package dev.silica.cli;

import dev.silica.simulator.result.RunResult;
import dev.silica.workloads.ir.Graph;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/**
 * {@code silica simulate} as a library call: the same options, the same output and reports, the
 * same one-line errors, and the run's {@link RunResult} handed back to the caller (the Maven plugin
 * checks its limits on it).
 *
 * <p>It runs the command line in-process ({@link SilicaCli#commandLine}), so option parsing,
 * workload and accelerator resolution, energy tables, numerics and {@code --report} are exactly
 * those of the command; nothing here re-implements them.
 *
 * @param exitCode the command's exit code: 0 success, 2 bad input, 1 a bug (see {@link SilicaCli})
 * @param graph the workload as simulated; empty when the command failed before running it
 * @param result the run's result (feasible or not); empty when the command failed before it
 * @param seed the seed of the weights and inputs of a functional run ({@code --seed})
 */
public record Simulation(
    int exitCode, Optional<Graph> graph, Optional<RunResult> result, long seed) {

  /**
   * Runs {@code silica simulate ARGS}, printing to {@code out} and one-line errors to {@code err}.
   *
   * @param args the options of {@code silica simulate}, without the command name
   * @param out standard output of the command
   * @param err standard error of the command
   * @return the exit code, and the workload and result when the run happened
   */
  public static Simulation run(List<String> args, PrintWriter out, PrintWriter err) {
    CommandLine cl = SilicaCli.commandLine(out, err);
    List<String> all = new ArrayList<>(args.size() + 1);
    all.add("simulate");
    all.addAll(args);
    int code;
    try {
      code = cl.execute(all.toArray(String[]::new));
    } catch (Throwable t) { // an Error escapes picocli's handlers, as in SilicaCli.run
      code = Errors.reportBug(t, err);
    } finally {
      out.flush();
      err.flush();
    }
    SimulateCommand cmd = cl.getSubcommands().get("simulate").getCommand();
    return new Simulation(
        code, Optional.ofNullable(cmd.graph), Optional.ofNullable(cmd.result), cmd.seed);
  }
}
