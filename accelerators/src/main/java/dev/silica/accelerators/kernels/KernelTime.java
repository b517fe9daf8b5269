package dev.silica.accelerators.kernels;

import dev.silica.simulator.energy.ActionCounts;
import java.util.List;

/**
 * What one kernel costs on one device: the roofline terms and the action counts.
 *
 * <p>{@code seconds = max(compute_s, max over levels of bytes / bytes_per_s) + overhead_s}: compute
 * and every memory level overlap (double buffering, hardware prefetch), fixed overheads (launch,
 * thread fork/join) do not.
 *
 * @param kernel what ran, e.g. {@code gemm 1024x1024x1024 tile 128x256 waves 10}
 * @param computeS time on the arithmetic units, after quantization and efficiency
 * @param traffic bytes per memory level and that level's bandwidth
 * @param overheadS fixed time not overlapped with anything
 * @param macs multiply-accumulates executed (Winograd: the transform-domain products)
 * @param flops floating-point (or integer) operations: {@code 2·macs} plus element operations
 * @param actions energy actions of the kernel (frozen)
 */
public record KernelTime(
    String kernel,
    double computeS,
    List<Traffic> traffic,
    double overheadS,
    long macs,
    long flops,
    ActionCounts actions) {

  /** Bytes moved at one memory level, and the level's achievable bandwidth. */
  public record Traffic(String level, long bytes, double bytesPerS) {
    public Traffic {
      if (bytes < 0 || !(bytesPerS > 0)) {
        throw new IllegalArgumentException(
            level + ": bytes must be >= 0 and bandwidth > 0, got " + bytes + ", " + bytesPerS);
      }
    }

    public double seconds() {
      return bytes / bytesPerS;
    }
  }

  public KernelTime {
    traffic = List.copyOf(traffic);
    actions = actions.frozen();
    if (!(computeS >= 0) || !(overheadS >= 0)) {
      throw new IllegalStateException(kernel + ": negative time " + computeS + ", " + overheadS);
    }
  }

  /** The slowest memory level's time. */
  public double memoryS() {
    double m = 0;
    for (Traffic t : traffic) {
      m = Math.max(m, t.seconds());
    }
    return m;
  }

  /** {@code max(compute, memory levels) + overhead}. */
  public double seconds() {
    return Math.max(computeS, memoryS()) + overheadS;
  }

  /** {@code compute} or the name of the slowest memory level. */
  public String bound() {
    String b = "compute";
    double m = computeS;
    for (Traffic t : traffic) {
      if (t.seconds() > m) {
        m = t.seconds();
        b = t.level();
      }
    }
    return b;
  }

  /** Bytes at {@code level}, 0 when the kernel does not touch it. */
  public long bytes(String level) {
    for (Traffic t : traffic) {
      if (t.level().equals(level)) {
        return t.bytes();
      }
    }
    return 0;
  }
}
