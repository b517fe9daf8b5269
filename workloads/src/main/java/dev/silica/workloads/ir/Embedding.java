package dev.silica.workloads.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * Table lookup, ONNX {@code Gather} on axis 0 of the table: integer indices {@code I[...]} select
 * rows of {@code table[V,E]}, giving {@code Y[..., E]} (word embeddings, position embeddings). A
 * data-movement op: no MACs.
 */
public record Embedding() implements Op {
  @Override
  public String kind() {
    return "embedding";
  }

  @Override
  public List<TensorType> infer(List<TensorType> in) {
    Infer.arity(this, in, 2, 2);
    TensorType idx = in.get(0);
    TensorType table = in.get(1);
    if (!idx.dtype().isIntegral()) {
      throw Infer.error("indices must be an integer tensor, got %s", idx);
    }
    Infer.rank("table", table, 2);
    List<Integer> dims = new ArrayList<>(idx.shape().dims());
    dims.add(table.dim(1));
    return List.of(table.withShape(new Shape(dims)));
  }

  @Override
  public IterationSpace iterationSpace(List<TensorType> in, List<TensorType> out) {
    return IterationSpace.movement(out.get(0), "I", "table");
  }
}
