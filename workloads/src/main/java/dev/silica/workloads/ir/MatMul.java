package dev.silica.workloads.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * Matrix product with NumPy semantics, ONNX {@code MatMul}: operands of rank ≥ 2 multiply their
 * last two dimensions {@code [.., M, K] · [.., K, N]} and broadcast the leading (batch) dimensions;
 * a rank-1 operand is promoted to a matrix and the added dimension removed from the result. Batched
 * products of attention ({@code Q·Kᵀ}, {@code P·V}) use this op.
 *
 * <p>Iteration space {@code B M N K} with {@code B} the broadcast batch size: MACs = {@code
 * B·M·N·K}.
 */
public record MatMul() implements Op {
  @Override
  public String kind() {
    return "matmul";
  }

  @Override
  public List<TensorType> infer(List<TensorType> in) {
    Infer.arity(this, in, 2, 2);
    TensorType a = in.get(0);
    TensorType b = in.get(1);
    Infer.minRank("A", a, 1);
    Infer.minRank("B", b, 1);
    Infer.floating("A", a);
    Infer.sameDtype("B", a, b);
    Shape sa = a.rank() == 1 ? Shape.of(1, a.dim(0)) : a.shape();
    Shape sb = b.rank() == 1 ? Shape.of(b.dim(0), 1) : b.shape();
    int k = sa.dim(-1);
    if (k != sb.dim(-2)) {
      throw Infer.error(
          "inner dimensions differ: A%s · B%s (%d != %d)", a.shape(), b.shape(), k, sb.dim(-2));
    }
    Shape batch =
        Infer.broadcast(
            new Shape(sa.dims().subList(0, sa.rank() - 2)),
            new Shape(sb.dims().subList(0, sb.rank() - 2)));
    List<Integer> dims = new ArrayList<>(batch.dims());
    if (a.rank() > 1) {
      dims.add(sa.dim(-2));
    }
    if (b.rank() > 1) {
      dims.add(sb.dim(-1));
    }
    return List.of(a.withShape(new Shape(dims)));
  }

  @Override
  public IterationSpace iterationSpace(List<TensorType> in, List<TensorType> out) {
    TensorType a = in.get(0);
    TensorType b = in.get(1);
    long m = a.rank() == 1 ? 1 : a.dim(-2);
    long k = a.dim(-1);
    long n = b.rank() == 1 ? 1 : b.dim(-1);
    long batch = out.get(0).size() / (m * n);
    List<IterationSpace.Projection> proj =
        List.of(
            Infer.read("A", "b", "m", "k"),
            Infer.read("B", "b", "k", "n"),
            Infer.update("Y", "b", "m", "n"));
    return new IterationSpace(
        Infer.dims("B", batch, "M", m, "N", n, "K", k), proj, batch * m * n * k, 0);
  }
}
