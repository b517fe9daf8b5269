package dev.silica.workloads.ir;

import java.util.List;
import java.util.Objects;

/**
 * Nearest-neighbour resizing of the two spatial dimensions to any size, ONNX {@code Resize} (mode
 * nearest) with its coordinate transformation and nearest modes; {@link Upsample} is the
 * integer-factor, asymmetric-floor special case the zoo uses.
 *
 * <p>For output row {@code p} of {@code P} (input rows {@code H}, scale {@code s = scaleH}, or
 * {@code P/H} computed in double when {@code scaleH} is 0, i.e. the size was given) the source
 * coordinate is
 *
 * <pre>
 * half_pixel            (p + 0.5)/s - 0.5
 * pytorch_half_pixel    P &gt; 1 ? (p + 0.5)/s - 0.5 : 0
 * align_corners         P &gt; 1 ? p·(H - 1)/(P - 1) : 0
 * asymmetric            p/s
 * tf_half_pixel_for_nn  (p + 0.5)/s
 * </pre>
 *
 * then rounded by the nearest mode ({@code round_prefer_floor}, {@code round_prefer_ceil}: to the
 * nearest integer, halves down or up; {@code floor}; {@code ceil}) and clamped to {@code [0, H-1]};
 * likewise for columns. {@code Y[n,c,p,q] = X[n,c,row(p),col(q)]}.
 *
 * <p>Iteration space: data movement over the output, no arithmetic.
 *
 * @param outH output rows
 * @param outW output columns
 * @param scaleH the row scale the coordinate transformation uses, or 0 for {@code outH / H}
 * @param scaleW the column scale, or 0 for {@code outW / W}
 * @param coordinate the coordinate transformation mode
 * @param nearest the nearest (rounding) mode
 */
public record Resize(
    int outH, int outW, float scaleH, float scaleW, Coordinate coordinate, Nearest nearest)
    implements Op {
  /** ONNX {@code coordinate_transformation_mode} values that nearest resizing supports. */
  public enum Coordinate {
    HALF_PIXEL,
    PYTORCH_HALF_PIXEL,
    ALIGN_CORNERS,
    ASYMMETRIC,
    TF_HALF_PIXEL_FOR_NN
  }

  /** ONNX {@code nearest_mode} values. */
  public enum Nearest {
    ROUND_PREFER_FLOOR,
    ROUND_PREFER_CEIL,
    FLOOR,
    CEIL
  }

  public Resize {
    Infer.positive("resize", "output size", Math.min(outH, outW));
    if (!(scaleH >= 0) || !(scaleW >= 0) || Float.isInfinite(scaleH) || Float.isInfinite(scaleW)) {
      throw Infer.error(
          "resize: scales must be finite and > 0 (or 0 for output/input), got [%s,%s]",
          scaleH, scaleW);
    }
    if ((scaleH == 0) != (scaleW == 0)) {
      throw Infer.error("resize: scales must be both 0 or both > 0, got [%s,%s]", scaleH, scaleW);
    }
    Objects.requireNonNull(coordinate, "coordinate");
    Objects.requireNonNull(nearest, "nearest");
  }

  @Override
  public String kind() {
    return "resize";
  }

  @Override
  public List<TensorType> infer(List<TensorType> in) {
    Infer.arity(this, in, 1, 1);
    TensorType x = in.get(0);
    Infer.rank("input", x, 4);
    if (scaleH > 0) {
      long h = (long) Math.floor(x.dim(2) * (double) scaleH);
      long w = (long) Math.floor(x.dim(3) * (double) scaleW);
      if (h != outH || w != outW) {
        throw Infer.error(
            "output size [%d,%d] must be the input's %s scaled by [%s,%s] (floor): [%d,%d]",
            outH, outW, x.shape(), scaleH, scaleW, h, w);
      }
    }
    return List.of(x.withShape(Shape.of(x.dim(0), x.dim(1), outH, outW)));
  }

  /**
   * The source index along one axis of output index {@code o}: input extent {@code in}, output
   * extent {@code out}, scale {@code scale} (0: {@code out/in}).
   */
  public int source(int o, int in, int out, float scale) {
    double s = scale == 0 ? (double) out / in : scale;
    double x =
        switch (coordinate) {
          case HALF_PIXEL -> (o + 0.5) / s - 0.5;
          case PYTORCH_HALF_PIXEL -> out > 1 ? (o + 0.5) / s - 0.5 : 0;
          case ALIGN_CORNERS -> out > 1 ? o * (in - 1.0) / (out - 1.0) : 0;
          case ASYMMETRIC -> o / s;
          case TF_HALF_PIXEL_FOR_NN -> (o + 0.5) / s;
        };
    double r =
        switch (nearest) {
          case ROUND_PREFER_FLOOR -> x - Math.floor(x) == 0.5 ? Math.floor(x) : Math.round(x);
          case ROUND_PREFER_CEIL -> x - Math.floor(x) == 0.5 ? Math.ceil(x) : Math.round(x);
          case FLOOR -> Math.floor(x);
          case CEIL -> Math.ceil(x);
        };
    return (int) Math.max(0, Math.min(in - 1, r));
  }

  @Override
  public IterationSpace iterationSpace(List<TensorType> in, List<TensorType> out) {
    return IterationSpace.movement(out.get(0), "X");
  }
}
