package dev.silica.workloads.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Shape-inference helpers shared by the ops. Messages omit the node name; the builder adds it. */
final class Infer {
  private Infer() {}

  static IrException error(String format, Object... args) {
    return new IrException(String.format(Locale.ROOT, format, args));
  }

  /** Checks the operand count is within {@code [min, max]}. */
  static void arity(Op op, List<TensorType> in, int min, int max) {
    if (in.size() < min || in.size() > max) {
      String expected = min == max ? String.valueOf(min) : min + ".." + max;
      throw error("%s takes %s operands, got %d", op.kind(), expected, in.size());
    }
  }

  static void rank(String what, TensorType t, int rank) {
    if (t.rank() != rank) {
      throw error("%s must have rank %d, got %s", what, rank, t);
    }
  }

  static void minRank(String what, TensorType t, int rank) {
    if (t.rank() < rank) {
      throw error("%s must have rank >= %d, got %s", what, rank, t);
    }
  }

  static void floating(String what, TensorType t) {
    if (t.dtype().isIntegral()) {
      throw error("%s must be a floating-point tensor, got %s", what, t);
    }
  }

  static void sameDtype(String what, TensorType a, TensorType b) {
    if (a.dtype() != b.dtype()) {
      throw error("%s element type %s != %s", what, b.dtype().text(), a.dtype().text());
    }
  }

  /** A vector operand of exactly {@code n} elements. */
  static void vector(String what, TensorType t, int n) {
    if (t.rank() != 1 || t.dim(0) != n) {
      throw error("%s must be [%d], got %s", what, n, t.shape());
    }
  }

  /**
   * Checks a computed dimension fits an {@code int} and is at least 1.
   *
   * @throws IrException naming {@code what} otherwise
   */
  static int extent(String what, long v) {
    if (v < 1 || v > Integer.MAX_VALUE) {
      throw error("%s must be in [1, %d], got %d", what, Integer.MAX_VALUE, v);
    }
    return (int) v;
  }

  static void positive(String op, String attr, int v) {
    if (v < 1) {
      throw error("%s: %s must be >= 1, got %d", op, attr, v);
    }
  }

  /** Normalizes a possibly negative axis for a tensor of the given rank. */
  static int axis(String op, int axis, int rank) {
    int a = axis < 0 ? axis + rank : axis;
    if (a < 0 || a >= rank) {
      throw error("%s axis must be in [%d, %d], got %d", op, -rank, rank - 1, axis);
    }
    return a;
  }

  /**
   * Output extent of a sliding window: {@code floor((in + pb + pe - d·(k-1) - 1) / s) + 1}, or the
   * ceiling with {@code ceil}, dropping a last window that would start inside the end padding (the
   * rule of PyTorch and ONNX).
   */
  static int windows(
      String what, int in, int k, int stride, int dilation, int[] pad, boolean ceil) {
    long span = (long) in + pad[0] + pad[1] - (long) dilation * (k - 1) - 1;
    if (span < 0) {
      throw error(
          "%s: window %d (dilation %d) does not fit input %d padded by %d+%d",
          what, k, dilation, in, pad[0], pad[1]);
    }
    long out = (ceil ? (span + stride - 1) / stride : span / stride) + 1;
    if (ceil && (out - 1) * stride >= (long) in + pad[0]) {
      out--;
    }
    return extent(what + " output", out);
  }

  /** NumPy broadcasting of two shapes. */
  static Shape broadcast(Shape a, Shape b) {
    int rank = Math.max(a.rank(), b.rank());
    int[] out = new int[rank];
    for (int i = 0; i < rank; i++) {
      int da = i < rank - a.rank() ? 1 : a.dim(i - (rank - a.rank()));
      int db = i < rank - b.rank() ? 1 : b.dim(i - (rank - b.rank()));
      if (da != db && da != 1 && db != 1) {
        throw error("shapes %s and %s do not broadcast (dimension %d: %d vs %d)", a, b, i, da, db);
      }
      out[i] = Math.max(da, db);
    }
    return Shape.of(out);
  }

  static List<IterationSpace.Dim> dims(Object... nameExtent) {
    List<IterationSpace.Dim> dims = new ArrayList<>();
    for (int i = 0; i < nameExtent.length; i += 2) {
      dims.add(
          new IterationSpace.Dim((String) nameExtent[i], ((Number) nameExtent[i + 1]).longValue()));
    }
    return dims;
  }

  static IterationSpace.Projection read(String operand, String... index) {
    return new IterationSpace.Projection(operand, IterationSpace.Access.READ, List.of(index));
  }

  static IterationSpace.Projection update(String operand, String... index) {
    return new IterationSpace.Projection(operand, IterationSpace.Access.UPDATE, List.of(index));
  }
}
