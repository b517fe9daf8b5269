package dev.silica.workloads.ir;

import java.util.List;
import java.util.Objects;

/**
 * Quantized convolution, ONNX {@code QLinearConv}: {@code acc[m] = B[m] + Σ (X - x_zp)·(W[m] -
 * w_zp[m])} in exact integers over {@link Conv2d}'s window (padding holds {@code x_zp}), then
 * {@code Y = saturate(round(acc · (x_scale · w_scale[m] / y_scale)) + y_zp)} with the
 * requantization in float32, rounding half to even, saturating to {@code y_zp}'s type.
 *
 * <p>Operands, in ONNX order: {@code X, x_scale, x_zp, W, w_scale, w_zp, y_scale, y_zp} and an
 * optional {@code i32} bias {@code B[M]}; 8-bit {@code X}, {@code W}, {@code y_zp}; {@code x} and
 * {@code y} parameters scalars, {@code w_scale}/{@code w_zp} a scalar or one per output channel.
 * Geometry and iteration space are those of {@code conv}.
 *
 * @param conv strides, padding, dilations and groups
 */
public record QLinearConv(Conv2d conv) implements Op {
  public QLinearConv {
    Objects.requireNonNull(conv, "conv");
  }

  @Override
  public String kind() {
    return "qlinear_conv";
  }

  @Override
  public List<TensorType> infer(List<TensorType> in) {
    Infer.arity(this, in, 8, 9);
    TensorType x = in.get(0);
    TensorType w = in.get(3);
    Quant.eightBit("input", x);
    Quant.eightBit("weight", w);
    Quant.eightBit("output zero point", in.get(7));
    Quant.scale("input scale", in.get(1), 0);
    Quant.zeroPoint("input zero point", in.get(2), in.get(1), x.dtype());
    Quant.scale("weight scale", in.get(4), w.rank() == 4 ? w.dim(0) : 0);
    Quant.zeroPoint("weight zero point", in.get(5), in.get(4), w.dtype());
    Quant.scale("output scale", in.get(6), 0);
    Quant.zeroPoint("output zero point", in.get(7), in.get(6), in.get(7).dtype());
    TensorType y = conv.infer(List.of(Quant.asFloat(x), Quant.asFloat(w))).getFirst();
    if (in.size() == 9) {
      Infer.vector("bias", in.get(8), y.dim(1));
      if (in.get(8).dtype() != DType.I32) {
        throw Infer.error("bias must be i32, got %s", in.get(8));
      }
    }
    return List.of(new TensorType(in.get(7).dtype(), y.shape()));
  }

  @Override
  public IterationSpace iterationSpace(List<TensorType> in, List<TensorType> out) {
    return conv.iterationSpace(
        in.size() == 9 ? Quant.pick(in, 0, 3, 8) : Quant.pick(in, 0, 3), out);
  }
}
