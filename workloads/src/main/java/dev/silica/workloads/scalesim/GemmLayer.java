package dev.silica.workloads.scalesim;

/**
 * A row of SCALE-Sim's GEMM topology ({@code Layer, M, N, K,}): the product of an {@code M x K}
 * IFMAP matrix and a {@code K x N} FILTER matrix, giving {@code M x N} outputs. SCALE-Sim runs it
 * as the convolution {@code IFMAP M x K, filter 1 x K, 1 channel, N filters, stride 1}, so {@code
 * M} is its output-pixel count and {@code N} its filter count (see {@link ScaleSimTopology}).
 *
 * @param name the layer name, as in the file
 * @param m rows of the IFMAP matrix and of the result
 * @param n columns of the FILTER matrix and of the result
 * @param k the reduction length
 */
public record GemmLayer(String name, long m, long n, long k) implements ScaleSimLayer {
  public GemmLayer {
    ScaleSimLayer.checkName(name);
    if (m < 1
        || n < 1
        || k < 1
        || m > Integer.MAX_VALUE
        || n > Integer.MAX_VALUE
        || k > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          name + ": M, N and K must be positive integers, got " + m + ", " + n + ", " + k);
    }
  }
}
