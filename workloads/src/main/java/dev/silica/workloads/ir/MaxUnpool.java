package dev.silica.workloads.ir;

import java.util.List;

/**
 * Partial inverse of max pooling, ONNX {@code MaxUnpool} (SegNet/FCN-style decoders): each value of
 * {@code X[N,C,H,W]} is written to the position its {@code I[N,C,H,W]} (from {@link MaxPool} with
 * indices) names; every other position is zero. Result {@code [N,C,P,Q]} with {@code P =
 * (H-1)·strideH - pad_top - pad_bottom + kernelH}, or the given output size (ONNX's {@code
 * output_shape} input, at least that size): the flat indices count over the unpooled size and that
 * block is placed at the top-left of the larger output, the rest zero (ONNX's reference
 * implementation).
 *
 * @param kernelH window rows of the matching pool
 * @param kernelW window columns
 * @param strideH vertical stride
 * @param strideW horizontal stride
 * @param padding explicit padding of the matching pool
 * @param outputH output rows, or 0 for the unpooled size
 * @param outputW output columns, or 0 for the unpooled size
 */
public record MaxUnpool(
    int kernelH, int kernelW, int strideH, int strideW, Padding padding, int outputH, int outputW)
    implements Op {
  public MaxUnpool(int kernelH, int kernelW, int strideH, int strideW, Padding padding) {
    this(kernelH, kernelW, strideH, strideW, padding, 0, 0);
  }

  public MaxUnpool {
    Pooling.check("maxunpool", kernelH, kernelW, strideH, strideW, padding);
    if (outputH < 0 || outputW < 0 || (outputH == 0) != (outputW == 0)) {
      throw Infer.error(
          "maxunpool: output size must be both 0 (unpooled size) or both >= 1, got [%d,%d]",
          outputH, outputW);
    }
    if (padding.mode() != Padding.Mode.EXPLICIT) {
      throw Infer.error("maxunpool: padding must be explicit, got %s", padding.mode());
    }
  }

  public static MaxUnpool of(int kernel, int stride) {
    return new MaxUnpool(kernel, kernel, stride, stride, Padding.NONE);
  }

  @Override
  public String kind() {
    return "maxunpool";
  }

  @Override
  public List<TensorType> infer(List<TensorType> in) {
    Infer.arity(this, in, 2, 2);
    TensorType x = in.get(0);
    TensorType i = in.get(1);
    Infer.rank("input", x, 4);
    if (!i.shape().equals(x.shape()) || i.dtype() != DType.I64) {
      throw Infer.error("indices must be i64%s like the input, got %s", x.shape(), i);
    }
    int oh =
        Infer.extent(
            "output rows",
            (long) (x.dim(2) - 1) * strideH - padding.top() - padding.bottom() + kernelH);
    int ow =
        Infer.extent(
            "output columns",
            (long) (x.dim(3) - 1) * strideW - padding.left() - padding.right() + kernelW);
    if (outputH > 0) {
      if (outputH < oh || outputW < ow) {
        throw Infer.error(
            "output size [%d,%d] must be at least the unpooled size [%d,%d]",
            outputH, outputW, oh, ow);
      }
      oh = outputH;
      ow = outputW;
    }
    return List.of(x.withShape(Shape.of(x.dim(0), x.dim(1), oh, ow)));
  }

  /** The unpooled {@code [P, Q]} of input {@code x} before any output size is applied. */
  public int[] unpooledSize(TensorType x) {
    return new int[] {
      (x.dim(2) - 1) * strideH - padding.top() - padding.bottom() + kernelH,
      (x.dim(3) - 1) * strideW - padding.left() - padding.right() + kernelW
    };
  }

  @Override
  public IterationSpace iterationSpace(List<TensorType> in, List<TensorType> out) {
    return IterationSpace.movement(in.get(0), "X", "I");
  }
}
