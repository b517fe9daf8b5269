package dev.silica.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gemm:/gemv: shorthands, --batch and --numerics on simulate, and the study commands. */
class KernelStudiesCliTest {
  @TempDir Path tmp;

  @Test
  void gemmOnH100InBf16ReportsAchievedThroughput() {
    CliRun r =
        CliRun.of(
                "simulate",
                "--model",
                "gemm:8192,8192,8192",
                "--accelerator",
                "h100",
                "--numerics",
                "bf16")
            .succeeds();
    assertThat(r.out()).contains("gemm").contains("achieved: ").contains("TFLOP/s of 989.");
  }

  @Test
  void gemvWithBatchAndCpuPreset() {
    CliRun r =
        CliRun.of(
                "simulate",
                "--model",
                "gemv:4096,9216",
                "--batch",
                "64",
                "--accelerator",
                "i7-5930k")
            .succeeds();
    assertThat(r.out()).contains("gemv").contains("achieved: ");
  }

  @Test
  void zooModelOnAGpuPreset() {
    CliRun r = CliRun.of("simulate", "--model", "alexnet", "--accelerator", "v100").succeeds();
    assertThat(r.out()).contains("conv1").contains("fc8");
  }

  @Test
  void badShorthandsAndOptions() {
    assertThat(
            CliRun.of("simulate", "--model", "gemm:1,2", "--accelerator", "a100")
                .failsWithOneLine())
        .isEqualTo("silica: gemm:1,2: must be gemm:M,N,K with positive integers, got 2 values");
    assertThat(
            CliRun.of("simulate", "--model", "gemv:0,5", "--accelerator", "a100")
                .failsWithOneLine())
        .isEqualTo("silica: gemv:0,5: must be gemv:M,N with positive integers, got '0'");
    assertThat(
            CliRun.of("simulate", "--model", "dqn", "--batch", "2", "--accelerator", "a100")
                .failsWithOneLine())
        .isEqualTo("silica: --batch: applies to gemm:M,N,K and gemv:M,N workloads, got dqn");
    assertThat(
            CliRun.of(
                    "simulate", "--model", "gemv:8,8", "--accelerator", "v100", "--numerics", "fp8")
                .failsWithOneLine())
        .isEqualTo(
            "silica: v100: numerics fp8 is not supported (expected one of: fp64, fp32,"
                + " fp16, int8)");
    assertThat(
            CliRun.of(
                    "simulate",
                    "--model",
                    "gemv:8,8",
                    "--accelerator",
                    "a100",
                    "--numerics",
                    "fp12")
                .failsWithOneLine())
        .isEqualTo(
            "silica: numerics: unknown format 'fp12' (expected one of: fp64, fp32, tf32,"
                + " fp16, bf16, fp8, int8)");
    assertThat(
            CliRun.of(
                    "simulate",
                    "--model",
                    "gemv:8,8",
                    "--accelerator",
                    "eie-64",
                    "--numerics",
                    "fp16")
                .failsWithOneLine())
        .isEqualTo(
            "silica: --numerics: eie-64 takes its formats from its configuration;"
                + " --numerics applies to the CPU and GPU models and, as int8, fp16 or bf16,"
                + " to systolic arrays");
  }

  @Test
  void eieBaselinesWritesEveryPlatformLayerBatchAndMatrix() throws Exception {
    CliRun.of("study", "eie-baselines", "--report", tmp.toString()).succeeds();
    List<String> lines = Files.readAllLines(tmp.resolve("baselines.csv"));
    assertThat(lines.get(0))
        .isEqualTo(
            "platform,layer,batch,matrix,time_us,energy_uj,energy_tdp_bound_uj,bound,kernel");
    // 3 platforms x 9 layers x 2 batches x dense/sparse, then the EIE model's 9 layers
    assertThat(lines).hasSize(1 + 3 * 9 * 2 * 2 + 9);
    assertThat(lines).anyMatch(l -> l.startsWith("tegra-k1,NT-LSTM,64,sparse,"));
    assertThat(lines).anyMatch(l -> l.startsWith("eie-64,Alex-6,1,sparse,"));
  }

  @Test
  void tpuAppsAndParallelStudies() throws Exception {
    CliRun t = CliRun.of("study", "tpu-apps", "--report", tmp.toString()).succeeds();
    assertThat(t.out()).contains("tpu-v1").contains("k80").contains("xeon-e5-2699v3");
    assertThat(Files.readAllLines(tmp.resolve("tpu-apps.csv"))).hasSize(1 + 9);
    CliRun p = CliRun.of("study", "parallel", "--report", tmp.toString()).succeeds();
    assertThat(p.out()).contains("alexnet on gtx-580").contains("training estimate");
    // three strategies x N = 1, 2, 4, ..., 64
    assertThat(Files.readAllLines(tmp.resolve("parallel.csv"))).hasSize(1 + 3 * 7);
  }
}
