package dev.silica.workloads.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * 2-D transposed convolution ("deconvolution", fractionally strided convolution), ONNX {@code
 * ConvTranspose}: the gradient of {@link Conv2d} with respect to its input, used for learnable
 * upsampling (FCN, DCGAN).
 *
 * <p>Operands: {@code X[N,C,H,W]}, {@code W[C,M/groups,R,S]}, optional {@code B[M]}. Result {@code
 * Y[N,M,P,Q]} with {@code P = (H-1)·sH - pad_top - pad_bottom + dH·(R-1) + outPadH + 1}. Only
 * explicit padding is supported.
 *
 * <p>Iteration space {@code N G C' H W M' R S}: every input element is multiplied by a filter slice
 * and scattered, {@code Y[n, g·M'+m, h·sH + r·dH - padTop, w·sW + s·dW - padLeft] += X[n, g·C'+c,
 * h, w] · W[g·C'+c, m, r, s]}, so MACs = {@code N·C·H·W·M'·R·S}.
 *
 * @param strideH vertical stride
 * @param strideW horizontal stride
 * @param padding explicit padding removed from the full output
 * @param outputPadH rows added at the bottom to disambiguate the output size
 * @param outputPadW columns added on the right
 * @param dilationH vertical dilation
 * @param dilationW horizontal dilation
 * @param groups channel groups
 */
public record ConvTranspose2d(
    int strideH,
    int strideW,
    Padding padding,
    int outputPadH,
    int outputPadW,
    int dilationH,
    int dilationW,
    int groups)
    implements Op {
  public ConvTranspose2d {
    Infer.positive("conv_transpose2d", "stride", Math.min(strideH, strideW));
    Infer.positive("conv_transpose2d", "dilation", Math.min(dilationH, dilationW));
    Infer.positive("conv_transpose2d", "groups", groups);
    if (padding.mode() != Padding.Mode.EXPLICIT) {
      throw Infer.error("conv_transpose2d: padding must be explicit, got %s", padding.mode());
    }
    if (outputPadH < 0
        || outputPadW < 0
        || outputPadH >= strideH && outputPadH >= dilationH
        || outputPadW >= strideW && outputPadW >= dilationW) {
      throw Infer.error(
          "conv_transpose2d: output padding must be >= 0 and smaller than stride or dilation,"
              + " got [%d,%d]",
          outputPadH, outputPadW);
    }
  }

  /** Square stride and symmetric padding, no output padding, dilation or groups. */
  public static ConvTranspose2d of(int stride, int pad) {
    return new ConvTranspose2d(stride, stride, Padding.of(pad), 0, 0, 1, 1, 1);
  }

  @Override
  public String kind() {
    return "conv_transpose2d";
  }

  @Override
  public List<TensorType> infer(List<TensorType> in) {
    Infer.arity(this, in, 2, 3);
    TensorType x = in.get(0);
    TensorType w = in.get(1);
    Infer.rank("input", x, 4);
    Infer.rank("weight", w, 4);
    Infer.floating("input", x);
    Infer.sameDtype("weight", x, w);
    if (x.dim(1) % groups != 0) {
      throw Infer.error("input channels %d not divisible by groups %d", x.dim(1), groups);
    }
    if (w.dim(0) != x.dim(1)) {
      throw Infer.error("weight input channels %d != input channels %d", w.dim(0), x.dim(1));
    }
    int m = Infer.extent("output channels", (long) w.dim(1) * groups);
    if (in.size() == 3) {
      Infer.vector("bias", in.get(2), m);
      Infer.sameDtype("bias", x, in.get(2));
    }
    int oh =
        Infer.extent(
            "output rows",
            (long) (x.dim(2) - 1) * strideH
                - padding.top()
                - padding.bottom()
                + (long) dilationH * (w.dim(2) - 1)
                + outputPadH
                + 1);
    int ow =
        Infer.extent(
            "output columns",
            (long) (x.dim(3) - 1) * strideW
                - padding.left()
                - padding.right()
                + (long) dilationW * (w.dim(3) - 1)
                + outputPadW
                + 1);
    return List.of(x.withShape(Shape.of(x.dim(0), m, oh, ow)));
  }

  @Override
  public IterationSpace iterationSpace(List<TensorType> in, List<TensorType> out) {
    TensorType x = in.get(0);
    TensorType w = in.get(1);
    long cg = x.dim(1) / groups;
    long mg = w.dim(1);
    var dims =
        Infer.dims(
            "N", x.dim(0), "G", groups, "C", cg, "H", x.dim(2), "W", x.dim(3), "M", mg, "R",
            w.dim(2), "S", w.dim(3));
    List<IterationSpace.Projection> proj = new ArrayList<>();
    proj.add(Infer.read("X", "n", "g*" + cg + "+c", "h", "w"));
    proj.add(Infer.read("W", "g*" + cg + "+c", "m", "r", "s"));
    if (in.size() == 3) {
      proj.add(Infer.read("B", "g*" + mg + "+m"));
    }
    proj.add(
        Infer.update(
            "Y",
            "n",
            "g*" + mg + "+m",
            "h*" + strideH + "+r*" + dilationH,
            "w*" + strideW + "+s*" + dilationW));
    long macs = (long) x.dim(0) * x.dim(1) * x.dim(2) * x.dim(3) * mg * w.dim(2) * w.dim(3);
    return new IterationSpace(dims, proj, macs, in.size() == 3 ? out.get(0).size() : 0);
  }
}
