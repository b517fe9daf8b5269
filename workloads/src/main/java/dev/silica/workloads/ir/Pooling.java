package dev.silica.workloads.ir;

import java.util.List;

/** Shape inference shared by the windowed pooling ops. */
final class Pooling {
  private Pooling() {}

  static void check(String op, int kh, int kw, int sh, int sw, Padding padding) {
    Infer.positive(op, "kernel", Math.min(kh, kw));
    Infer.positive(op, "stride", Math.min(sh, sw));
    java.util.Objects.requireNonNull(padding, "padding");
    if (padding.mode() == Padding.Mode.EXPLICIT
        && (padding.top() >= kh
            || padding.bottom() >= kh
            || padding.left() >= kw
            || padding.right() >= kw)) {
      throw Infer.error(
          "%s: padding must be smaller than the kernel %dx%d, got [%d,%d,%d,%d]",
          op, kh, kw, padding.top(), padding.left(), padding.bottom(), padding.right());
    }
  }

  static TensorType output(
      TensorType x, int kh, int kw, int sh, int sw, Padding padding, boolean ceil) {
    Infer.rank("input", x, 4);
    Padding p = padding.resolved(x.dim(2), x.dim(3), kh, kw, sh, sw);
    int oh = Infer.windows("rows", x.dim(2), kh, sh, 1, new int[] {p.top(), p.bottom()}, ceil);
    int ow = Infer.windows("columns", x.dim(3), kw, sw, 1, new int[] {p.left(), p.right()}, ceil);
    return x.withShape(Shape.of(x.dim(0), x.dim(1), oh, ow));
  }

  static IterationSpace space(TensorType y, int kh, int kw, int sh, int sw, int outputs) {
    var dims =
        Infer.dims("N", y.dim(0), "C", y.dim(1), "P", y.dim(2), "Q", y.dim(3), "R", kh, "S", kw);
    var proj =
        List.of(
            Infer.read("X", "n", "c", "p*" + sh + "+r", "q*" + sw + "+s"),
            Infer.update("Y", "n", "c", "p", "q"));
    return new IterationSpace(dims, proj, 0, y.size() * kh * kw * outputs);
  }
}
