package dev.silica.workloads.ir;

import java.util.List;

/**
 * Parametric ReLU, ONNX {@code PRelu}: {@code y = x} for {@code x ≥ 0} and {@code slope·x}
 * otherwise, with {@code slope} broadcast to {@code x}'s shape (NumPy rules, one direction: the
 * result has {@code x}'s shape).
 *
 * <p>Iteration space: one element-wise pass over the input (1 operation per element, no MACs);
 * computed in place, so it needs no new activation memory.
 */
public record PRelu() implements Op {
  @Override
  public String kind() {
    return "prelu";
  }

  @Override
  public List<TensorType> infer(List<TensorType> in) {
    Infer.arity(this, in, 2, 2);
    TensorType x = in.get(0);
    TensorType slope = in.get(1);
    Infer.floating("input", x);
    Infer.sameDtype("slope", x, slope);
    Shape b = Infer.broadcast(x.shape(), slope.shape());
    if (!b.equals(x.shape())) {
      throw Infer.error("slope %s must broadcast to the input %s", slope.shape(), x.shape());
    }
    return List.of(x);
  }

  @Override
  public IterationSpace iterationSpace(List<TensorType> in, List<TensorType> out) {
    return IterationSpace.elementwise(out.get(0), 1, "X", "slope");
  }

  @Override
  public boolean allocatesOutput() {
    return false;
  }
}
