package dev.silica.workloads.exec;

/** The arithmetic of a {@link ReferenceExecutor} run. */
public enum Precision {
  /**
   * {@code float} storage between ops and {@code float} accumulation in the products (convolution,
   * transposed convolution, GEMM, MatMul); every other op is evaluated in {@code double} and each
   * result element rounded to {@code float} once. The golden outputs.
   */
  FP32,
  /** Everything in {@code double}: the oracle the FP32 kernels are tested against. */
  FP64
}
