package dev.silica.workloads.ir;

import java.util.List;

/**
 * Gaussian error linear unit, {@code y = x·Φ(x)} (BERT), or with {@code tanhApproximation} {@code
 * 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))} (GPT-2), ONNX {@code Gelu}.
 *
 * <p>Iteration space: one element-wise pass over the input (1 operation(s) per element, no MACs);
 * computed in place, so it needs no new activation memory.
 *
 * @param tanhApproximation use the tanh approximation instead of the exact erf form
 */
public record Gelu(boolean tanhApproximation) implements Op {
  @Override
  public String kind() {
    return "gelu";
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
