package dev.silica.accelerators.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.silica.accelerators.kernels.Kernel;
import dev.silica.accelerators.kernels.KernelTime;
import dev.silica.accelerators.kernels.MathFormat;
import org.junit.jupiter.api.Test;

/**
 * Published GPU numbers. Peaks are the spec sheet's arithmetic; the GEMM throughputs are measured
 * anchors (gpu-cpu-specs §2.3) compared within the sheet's ±10% acceptance band (§6). Only the A100
 * MAMF point was used to set {@code e_kernel} (GpuPresets); the others validate it.
 */
class GpuPublishedPointsTest {
  static double tflops(String preset, MathFormat f, int m, int n, int k) {
    GpuModel g = new GpuModel(GpuPresets.preset(preset)).withFormat(f);
    KernelTime t = g.price(Kernel.Gemm.of(m, n, k));
    return 2.0 * m * n * k / t.seconds() / 1e12;
  }

  @Test
  void peaksFromTheSpecSheet() {
    // gpu-cpu-specs §2.2 (D): V100 80*512*2*1.53 GHz = 125.3 TF; A100 108*1024*2*1.41 = 311.9;
    // H100 132*2048*2*1.83 = 989.4; §2.1: GTX 580 1.581 TF, Titan X 6.60 TF (boost)
    assertThat(peak("v100", MathFormat.FP16)).isCloseTo(125.3, within(0.1));
    assertThat(peak("a100", MathFormat.BF16)).isCloseTo(311.9, within(0.1));
    assertThat(peak("h100", MathFormat.BF16)).isCloseTo(989.4, within(0.1));
    assertThat(peak("gtx-580", MathFormat.FP32)).isCloseTo(1.581, within(0.001));
    assertThat(peak("titan-x-maxwell", MathFormat.FP32)).isCloseTo(6.60, within(0.01));
    // papers-inputs §2.4, TPU paper Table 2: K80 die 2.8 TOPS FP (boost off)
    assertThat(peak("k80", MathFormat.FP32)).isCloseTo(2.8, within(0.01));
    // H100 FP8 1979 TF (gpu-cpu-specs §2.2 spec table)
    assertThat(peak("h100", MathFormat.FP8)).isCloseTo(1978.9, within(0.2));
  }

  static double peak(String p, MathFormat f) {
    return GpuPresets.preset(p).peakFlops(f) / 1e12;
  }

  @Test
  void a100MamfCalibrationPointIsReproduced() {
    // calibration point (not a validation): A100 SXM bf16 MAMF 271.2 TF at 1024x10240x5120
    // (gpu-cpu-specs §2.3, V)
    assertThat(tflops("a100", MathFormat.BF16, 1024, 10240, 5120)).isCloseTo(271.2, within(2.7));
  }

  @Test
  void h100AndH200MamfWithinTenPercent() {
    // H100 SXM MAMF bf16 794.5 TF at 2048x2048x13312; "H200 is the same" (gpu-cpu-specs §2.3, V)
    assertThat(tflops("h100", MathFormat.BF16, 2048, 2048, 13312)).isCloseTo(794.5, within(79.45));
    assertThat(tflops("h200", MathFormat.BF16, 2048, 2048, 13312)).isCloseTo(794.5, within(79.45));
  }

  @Test
  void a100Square8192WithinTenPercentOfRandomData() {
    // A100 8192^3 matmul: 257 TF with randn inputs, 295 TF with zeros (gpu-cpu-specs §2.3, HHE, V)
    double t = tflops("a100", MathFormat.BF16, 8192, 8192, 8192);
    assertThat(t).isCloseTo(257, within(25.7)).isBetween(257.0, 295.0);
  }

  @Test
  void streamingStaysBelowAchievableBandwidth() {
    // A100 80 GB read kernel 1.80 TB/s = 88% of peak (gpu-cpu-specs §2.3); the 40 GB preset's
    // GEMV of a 1 GiB fp16 matrix streams at 0.88 * 1555 GB/s, less the launch overhead
    GpuModel g = new GpuModel(GpuPresets.preset("a100")).withFormat(MathFormat.FP16);
    KernelTime t = g.price(Kernel.Gemm.of(1, 32768, 16384));
    double gbps = t.bytes("dram") / t.seconds() / 1e9;
    assertThat(gbps).isLessThanOrEqualTo(0.88 * 1555).isGreaterThan(0.87 * 1555);
    assertThat(t.bound()).isEqualTo("dram");
  }
}
