package dev.silica.workloads.ir;

import java.util.List;

/**
 * Leaky ReLU, {@code y = x} for {@code x ≥ 0} and {@code alpha·x} otherwise, ONNX {@code
 * LeakyRelu}.
 *
 * <p>Iteration space: one element-wise pass over the input (1 operation(s) per element, no MACs);
 * computed in place, so it needs no new activation memory.
 *
 * @param alpha slope for negative inputs
 */
public record LeakyRelu(float alpha) implements Op {
  public LeakyRelu {
    if (!Float.isFinite(alpha)) {
      throw Infer.error("leaky_relu: alpha must be finite, got %s", alpha);
    }
  }

  @Override
  public String kind() {
    return "leaky_relu";
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
