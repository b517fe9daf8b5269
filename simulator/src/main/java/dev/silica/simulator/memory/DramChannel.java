package dev.silica.simulator.memory;

import dev.silica.simulator.energy.Action;
import dev.silica.simulator.energy.ActionCounts;

/**
 * An off-chip memory channel: sustained bandwidth in bytes per cycle and a fixed access latency.
 * Energy is per bit moved: reads count {@code dram.read.bits}, writes {@code dram.write.bits}, so
 * the energy table's per-bit price (20 pJ/bit for Horowitz's LPDDR2) applies.
 *
 * <ul>
 *   <li>transfer cycles for N bytes: {@code latency + ⌈N / B⌉} (0 for N = 0);
 *   <li>streamed (latency paid once, hidden behind other work): {@code ⌈N / B⌉}.
 * </ul>
 *
 * @param name the component name counted in action counts ({@code dram})
 * @param bytesPerCycle sustained bandwidth
 * @param latencyCycles cycles from request to first data
 */
public record DramChannel(String name, double bytesPerCycle, long latencyCycles) {
  public DramChannel {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("dram name must not be blank");
    }
    if (!(bytesPerCycle > 0) || Double.isInfinite(bytesPerCycle)) {
      throw new IllegalArgumentException(
          name + ": bandwidth_bytes_per_cycle must be positive, got " + bytesPerCycle);
    }
    if (latencyCycles < 0) {
      throw new IllegalArgumentException(
          name + ": latency_cycles must be >= 0, got " + latencyCycles);
    }
  }

  /** A channel of {@code gbPerSecond} (10^9 B/s) at {@code clockHz}: B = GB/s · 10^9 / f. */
  public static DramChannel ofBandwidth(
      String name, double gbPerSecond, double clockHz, long latencyCycles) {
    return new DramChannel(name, gbPerSecond * 1e9 / clockHz, latencyCycles);
  }

  /** {@code latency + ⌈bytes / B⌉}, or 0 for no bytes. */
  public long transferCycles(long bytes) {
    return bytes == 0 ? 0 : latencyCycles + streamCycles(bytes);
  }

  /** {@code ⌈bytes / B⌉}: bandwidth-bound time with the latency hidden. */
  public long streamCycles(long bytes) {
    return BandwidthLimiter.ceilDiv(bytes, bytesPerCycle);
  }

  public BandwidthLimiter limiter() {
    return new BandwidthLimiter(bytesPerCycle);
  }

  /** This channel counting into {@code counts}. */
  public Port bind(ActionCounts counts) {
    return new Port(this, counts);
  }

  /** A run's view of the channel: counts bits moved. */
  public static final class Port {
    private final DramChannel channel;
    private final ActionCounts counts;
    private final int readSlot;
    private final int writeSlot;

    private Port(DramChannel channel, ActionCounts counts) {
      this.channel = channel;
      this.counts = counts;
      this.readSlot = counts.slot(channel.name(), Action.DRAM_READ_BITS);
      this.writeSlot = counts.slot(channel.name(), Action.DRAM_WRITE_BITS);
    }

    /** Counts {@code 8·bytes} read bits; returns the transfer cycles (latency included). */
    public long read(long bytes) {
      counts.addAt(readSlot, bytes * 8);
      return channel.transferCycles(bytes);
    }

    /** Counts {@code 8·bytes} written bits; returns the transfer cycles (latency included). */
    public long write(long bytes) {
      counts.addAt(writeSlot, bytes * 8);
      return channel.transferCycles(bytes);
    }

    public DramChannel channel() {
      return channel;
    }
  }
}
