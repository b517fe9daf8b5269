package dev.silica.accelerators.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.accelerators.cpu.CpuModel;
import dev.silica.accelerators.cpu.CpuPresets;
import dev.silica.accelerators.gpu.GpuModel;
import dev.silica.accelerators.gpu.GpuPresets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The roofline bounds hold for every kernel on every preset: {@code time ≥ 2·MACs / peak FLOP/s}
 * and {@code time ≥ bytes / bandwidth} at every memory level, and weights (cold) cross DRAM at
 * least once.
 */
class RooflineBoundsTest {
  static final List<Kernel> KERNELS =
      List.of(
          Kernel.Gemm.of(1024, 1024, 1024),
          Kernel.Gemm.of(1, 4096, 9216),
          Kernel.Gemm.of(64, 4096, 9216),
          Kernel.Gemm.of(3, 1000, 4096),
          Kernel.Gemm.of(8192, 8192, 8192),
          Kernel.Gemm.of(100, 37, 211),
          new Kernel.Gemm(64, 4096, 1024, 10, true),
          new Kernel.Gemm(3025, 48, 1200, 2, false),
          new Kernel.Conv(1, 3, 227, 227, 96, 11, 11, 4, 4, 55, 55, 1),
          new Kernel.Conv(8, 256, 13, 13, 384, 3, 3, 1, 1, 13, 13, 1),
          new Kernel.Conv(1, 64, 56, 56, 64, 1, 1, 1, 1, 56, 56, 1),
          new Kernel.Spmv(4096, 9216, 3_397_386, 1),
          new Kernel.Spmv(1000, 4096, 1_024_000, 64),
          new Kernel.Stream("relu", 1_000_000, 1_000_000, 1_000_000, 0),
          new Kernel.Stream("lrn", 290_400, 290_400, 290_400, 1_452_000));

  record Device(String name, double peakFlops, Function<Kernel, List<KernelTime>> price) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (String p : CpuPresets.names()) {
      for (MathFormat f : List.of(MathFormat.FP32, MathFormat.BF16)) {
        CpuModel m = new CpuModel(CpuPresets.preset(p)).withFormat(f);
        Device d = new Device(p + "/" + f.key(), m.config().peakFlops(f), m::price);
        for (Kernel k : KERNELS) {
          out.add(Arguments.of(d, k));
        }
      }
    }
    for (String p : GpuPresets.names()) {
      GpuModel base = new GpuModel(GpuPresets.preset(p));
      for (MathFormat f : List.of(MathFormat.FP32, MathFormat.FP16)) {
        GpuModel m = base.withFormat(f);
        Device d = new Device(p + "/" + f.key(), m.config().peakFlops(f), k -> List.of(m.price(k)));
        for (Kernel k : KERNELS) {
          out.add(Arguments.of(d, k));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void timeIsAtLeastEveryRoofline(Device d, Kernel k) {
    long weightElems =
        switch (k) {
          case Kernel.Gemm g -> g.bElements();
          case Kernel.Conv c -> c.weightElements();
          case Kernel.Spmv s -> s.nnz();
          case Kernel.Stream s -> 0;
        };
    long dram = 0;
    for (KernelTime t : d.price().apply(k)) {
      double s = t.seconds();
      assertThat(s)
          .as(t.kernel() + " compute roofline")
          .isGreaterThanOrEqualTo(2.0 * t.macs() / d.peakFlops() * (1 - 1e-12));
      assertThat(s).isGreaterThanOrEqualTo(t.computeS());
      for (KernelTime.Traffic tr : t.traffic()) {
        assertThat(s)
            .as(t.kernel() + " " + tr.level() + " roofline")
            .isGreaterThanOrEqualTo(tr.bytes() / tr.bytesPerS());
      }
      dram += t.bytes("dram");
    }
    // weights start in DRAM: at least one byte per weight element (int8/fp8) or more
    assertThat(dram).as("dram bytes").isGreaterThanOrEqualTo(weightElems);
  }
}
