package dev.silica.workloads.ir;

import java.util.List;

/**
 * Flattens to a matrix, ONNX {@code Flatten}: dimensions before {@code axis} multiply into the
 * rows, the rest into the columns. A view: no arithmetic and no new memory.
 *
 * @param axis the first dimension of the columns, in {@code [0, rank]}
 */
public record Flatten(int axis) implements Op {
  @Override
  public String kind() {
    return "flatten";
  }

  @Override
  public List<TensorType> infer(List<TensorType> in) {
    Infer.arity(this, in, 1, 1);
    TensorType x = in.get(0);
    int a = axis < 0 ? axis + x.rank() : axis;
    if (a < 0 || a > x.rank()) {
      throw Infer.error("flatten axis must be in [%d, %d], got %d", -x.rank(), x.rank(), axis);
    }
    long rows = 1;
    for (int i = 0; i < a; i++) {
      rows *= x.dim(i);
    }
    return List.of(
        x.withShape(
            Shape.of(Infer.extent("rows", rows), Infer.extent("columns", x.size() / rows))));
  }

  @Override
  public IterationSpace iterationSpace(List<TensorType> in, List<TensorType> out) {
    return IterationSpace.movement(out.get(0), "X");
  }

  @Override
  public boolean allocatesOutput() {
    return false;
  }
}
