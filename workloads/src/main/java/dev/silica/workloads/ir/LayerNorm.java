package dev.silica.workloads.ir;

import java.util.List;

/**
 * Layer normalization over the trailing dimensions from {@code axis} on, ONNX {@code
 * LayerNormalization}: {@code y = scale · (x - mean) / sqrt(var + epsilon) + bias} with mean and
 * (biased) variance over those dimensions (transformers).
 *
 * <p>Operands: {@code X}, {@code scale} and {@code bias} shaped like the normalized dimensions.
 * Iteration space: element-wise, five operations per element.
 *
 * @param axis first normalized axis; negative counts from the end
 * @param epsilon added to the variance, {@code > 0}
 */
public record LayerNorm(int axis, float epsilon) implements Op {
  public LayerNorm {
    if (!(epsilon > 0) || !Float.isFinite(epsilon)) {
      throw Infer.error("layernorm: epsilon must be > 0, got %s", epsilon);
    }
  }

  @Override
  public String kind() {
    return "layernorm";
  }

  @Override
  public List<TensorType> infer(List<TensorType> in) {
    Infer.arity(this, in, 3, 3);
    TensorType x = in.get(0);
    Infer.floating("input", x);
    int a = Infer.axis("layernorm", axis, x.rank());
    Shape normalized = new Shape(x.shape().dims().subList(a, x.rank()));
    for (int i = 1; i < 3; i++) {
      if (!in.get(i).shape().equals(normalized)) {
        throw Infer.error(
            "%s must be %s (the normalized dimensions), got %s",
            i == 1 ? "scale" : "bias", normalized, in.get(i).shape());
      }
    }
    return List.of(x);
  }

  @Override
  public IterationSpace iterationSpace(List<TensorType> in, List<TensorType> out) {
    return IterationSpace.elementwise(out.get(0), 5, "X");
  }
}
