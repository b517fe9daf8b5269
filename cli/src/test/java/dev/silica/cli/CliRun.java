package dev.silica.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/** One in-process run of the command line with captured output and error streams. */
record CliRun(int code, String out, String err) {

  /** Runs {@code silica args...}. */
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SilicaCli.run(args, new PrintWriter(out), new PrintWriter(err));
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Runs {@code args} on a given command line (configured with the real handlers). */
  static CliRun of(CommandLine cl, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    SilicaCli.configure(cl, new PrintWriter(out, true), new PrintWriter(err, true));
    int code = cl.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  List<String> outLines() {
    return out.lines().toList();
  }

  List<String> errLines() {
    return err.lines().toList();
  }

  /** Asserts success: exit 0 and nothing on standard error. */
  CliRun succeeds() {
    assertThat(err).as("stderr").isEmpty();
    assertThat(code).as("exit code; stderr: %s", err).isZero();
    return this;
  }

  /**
   * Asserts the contract for bad input: exit 2, nothing on standard output, exactly one line on
   * standard error and no trace of a Java exception; returns that line.
   */
  String failsWithOneLine() {
    assertThat(code).as("exit code; stderr: %s", err).isEqualTo(2);
    assertThat(out).as("stdout").isEmpty();
    assertThat(errLines()).as("stderr lines").hasSize(1);
    String line = errLines().getFirst();
    assertThat(line).isNotBlank().doesNotContain("Exception").doesNotContain("at dev.");
    assertThat(err).doesNotContain("\tat ");
    return line;
  }
}
