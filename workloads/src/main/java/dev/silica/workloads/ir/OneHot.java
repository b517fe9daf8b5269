package dev.silica.workloads.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * One-hot encoding, ONNX {@code OneHot} with values {@code [0, 1]} on the last axis: integer
 * indices {@code I[...]} in {@code [0, depth)} become {@code f32[..., depth]} with a 1 at the index
 * and 0 elsewhere (char-rnn's input layer). A data-movement op: no MACs.
 *
 * @param depth the number of classes
 */
public record OneHot(int depth) implements Op {
  public OneHot {
    Infer.positive("one_hot", "depth", depth);
  }

  @Override
  public String kind() {
    return "one_hot";
  }

  @Override
  public List<TensorType> infer(List<TensorType> in) {
    Infer.arity(this, in, 1, 1);
    TensorType idx = in.get(0);
    if (!idx.dtype().isIntegral()) {
      throw Infer.error("indices must be an integer tensor, got %s", idx);
    }
    List<Integer> dims = new ArrayList<>(idx.shape().dims());
    dims.add(depth);
    return List.of(new TensorType(DType.F32, new Shape(dims)));
  }

  @Override
  public IterationSpace iterationSpace(List<TensorType> in, List<TensorType> out) {
    return IterationSpace.movement(out.get(0), "I");
  }
}
