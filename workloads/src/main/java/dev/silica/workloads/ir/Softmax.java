package dev.silica.workloads.ir;

import java.util.List;

/**
 * Softmax along one axis, ONNX {@code Softmax} (opset 13): {@code y_i = e^{x_i} / Σ_j e^{x_j}}.
 *
 * <p>Iteration space: element-wise, three operations per element (exponential, sum, divide).
 *
 * @param axis the normalized axis; negative counts from the end
 */
public record Softmax(int axis) implements Op {
  @Override
  public String kind() {
    return "softmax";
  }

  @Override
  public List<TensorType> infer(List<TensorType> in) {
    Infer.arity(this, in, 1, 1);
    Infer.floating("input", in.get(0));
    Infer.axis("softmax", axis, in.get(0).rank());
    return List.of(in.get(0));
  }

  @Override
  public IterationSpace iterationSpace(List<TensorType> in, List<TensorType> out) {
    return IterationSpace.elementwise(out.get(0), 3, "X");
  }
}
