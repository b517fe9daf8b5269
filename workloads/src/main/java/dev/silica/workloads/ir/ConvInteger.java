package dev.silica.workloads.ir;

import java.util.List;
import java.util.Objects;

/**
 * Integer convolution, ONNX {@code ConvInteger}: {@link Conv2d}'s loop on {@code (X - x_zp)} and
 * {@code (W - w_zp)}, accumulated exactly in {@code i32}; padded positions hold {@code x_zp}, so
 * they contribute 0.
 *
 * <p>Operands: {@code X[N,C,H,W]}, {@code W[M,C/groups,R,S]} ({@code i8} or {@code u8}) and
 * optionally both zero points: {@code x_zp} a scalar of {@code X}'s type, {@code w_zp} a scalar or
 * one per output channel ({@code [M]}) of {@code W}'s type. Geometry and iteration space are those
 * of {@code conv} (MACs = {@code N·M·P·Q·C'·R·S}).
 *
 * @param conv strides, padding, dilations and groups
 */
public record ConvInteger(Conv2d conv) implements Op {
  public ConvInteger {
    Objects.requireNonNull(conv, "conv");
  }

  @Override
  public String kind() {
    return "conv_integer";
  }

  @Override
  public List<TensorType> infer(List<TensorType> in) {
    if (in.size() != 2 && in.size() != 4) {
      throw Infer.error("conv_integer takes 2 or 4 operands, got %d", in.size());
    }
    TensorType x = in.get(0);
    TensorType w = in.get(1);
    Quant.eightBit("input", x);
    Quant.eightBit("weight", w);
    TensorType y = conv.infer(List.of(Quant.asFloat(x), Quant.asFloat(w))).getFirst();
    if (in.size() == 4) {
      Quant.perTensorOrChannel("input zero point", in.get(2), 0);
      Quant.perTensorOrChannel("weight zero point", in.get(3), w.dim(0));
      Infer.sameDtype("input zero point", x, in.get(2));
      Infer.sameDtype("weight zero point", w, in.get(3));
    }
    return List.of(new TensorType(DType.I32, y.shape()));
  }

  @Override
  public IterationSpace iterationSpace(List<TensorType> in, List<TensorType> out) {
    return conv.iterationSpace(Quant.pick(in, 0, 1), out);
  }
}
