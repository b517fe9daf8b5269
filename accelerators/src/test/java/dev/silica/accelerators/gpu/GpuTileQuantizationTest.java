package dev.silica.accelerators.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.silica.accelerators.kernels.Kernel;
import dev.silica.accelerators.kernels.KernelTime;
import dev.silica.accelerators.kernels.MathFormat;
import org.junit.jupiter.api.Test;

/** Tile, wave and K quantization and occupancy against hand-computed cases (gpu-cpu-specs §1.4). */
class GpuTileQuantizationTest {
  final GpuModel h100 = new GpuModel(GpuPresets.preset("h100")).withFormat(MathFormat.BF16);
  final GpuModel a100 = new GpuModel(GpuPresets.preset("a100")).withFormat(MathFormat.FP16);

  @Test
  void h100Square8192WavesAsTheGuideComputes() {
    // gpu-cpu-specs §1.4 (MLE-PERF): 256x128 tiles on 8192^2 make C = 32 * 64 = 2048 CTAs; with
    // one CTA per SM (256 threads x 160 registers: 65536 / 5120 = 12 warps -> 1 CTA of 8 warps)
    // W = ceil(2048 / 132) = 16 waves, eta_wave = 2048 / (16 * 132) = 0.970
    GpuModel.TileChoice c = h100.choice(Kernel.Gemm.of(8192, 8192, 8192), 256, 128);
    assertThat(c.ctasPerSm()).isEqualTo(1);
    assertThat(c.ctas()).isEqualTo(2048);
    assertThat(c.waves()).isEqualTo(16);
    assertThat(c.etaWave()).isCloseTo(0.970, within(0.0005));
    // 128x128: C = 4096; 96 registers -> 2 CTAs per SM, W = ceil(4096 / 264) = 16, same 0.970
    GpuModel.TileChoice d = h100.choice(Kernel.Gemm.of(8192, 8192, 8192), 128, 128);
    assertThat(d.ctas()).isEqualTo(4096);
    assertThat(d.ctasPerSm()).isEqualTo(2);
    assertThat(d.etaWave()).isCloseTo(0.970, within(0.0005));
  }

  @Test
  void oneCtaMoreThanSmsCostsASecondWave() {
    // gpu-cpu-specs §1.4: 109 CTAs on A100's 108 SMs = 2 waves. 256x128 tiles, N = 128:
    // M = 108 * 256 gives 108 CTAs, M = 109 * 256 gives 109, whose compute takes twice as long.
    KernelTime t108 = a100.priceWithTile(Kernel.Gemm.of(108 * 256, 128, 4096), 256, 128);
    KernelTime t109 = a100.priceWithTile(Kernel.Gemm.of(109 * 256, 128, 4096), 256, 128);
    assertThat(t109.computeS() / t108.computeS()).isCloseTo(2.0, within(1e-9));
    GpuModel.TileChoice c = a100.choice(Kernel.Gemm.of(109 * 256, 128, 4096), 256, 128);
    assertThat(c.ctasPerSm()).isEqualTo(1);
    assertThat(c.waves()).isEqualTo(2);
    assertThat(c.etaWave()).isCloseTo(109.0 / 216, within(1e-12));
  }

  @Test
  void tileAndKPaddingFactors() {
    // M = N = 200 on 128x128 tiles: 2 x 2 CTAs, eta_tile = 200^2 / (4 * 128^2) = 0.6104;
    // K = 100 in fp16 steps of Tk = 64 B / 2 B = 32: K_pad = 128, eta_k = 100 / 128
    GpuModel.TileChoice c = a100.choice(Kernel.Gemm.of(200, 200, 100), 128, 128);
    assertThat(c.tk()).isEqualTo(32);
    assertThat(c.etaTile()).isCloseTo(40000.0 / 65536, within(1e-12));
    assertThat(c.etaK()).isCloseTo(100.0 / 128, within(1e-12));
    // compute = ceil(4 / 108) tiles x 2*128*128*128 / (F_SM * e)
    double fsm = 2.0 * 1024 * 1.41e9;
    double expected = 2.0 * 128 * 128 * 128 / (fsm * GpuPresets.GEMM_EFFICIENCY);
    assertThat(a100.priceWithTile(Kernel.Gemm.of(200, 200, 100), 128, 128).computeS())
        .isCloseTo(expected, within(expected * 1e-12));
  }

  @Test
  void occupancyCalculatorHandCases() {
    // CC 8.0, 256 threads, 128 registers, 48 KiB shared: warps 8; regs/warp 4096 -> 16 warps
    // -> 2 CTAs; smem (49152 + 1024) -> 167936 / 50176 = 3; min(8, 2, 3) = 2, occupancy 16/64
    assertThat(Occupancy.CC_8_0.ctasPerSm(256, 128, 48 * 1024)).isEqualTo(2);
    assertThat(Occupancy.CC_8_0.occupancy(256, 128, 48 * 1024)).isEqualTo(0.25);
    // CC 2.0, 256 threads, 63 registers, no shared memory: regs/warp roundup(2016, 64) = 2048 ->
    // 16 warps -> 2 CTAs; warps 48 / 8 = 6; min(8, 6) = 6; -> 2
    assertThat(Occupancy.CC_2_0.ctasPerSm(256, 63, 0)).isEqualTo(2);
    // more registers than a thread may have: 0
    assertThat(Occupancy.CC_2_0.ctasPerSm(256, 64, 0)).isZero();
    // CC 7.0, 128 threads, 32 registers, 0 smem: by warps min(32, 64/4 = 16) = 16; by regs
    // 65536 / 1024 = 64 warps / 4 = 16 -> 16 CTAs, occupancy 1.0
    assertThat(Occupancy.CC_7_0.occupancy(128, 32, 0)).isEqualTo(1.0);
  }

  @Test
  void fermiCannotRunTheLargestTile() {
    // 256x128 fp32 with Tk = 16: 2 * 384 * 16 * 4 = 49152 B of shared memory fits 48 KiB exactly,
    // but 160 registers per thread exceed Fermi's 63: no CTA fits
    GpuModel gtx = new GpuModel(GpuPresets.preset("gtx-580"));
    assertThat(gtx.choice(Kernel.Gemm.of(4096, 4096, 4096), 256, 128)).isNull();
    assertThat(gtx.tile(Kernel.Gemm.of(4096, 4096, 4096))).isNotNull();
  }
}
