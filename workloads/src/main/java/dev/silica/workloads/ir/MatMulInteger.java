package dev.silica.workloads.ir;

import java.util.List;

/**
 * Integer matrix product, ONNX {@code MatMulInteger}: {@code Y = (A - a_zero_point) · (B -
 * b_zero_point)} accumulated exactly in {@code i32} (wrapping on overflow), NumPy {@link MatMul}
 * shapes.
 *
 * <p>Operands: {@code A}, {@code B} ({@code i8} or {@code u8}) and optionally both zero points:
 * {@code a_zero_point} of {@code A}'s type, a scalar or one per row of {@code A} ({@code [M]});
 * {@code b_zero_point} of {@code B}'s type, a scalar or one per column of {@code B} ({@code [N]}).
 *
 * <p>Iteration space as {@link MatMul}: MACs = {@code B·M·N·K}.
 */
public record MatMulInteger() implements Op {
  @Override
  public String kind() {
    return "matmul_integer";
  }

  @Override
  public List<TensorType> infer(List<TensorType> in) {
    if (in.size() != 2 && in.size() != 4) {
      throw Infer.error("matmul_integer takes 2 or 4 operands, got %d", in.size());
    }
    TensorType a = in.get(0);
    TensorType b = in.get(1);
    Quant.eightBit("A", a);
    Quant.eightBit("B", b);
    TensorType y = new MatMul().infer(List.of(Quant.asFloat(a), Quant.asFloat(b))).getFirst();
    if (in.size() == 4) {
      Quant.perTensorOrChannel("A zero point", in.get(2), a.rank() == 1 ? 0 : a.dim(-2));
      Quant.perTensorOrChannel("B zero point", in.get(3), b.rank() == 1 ? 0 : b.dim(-1));
      Infer.sameDtype("A zero point", a, in.get(2));
      Infer.sameDtype("B zero point", b, in.get(3));
    }
    return List.of(new TensorType(DType.I32, y.shape()));
  }

  @Override
  public IterationSpace iterationSpace(List<TensorType> in, List<TensorType> out) {
    return new MatMul().iterationSpace(Quant.pick(in, 0, 1), out);
  }
}
