package dev.silica.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shaded jar ({@code cli/target/silica.jar}, what {@code ./silica} starts) in a separate
 * JVM: the manifest's main class and version, real exit codes and the one-line error contract
 * through {@code System.exit}. Runs in Maven's {@code integration-test} phase, after {@code
 * package}.
 */
class SilicaJarTest {
  @TempDir Path tmp;

  record Result(int code, String out, String err) {}

  private static Result silica(String... args) throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("silica.jar", "target/silica.jar"));
    // Present in `integration-test`; absent only when someone selects this class with -Dtest in
    // the `test` phase, before `package` has built it.
    assumeTrue(Files.exists(jar), "no " + jar + " yet: this test runs after `package`");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-jar");
    cmd.add(jar.toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).start();
    p.getOutputStream().close();
    // Read both streams fully (they are small) before waiting.
    var out = p.getInputStream().readAllBytes();
    var err = p.getErrorStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(
        p.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }

  @Test
  void versionFromTheManifest() throws Exception {
    Result r = silica("--version");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("silica " + VersionProvider.version() + "\n");
  }

  @Test
  void showAndReport() throws Exception {
    Result show = silica("zoo", "show", "vgg16");
    assertThat(show.code()).isZero();
    assertThat(show.err()).isEmpty();
    // torchvision vgg16: 138,357,544 parameters (papers-inputs §8.3)
    assertThat(show.out()).contains("138,357,544");

    Path dir = tmp.resolve("zoo");
    Result report = silica("zoo", "report", "--out", dir.toString());
    assertThat(report.code()).isZero();
    assertThat(dir.resolve("summary.csv")).exists();
    assertThat(Files.readString(dir.resolve("summary.md"))).contains("## vgg16");
  }

  @Test
  void sweepProgressPipedToAFileIsWholeLines() throws Exception {
    Path spec = Files.writeString(tmp.resolve("s.yaml"), SweepCommandTest.SPEC);
    Path results = tmp.resolve("s.jsonl");
    Result r = silica("sweep", spec.toString(), "-o", results.toString(), "-t", "2");
    assertThat(r.code()).as(r.err()).isZero();
    // a pipe is not a terminal: no carriage-return redraws, one progress line per second at most
    // and a final line, all on stderr; the summary on stdout
    assertThat(r.err()).doesNotContain("\r");
    assertThat(r.err().lines().toList())
        .isNotEmpty()
        .allMatch(l -> l.startsWith("tiny: ") && l.contains(" points/s, ETA "))
        .last()
        .asString()
        .startsWith("tiny: 12/12 points (100%)");
    assertThat(r.out()).doesNotContain("\r").contains("12 evaluated");
    assertThat(Files.readAllLines(results)).hasSize(12);
  }

  @Test
  void scriptsCompileAgainstTheJar() throws Exception {
    Path src =
        Files.writeString(
            tmp.resolve("Count.java"),
            """
            import dev.silica.explore.AcceleratorEvaluator;
            import dev.silica.explore.DesignPoint;
            public class Count {
              public static void main(String[] args) {
                var e = AcceleratorEvaluator.onZoo("scalesim-scale", "dqn");
                System.out.println(e.evaluate(DesignPoint.of("array.rows", 8)).feasible());
              }
            }
            """);
    Result r = silica("script", src.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("true\n");
  }

  @Test
  void badInputIsOneLineAndExitCode2() throws Exception {
    for (String[] args : new String[][] {{"zoo", "show", "nonet"}, {"zoo", "lst"}, {"--nope"}}) {
      Result r = silica(args);
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.out()).isEmpty();
      assertThat(r.err().lines().toList()).hasSize(1);
      assertThat(r.err())
          .startsWith("silica: ")
          .doesNotContain("Exception")
          .doesNotContain("\tat ");
    }
  }
}
