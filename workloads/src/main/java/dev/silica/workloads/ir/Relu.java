package dev.silica.workloads.ir;

import java.util.List;

/**
 * Rectified linear unit, {@code y = max(0, x)}, ONNX {@code Relu}.
 *
 * <p>Iteration space: one element-wise pass over the input (1 operation(s) per element, no MACs);
 * computed in place, so it needs no new activation memory.
 */
public record Relu() implements Op {
  @Override
  public String kind() {
    return "relu";
  }

  @Override
  public List<TensorType> infer(List<TensorType> in) {
    return Elementwise.unary(this, in);
  }

  @Override
  public IterationSpace iterationSpace(List<TensorType> in, List<TensorType> out) {
    return IterationSpace.elementwise(out.get(0), 1, "X");
  }

  @Override
  public boolean allocatesOutput() {
    return false;
  }
}
