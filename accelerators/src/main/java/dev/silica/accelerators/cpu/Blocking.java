package dev.silica.accelerators.cpu;

/**
 * Goto/BLIS GEMM blocking (gpu-cpu-specs §3.3): an {@code mr × nr} register micro-tile, a {@code kc
 * × nr} micro-panel of B in L1, an {@code mc × kc} block of A in L2, a {@code kc × nc} panel of B
 * in L3.
 */
public record Blocking(int mr, int nr, int mc, int kc, int nc) {
  public Blocking {
    if (mr <= 0 || nr <= 0 || mc < mr || kc <= 0 || nc < nr) {
      throw new IllegalArgumentException(
          "blocking: need 0 < mr <= mc, 0 < nr <= nc, kc > 0, got "
              + mr
              + "/"
              + nr
              + "/"
              + mc
              + "/"
              + kc
              + "/"
              + nc);
    }
  }

  /**
   * Blocking derived from cache sizes by the capacity rules of gpu-cpu-specs §3.3, for {@code
   * elementBytes}-byte operands: {@code kc = ½ L1 / (nr·b)} (B micro-panel in half of L1), {@code
   * mc = ¾ L2 / (kc·b)} rounded down to a multiple of mr, {@code nc = ½ L3-per-core-share / (kc·b)}
   * rounded down to a multiple of nr. Register tile: {@code nr} two vectors wide, {@code mr = 6}
   * (AVX2, 16 vector registers: 12 accumulators + 2 B + 1 A) or 14 (AVX-512, 32 registers: 28
   * accumulators + 2 B + 1 A).
   */
  public static Blocking derive(
      int simdBits, long l1Bytes, long l2Bytes, long l3BytesPerCore, int elementBytes) {
    int lanes = simdBits / (8 * elementBytes);
    int nr = 2 * lanes;
    int mr = simdBits >= 512 ? 14 : 6;
    int kc = (int) Math.max(8, (l1Bytes / 2) / ((long) nr * elementBytes) / 8 * 8);
    int mc = (int) Math.max(mr, (3 * l2Bytes / 4) / ((long) kc * elementBytes) / mr * mr);
    int nc = (int) Math.max(nr, (l3BytesPerCore / 2) / ((long) kc * elementBytes) / nr * nr);
    return new Blocking(mr, nr, mc, kc, nc);
  }
}
