package dev.silica.workloads.ir;

import java.util.List;

/**
 * Affine quantization, ONNX {@code QuantizeLinear} (opset 13): {@code y = saturate(round(x / scale)
 * + zero_point)} with the division in float32, rounding half to even and saturation to the result
 * type's range.
 *
 * <p>Operands: {@code x} ({@code f32} or {@code i32}), {@code scale} ({@code f32}, one element, or
 * a vector along {@code axis} for per-channel quantization) and an optional {@code zero_point} of
 * the same size whose type ({@code i8} or {@code u8}) is the result's; without it the result is
 * {@code u8} with zero point 0, as in ONNX.
 *
 * <p>Iteration space: one element-wise pass, three operations per element (divide, round and clamp,
 * add), no MACs.
 *
 * @param axis the channel axis of per-channel parameters, negative counting from the end; ignored
 *     for per-tensor parameters
 */
public record QuantizeLinear(int axis) implements Op {
  @Override
  public String kind() {
    return "quantize_linear";
  }

  @Override
  public List<TensorType> infer(List<TensorType> in) {
    Infer.arity(this, in, 2, 3);
    TensorType x = in.get(0);
    if (x.dtype() != DType.F32 && x.dtype() != DType.I32) {
      throw Infer.error("input must be f32 or i32, got %s", x);
    }
    // ONNX ignores the axis of per-tensor parameters (one element)
    int channels =
        in.get(1).size() == 1
            ? 0
            : x.dim(Infer.axis("quantize_linear", axis, Math.max(1, x.rank())));
    Quant.scale("scale", in.get(1), channels);
    DType to = DType.U8;
    if (in.size() == 3) {
      Quant.eightBit("zero point", in.get(2));
      to = in.get(2).dtype();
      Quant.zeroPoint("zero point", in.get(2), in.get(1), to);
    }
    return List.of(new TensorType(to, x.shape()));
  }

  @Override
  public IterationSpace iterationSpace(List<TensorType> in, List<TensorType> out) {
    return IterationSpace.elementwise(out.get(0), 3, "X");
  }
}
