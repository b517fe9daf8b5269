package dev.silica.workloads.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * Permutes dimensions, ONNX {@code Transpose}: result dimension {@code i} is input dimension {@code
 * perm[i]} (splitting attention heads). A data-movement op that writes a new tensor.
 *
 * @param perm a permutation of {@code 0 .. rank-1}
 */
public record Transpose(List<Integer> perm) implements Op {
  public Transpose {
    perm = List.copyOf(perm);
    boolean[] seen = new boolean[perm.size()];
    for (int p : perm) {
      if (p < 0 || p >= perm.size() || seen[p]) {
        throw Infer.error(
            "transpose: perm must be a permutation of 0..%d, got %s", perm.size() - 1, perm);
      }
      seen[p] = true;
    }
  }

  public static Transpose of(int... perm) {
    return new Transpose(java.util.Arrays.stream(perm).boxed().toList());
  }

  @Override
  public String kind() {
    return "transpose";
  }

  @Override
  public List<TensorType> infer(List<TensorType> in) {
    Infer.arity(this, in, 1, 1);
    TensorType x = in.get(0);
    if (x.rank() != perm.size()) {
      throw Infer.error(
          "transpose perm %s has %d entries, input %s has rank %d",
          perm, perm.size(), x.shape(), x.rank());
    }
    List<Integer> out = new ArrayList<>();
    for (int p : perm) {
      out.add(x.dim(p));
    }
    return List.of(x.withShape(new Shape(out)));
  }

  @Override
  public IterationSpace iterationSpace(List<TensorType> in, List<TensorType> out) {
    return IterationSpace.movement(out.get(0), "X");
  }
}
