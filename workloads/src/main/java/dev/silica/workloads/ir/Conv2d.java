package dev.silica.workloads.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * 2-D convolution (cross-correlation, as every framework computes it), ONNX {@code Conv}.
 *
 * <p>Operands: {@code X[N,C,H,W]}, {@code W[M,C/groups,R,S]}, optional bias {@code B[M]}. Result
 * {@code Y[N,M,P,Q]} with {@code P = floor((H + pad_top + pad_bottom - dH·(R-1) - 1) / strideH) +
 * 1} and likewise {@code Q}.
 *
 * <p>Iteration space {@code N G M' P Q C' R S} with {@code M' = M/G}, {@code C' = C/G}: {@code Y[n,
 * g·M'+m, p, q] += X[n, g·C'+c, p·sH + r·dH - padTop, q·sW + s·dW - padLeft] · W[g·M'+m, c, r, s]},
 * so MACs = {@code N·M·P·Q·C'·R·S}; the bias adds are not MACs.
 *
 * @param strideH vertical stride
 * @param strideW horizontal stride
 * @param padding explicit (possibly asymmetric), same or valid
 * @param dilationH vertical dilation
 * @param dilationW horizontal dilation
 * @param groups channel groups ({@code C} for depthwise)
 */
public record Conv2d(
    int strideH, int strideW, Padding padding, int dilationH, int dilationW, int groups)
    implements Op {
  public Conv2d {
    Infer.positive("conv2d", "stride", Math.min(strideH, strideW));
    Infer.positive("conv2d", "dilation", Math.min(dilationH, dilationW));
    Infer.positive("conv2d", "groups", groups);
    java.util.Objects.requireNonNull(padding, "padding");
  }

  /** Square stride, symmetric padding, no dilation, one group. */
  public static Conv2d of(int stride, int pad) {
    return new Conv2d(stride, stride, Padding.of(pad), 1, 1, 1);
  }

  /** Square stride, symmetric padding, no dilation, {@code groups} groups. */
  public static Conv2d of(int stride, int pad, int groups) {
    return new Conv2d(stride, stride, Padding.of(pad), 1, 1, groups);
  }

  @Override
  public String kind() {
    return "conv2d";
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
    int c = x.dim(1);
    if (c % groups != 0) {
      throw Infer.error("input channels %d not divisible by groups %d", c, groups);
    }
    if (w.dim(1) != c / groups) {
      throw Infer.error(
          "weight channels %d != input channels %d%s",
          w.dim(1), c / groups, groups == 1 ? "" : " per group (" + c + "/" + groups + ")");
    }
    int m = w.dim(0);
    if (m % groups != 0) {
      throw Infer.error("output channels %d not divisible by groups %d", m, groups);
    }
    if (in.size() == 3) {
      Infer.vector("bias", in.get(2), m);
      Infer.sameDtype("bias", x, in.get(2));
    }
    Padding p = resolvedPadding(x, w);
    int oh =
        Infer.windows(
            "rows", x.dim(2), w.dim(2), strideH, dilationH, new int[] {p.top(), p.bottom()}, false);
    int ow =
        Infer.windows(
            "columns",
            x.dim(3),
            w.dim(3),
            strideW,
            dilationW,
            new int[] {p.left(), p.right()},
            false);
    return List.of(x.withShape(Shape.of(x.dim(0), m, oh, ow)));
  }

  /** The explicit padding this op applies to input {@code x} with weight {@code w}. */
  public Padding resolvedPadding(TensorType x, TensorType w) {
    return padding.resolved(
        x.dim(2),
        x.dim(3),
        dilationH * (w.dim(2) - 1) + 1,
        dilationW * (w.dim(3) - 1) + 1,
        strideH,
        strideW);
  }

  @Override
  public IterationSpace iterationSpace(List<TensorType> in, List<TensorType> out) {
    TensorType x = in.get(0);
    TensorType w = in.get(1);
    TensorType y = out.get(0);
    int g = groups;
    long mg = w.dim(0) / g;
    long cg = w.dim(1);
    var dims =
        Infer.dims(
            "N", y.dim(0), "G", g, "M", mg, "P", y.dim(2), "Q", y.dim(3), "C", cg, "R", w.dim(2),
            "S", w.dim(3));
    List<IterationSpace.Projection> proj = new ArrayList<>();
    String rows = "p*" + strideH + "+r*" + dilationH;
    String cols = "q*" + strideW + "+s*" + dilationW;
    proj.add(Infer.read("X", "n", "g*" + cg + "+c", rows, cols));
    proj.add(Infer.read("W", "g*" + mg + "+m", "c", "r", "s"));
    if (in.size() == 3) {
      proj.add(Infer.read("B", "g*" + mg + "+m"));
    }
    proj.add(Infer.update("Y", "n", "g*" + mg + "+m", "p", "q"));
    long macs = (long) y.dim(0) * w.dim(0) * y.dim(2) * y.dim(3) * cg * w.dim(2) * w.dim(3);
    return new IterationSpace(dims, proj, macs, in.size() == 3 ? y.size() : 0);
  }
}
