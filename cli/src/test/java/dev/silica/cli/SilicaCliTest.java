package dev.silica.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class SilicaCliTest {
  @Test
  void helpListsTheCommandsAndExitCodes() {
    CliRun r = CliRun.of("--help").succeeds();
    assertThat(r.out())
        .startsWith("Usage: silica")
        .contains("zoo", "ir", "Exit codes:", "2   bad input");
  }

  @Test
  void everyCommandHasHelp() {
    for (String[] cmd :
        new String[][] {
          {"zoo", "--help"},
          {"zoo", "list", "--help"},
          {"zoo", "show", "--help"},
          {"zoo", "report", "--help"},
          {"ir", "--help"},
          {"ir", "print", "--help"},
          {"ir", "check", "--help"},
          {"help", "zoo"}
        }) {
      CliRun r = CliRun.of(cmd).succeeds();
      assertThat(r.out()).as(String.join(" ", cmd)).startsWith("Usage: silica");
    }
  }

  @Test
  void versionComesFromTheBuild() {
    CliRun r = CliRun.of("--version").succeeds();
    // version.properties is filtered by Maven, so the placeholder must be gone.
    assertThat(r.outLines().getFirst()).matches("silica \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    assertThat(r.out()).contains("Java " + System.getProperty("java.version"));
    assertThat(VersionProvider.version()).doesNotContain("${");
  }

  @Test
  void aBugIsOneLineWithExitCode1() {
    CommandLine cl = new CommandLine(new SilicaCli()).addSubcommand("boom", new Boom());
    CliRun r = CliRun.of(cl, "boom");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.errLines().getFirst())
        .startsWith("silica: internal error: java.lang.IllegalStateException: broken invariant")
        .contains("a bug in silica")
        .contains("SILICA_STACKTRACE=1")
        .doesNotContain("\tat ");
  }

  @Test
  void multiLineMessagesAreJoined() {
    assertThat(Errors.oneLine("first\n  second\r\nthird\n")).isEqualTo("first; second; third");
  }

  /** A command with a bug. */
  @Command(name = "boom")
  static final class Boom implements Runnable {
    @Override
    public void run() {
      throw new IllegalStateException("broken invariant\nsecond line");
    }
  }
}
