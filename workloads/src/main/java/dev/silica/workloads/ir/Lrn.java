package dev.silica.workloads.ir;

import java.util.List;

/**
 * Local response normalization across channels (AlexNet), ONNX {@code LRN}: {@code y = x / (bias +
 * alpha/size · Σ x²)^beta}, the sum over the {@code size} channels centred on each channel.
 *
 * <p>Iteration space: {@code size} multiply-adds of squares per element (counted as operations, not
 * MACs of the network).
 *
 * @param size channels in the window, odd
 * @param alpha scale
 * @param beta exponent
 * @param bias additive constant ({@code k} in the AlexNet paper)
 */
public record Lrn(int size, float alpha, float beta, float bias) implements Op {
  public Lrn {
    Infer.positive("lrn", "size", size);
    if (!Float.isFinite(alpha) || !Float.isFinite(beta) || !Float.isFinite(bias)) {
      throw Infer.error("lrn: alpha, beta and bias must be finite");
    }
  }

  @Override
  public String kind() {
    return "lrn";
  }

  @Override
  public List<TensorType> infer(List<TensorType> in) {
    Infer.arity(this, in, 1, 1);
    Infer.rank("input", in.get(0), 4);
    Infer.floating("input", in.get(0));
    return List.of(in.get(0));
  }

  @Override
  public IterationSpace iterationSpace(List<TensorType> in, List<TensorType> out) {
    return IterationSpace.elementwise(out.get(0), size + 2L, "X");
  }
}
