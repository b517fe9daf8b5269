package dev.silica.workloads.ir;

import java.util.List;

/**
 * Global average pooling, ONNX {@code GlobalAveragePool}: {@code X[N,C,H,W] → Y[N,C,1,1]}, the mean
 * of each channel plane. Iteration space {@code N C H W}: {@code H·W} additions per output.
 */
public record GlobalAvgPool() implements Op {
  @Override
  public String kind() {
    return "global_avgpool";
  }

  @Override
  public List<TensorType> infer(List<TensorType> in) {
    Infer.arity(this, in, 1, 1);
    TensorType x = in.get(0);
    Infer.rank("input", x, 4);
    Infer.floating("input", x);
    return List.of(x.withShape(Shape.of(x.dim(0), x.dim(1), 1, 1)));
  }

  @Override
  public IterationSpace iterationSpace(List<TensorType> in, List<TensorType> out) {
    TensorType x = in.get(0);
    var dims = Infer.dims("N", x.dim(0), "C", x.dim(1), "H", x.dim(2), "W", x.dim(3));
    var proj = List.of(Infer.read("X", "n", "c", "h", "w"), Infer.update("Y", "n", "c", "0", "0"));
    return new IterationSpace(dims, proj, 0, x.size());
  }
}
