package dev.silica.workloads.ir;

import java.util.List;

/**
 * Causal (autoregressive) attention mask on the last two dimensions {@code [.., T, T]}: entries
 * above the diagonal ({@code j > i}) become {@code fill}, the rest pass through (GPT-2 attention
 * scores before the softmax; ONNX expresses it as {@code Trilu} + {@code Where}). Element-wise, in
 * place.
 *
 * @param fill the value of masked positions, typically {@code -Infinity} or {@code -1e4}
 */
public record CausalMask(float fill) implements Op {
  public CausalMask {
    if (Float.isNaN(fill)) {
      throw Infer.error("causal_mask: fill must not be NaN");
    }
  }

  @Override
  public String kind() {
    return "causal_mask";
  }

  @Override
  public List<TensorType> infer(List<TensorType> in) {
    Infer.arity(this, in, 1, 1);
    TensorType x = in.get(0);
    Infer.minRank("input", x, 2);
    Infer.floating("input", x);
    if (x.dim(-1) != x.dim(-2)) {
      throw Infer.error("last two dimensions must be square, got %s", x.shape());
    }
    return List.of(x);
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
