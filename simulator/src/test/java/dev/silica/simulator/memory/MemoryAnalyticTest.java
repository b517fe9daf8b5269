package dev.silica.simulator.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silica.simulator.energy.Action;
import dev.silica.simulator.energy.ActionCounts;
import org.junit.jupiter.api.Test;

/** Closed-form checks of the memory helpers; each expected number is worked out in its comment. */
class MemoryAnalyticTest {

  @Test
  void transferCyclesAreTheCeilingOfBytesOverBandwidth() {
    BandwidthLimiter b = new BandwidthLimiter(32);
    assertThat(b.cycles(0)).isZero();
    assertThat(b.cycles(1)).isEqualTo(1); // ceil(1/32)
    assertThat(b.cycles(64)).isEqualTo(2); // exactly 2
    assertThat(b.cycles(65)).isEqualTo(3); // ceil(65/32)
    // a non-integer rate: 34 GB/s at 700 MHz = 48.571... B/cycle; 1 MiB -> ceil(1048576 / 48.5714)
    // = 21589
    assertThat(new BandwidthLimiter(34e9 / 700e6).cycles(1 << 20)).isEqualTo(21589);
    // exact multiples computed in floating point do not round up: 3 bytes at 1/3... B/cycle is 9
    // cycles
    assertThat(BandwidthLimiter.ceilDiv(3, 1.0 / 3)).isEqualTo(9);
    assertThat(b.bytesIn(10)).isEqualTo(320);
  }

  @Test
  void doubleBufferingHidesTheShorterOfComputeAndTransfer() {
    // 4 equal tiles, compute 100, transfer 60: t + 3 max(c, t) + c = 60 + 300 + 100 = 460; stall 60
    BandwidthLimiter.Schedule computeBound = BandwidthLimiter.doubleBufferedUniform(4, 100, 60);
    assertThat(computeBound.totalCycles()).isEqualTo(460);
    assertThat(computeBound.computeCycles()).isEqualTo(400);
    assertThat(computeBound.stallCycles()).isEqualTo(60);
    // transfer-bound: compute 50, transfer 80: 80 + 3 x 80 + 50 = 370; stall 370 - 200 = 170
    BandwidthLimiter.Schedule memoryBound = BandwidthLimiter.doubleBufferedUniform(4, 50, 80);
    assertThat(memoryBound.totalCycles()).isEqualTo(370);
    assertThat(memoryBound.stallCycles()).isEqualTo(170);
    // the general form agrees with the uniform one
    assertThat(
            BandwidthLimiter.doubleBuffered(
                new long[] {50, 50, 50, 50}, new long[] {80, 80, 80, 80}))
        .isEqualTo(memoryBound);
    // uneven tiles: t0 + max(c0,t1) + max(c1,t2) + c2 = 10 + max(5,20) + max(30,1) + 7 = 67
    assertThat(
            BandwidthLimiter.doubleBuffered(new long[] {5, 30, 7}, new long[] {10, 20, 1})
                .totalCycles())
        .isEqualTo(67);
    assertThat(BandwidthLimiter.doubleBufferedUniform(0, 5, 5).totalCycles()).isZero();
    // serial: sum of both = (5+30+7) + (10+20+1) = 73
    assertThat(BandwidthLimiter.serial(new long[] {5, 30, 7}, new long[] {10, 20, 1}).totalCycles())
        .isEqualTo(73);
    assertThat(BandwidthLimiter.overlapped(7, 9)).isEqualTo(9);
  }

  @Test
  void doubleBufferingIsNeverWorseThanSerialNorBetterThanTheBound() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(42);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + r.nextInt(8);
      long[] c = new long[n];
      long[] t = new long[n];
      for (int i = 0; i < n; i++) {
        c[i] = r.nextInt(100);
        t[i] = r.nextInt(100);
      }
      long db = BandwidthLimiter.doubleBuffered(c, t).totalCycles();
      long serial = BandwidthLimiter.serial(c, t).totalCycles();
      long sc = java.util.Arrays.stream(c).sum();
      long st = java.util.Arrays.stream(t).sum();
      assertThat(db)
          .as("seed 42 trial %d", trial)
          .isLessThanOrEqualTo(serial)
          .isGreaterThanOrEqualTo(Math.max(sc, st));
    }
  }

  @Test
  void sramGeometryAndAccessCounting() {
    // 256 KiB, 64-bit words, 4 banks, double-buffered: usable 128 KiB, arrays of 256 KiB / 8 = 32
    // KiB
    Sram s = new Sram("weights_sram", 262144, 64, 4, true);
    assertThat(s.usableBytes()).isEqualTo(131072);
    assertThat(s.arrayBytes()).isEqualTo(32768);
    assertThat(s.arrayCount()).isEqualTo(8);
    assertThat(s.fits(131072)).isTrue();
    assertThat(s.fits(131073)).isFalse();
    assertThat(s.accessesFor(100)).isEqualTo(13); // ceil(800 / 64)
    assertThat(s.bytesPerCycle()).isEqualTo(32.0); // 4 banks x 8 B
    assertThat(s.cyclesFor(100)).isEqualTo(4); // ceil(13 accesses / 4 banks)
    assertThat(s.readAction()).isEqualTo(Action.sramRead(32768, 64));

    ActionCounts counts = new ActionCounts();
    Sram.Port port = s.bind(counts);
    assertThat(port.read(64)).isEqualTo(8);
    port.read(8);
    port.write(16);
    assertThat(counts.get("weights_sram", Action.sramRead(32768, 64))).isEqualTo(9);
    assertThat(counts.get("weights_sram", Action.sramWrite(32768, 64))).isEqualTo(2);
    assertThat(port.bytesRead()).isEqualTo(72);
    assertThat(port.bytesWritten()).isEqualTo(16);
  }

  @Test
  void sramRejectsImpossibleGeometry() {
    assertThatThrownBy(() -> new Sram("s", 1000, 64, 3, false))
        .hasMessage("s: capacity_bytes must be a multiple of banks x halves (3), got 1000");
    assertThatThrownBy(() -> new Sram("s", 0, 64, 1, false))
        .hasMessage("s: capacity_bytes, width_bits and banks must be positive, got 0, 64, 1");
    assertThatThrownBy(() -> new Sram("s", 8, 128, 1, false))
        .hasMessage("s: an array of 8 B cannot hold one 128-bit word");
  }

  @Test
  void dramTransfersPayLatencyOnceAndCountBits() {
    // 34 GB/s at 700 MHz (TPU v1 DDR3, papers-inputs §2.4): 48.571 B/cycle
    DramChannel d = DramChannel.ofBandwidth("dram", 34, 700e6, 100);
    assertThat(d.bytesPerCycle())
        .isCloseTo(48.5714285714, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(d.transferCycles(0)).isZero();
    assertThat(d.transferCycles(4096)).isEqualTo(100 + 85); // ceil(4096 / 48.571) = 85
    assertThat(d.streamCycles(4096)).isEqualTo(85);
    ActionCounts counts = new ActionCounts();
    DramChannel.Port p = d.bind(counts);
    assertThat(p.read(4096)).isEqualTo(185);
    p.write(10);
    assertThat(counts.get("dram", Action.DRAM_READ_BITS)).isEqualTo(32768);
    assertThat(counts.get("dram", Action.DRAM_WRITE_BITS)).isEqualTo(80);
    assertThatThrownBy(() -> new DramChannel("dram", 0, 1))
        .hasMessage("dram: bandwidth_bytes_per_cycle must be positive, got 0.0");
  }
}
