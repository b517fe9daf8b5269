package dev.silica.workloads.ir;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The dimensions of a tensor, outermost first (NCHW for images). Every dimension is at least 1
 * except that a rank-0 shape (a scalar) has no dimensions.
 *
 * @param dims the dimensions; copied, immutable
 */
public record Shape(List<Integer> dims) {
  public Shape {
    dims = List.copyOf(dims);
    for (int i = 0; i < dims.size(); i++) {
      if (dims.get(i) < 1) {
        throw new IrException(
            "shape " + text(dims) + ": dimension " + i + " must be >= 1, got " + dims.get(i));
      }
    }
    long n = 1;
    for (int d : dims) {
      if (n > Long.MAX_VALUE / d) {
        throw new IrException("shape " + text(dims) + ": element count exceeds 2^63 - 1");
      }
      n *= d;
    }
  }

  /** A shape from its dimensions. */
  public static Shape of(int... dims) {
    return new Shape(java.util.Arrays.stream(dims).boxed().toList());
  }

  /** The scalar shape. */
  public static Shape scalar() {
    return new Shape(List.of());
  }

  public int rank() {
    return dims.size();
  }

  /** Dimension {@code i}; a negative index counts from the end ({@code -1} is the last). */
  public int dim(int i) {
    return dims.get(i < 0 ? dims.size() + i : i);
  }

  /** Number of elements (checked at construction not to overflow). */
  public long size() {
    long n = 1;
    for (int d : dims) {
      n *= d;
    }
    return n;
  }

  /** The same shape with dimension {@code i} replaced. */
  public Shape with(int i, int value) {
    int[] d = toArray();
    d[i < 0 ? d.length + i : i] = value;
    return of(d);
  }

  public int[] toArray() {
    return dims.stream().mapToInt(Integer::intValue).toArray();
  }

  @Override
  public String toString() {
    return text(dims);
  }

  private static String text(List<Integer> dims) {
    return dims.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
  }
}
