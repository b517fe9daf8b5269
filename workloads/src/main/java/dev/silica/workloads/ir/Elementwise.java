package dev.silica.workloads.ir;

import java.util.List;

/** Shape inference shared by the element-wise ops. */
final class Elementwise {
  private Elementwise() {}

  static List<TensorType> unary(Op op, List<TensorType> in) {
    Infer.arity(op, in, 1, 1);
    Infer.floating("input", in.get(0));
    return List.of(in.get(0));
  }

  static List<TensorType> binary(Op op, List<TensorType> in) {
    Infer.arity(op, in, 2, 2);
    TensorType a = in.get(0);
    TensorType b = in.get(1);
    Infer.sameDtype("second operand", a, b);
    return List.of(a.withShape(Infer.broadcast(a.shape(), b.shape())));
  }
}
