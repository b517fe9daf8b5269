package dev.silica.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.accelerators.tpu.SystolicArrayConfig;
import dev.silica.accelerators.tpu.SystolicFunctional;
import dev.silica.accelerators.tpu.TpuLowering;
import dev.silica.isa.tpu.TpuAssembler;
import dev.silica.testkit.TestData;
import dev.silica.workloads.exec.SeededInit;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.ValueId;
import dev.silica.workloads.tensor.Npy;
import dev.silica.workloads.tensor.Tensor;
import dev.silica.workloads.zoo.Zoo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code silica simulate}'s systolic-array options: numerics, fidelity, ISA and SCALE-Sim CSV. */
class SimulateSystolicOptionsTest {
  @TempDir Path tmp;

  @Test
  void numericsInt8WritesTheFunctionalOutputs() throws Exception {
    CliRun r =
        CliRun.of(
                "simulate",
                "--model",
                "lenet5",
                "--accelerator",
                "eyeriss-like",
                "--numerics",
                "int8",
                "--seed",
                "3",
                "--report",
                tmp.toString())
            .succeeds();
    assertThat(r.out()).contains("functional outputs (int8 on the array):");
    Graph g = Zoo.build("lenet5");
    Map<ValueId, Tensor> want =
        new SystolicFunctional(SystolicArrayConfig.preset("eyeriss-like"))
            .run(g, SeededInit.inputs(g, 3), SeededInit.forGraph(g, 3))
            .outputs();
    for (Map.Entry<ValueId, Tensor> e : want.entrySet()) {
      Path npy = tmp.resolve(dev.silica.workloads.exec.RunFiles.fileName(e.getKey()));
      assertThat(Npy.read(npy).floats()).containsExactly(e.getValue().floats());
    }
  }

  @Test
  void emitIsaWritesAProgramThatReassembles() throws Exception {
    Path isa = tmp.resolve("dqn.tpu");
    CliRun.of("simulate", "--model", "dqn", "--accelerator", "tpu-v1", "--emit-isa", isa.toString())
        .succeeds();
    String text = Files.readString(isa);
    assertThat(text).contains("read_weights").contains("matmul").contains("activate");
    assertThat(
            TpuAssembler.parse(
                    text, "dqn.tpu", TpuLowering.limits(SystolicArrayConfig.preset("tpu-v1")))
                .instructions())
        .isNotEmpty();
  }

  @Test
  void cycleSteppedRunsASmallLayer() throws Exception {
    Path topo = Files.writeString(tmp.resolve("topo.csv"), "Layer, M, N, K,\nfc, 20, 9, 13,\n");
    CliRun stepped =
        CliRun.of(
                "simulate",
                "--model",
                "scalesim:" + topo,
                "--accelerator",
                "eyeriss-like",
                "--fidelity",
                "cycle_stepped")
            .succeeds();
    CliRun analytical =
        CliRun.of("simulate", "--model", "scalesim:" + topo, "--accelerator", "eyeriss-like")
            .succeeds();
    assertThat(stepped.out()).isEqualTo(analytical.out());
  }

  @Test
  void scaleSimRunWritesComputeReportColumnsFirst() throws Exception {
    Path refs = refs().resolve("cases/v2_s128_ws_alexnet");
    CliRun.of(
            "simulate",
            "--model",
            "scalesim:" + refs.resolve("topology.csv"),
            "--accelerator",
            "scalesim:" + refs.resolve("config.cfg"),
            "--report",
            tmp.toString())
        .succeeds();
    Path csv;
    try (var s = Files.list(tmp)) {
      csv = s.filter(p -> p.toString().endsWith("-compute-report.csv")).findFirst().orElseThrow();
    }
    List<String> ours = Files.readAllLines(csv);
    List<String> theirs = Files.readAllLines(refs.resolve("COMPUTE_REPORT.csv"));
    assertThat(ours.get(0)).startsWith(theirs.get(0).strip());
    for (int i = 1; i < theirs.size(); i++) {
      String[] want = theirs.get(i).split(",");
      String[] got = ours.get(i).split(",");
      assertThat(got[1].strip()).as("total cycles row %d", i).isEqualTo(want[1].strip());
      assertThat(got[2].strip()).as("stall cycles row %d", i).isEqualTo(want[2].strip());
    }
  }

  @Test
  void badOptionsAreOneLine() {
    assertThat(
            CliRun.of("simulate", "-m", "dqn", "-a", "tpu-v1", "--numerics", "int4")
                .failsWithOneLine())
        .isEqualTo("silica: --numerics: must be one of int8, fp16, bf16, got 'int4'");
    assertThat(
            CliRun.of(
                    "simulate",
                    "-m",
                    "dqn",
                    "-a",
                    "scalesim-scale",
                    "--emit-isa",
                    tmp.resolve("x.tpu").toString())
                .failsWithOneLine())
        .startsWith("silica: scalesim-scale: the TPU ISA is weight-stationary");
    assertThat(
            CliRun.of("simulate", "-m", "resnet50", "-a", "tpu-v1", "--fidelity", "cycle_stepped")
                .failsWithOneLine())
        .startsWith("silica: tpu-v1: cycle_stepped runs layers of at most 67108864 PE-cycles");
  }

  static Path refs() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/refs/scalesim");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    if (TestData.isCi()) {
      throw new AssertionError("CI=true and shared/refs/scalesim not found");
    }
    Assumptions.abort("shared/refs/scalesim not found");
    return Path.of("");
  }
}
