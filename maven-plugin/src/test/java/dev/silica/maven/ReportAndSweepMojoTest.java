package dev.silica.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportAndSweepMojoTest {
  @TempDir Path dir;

  @Test
  void reportWritesTheComparison() throws Exception {
    ReportMojo m = new ReportMojo();
    m.basedir = dir.toFile();
    m.outputDirectory = dir.resolve("silica").toFile();
    m.model = "lenet-300-100";
    m.accelerators = List.of("tpu-v1", "eyeriss-like");
    m.execute();
    assertThat(dir.resolve("silica/lenet-300-100-comparison.html")).isNotEmptyFile();
    assertThat(dir.resolve("silica/lenet-300-100-comparison.csv")).isNotEmptyFile();
    assertThat(dir.resolve("silica/lenet-300-100-comparison.json")).isNotEmptyFile();
  }

  @Test
  void reportNeedsTwoAccelerators() {
    ReportMojo m = new ReportMojo();
    m.basedir = dir.toFile();
    m.outputDirectory = dir.resolve("silica").toFile();
    m.model = "lenet-300-100";
    m.accelerators = List.of("tpu-v1");
    assertThatThrownBy(m::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage(
            "silica compare failed: silica: --accelerators: must name at least two different"
                + " accelerators, got [tpu-v1]");
  }

  @Test
  void sweepWritesEveryPointAndStartsOverUnlessResumed() throws Exception {
    Files.createDirectories(dir.resolve("src"));
    Files.writeString(
        dir.resolve("src/shapes.yaml"),
        """
        version: 1
        kind: sweep
        name: shapes
        base: tpu-v1
        workloads: [lenet-300-100]
        axes:
          array.rows: [16, 32]
        objectives: [{minimize: time_s}]
        seed: 1
        """);
    SweepMojo m = new SweepMojo();
    m.basedir = dir.toFile();
    m.outputDirectory = dir.resolve("silica").toFile();
    m.sweepFile = new java.io.File("src/shapes.yaml");
    m.threads = 1;
    m.execute();
    Path results = dir.resolve("silica/shapes.jsonl");
    assertThat(Files.readAllLines(results)).hasSize(2);
    assertThat(dir.resolve("silica/shapes.html")).isNotEmptyFile();
    assertThat(dir.resolve("silica/shapes.csv")).isNotEmptyFile();
    m.execute(); // starts over: still one line per point
    assertThat(Files.readAllLines(results)).hasSize(2);
    m.resume = true;
    m.execute(); // every point done already
    assertThat(Files.readAllLines(results)).hasSize(2);
  }
}
