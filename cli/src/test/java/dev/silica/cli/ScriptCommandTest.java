package dev.silica.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code silica script}: compiles single-file Java against the Silica API and runs it. */
class ScriptCommandTest {
  @TempDir Path tmp;

  /** The repository's scripts/ folder (tests run in the cli module). */
  static Path scripts() {
    Path p = Path.of("..", "scripts").toAbsolutePath().normalize();
    assertThat(p).isDirectory();
    return p;
  }

  @Test
  void runsTheAdaptiveSearchExample() throws Exception {
    CliRun r =
        CliRun.of(
                "script",
                scripts().resolve("AdaptiveArraySearch.java").toString(),
                "dqn",
                tmp.toString())
            .succeeds();
    assertThat(r.out())
        .contains("round 1: step 2, best ")
        .containsPattern("best for dqn: \\{array.rows=\\d+, array.cols=\\d+, array.dataflow=\\w+}")
        .contains("wrote ");
    assertThat(tmp.resolve("adaptive-dqn.html")).exists();
    assertThat(Files.readAllLines(tmp.resolve("adaptive-dqn.jsonl")))
        .hasSizeGreaterThanOrEqualTo(27);
    // a rerun finds every point in the store and ends at the same design
    String best = r.outLines().stream().filter(l -> l.startsWith("best for")).findFirst().get();
    CliRun again =
        CliRun.of(
                "script",
                scripts().resolve("AdaptiveArraySearch.java").toString(),
                "dqn",
                tmp.toString())
            .succeeds();
    assertThat(again.out()).contains(best);
  }

  @Test
  void argumentsReachMainAndCompileErrorsAreOneLine() throws Exception {
    Path ok =
        Files.writeString(
            tmp.resolve("Hello.java"),
            """
            import dev.silica.explore.DesignPoint;
            class Hello {
              public static void main(String[] args) {
                System.out.println(args[0] + " " + DesignPoint.of("array.rows", 8).hash());
              }
            }
            """);
    assertThat(CliRun.of("script", ok.toString(), "hi").succeeds().out())
        .isEqualTo("hi " + dev.silica.explore.DesignPoint.of("array.rows", 8).hash() + "\n");
    Path bad =
        Files.writeString(
            tmp.resolve("Bad.java"), "class Bad {\n  void f() { int x = \"s\"; }\n}\n");
    assertThat(CliRun.of("script", bad.toString()).failsWithOneLine())
        .startsWith(bad + ":2:22: incompatible types");
    Path boom =
        Files.writeString(
            tmp.resolve("Boom.java"),
            "class Boom { public static void main(String[] a) { throw new"
                + " IllegalStateException(\"no\"); } }\n");
    // the script's own exception is named (so not failsWithOneLine, which forbids "Exception")
    CliRun failed = CliRun.of("script", boom.toString());
    assertThat(failed.code()).isEqualTo(2);
    assertThat(failed.errLines())
        .containsExactly(
            "silica: " + boom + ": the script failed: java.lang.IllegalStateException: no");
  }
}
