package dev.silica.accelerators.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.silica.accelerators.gpu.GpuModel;
import dev.silica.accelerators.gpu.GpuPresets;
import dev.silica.accelerators.kernels.Kernel;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.zoo.Zoo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Collective formulas by hand, and the shape of the speedup curves. */
class ParallelismTest {
  final GpuModel gtx = new GpuModel(GpuPresets.preset("gtx-580"));
  final Graph alexnet = Zoo.build("alexnet");

  Parallelism on(String link) {
    return new Parallelism(alexnet, k -> gtx.price(k).seconds(), Interconnect.preset(link), 4);
  }

  @Test
  void collectivesByHand() {
    Interconnect ring = Interconnect.preset("pcie2-x16");
    // ring all-reduce of 1 GB over 4 devices, 8 GB/s links, 5 us: 2*3*(5e-6 + 1e9/(4*8e9))
    assertThat(ring.allReduceSeconds(1e9, 4)).isCloseTo(6 * (5e-6 + 1e9 / 32e9), within(1e-12));
    assertThat(ring.allGatherSeconds(1e9, 4)).isCloseTo(3 * (5e-6 + 1e9 / 32e9), within(1e-12));
    Interconnect nv = Interconnect.preset("nvlink3");
    // all-to-all: 2 * (2e-6 + 1e9 / (8 * 300e9))
    assertThat(nv.allReduceSeconds(1e9, 8)).isCloseTo(2 * (2e-6 + 1e9 / 2400e9), within(1e-12));
    assertThat(ring.allReduceSeconds(1e9, 1)).isZero();
    assertThat(ring.sendSeconds(8e9)).isCloseTo(1 + 5e-6, within(1e-12));
  }

  @Test
  void oneDeviceIsTheBaselineAndCommunicationGrows() {
    Parallelism p = on("pcie2-x16");
    int[] counts = {1, 2, 4, 8, 16, 32, 64};
    for (String s : List.of("data", "pipeline", "output-split")) {
      List<double[]> rows = p.curve(s, 128, counts);
      assertThat(rows.get(0)[3]).as(s + " speedup at N=1").isEqualTo(1.0);
      assertThat(rows.get(0)[2]).as(s + " comm at N=1").isZero();
      for (double[] r : rows) {
        assertThat(r[1]).isPositive();
        assertThat(r[4]).as(s + " efficiency at N=" + r[0]).isLessThanOrEqualTo(1.0 + 1e-9);
      }
    }
    // data parallel: the ring all-reduce of 61M fp32 gradients grows with N towards 2x the bytes
    double c2 = p.dataParallel(128, 2).commSeconds();
    double c64 = p.dataParallel(128, 64).commSeconds();
    assertThat(c64).isGreaterThan(c2);
    assertThat(p.parameters()).isBetween(60_000_000L, 62_000_000L);
  }

  @Test
  void alexNetOnTwoGtx580sIsFasterThanOne() {
    Parallelism p = on("pcie2-x16");
    double one = p.outputSplit(128, 1).seconds();
    double two = p.outputSplit(128, 2).seconds();
    assertThat(one / two).isGreaterThan(1.0).isLessThan(2.0);
    // data parallel on a faster link scales better than on PCIe 2
    double pcie = p.dataParallel(128, 8).seconds();
    double nvlink = on("nvlink2").dataParallel(128, 8).seconds();
    assertThat(nvlink).isLessThan(pcie);
  }

  @Test
  void outputSplitKeepsWholeGroupsOnADevice() {
    // AlexNet's conv2: 2 groups of 48 -> 128 filters; on 2 devices each runs one ungrouped tower
    Kernel.Conv c = new Kernel.Conv(1, 96, 27, 27, 256, 5, 5, 1, 1, 27, 27, 2);
    Kernel.Conv s = (Kernel.Conv) Parallelism.split(c, 2);
    assertThat(s.groups()).isEqualTo(1);
    assertThat(s.cin()).isEqualTo(48);
    assertThat(s.cout()).isEqualTo(128);
    assertThat(s.macs() * 2).isEqualTo(c.macs());
  }
}
