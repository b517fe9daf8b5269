package dev.silica.simulator.memory;

/**
 * Closed-form transfer and overlap arithmetic for a link of {@code bytesPerCycle}.
 *
 * <ul>
 *   <li>transfer: {@code cycles(N) = ⌈N / B⌉} (0 for N = 0);
 *   <li>serial (no buffering): {@code Σ (c_i + t_i)};
 *   <li>double buffering over tiles 0..n−1 with compute c_i and transfer t_i: tile i+1 loads while
 *       tile i computes, so {@code total = t_0 + Σ_{i=0}^{n−2} max(c_i, t_{i+1}) + c_{n−1}}; for n
 *       equal tiles {@code total = t + (n−1)·max(c, t) + c};
 *   <li>memory stall = total − Σ c_i (cycles the datapath waits).
 * </ul>
 *
 * <p>Ceilings use a relative guard of 1e-12 so that an exact multiple computed in floating point
 * ({@code 3·(1/3)}) does not round up.
 *
 * @param bytesPerCycle sustained bandwidth, positive
 */
public record BandwidthLimiter(double bytesPerCycle) {
  public BandwidthLimiter {
    if (!(bytesPerCycle > 0) || Double.isInfinite(bytesPerCycle)) {
      throw new IllegalArgumentException(
          "bandwidth_bytes_per_cycle must be positive, got " + bytesPerCycle);
    }
  }

  /** A schedule's cycles: total, compute, and the stall the transfers add. */
  public record Schedule(long totalCycles, long computeCycles, long stallCycles) {
    public Schedule {
      if (totalCycles != computeCycles + stallCycles || computeCycles < 0 || stallCycles < 0) {
        throw new IllegalStateException(
            "schedule total "
                + totalCycles
                + " != compute "
                + computeCycles
                + " + stall "
                + stallCycles);
      }
    }
  }

  /** {@code ⌈bytes / bytesPerCycle⌉}. */
  public long cycles(long bytes) {
    return ceilDiv(bytes, bytesPerCycle);
  }

  /** Bytes movable in {@code cycles}: {@code ⌊cycles · B⌋}. */
  public long bytesIn(long cycles) {
    return (long) Math.floor(cycles * bytesPerCycle * (1 + 1e-12));
  }

  /** {@code ⌈bytes / bytesPerCycle⌉}, for any positive rate. */
  public static long ceilDiv(long bytes, double bytesPerCycle) {
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes must be >= 0, got " + bytes);
    }
    if (bytes == 0) {
      return 0;
    }
    return (long) Math.ceil(bytes / bytesPerCycle * (1 - 1e-12));
  }

  /** One tile whose transfer overlaps its compute fully: {@code max(c, t)}. */
  public static long overlapped(long computeCycles, long transferCycles) {
    return Math.max(computeCycles, transferCycles);
  }

  /** Transfers and compute one after the other: {@code Σ (c_i + t_i)}. */
  public static Schedule serial(long[] compute, long[] transfer) {
    checkSameLength(compute, transfer);
    long c = sum(compute);
    return new Schedule(c + sum(transfer), c, sum(transfer));
  }

  /**
   * Double-buffered tiles: {@code t_0 + Σ_{i<n−1} max(c_i, t_{i+1}) + c_{n−1}}; an empty list is
   * zero cycles.
   */
  public static Schedule doubleBuffered(long[] compute, long[] transfer) {
    checkSameLength(compute, transfer);
    int n = compute.length;
    if (n == 0) {
      return new Schedule(0, 0, 0);
    }
    long total = transfer[0];
    for (int i = 0; i < n - 1; i++) {
      total += Math.max(compute[i], transfer[i + 1]);
    }
    total += compute[n - 1];
    long c = sum(compute);
    return new Schedule(total, c, total - c);
  }

  /** {@code n} equal tiles, double-buffered: {@code t + (n−1)·max(c, t) + c}. */
  public static Schedule doubleBufferedUniform(long tiles, long compute, long transfer) {
    if (tiles < 0 || compute < 0 || transfer < 0) {
      throw new IllegalArgumentException(
          "tiles, compute and transfer must be >= 0, got "
              + tiles
              + ", "
              + compute
              + ", "
              + transfer);
    }
    if (tiles == 0) {
      return new Schedule(0, 0, 0);
    }
    long total = transfer + (tiles - 1) * Math.max(compute, transfer) + compute;
    long c = tiles * compute;
    return new Schedule(total, c, total - c);
  }

  private static void checkSameLength(long[] a, long[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "compute and transfer need one entry per tile, got " + a.length + " and " + b.length);
    }
    for (int i = 0; i < a.length; i++) {
      if (a[i] < 0 || b[i] < 0) {
        throw new IllegalArgumentException(
            "tile " + i + ": cycles must be >= 0, got " + a[i] + ", " + b[i]);
      }
    }
  }

  private static long sum(long[] a) {
    long s = 0;
    for (long v : a) {
      s += v;
    }
    return s;
  }
}
