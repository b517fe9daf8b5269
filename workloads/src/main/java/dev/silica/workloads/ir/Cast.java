package dev.silica.workloads.ir;

import java.util.List;
import java.util.Objects;

/**
 * Element-type conversion, ONNX {@code Cast}: {@code y = to(x)}, same shape.
 *
 * <p>Floating to floating rounds to nearest, ties to even (FLOAT16 and BFLOAT16 overflow to ±∞ as
 * IEEE conversion does); floating to integer truncates toward zero and wraps to the target width;
 * integer to integer wraps; any type to {@code bool} is {@code x != 0}.
 *
 * <p>Iteration space: one element-wise pass (1 operation per element, no MACs).
 *
 * @param to the result element type
 */
public record Cast(DType to) implements Op {
  public Cast {
    Objects.requireNonNull(to, "to");
  }

  @Override
  public String kind() {
    return "cast";
  }

  @Override
  public List<TensorType> infer(List<TensorType> in) {
    Infer.arity(this, in, 1, 1);
    return List.of(new TensorType(to, in.get(0).shape()));
  }

  @Override
  public IterationSpace iterationSpace(List<TensorType> in, List<TensorType> out) {
    return IterationSpace.elementwise(out.get(0), 1, "X");
  }
}
