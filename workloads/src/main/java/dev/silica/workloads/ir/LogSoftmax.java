package dev.silica.workloads.ir;

import java.util.List;

/**
 * Log of the softmax along one axis, ONNX {@code LogSoftmax} (opset 13): {@code y_i = x_i - max -
 * ln Σ_j e^{x_j - max}}.
 *
 * <p>Iteration space: element-wise, three operations per element (exponential, sum, subtract).
 *
 * @param axis the normalized axis; negative counts from the end
 */
public record LogSoftmax(int axis) implements Op {
  @Override
  public String kind() {
    return "log_softmax";
  }

  @Override
  public List<TensorType> infer(List<TensorType> in) {
    Infer.arity(this, in, 1, 1);
    Infer.floating("input", in.get(0));
    Infer.axis("log_softmax", axis, in.get(0).rank());
    return List.of(in.get(0));
  }

  @Override
  public IterationSpace iterationSpace(List<TensorType> in, List<TensorType> out) {
    return IterationSpace.elementwise(out.get(0), 3, "X");
  }
}
