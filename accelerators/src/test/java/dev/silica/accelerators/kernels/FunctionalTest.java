package dev.silica.accelerators.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.accelerators.cpu.CpuModel;
import dev.silica.accelerators.cpu.CpuPresets;
import dev.silica.accelerators.gpu.GpuModel;
import dev.silica.accelerators.gpu.GpuPresets;
import dev.silica.numerics.FloatingPoint;
import dev.silica.numerics.Rounder;
import dev.silica.numerics.arith.Mac;
import dev.silica.simulator.Fidelity;
import dev.silica.simulator.RunOptions;
import dev.silica.simulator.result.RunResult;
import dev.silica.simulator.result.SimInvariants;
import dev.silica.workloads.exec.Precision;
import dev.silica.workloads.exec.ReferenceExecutor;
import dev.silica.workloads.exec.SeededInit;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.ValueId;
import dev.silica.workloads.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Functional outputs under each device's formats, against independent oracles. */
class FunctionalTest {
  static final long SEED = 7;

  @Test
  void fp16TensorCoreGemmEqualsTheMacBitForBit() {
    // oracle: numerics' tensor-core MAC (FP16 x FP16 -> FP32 product, FP32 accumulate), k order,
    // then the FP32 accumulator stored as FP16
    int m = 5;
    int n = 7;
    int k = 33;
    Graph g = KernelGraphs.gemm(m, n, k, 1);
    RunResult r =
        SimInvariants.check(
            new GpuModel(GpuPresets.preset("a100"))
                .withFormat(MathFormat.FP16)
                .run(g, RunOptions.defaults().withFidelity(Fidelity.FUNCTIONAL).withSeed(SEED)));
    float[] got = ((Tensor) r.outputs().get("gemm")).floats();
    Map<ValueId, Tensor> in = SeededInit.inputs(g, SEED);
    float[] a = in.values().iterator().next().floats();
    float[] b = SeededInit.forGraph(g, SEED).get(g.initializers().get(0).id()).floats();
    Mac mac = Mac.tensorCoreFp16();
    FloatingPoint fp16 = FloatingPoint.FP16;
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        long acc = mac.zero();
        for (int kk = 0; kk < k; kk++) {
          long ab = fp16.encode(a[i * k + kk], Rounder.NEAREST_EVEN);
          long bb = fp16.encode(b[kk * n + j], Rounder.NEAREST_EVEN);
          acc = mac.mac(acc, ab, bb);
        }
        float expected = (float) fp16.round(mac.value(acc), Rounder.NEAREST_EVEN);
        assertThat(got[i * n + j]).as("C[%d,%d]", i, j).isEqualTo(expected);
      }
    }
  }

  @Test
  void fp32CpuOutputsAreTheReferenceExecutors() {
    Graph g = KernelGraphs.gemv(300, 200, 2);
    RunResult r =
        new CpuModel(CpuPresets.preset("i7-5930k"))
            .run(g, RunOptions.defaults().withFidelity(Fidelity.FUNCTIONAL).withSeed(SEED));
    Tensor got = (Tensor) r.outputs().get("gemv");
    try (ReferenceExecutor ex = new ReferenceExecutor(Precision.FP32, 1)) {
      Tensor ref =
          ex.run(g, SeededInit.inputs(g, SEED), SeededInit.forGraph(g, SEED))
              .get(g.outputs().get(0));
      assertThat(got.floats()).containsExactly(ref.floats());
    }
  }

  @Test
  void bf16OutputsAreBf16Values() {
    Graph g = KernelGraphs.gemm(8, 8, 64, 1);
    RunResult r =
        new GpuModel(GpuPresets.preset("h100"))
            .withFormat(MathFormat.BF16)
            .run(g, RunOptions.defaults().withFidelity(Fidelity.FUNCTIONAL).withSeed(SEED));
    for (float v : ((Tensor) r.outputs().get("gemm")).floats()) {
      assertThat((float) FloatingPoint.BF16.round(v, Rounder.NEAREST_EVEN)).isEqualTo(v);
    }
  }
}
