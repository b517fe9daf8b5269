package dev.silica.workloads.ir;

import java.util.List;

/**
 * Affine dequantization, ONNX {@code DequantizeLinear} (opset 13): {@code y = (x - zero_point) ·
 * scale}, an {@code f32} result.
 *
 * <p>Operands: {@code x} ({@code i8}, {@code u8} or {@code i32}), {@code scale} ({@code f32}, one
 * element or a vector along {@code axis}) and an optional {@code zero_point} of {@code x}'s type
 * and {@code scale}'s size (absent: 0; ONNX requires it absent or 0 for {@code i32}).
 *
 * <p>Iteration space: one element-wise pass, two operations per element (subtract, multiply).
 *
 * @param axis the channel axis of per-channel parameters, negative counting from the end; ignored
 *     for per-tensor parameters
 */
public record DequantizeLinear(int axis) implements Op {
  @Override
  public String kind() {
    return "dequantize_linear";
  }

  @Override
  public List<TensorType> infer(List<TensorType> in) {
    Infer.arity(this, in, 2, 3);
    TensorType x = in.get(0);
    if (!Quant.eightBit(x.dtype()) && x.dtype() != DType.I32) {
      throw Infer.error("input must be i8, u8 or i32, got %s", x);
    }
    // ONNX ignores the axis of per-tensor parameters (one element)
    int channels =
        in.get(1).size() == 1
            ? 0
            : x.dim(Infer.axis("dequantize_linear", axis, Math.max(1, x.rank())));
    Quant.scale("scale", in.get(1), channels);
    if (in.size() == 3) {
      Quant.zeroPoint("zero point", in.get(2), in.get(1), x.dtype());
    }
    return List.of(new TensorType(DType.F32, x.shape()));
  }

  @Override
  public IterationSpace iterationSpace(List<TensorType> in, List<TensorType> out) {
    return IterationSpace.elementwise(out.get(0), 2, "X");
  }
}
