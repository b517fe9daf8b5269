package dev.silica.workloads.ir;

import java.util.List;

/**
 * Batch normalization at inference, ONNX {@code BatchNormalization}: {@code y = scale · (x - mean)
 * / sqrt(var + epsilon) + bias}, per channel (dimension 1).
 *
 * <p>Operands: {@code X[N,C,...]}, {@code scale[C]}, {@code bias[C]}, {@code mean[C]}, {@code
 * var[C]}. Scale and bias are trainable parameters; mean and variance are buffers. Iteration space:
 * element-wise, two operations per element (the folded multiply and add), no MACs.
 *
 * @param epsilon added to the variance, {@code > 0}
 */
public record BatchNorm(float epsilon) implements Op {
  public BatchNorm {
    if (!(epsilon > 0) || !Float.isFinite(epsilon)) {
      throw Infer.error("batchnorm: epsilon must be > 0, got %s", epsilon);
    }
  }

  @Override
  public String kind() {
    return "batchnorm";
  }

  @Override
  public List<TensorType> infer(List<TensorType> in) {
    Infer.arity(this, in, 5, 5);
    TensorType x = in.get(0);
    Infer.minRank("input", x, 2);
    Infer.floating("input", x);
    String[] names = {"scale", "bias", "mean", "var"};
    for (int i = 1; i < 5; i++) {
      Infer.vector(names[i - 1], in.get(i), x.dim(1));
    }
    return List.of(x);
  }

  @Override
  public IterationSpace iterationSpace(List<TensorType> in, List<TensorType> out) {
    return IterationSpace.elementwise(out.get(0), 2, "X");
  }
}
