package dev.silica.accelerators.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.silica.accelerators.kernels.ConvAlgorithm;
import dev.silica.accelerators.kernels.Kernel;
import dev.silica.accelerators.kernels.KernelTime;
import dev.silica.accelerators.kernels.MathFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CPU model's closed forms against hand-computed cases and published numbers. */
class CpuModelTest {
  final CpuModel i7 = new CpuModel(CpuPresets.preset("i7-5930k"));

  @Test
  void peaksFromThePapers() {
    // gpu-cpu-specs §3.1: i7-5930K 672 GF SP, 336 GF DP at 3.5 GHz (D)
    assertThat(i7.config().peakFlops(MathFormat.FP32)).isEqualTo(672e9);
    assertThat(i7.config().peakFlops(MathFormat.FP64)).isEqualTo(336e9);
    // papers-inputs §2.4, TPU paper Table 2: Haswell E5-2699 v3 1.3 TOPS FP, 2.6 TOPS 8-bit
    CpuConfig xeon = CpuPresets.preset("xeon-e5-2699v3");
    assertThat(xeon.peakFlops(MathFormat.FP32) / 1e12).isCloseTo(1.3, within(0.03));
    assertThat(xeon.peakFlops(MathFormat.INT8) / 1e12).isCloseTo(2.6, within(0.06));
  }

  @Test
  void gotoTrafficPerLevelHandComputed() {
    // 1200 x 1600 x 512 fp32 on Haswell blocking mr 6, nr 16, mc 168, kc 256, nc 4080:
    // nJr = 100, nIr = 200, nIc = ceil(1200/168) = 8, nJ = 1, nKc = 2
    // L1 = 4 (MK*100 + KN*200 + 2MN*2), L2 = 4 (MK*100 + KN*8 + 4MN), L3 = 4 (MK + KN*8 + 4MN)
    long m = 1200;
    long n = 1600;
    long k = 512;
    KernelTime t = i7.price(Kernel.Gemm.of(m, n, k)).get(0);
    assertThat(t.bytes("l1")).isEqualTo(4 * (m * k * 100 + k * n * 200 + 4 * m * n));
    assertThat(t.bytes("l2")).isEqualTo(4 * (m * k * 100 + k * n * 8 + 4 * m * n));
    assertThat(t.bytes("l3")).isEqualTo(4 * (m * k + k * n * 8 + 4 * m * n));
    // A (2.4 MB) and C (7.7 MB) fit in half of the 15 MB L3: only the weights come from DRAM
    assertThat(t.bytes("dram")).isEqualTo(4 * k * n);
    // compute: 200 * 100 micro-tiles over 6 cores = 3334 waves of 512*96/16/0.78 cycles
    double expected = 3334 * (512.0 * 96 / 16 / 0.78) / 3.5e9;
    assertThat(t.computeS()).isCloseTo(expected, within(expected * 1e-12));
  }

  @Test
  void largeSgemmLandsInThePublishedEfficiencyBand() {
    // gpu-cpu-specs §3.2 (D): expect large SGEMM ~0.75-0.85 of 672 GF = 500-570 GF/s
    KernelTime t = i7.price(Kernel.Gemm.of(4096, 4096, 4096)).get(0);
    double gflops = 2.0 * 4096 * 4096 * 4096 / t.seconds() / 1e9;
    assertThat(gflops).isBetween(500.0, 570.0);
  }

  @Test
  void im2colCostsMoreThanDirectAndWinogradWinsOn3x3() {
    Kernel.Conv conv = new Kernel.Conv(1, 128, 56, 56, 128, 3, 3, 1, 1, 56, 56, 1);
    double im2col = seconds(i7.withConvAlgorithm(ConvAlgorithm.IM2COL).price(conv));
    double direct = seconds(i7.withConvAlgorithm(ConvAlgorithm.DIRECT).price(conv));
    List<KernelTime> wino = i7.withConvAlgorithm(ConvAlgorithm.WINOGRAD).price(conv);
    assertThat(im2col).isGreaterThan(direct);
    // Winograd F(2x2,3x3) does 16 products per 4 outputs instead of 36 (papers-inputs §6.2)
    long winoMacs = wino.stream().mapToLong(KernelTime::macs).sum();
    assertThat(winoMacs).isEqualTo(16L * 28 * 28 * 128 * 128);
    assertThat((double) conv.macs() / winoMacs).isCloseTo(2.25, within(1e-12));
    assertThat(seconds(wino)).isLessThan(direct);
    assertThat(seconds(i7.price(conv))).isEqualTo(Math.min(seconds(wino), direct));
  }

  @Test
  void blockingDerivedFromCachesMatchesBlisKc() {
    // BLIS Haswell SGEMM kc = 256: 16 KB B micro-panel = half of 32 KB L1 (gpu-cpu-specs §3.3)
    Blocking b = Blocking.derive(256, 32 * 1024, 256 * 1024, 15L * 1024 * 1024 / 6, 4);
    assertThat(b.nr()).isEqualTo(16);
    assertThat(b.mr()).isEqualTo(6);
    assertThat(b.kc()).isEqualTo(256);
  }

  @Test
  void formatsWithoutCpuInstructionsAreRejected() {
    assertThatThrownBy(() -> i7.withFormat(MathFormat.TF32))
        .hasMessage(
            "i7-5930k: numerics tf32 has no CPU instructions (expected one of: fp64, fp32, fp16,"
                + " bf16, int8)");
  }

  @Test
  void hostIsReadFromCpuinfoAndSysfs(@TempDir Path tmp) throws Exception {
    Path info =
        Files.writeString(
            tmp.resolve("cpuinfo"),
            "processor\t: 0\nphysical id\t: 0\ncpu cores\t: 4\ncpu MHz\t\t: 2400.000\n"
                + "flags\t\t: fpu sse2 avx avx2 fma avx512f avx512_vnni\n");
    Path cpu0 = tmp.resolve("cpu0");
    cache(cpu0, 0, "1", "Data", "48K");
    cache(cpu0, 1, "1", "Instruction", "32K");
    cache(cpu0, 2, "2", "Unified", "1024K");
    cache(cpu0, 3, "3", "Unified", "32768K");
    CpuConfig c = HostCpu.detect(info, cpu0);
    assertThat(c.cores()).isEqualTo(4);
    assertThat(c.clockGhz()).isEqualTo(2.4);
    assertThat(c.simdBits()).isEqualTo(512);
    assertThat(c.int8Vnni()).isTrue();
    assertThat(c.l1().bytes()).isEqualTo(48 * 1024);
    assertThat(c.l2().bytes()).isEqualTo(1024 * 1024);
    assertThat(c.l3().bytes()).isEqualTo(32L * 1024 * 1024);
    // and this machine's own host preset builds
    assertThat(CpuPresets.preset("host").cores()).isPositive();
  }

  static void cache(Path cpu0, int i, String level, String type, String size) throws Exception {
    Path d = Files.createDirectories(cpu0.resolve("cache/index" + i));
    Files.writeString(d.resolve("level"), level + "\n");
    Files.writeString(d.resolve("type"), type + "\n");
    Files.writeString(d.resolve("size"), size + "\n");
  }

  static double seconds(List<KernelTime> ts) {
    return ts.stream().mapToDouble(KernelTime::seconds).sum();
  }
}
