package dev.silica.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input gives exit code 2, nothing on standard output and exactly one line on
 * standard error, with no exception class or stack trace in it. The expected lines are part of the
 * interface.
 */
class ErrorMessagesTest {
  @TempDir static Path tmp;

  static Stream<Arguments> badCommandLines() {
    return Stream.of(
        bad(
            "silica: missing command (expected one of: zoo, ir, run, simulate, compress, sweep, compare, script, study, quantize, train, accuracy, help) (see 'silica --help')"),
        bad(
            "silica: unknown command 'zo' (expected one of: zoo, ir, run, simulate, compress, sweep, compare, script, study, quantize, train, accuracy, help); did you mean 'zoo'?"
                + " (see 'silica --help')",
            "zo"),
        bad("silica: unknown option: '--bogus' (see 'silica --help')", "--bogus"),
        bad(
            "silica: missing command (expected one of: list, show, report) (see 'silica zoo"
                + " --help')",
            "zoo"),
        bad(
            "silica: unknown command 'lst' (expected one of: list, show, report); did you mean"
                + " 'list'? (see 'silica zoo --help')",
            "zoo",
            "lst"),
        bad(
            "silica: missing command (expected one of: print, check) (see 'silica ir --help')",
            "ir"),
        bad(
            "silica: unknown model 'vgg17' (expected one of: " + models() + ")",
            "zoo",
            "show",
            "vgg17"),
        bad(
            "silica: missing required parameter: 'MODEL' (see 'silica zoo show --help')",
            "zoo",
            "show"),
        bad(
            "silica: unknown option: '--bogus' (see 'silica zoo show --help')",
            "zoo",
            "show",
            "vgg16",
            "--bogus"),
        bad(
            "silica: unmatched argument at index 3: 'vgg19' (see 'silica zoo show --help')",
            "zoo",
            "show",
            "vgg16",
            "vgg19"),
        bad(
            "silica: invalid value for option '--dtype': unknown element type 'q3' (expected one"
                + " of: f32, f64, f16, bf16, i8, u8, i32, i64, bool) (see 'silica zoo show"
                + " --help')",
            "zoo",
            "show",
            "vgg16",
            "--dtype",
            "q3"),
        bad(
            "silica: --element-bytes=N, --dtype=TYPE are mutually exclusive (specify only one)"
                + " (see 'silica zoo show --help')",
            "zoo",
            "show",
            "vgg16",
            "--dtype",
            "f16",
            "--element-bytes",
            "2"),
        bad(
            "silica: --element-bytes must be between 1 and 8, got 0 (see 'silica zoo show"
                + " --help')",
            "zoo",
            "show",
            "vgg16",
            "--element-bytes",
            "0"),
        bad(
            "silica: invalid value for option '--element-bytes': 'x' is not an int (see 'silica"
                + " zoo show --help')",
            "zoo",
            "show",
            "vgg16",
            "--element-bytes",
            "x"),
        bad(
            "silica: invalid value for option '--format': unknown format 'xml' (expected one of:"
                + " table, csv, json) (see 'silica zoo show --help')",
            "zoo",
            "show",
            "vgg16",
            "--format",
            "xml"),
        bad(
            "silica: invalid value for option '--format': unknown format 'yaml' (expected one of:"
                + " table, csv, json) (see 'silica zoo list --help')",
            "zoo",
            "list",
            "--format",
            "yaml"),
        bad(
            "silica: missing required parameter: 'MODEL|FILE' (see 'silica ir print --help')",
            "ir",
            "print"),
        bad(
            "silica: 'nonet' is neither a file nor a zoo model (models: " + models() + ")",
            "ir",
            "print",
            "nonet"),
        bad("silica: no such file or directory: missing/net.sir", "ir", "print", "missing/net.sir"),
        bad("silica: no such file or directory: nothere.sir", "ir", "check", "nothere.sir"),
        bad(
            "silica: missing command (expected one of: eie, eie-baselines, tpu-apps, parallel) (see 'silica study --help')",
            "study"),
        bad(
            "silica: --scale-down: must be at least 1, got 0",
            "study",
            "eie",
            "--report",
            tmp.resolve("study").toString(),
            "--scale-down",
            "0"),
        bad(
            "silica: --layers: accelerator scalesim-scale runs whole graphs; layer selection is"
                + " supported on eie-* accelerators",
            "simulate",
            "--model",
            "dqn",
            "--accelerator",
            "scalesim-scale",
            "--layers",
            "fc1"),
        bad(
            "silica: missing required parameter: 'FILE' (see 'silica ir check --help')",
            "ir",
            "check"));
  }

  private static Arguments bad(String expected, String... args) {
    return Arguments.of(String.join(" ", args), args, expected);
  }

  private static String models() {
    return String.join(", ", dev.silica.workloads.zoo.Zoo.names());
  }

  @ParameterizedTest(name = "silica {0}")
  @MethodSource("badCommandLines")
  void badInputIsOneLineAndExitCode2(String display, String[] args, String expected) {
    assertThat(CliRun.of(args).failsWithOneLine()).isEqualTo(expected);
  }

  @Test
  void checkingADirectory() {
    String line = CliRun.of("ir", "check", tmp.toString()).failsWithOneLine();
    assertThat(line).isEqualTo("silica: " + tmp + ": is a directory, expected an IR file (.sir)");
  }

  @Test
  void reportIntoAFile() throws IOException {
    Path file = Files.writeString(tmp.resolve("a-file"), "x");
    String line = CliRun.of("zoo", "report", "--out", file.toString()).failsWithOneLine();
    assertThat(line).isEqualTo("silica: --out " + file + ": is a file, expected a directory");
  }

  @Test
  void reportBelowAFile() throws IOException {
    Path file = Files.writeString(tmp.resolve("plain"), "x");
    Path below = file.resolve("zoo");
    String line = CliRun.of("zoo", "report", "--out", below.toString()).failsWithOneLine();
    assertThat(line).startsWith("silica: ").contains(file.toString());
  }

  @Test
  void printIntoAMissingDirectory() {
    Path out = tmp.resolve("no/such/dir/x.sir");
    String line = CliRun.of("ir", "print", "vgg16", "-o", out.toString()).failsWithOneLine();
    assertThat(line).startsWith("silica: ").contains("no/such/dir");
  }

  @Test
  void userErrorsMapToExitCode2AndBugsToNull() {
    assertThat(Errors.userMessage(new IllegalArgumentException("bad"))).isEqualTo("bad");
    assertThat(
            Errors.userMessage(
                new java.io.UncheckedIOException(new java.nio.file.NoSuchFileException("f"))))
        .isEqualTo("no such file or directory: f");
    assertThat(Errors.userMessage(new java.nio.file.AccessDeniedException("f")))
        .isEqualTo("permission denied: f");
    assertThat(Errors.userMessage(new IOException("disk full"))).isEqualTo("disk full");
    assertThat(Errors.userMessage(new NullPointerException())).isNull();
    assertThat(Errors.userMessage(new UnsupportedOperationException("x"))).isNull();
  }
}
