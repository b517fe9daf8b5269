package dev.silica.workloads.ir;

import java.util.List;

/**
 * Quantized matrix product, ONNX {@code QLinearMatMul}: {@code acc = (A - a_zp) · (B - b_zp)} in
 * exact integers, then {@code Y = saturate(round(acc · (a_scale · b_scale / y_scale)) + y_zp)} with
 * the requantization in float32 (the multiplier computed left to right, one float product per
 * element), rounding half to even, saturating to {@code y_zp}'s type.
 *
 * <p>Operands, in ONNX order: {@code A, a_scale, a_zp, B, b_scale, b_zp, y_scale, y_zp}; 8-bit
 * {@code A}, {@code B} and {@code y_zp}; scales {@code f32}; every scale and zero point a scalar
 * (per-tensor). NumPy {@link MatMul} shapes.
 *
 * <p>Iteration space as {@link MatMul}: MACs = {@code B·M·N·K}.
 */
public record QLinearMatMul() implements Op {
  @Override
  public String kind() {
    return "qlinear_matmul";
  }

  @Override
  public List<TensorType> infer(List<TensorType> in) {
    Infer.arity(this, in, 8, 8);
    TensorType a = in.get(0);
    TensorType b = in.get(3);
    Quant.eightBit("A", a);
    Quant.eightBit("B", b);
    Quant.eightBit("Y zero point", in.get(7));
    Quant.scale("A scale", in.get(1), 0);
    Quant.zeroPoint("A zero point", in.get(2), in.get(1), a.dtype());
    Quant.scale("B scale", in.get(4), 0);
    Quant.zeroPoint("B zero point", in.get(5), in.get(4), b.dtype());
    Quant.scale("Y scale", in.get(6), 0);
    Quant.zeroPoint("Y zero point", in.get(7), in.get(6), in.get(7).dtype());
    TensorType y = new MatMul().infer(List.of(Quant.asFloat(a), Quant.asFloat(b))).getFirst();
    return List.of(new TensorType(in.get(7).dtype(), y.shape()));
  }

  @Override
  public IterationSpace iterationSpace(List<TensorType> in, List<TensorType> out) {
    return new MatMul().iterationSpace(Quant.pick(in, 0, 3), out);
  }
}
