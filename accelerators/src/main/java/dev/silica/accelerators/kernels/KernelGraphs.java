package dev.silica.accelerators.kernels;

import dev.silica.workloads.ir.Gemm;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.GraphBuilder;
import dev.silica.workloads.ir.TensorType;
import dev.silica.workloads.ir.ValueId;

/**
 * One-node graphs for kernel studies, the {@code gemm:M,N,K} and {@code gemv:M,N} workloads.
 *
 * <ul>
 *   <li>{@link #gemm}: {@code C[batch·M, N] = A[batch·M, K] · B[K, N]} (input A, weight B); a batch
 *       of independent products with the same B is one taller product;
 *   <li>{@link #gemv}: {@code y[batch, M] = x[batch, N] · W[M, N]ᵀ}, a fully connected layer
 *       without bias: at batch 1 a matrix-vector product over the {@code M × N} weight matrix.
 * </ul>
 */
public final class KernelGraphs {
  private KernelGraphs() {}

  public static Graph gemm(int m, int n, int k, int batch) {
    positive("gemm", m, n, k, batch);
    String name = "gemm_" + m + "x" + n + "x" + k + (batch > 1 ? "_b" + batch : "");
    GraphBuilder b = new GraphBuilder(name);
    ValueId a = b.input("a", TensorType.f32(Math.multiplyExact(batch, m), k));
    ValueId w = b.parameter("b", TensorType.f32(k, n));
    ValueId c = b.apply("gemm", new Gemm(false, false, 1f, 1f), a, w);
    return b.output(c).build();
  }

  public static Graph gemv(int m, int n, int batch) {
    positive("gemv", m, n, 1, batch);
    String name = "gemv_" + m + "x" + n + (batch > 1 ? "_b" + batch : "");
    GraphBuilder b = new GraphBuilder(name);
    ValueId x = b.input("x", TensorType.f32(batch, n));
    ValueId w = b.parameter("w", TensorType.f32(m, n));
    ValueId y = b.apply("gemv", new Gemm(false, true, 1f, 1f), x, w);
    return b.output(y).build();
  }

  private static void positive(String what, int... v) {
    for (int x : v) {
      if (x <= 0) {
        throw new IllegalArgumentException(
            what + ": dimensions and batch must be positive integers, got " + x);
      }
    }
  }
}
