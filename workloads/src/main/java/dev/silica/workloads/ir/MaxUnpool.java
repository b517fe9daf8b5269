package dev.silica.workloads.ir;

import java.util.List;

/**
 * Partial inverse of max pooling, ONNX {@code MaxUnpool} (SegNet/FCN-style decoders): each value of
 * {@code X[N,C,H,W]} is written to the position its {@code I[N,C,H,W]} (from {@link MaxPool} with
 * indices) names; every other position is zero. Result {@code [N,C,P,Q]} with {@code P =
 * (H-1)·strideH - pad_top - pad_bottom + kernelH}.
 *
 * @param kernelH window rows of the matching pool
 * @param kernelW window columns
 * @param strideH vertical stride
 * @param strideW horizontal stride
 * @param padding explicit padding of the matching pool
 */
public record MaxUnpool(int kernelH, int kernelW, int strideH, int strideW, Padding padding)
    implements Op {
  public MaxUnpool {
    Pooling.check("maxunpool", kernelH, kernelW, strideH, strideW, padding);
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
    return List.of(x.withShape(Shape.of(x.dim(0), x.dim(1), oh, ow)));
  }

  @Override
  public IterationSpace iterationSpace(List<TensorType> in, List<TensorType> out) {
    return IterationSpace.movement(in.get(0), "X", "I");
  }
}
