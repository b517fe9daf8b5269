package dev.silica.workloads.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * General matrix multiply, ONNX {@code Gemm}: {@code Y = alpha · A' · B' + beta · C} with {@code
 * A'} = {@code A} or its transpose, likewise {@code B'}; {@code C} broadcasts to {@code [M,N]}.
 *
 * <p>A fully connected layer is {@code Gemm(transB = true)} with {@code A[batch, in]}, {@code
 * W[out, in]} (the PyTorch and ONNX layout) and bias {@code [out]}: see {@link #fullyConnected()}.
 *
 * <p>Iteration space {@code M N K}: {@code Y[m,n] += A'[m,k] · B'[k,n]}; MACs = {@code M·N·K}.
 *
 * @param transA whether {@code A} is stored {@code [K,M]}
 * @param transB whether {@code B} is stored {@code [N,K]}
 * @param alpha scale of the product
 * @param beta scale of {@code C}
 */
public record Gemm(boolean transA, boolean transB, float alpha, float beta) implements Op {
  public Gemm {
    if (!Float.isFinite(alpha) || !Float.isFinite(beta)) {
      throw Infer.error("gemm: alpha and beta must be finite, got %s, %s", alpha, beta);
    }
  }

  /** A fully connected layer: {@code Y = X · Wᵀ + b}. */
  public static Gemm fullyConnected() {
    return new Gemm(false, true, 1f, 1f);
  }

  @Override
  public String kind() {
    return "gemm";
  }

  @Override
  public List<TensorType> infer(List<TensorType> in) {
    Infer.arity(this, in, 2, 3);
    TensorType a = in.get(0);
    TensorType b = in.get(1);
    Infer.rank("A", a, 2);
    Infer.rank("B", b, 2);
    Infer.floating("A", a);
    Infer.sameDtype("B", a, b);
    int m = transA ? a.dim(1) : a.dim(0);
    int ka = transA ? a.dim(0) : a.dim(1);
    int kb = transB ? b.dim(1) : b.dim(0);
    int n = transB ? b.dim(0) : b.dim(1);
    if (ka != kb) {
      throw Infer.error(
          "inner dimensions differ: A%s%s has K = %d, B%s%s has K = %d",
          a.shape(), transA ? "ᵀ" : "", ka, b.shape(), transB ? "ᵀ" : "", kb);
    }
    Shape y = Shape.of(m, n);
    if (in.size() == 3) {
      Infer.sameDtype("C", a, in.get(2));
      Shape c = in.get(2).shape();
      if (!Infer.broadcast(y, c).equals(y)) {
        throw Infer.error("C %s does not broadcast to [%d,%d]", c, m, n);
      }
    }
    return List.of(a.withShape(y));
  }

  @Override
  public IterationSpace iterationSpace(List<TensorType> in, List<TensorType> out) {
    TensorType y = out.get(0);
    int k = transA ? in.get(0).dim(0) : in.get(0).dim(1);
    List<IterationSpace.Projection> proj = new ArrayList<>();
    proj.add(transA ? Infer.read("A", "k", "m") : Infer.read("A", "m", "k"));
    proj.add(transB ? Infer.read("B", "n", "k") : Infer.read("B", "k", "n"));
    if (in.size() == 3) {
      proj.add(Infer.read("C", "m", "n"));
    }
    proj.add(Infer.update("Y", "m", "n"));
    long macs = (long) y.dim(0) * y.dim(1) * k;
    return new IterationSpace(
        Infer.dims("M", y.dim(0), "N", y.dim(1), "K", k),
        proj,
        macs,
        in.size() == 3 ? y.size() : 0);
  }
}
