package dev.silica.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.silica.simulator.result.RunResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunReportTest {
  private static final double E = 1e-9;

  @Test
  void derivedMetricsOfTheThreeLayerRun() {
    RunReport r = RunReport.of(SyntheticRuns.threeLayers());
    LayerReport t = r.total();
    assertThat(t.cycles()).isEqualTo(3100); // 1000 + 2000 + 100
    assertThat(t.timeS()).isCloseTo(3.1e-6, within(1e-18)); // 3100 cycles / 1 GHz
    assertThat(t.macs()).isEqualTo(38400);
    assertThat(t.ops()).isEqualTo(76800); // 2 x MACs
    // 76800 ops / 3.1e-6 s / 1e12
    assertThat(t.tops()).isCloseTo(76800 / 3.1e-6 / 1e12, within(1e-12));
    // 38400 / (16 x 1000 + 16 x 2000 + 0 x 100), recomputed, not a mean of 0.8, 0.8, 0
    assertThat(t.utilization()).isCloseTo(0.8, within(E));
    assertThat(r.inferencesPerS()).isCloseTo(1 / 3.1e-6, within(1e-3));
    // energy: 38400 x 0.3 + 600 x 10 + 10 x 10 + 96000 x 20 + 8000 x 20 = 2,097,620 pJ
    assertThat(t.energyPj()).isCloseTo(2_097_620, within(1e-6));
    assertThat(r.energyByComponentPj())
        .containsOnlyKeys("pe_array", "weights_sram", "dram", "act_sram");
    assertThat(r.energyByComponentPj().get("pe_array")).isCloseTo(11520, within(1e-6));
    assertThat(r.energyByComponentPj().get("dram")).isCloseTo(2_080_000, within(1e-6));
    assertThat(r.energyByActionPj().get("sram.read[capacity_bytes=8192,width_bits=64]"))
        .isCloseTo(6000, within(1e-6));
    assertThat(r.energyByActionPj().get("sram.write[capacity_bytes=8192,width_bits=64]"))
        .isCloseTo(100, within(1e-6));
    // TOPS/W = ops / pJ; inferences/J = 1 / (2,097,620e-12 J)
    assertThat(r.topsPerW()).isCloseTo(76800 / 2_097_620.0, within(1e-12));
    assertThat(r.inferencesPerJ()).isCloseTo(1 / 2.09762e-6, within(1e-3));
    assertThat(r.powerW()).isCloseTo(2.09762e-6 / 3.1e-6, within(1e-9));
    // area: 16 x (282 + 137) um2 MACs + SRAM 3.7267 x 8192^0.98736 um2
    double sram = 3.7267 * Math.pow(8192, 0.98736);
    assertThat(r.areaUm2()).isCloseTo(16 * 419 + sram, within(1e-6));
    assertThat(r.areaByComponentUm2()).containsOnlyKeys("pe_array.mac", "weights_sram");
    // DRAM: (64000 + 32000 + 8000) bits / 8; SRAM: 600 reads x 8 B + 10 writes x 8 B
    assertThat(t.dramBytes()).isEqualTo(13000);
    assertThat(r.bytesByLevel())
        .containsExactly(
            Map.entry("dram", 13000L), Map.entry("sram", 4880L), Map.entry("regfile", 0L));
    assertThat(r.memoryTraffic())
        .containsExactly(
            new MemoryTraffic("dram", "dram", 12000, 1000),
            new MemoryTraffic("sram", "weights_sram", 4800, 0),
            new MemoryTraffic("sram", "act_sram", 0, 80));
    // the summary agrees with the simulator's own
    RunResult raw = SyntheticRuns.threeLayers();
    assertThat(r.summary().get("dram_bytes")).isEqualTo(raw.dramBytes());
    assertThat(r.summary().get("cycles")).isEqualTo(raw.cycles());
  }

  @Test
  void layersSumToTheTotal() {
    RunReport r = RunReport.of(SyntheticRuns.threeLayers());
    LayerReport c1 = r.layers().get(0);
    assertThat(c1.timeS()).isCloseTo(1e-6, within(1e-18));
    assertThat(c1.utilization()).isCloseTo(0.8, within(E)); // 12800 / (16 x 1000)
    // 12800 x 0.3 + 200 x 10 + 64000 x 20
    assertThat(c1.energyPj()).isCloseTo(1_285_840, within(1e-6));
    assertThat(c1.dramBytes()).isEqualTo(8000);
    assertThat(c1.opsPerDramByte()).isCloseTo(3.2, within(E)); // 25600 ops / 8000 B
    assertThat(c1.cycleShare("memory_stall")).isCloseTo(0.15, within(E));
    assertThat(r.layers().get(1).energyPj()).isCloseTo(811_680, within(1e-6));
    assertThat(r.layers().get(2).opsPerDramByte()).isInfinite();
    double energy = 0;
    long cycles = 0;
    long dram = 0;
    for (LayerReport l : r.layers()) {
      energy += l.energyPj();
      cycles += l.cycles();
      dram += l.dramBytes();
    }
    assertThat(energy).isCloseTo(r.total().energyPj(), within(1e-6));
    assertThat(cycles).isEqualTo(r.total().cycles());
    assertThat(dram).isEqualTo(r.total().dramBytes());
    assertThat(r.total().cycleBreakdown())
        .containsExactly(
            Map.entry("compute", 2700L),
            Map.entry("memory_stall", 150L),
            Map.entry("fill_drain", 250L));
  }

  @Test
  void roofFromTheConfigEchoOrUnknown() {
    Roof roof = RunReport.of(SyntheticRuns.threeLayers()).roof();
    // 2 x 16 MACs/cycle x 1 GHz; 8 bytes/cycle x 1 GHz; ridge 3.2e10 / 8e9 = 4 ops/byte
    assertThat(roof.peakOpsPerS().getAsDouble()).isEqualTo(3.2e10);
    assertThat(roof.dramBytesPerS().getAsDouble()).isEqualTo(8e9);
    assertThat(roof.ridgeOpsPerByte().getAsDouble()).isEqualTo(4.0);
    assertThat(roof.bandwidthSource()).contains("dram.bandwidth_bytes_per_cycle");
    assertThat(roof.attainableOpsPerS(3.2).getAsDouble()).isCloseTo(2.56e10, within(1.0));

    Roof unknown = RunReport.of(SyntheticRuns.threeLayers("nobw", 0)).roof();
    assertThat(unknown.isKnown()).isFalse();
    assertThat(unknown.dramBytesPerS()).isEmpty();
    assertThat(unknown.bandwidthSource()).startsWith("unknown");
  }

  @Test
  void infeasibleRunKeepsItsReason() {
    RunReport r =
        RunReport.of(RunResult.infeasible("tiny3", "eie", 1e9, "op conv2d unsupported", Map.of()));
    assertThat(r.isFeasible()).isFalse();
    assertThat(r.infeasibleReason()).contains("op conv2d unsupported");
    assertThat(r.total().cycles()).isZero();
    assertThat(r.inferencesPerS()).isZero();
    assertThat(r.topsPerW()).isZero();
    assertThat(TextTableRenderer.render(r)).contains("INFEASIBLE: op conv2d unsupported");
  }
}
