package dev.silica.workloads.ir;

import java.util.List;

/**
 * Hyperbolic tangent, ONNX {@code Tanh}.
 *
 * <p>Iteration space: one element-wise pass over the input (1 operation(s) per element, no MACs);
 * computed in place, so it needs no new activation memory.
 */
public record Tanh() implements Op {
  @Override
  public String kind() {
    return "tanh";
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
