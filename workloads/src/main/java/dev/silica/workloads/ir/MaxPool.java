package dev.silica.workloads.ir;

import java.util.List;

/**
 * 2-D max pooling, ONNX {@code MaxPool}. Operand {@code X[N,C,H,W]}; result {@code Y[N,C,P,Q]} with
 * {@code P = floor((H + pads - R) / stride) + 1} (ceiling with {@code ceilMode}, dropping a last
 * window that starts in the padding). With {@code withIndices} a second result {@code Y.1[N,C,P,Q]}
 * of type {@code i64} holds, for each maximum, its flat index {@code ((n·C + c)·H + h)·W + w} into
 * the whole input (ONNX {@code storage_order = 0}; padding is never selected), as {@link MaxUnpool}
 * consumes it.
 *
 * <p>Iteration space {@code N C P Q R S}: one comparison per window element, no MACs.
 *
 * @param kernelH window rows
 * @param kernelW window columns
 * @param strideH vertical stride
 * @param strideW horizontal stride
 * @param padding explicit, same or valid (padded elements never win)
 * @param ceilMode round the window count up
 * @param withIndices also return the argmax indices
 */
public record MaxPool(
    int kernelH,
    int kernelW,
    int strideH,
    int strideW,
    Padding padding,
    boolean ceilMode,
    boolean withIndices)
    implements Op {
  public MaxPool {
    Pooling.check("maxpool", kernelH, kernelW, strideH, strideW, padding);
  }

  /** Square window, square stride, symmetric padding, floor mode, no indices. */
  public static MaxPool of(int kernel, int stride, int pad) {
    return new MaxPool(kernel, kernel, stride, stride, Padding.of(pad), false, false);
  }

  @Override
  public String kind() {
    return "maxpool";
  }

  @Override
  public List<TensorType> infer(List<TensorType> in) {
    Infer.arity(this, in, 1, 1);
    TensorType y = Pooling.output(in.get(0), kernelH, kernelW, strideH, strideW, padding, ceilMode);
    return withIndices ? List.of(y, new TensorType(DType.I64, y.shape())) : List.of(y);
  }

  @Override
  public IterationSpace iterationSpace(List<TensorType> in, List<TensorType> out) {
    return Pooling.space(out.get(0), kernelH, kernelW, strideH, strideW, 1);
  }
}
