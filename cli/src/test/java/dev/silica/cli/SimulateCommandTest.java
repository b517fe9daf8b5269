package dev.silica.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
  @TempDir Path tmp;

  @Test
  void simulatesAZooModelAndWritesTheReport() throws Exception {
    CliRun r =
        CliRun.of(
                "simulate",
                "--model",
                "dqn",
                "--accelerator",
                "scalesim-scale",
                "--report",
                tmp.toString())
            .succeeds();
    // every layer of the DQN network appears in the per-layer table
    assertThat(r.out()).contains("conv1", "conv2", "conv3", "fc1").contains("wrote ");
    Path html = tmp.resolve("dqn-scalesim-scale.html");
    assertThat(Files.readString(html)).contains("<svg").contains("dqn on scalesim-scale");
    assertThat(tmp.resolve("dqn-scalesim-scale.json")).exists();
    assertThat(Files.readString(tmp.resolve("dqn-scalesim-scale-layers.csv")))
        .startsWith("layer,")
        .contains("cycles");
  }

  @Test
  void readsAScaleSimConfigAndTopology() throws Exception {
    Path cfg =
        Files.writeString(
            tmp.resolve("tiny.cfg"),
            """
            [general]
            run_name = tiny
            [architecture_presets]
            ArrayHeight : 8
            ArrayWidth : 8
            IfmapSramSzkB : 64
            FilterSramSzkB : 64
            OfmapSramSzkB : 64
            IfmapOffset : 0
            FilterOffset : 10000000
            OfmapOffset : 20000000
            Dataflow : ws
            [run_presets]
            InterfaceBandwidth : CALC
            """);
    Path topo = Files.writeString(tmp.resolve("topo.csv"), "Layer, M, N, K,\nfc, 16, 8, 8,\n");
    CliRun r =
        CliRun.of("simulate", "--model", "scalesim:" + topo, "--accelerator", "scalesim:" + cfg)
            .succeeds();
    assertThat(r.out()).contains("fc");
  }

  @Test
  void badInputIsOneLine() {
    assertThat(
            CliRun.of("simulate", "--model", "dqn", "--accelerator", "tpu-v2").failsWithOneLine())
        .startsWith("silica: unknown accelerator 'tpu-v2' (did you mean 'tpu-v1'?");
    assertThat(
            CliRun.of("simulate", "--model", "nope", "--accelerator", "tpu-v1").failsWithOneLine())
        .startsWith("silica: 'nope' is neither a file nor a zoo model");
    assertThat(
            CliRun.of("simulate", "--model", "dqn", "--accelerator", "missing.yaml")
                .failsWithOneLine())
        .contains("missing.yaml");
  }
}
