package dev.silica.workloads.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * Concatenation along one axis, ONNX {@code Concat}: all operands agree on every other dimension
 * (Inception branches, fire-module expands, DenseNet features). A data-movement op: no arithmetic.
 *
 * @param axis the axis to join along; negative counts from the end
 */
public record Concat(int axis) implements Op {
  @Override
  public String kind() {
    return "concat";
  }

  @Override
  public List<TensorType> infer(List<TensorType> in) {
    Infer.arity(this, in, 1, Integer.MAX_VALUE);
    TensorType first = in.getFirst();
    int a = Infer.axis("concat", axis, first.rank());
    long total = 0;
    for (int i = 0; i < in.size(); i++) {
      TensorType t = in.get(i);
      Infer.sameDtype("operand " + i, first, t);
      if (t.rank() != first.rank()) {
        throw Infer.error(
            "operand %d has rank %d, operand 0 has rank %d", i, t.rank(), first.rank());
      }
      for (int d = 0; d < t.rank(); d++) {
        if (d != a && t.dim(d) != first.dim(d)) {
          throw Infer.error(
              "operand %d %s differs from operand 0 %s in dimension %d (concat axis %d)",
              i, t.shape(), first.shape(), d, a);
        }
      }
      total += t.dim(a);
    }
    return List.of(first.withShape(first.shape().with(a, Infer.extent("concat extent", total))));
  }

  @Override
  public IterationSpace iterationSpace(List<TensorType> in, List<TensorType> out) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < in.size(); i++) {
      names.add("X" + i);
    }
    return IterationSpace.movement(out.get(0), names.toArray(String[]::new));
  }
}
