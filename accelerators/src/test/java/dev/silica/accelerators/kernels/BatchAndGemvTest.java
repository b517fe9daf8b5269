package dev.silica.accelerators.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.silica.accelerators.cpu.CpuModel;
import dev.silica.accelerators.cpu.CpuPresets;
import dev.silica.accelerators.gpu.GpuModel;
import dev.silica.accelerators.gpu.GpuPresets;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * GEMV is bandwidth bound and its time scales with the bytes; batch 1 vs batch N behave as on real
 * machines (batching reuses each weight, so throughput rises until the compute roof).
 */
class BatchAndGemvTest {
  /** Time without the fixed launch / fork-join overhead. */
  static double busy(List<KernelTime> ts) {
    double s = 0;
    for (KernelTime t : ts) {
      s += t.seconds() - t.overheadS();
    }
    return s;
  }

  static double seconds(List<KernelTime> ts) {
    double s = 0;
    for (KernelTime t : ts) {
      s += t.seconds();
    }
    return s;
  }

  static List<Function<Kernel, List<KernelTime>>> devices() {
    CpuModel cpu = new CpuModel(CpuPresets.preset("i7-5930k"));
    GpuModel gpu = new GpuModel(GpuPresets.preset("titan-x-maxwell"));
    GpuModel h100 = new GpuModel(GpuPresets.preset("h100")).withFormat(MathFormat.BF16);
    return List.of(cpu::price, k -> List.of(gpu.price(k)), k -> List.of(h100.price(k)));
  }

  @Test
  void gemvTimeScalesWithWeightBytes() {
    for (var d : devices()) {
      // EIE's Alex-6 (9216 -> 4096) doubled and quadrupled in the output length
      double t1 = busy(d.apply(Kernel.Gemm.of(1, 4096, 9216)));
      double t2 = busy(d.apply(Kernel.Gemm.of(1, 8192, 9216)));
      double t4 = busy(d.apply(Kernel.Gemm.of(1, 16384, 9216)));
      assertThat(t2 / t1).isCloseTo(2.0, within(0.03));
      assertThat(t4 / t2).isCloseTo(2.0, within(0.02));
      KernelTime k = d.apply(Kernel.Gemm.of(1, 4096, 9216)).get(0);
      assertThat(k.bound()).isEqualTo("dram");
    }
  }

  @Test
  void gemvTimeIsTheWeightBytesOverSustainedBandwidth() {
    // i7-5930k: 9216 x 4096 fp32 = 151 MB at 0.8 x 68.256 GB/s, plus 2 us fork/join
    CpuModel cpu = new CpuModel(CpuPresets.preset("i7-5930k"));
    KernelTime t = cpu.price(Kernel.Gemm.of(1, 4096, 9216)).get(0);
    double bytes = 9216.0 * 4096 * 4;
    assertThat(t.seconds()).isCloseTo(bytes / (0.8 * 68.256e9) + 2e-6, within(1e-6));
    // in bf16 storage the same matrix is half the bytes and half the time
    KernelTime h = cpu.withFormat(MathFormat.BF16).price(Kernel.Gemm.of(1, 4096, 9216)).get(0);
    assertThat((h.seconds() - 2e-6) / (t.seconds() - 2e-6)).isCloseTo(0.5, within(0.01));
  }

  @Test
  void batchingAmortisesTheWeights() {
    for (var d : devices()) {
      double b1 = seconds(d.apply(Kernel.Gemm.of(1, 4096, 4096)));
      double b64 = seconds(d.apply(Kernel.Gemm.of(64, 4096, 4096)));
      // 64 vectors cost far less than 64 single ones, but more than one
      assertThat(b64).isGreaterThanOrEqualTo(b1);
      assertThat(b64 / 64).isLessThan(b1 / 8);
      // at batch 1024 the weights no longer bound it: DRAM is not the slowest term
      KernelTime big = d.apply(Kernel.Gemm.of(1024, 4096, 4096)).get(0);
      assertThat(big.bound()).isNotEqualTo("dram");
    }
  }

  @Test
  void sparseCsrmvMovesLessThanDenseAtTenPercent() {
    // EIE's Alex-7 (4096 x 4096, 9% weight density): CSR (value + 4-byte index) at 9% is
    // 0.09 * 8 / 4 = 18% of the dense fp32 bytes, so the bandwidth-bound CSRMV is faster
    for (var d : devices()) {
      double dense = seconds(d.apply(Kernel.Gemm.of(1, 4096, 4096)));
      double sparse = seconds(d.apply(new Kernel.Spmv(4096, 4096, 4096L * 4096 * 9 / 100, 1)));
      assertThat(sparse).isLessThan(dense);
    }
  }
}
