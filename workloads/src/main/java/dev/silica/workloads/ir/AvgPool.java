package dev.silica.workloads.ir;

import java.util.List;

/**
 * 2-D average pooling, ONNX {@code AveragePool}. Shapes as {@link MaxPool}. With {@code
 * countIncludePad} the divisor is always {@code R·S}; otherwise only the window elements inside the
 * input count.
 *
 * <p>Iteration space {@code N C P Q R S}: one addition per window element and one division per
 * output, no MACs.
 *
 * @param kernelH window rows
 * @param kernelW window columns
 * @param strideH vertical stride
 * @param strideW horizontal stride
 * @param padding explicit, same or valid
 * @param ceilMode round the window count up
 * @param countIncludePad divide by the full window size, padding included
 */
public record AvgPool(
    int kernelH,
    int kernelW,
    int strideH,
    int strideW,
    Padding padding,
    boolean ceilMode,
    boolean countIncludePad)
    implements Op {
  public AvgPool {
    Pooling.check("avgpool", kernelH, kernelW, strideH, strideW, padding);
  }

  /** Square window, square stride, symmetric padding, floor mode, padding not counted. */
  public static AvgPool of(int kernel, int stride, int pad) {
    return new AvgPool(kernel, kernel, stride, stride, Padding.of(pad), false, false);
  }

  @Override
  public String kind() {
    return "avgpool";
  }

  @Override
  public List<TensorType> infer(List<TensorType> in) {
    Infer.arity(this, in, 1, 1);
    Infer.floating("input", in.get(0));
    return List.of(
        Pooling.output(in.get(0), kernelH, kernelW, strideH, strideW, padding, ceilMode));
  }

  @Override
  public IterationSpace iterationSpace(List<TensorType> in, List<TensorType> out) {
    return Pooling.space(out.get(0), kernelH, kernelW, strideH, strideW, 1);
  }
}
