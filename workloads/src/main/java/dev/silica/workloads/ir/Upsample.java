package dev.silica.workloads.ir;

import java.util.List;

/**
 * Nearest-neighbour upsampling by integer factors, ONNX {@code Upsample} / {@code Resize} (mode
 * nearest, asymmetric, floor): {@code Y[n,c,p,q] = X[n,c,floor(p/scaleH),floor(q/scaleW)]}.
 *
 * @param scaleH row factor
 * @param scaleW column factor
 */
public record Upsample(int scaleH, int scaleW) implements Op {
  public Upsample {
    Infer.positive("upsample", "scale", Math.min(scaleH, scaleW));
  }

  @Override
  public String kind() {
    return "upsample";
  }

  @Override
  public List<TensorType> infer(List<TensorType> in) {
    Infer.arity(this, in, 1, 1);
    TensorType x = in.get(0);
    Infer.rank("input", x, 4);
    return List.of(
        x.withShape(
            Shape.of(
                x.dim(0),
                x.dim(1),
                Infer.extent("output rows", (long) x.dim(2) * scaleH),
                Infer.extent("output columns", (long) x.dim(3) * scaleW))));
  }

  @Override
  public IterationSpace iterationSpace(List<TensorType> in, List<TensorType> out) {
    return IterationSpace.movement(out.get(0), "X");
  }
}
