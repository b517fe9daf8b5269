package dev.silica.accelerators.tpu;

/**
 * One matrix product {@code C[m,n] = A[m,k] · B[k,n]} the array runs {@code count} times (the
 * groups of a grouped convolution, the batches of a batched matmul, the time steps of a
 * recurrence).
 *
 * @param m rows of A and C (output pixels × batch for a convolution)
 * @param n columns of B and C (filters per group)
 * @param k the reduction (kernel height × width × input channels per group)
 * @param count how many times the product runs, each with its own operands
 * @param ifmapElements elements of the raw input one instance reads from DRAM (the IFMAP before
 *     im2col for a convolution, {@code m·k} for a matrix product)
 */
public record GemmShape(long m, long n, long k, long count, long ifmapElements) {
  public GemmShape {
    if (m <= 0 || n <= 0 || k <= 0 || count <= 0 || ifmapElements <= 0) {
      throw new IllegalArgumentException(
          "GEMM dimensions must be positive, got m="
              + m
              + " n="
              + n
              + " k="
              + k
              + " count="
              + count
              + " ifmap="
              + ifmapElements);
    }
  }

  /** A plain GEMM, run once, whose IFMAP is the {@code m×k} matrix. */
  public static GemmShape of(long m, long n, long k) {
    return new GemmShape(m, n, k, 1, m * k);
  }

  /** MACs of all instances: {@code count · m · n · k}. */
  public long macs() {
    return Math.multiplyExact(Math.multiplyExact(Math.multiplyExact(m, n), k), count);
  }
}
