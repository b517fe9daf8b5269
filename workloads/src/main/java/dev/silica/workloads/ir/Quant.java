package dev.silica.workloads.ir;

import java.util.List;

/** Shape inference shared by the quantized ops (ONNX QuantizeLinear and friends). */
final class Quant {
  private Quant() {}

  /** True for the 8-bit integer types ONNX quantizes to. */
  static boolean eightBit(DType t) {
    return t == DType.I8 || t == DType.U8;
  }

  static void eightBit(String what, TensorType t) {
    if (!eightBit(t.dtype())) {
      throw Infer.error("%s must be i8 or u8, got %s", what, t);
    }
  }

  /** A scale: {@code f32}, a scalar (or one element), or a vector of {@code channels}. */
  static void scale(String what, TensorType s, int channels) {
    if (s.dtype() != DType.F32) {
      throw Infer.error("%s must be f32, got %s", what, s);
    }
    perTensorOrChannel(what, s, channels);
  }

  /** A scale or zero point of one element, or a vector of {@code channels} ({@code 0}: none). */
  static void perTensorOrChannel(String what, TensorType t, int channels) {
    boolean perTensor = t.size() == 1 && t.rank() <= 1;
    boolean perChannel = channels > 0 && t.rank() == 1 && t.dim(0) == channels;
    if (!perTensor && !perChannel) {
      throw Infer.error(
          "%s must be a scalar%s, got %s",
          what, channels > 0 ? " or [" + channels + "]" : "", t.shape());
    }
  }

  /** A zero point shaped like its scale and of the quantized type. */
  static void zeroPoint(String what, TensorType zp, TensorType scale, DType quantized) {
    if (zp.dtype() != quantized) {
      throw Infer.error("%s must be %s, got %s", what, quantized.text(), zp);
    }
    if (zp.size() != scale.size()) {
      throw Infer.error("%s must have as many elements as its scale %s, got %s", what, scale, zp);
    }
  }

  /** The operands at {@code indices}, for delegating to a float op's inference. */
  static List<TensorType> pick(List<TensorType> in, int... indices) {
    TensorType[] out = new TensorType[indices.length];
    for (int i = 0; i < indices.length; i++) {
      out[i] = in.get(indices[i]);
    }
    return List.of(out);
  }

  /** {@code t} with element type {@code f32}, to reuse a floating op's shape rules. */
  static TensorType asFloat(TensorType t) {
    return new TensorType(DType.F32, t.shape());
  }
}
