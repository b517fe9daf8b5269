package dev.silica.workloads.ir;

import java.util.List;

/**
 * Dropout, ONNX {@code Dropout}. At inference, which is what Silica models, it is the identity: the
 * ratio is kept for the record and for training.
 *
 * <p>Iteration space: one element-wise pass over the input (0 operation(s) per element, no MACs);
 * computed in place, so it needs no new activation memory.
 *
 * @param ratio the drop probability during training, in {@code [0, 1)}
 */
public record Dropout(float ratio) implements Op {
  public Dropout {
    if (!(ratio >= 0 && ratio < 1)) {
      throw Infer.error("dropout: ratio must be in [0, 1), got %s", ratio);
    }
  }

  @Override
  public String kind() {
    return "dropout";
  }

  @Override
  public List<TensorType> infer(List<TensorType> in) {
    return Elementwise.unary(this, in);
  }

  @Override
  public IterationSpace iterationSpace(List<TensorType> in, List<TensorType> out) {
    return IterationSpace.elementwise(out.get(0), 0, "X");
  }

  @Override
  public boolean allocatesOutput() {
    return false;
  }
}
