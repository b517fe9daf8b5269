package dev.silica.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
  @TempDir Path tmp;

  @Test
  void comparesRegisteredAcceleratorsAndWritesTheReport() throws Exception {
    CliRun r =
        CliRun.of(
                "compare",
                "--model",
                "dqn",
                "--accelerators",
                "tpu-v1,eyeriss-like,scalesim-scale",
                "--report",
                tmp.toString())
            .succeeds();
    assertThat(r.out()).contains("tpu-v1", "eyeriss-like", "scalesim-scale").contains("wrote ");
    String html = Files.readString(tmp.resolve("dqn-comparison.html"));
    assertThat(html)
        .contains("Comparison of 3 runs")
        .contains("Energy efficiency per run")
        .contains("Energy vs latency (Pareto front)")
        .contains("<svg");
    assertThat(tmp.resolve("dqn-comparison-pareto.png")).exists();
    assertThat(Files.readAllLines(tmp.resolve("dqn-comparison.csv"))).hasSize(4);
    assertThat(tmp.resolve("dqn-comparison.json")).exists();
  }

  @Test
  void badInputIsOneLine() {
    assertThat(
            CliRun.of("compare", "--model", "dqn", "--accelerators", "tpu-v1").failsWithOneLine())
        .startsWith("silica: --accelerators: must name at least two different accelerators");
    assertThat(
            CliRun.of("compare", "--model", "dqn", "--accelerators", "tpu-v1,tpu-v3")
                .failsWithOneLine())
        .startsWith("silica: unknown accelerator 'tpu-v3' (did you mean 'tpu-v1'?");
  }
}
