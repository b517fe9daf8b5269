package dev.silica.workloads.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * Reshape to a target shape, ONNX {@code Reshape} with the shape as an attribute: {@code 0} copies
 * the input's dimension at that position and one {@code -1} is inferred from the element count. A
 * view: no arithmetic and no new memory.
 *
 * @param shape the target dimensions
 */
public record Reshape(List<Integer> shape) implements Op {
  public Reshape {
    shape = List.copyOf(shape);
    int inferred = 0;
    for (int d : shape) {
      if (d < -1) {
        throw Infer.error("reshape: dimensions must be >= -1, got %s", shape);
      }
      inferred += d == -1 ? 1 : 0;
    }
    if (inferred > 1) {
      throw Infer.error("reshape: at most one dimension may be -1, got %s", shape);
    }
  }

  public static Reshape of(int... dims) {
    return new Reshape(java.util.Arrays.stream(dims).boxed().toList());
  }

  @Override
  public String kind() {
    return "reshape";
  }

  @Override
  public List<TensorType> infer(List<TensorType> in) {
    Infer.arity(this, in, 1, 1);
    TensorType x = in.get(0);
    List<Integer> out = new ArrayList<>();
    long known = 1;
    int free = -1;
    for (int i = 0; i < shape.size(); i++) {
      int d = shape.get(i);
      if (d == 0) {
        if (i >= x.rank()) {
          throw Infer.error(
              "reshape %s: 0 at position %d copies no dimension of %s", shape, i, x.shape());
        }
        d = x.dim(i);
      }
      if (d == -1) {
        free = i;
        out.add(1);
      } else {
        known *= d;
        out.add(d);
      }
    }
    if (free >= 0) {
      if (x.size() % known != 0) {
        throw Infer.error(
            "reshape %s: cannot infer -1 for %s (%d elements)", shape, x.shape(), x.size());
      }
      out.set(free, Infer.extent("inferred dimension", x.size() / known));
    } else if (known != x.size()) {
      throw Infer.error(
          "reshape %s: %d elements != %d elements of %s", shape, known, x.size(), x.shape());
    }
    return List.of(x.withShape(new Shape(out)));
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
