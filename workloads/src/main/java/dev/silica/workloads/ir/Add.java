package dev.silica.workloads.ir;

import java.util.List;

/**
 * Element-wise sum with NumPy broadcasting, ONNX {@code Add}: the result has the broadcast shape of
 * the two operands. Residual connections and attention masks use it.
 *
 * <p>Iteration space: one pass over the result, one operation per element, no MACs.
 */
public record Add() implements Op {
  @Override
  public String kind() {
    return "add";
  }

  @Override
  public List<TensorType> infer(List<TensorType> in) {
    return Elementwise.binary(this, in);
  }

  @Override
  public IterationSpace iterationSpace(List<TensorType> in, List<TensorType> out) {
    return IterationSpace.elementwise(out.get(0), 1, "A", "B");
  }
}
