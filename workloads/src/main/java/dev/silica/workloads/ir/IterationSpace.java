package dev.silica.workloads.ir;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The loop nest an op performs, in the manner of Timeloop's problem shapes: named dimensions with
 * extents, and for each operand the index expression it is read or written at. Analytical models
 * count MACs and data movement from this without special-casing every op.
 *
 * <p>Conventions (Timeloop's): {@code N} batch, {@code M} output channels, {@code C} input channels
 * per group, {@code G} groups, {@code P,Q} output rows and columns, {@code R,S} filter rows and
 * columns, {@code K} reduction length of a matrix product, {@code T} time steps.
 *
 * @param dims the loop dimensions, outermost first
 * @param projections how each operand is indexed by the dimensions
 * @param macs multiply-accumulates performed (0 for ops that do no products)
 * @param ops other element operations (comparisons, additions, transcendental evaluations), counted
 *     once per output element visited
 */
public record IterationSpace(List<Dim> dims, List<Projection> projections, long macs, long ops) {
  public IterationSpace {
    dims = List.copyOf(dims);
    projections = List.copyOf(projections);
  }

  /** One loop dimension. */
  public record Dim(String name, long extent) {}

  /** How an operand is accessed. */
  public enum Access {
    READ,
    WRITE,
    /** Read-modify-write, such as an accumulator. */
    UPDATE
  }

  /**
   * The index expressions of one operand, one per operand dimension, over the loop dimension names
   * ({@code "p*2+r*1"}).
   */
  public record Projection(String operand, Access access, List<String> index) {
    public Projection {
      index = List.copyOf(index);
    }
  }

  /** Product of all dimension extents: the number of loop iterations. */
  public long volume() {
    long v = 1;
    for (Dim d : dims) {
      v *= d.extent();
    }
    return v;
  }

  /** An element-wise space over {@code out}'s shape, with {@code opsPerElement} operations each. */
  public static IterationSpace elementwise(TensorType out, long opsPerElement, String... operands) {
    List<Dim> dims = new java.util.ArrayList<>();
    List<String> idx = new java.util.ArrayList<>();
    for (int i = 0; i < out.rank(); i++) {
      dims.add(new Dim("d" + i, out.dim(i)));
      idx.add("d" + i);
    }
    List<Projection> projections = new java.util.ArrayList<>();
    for (String o : operands) {
      projections.add(new Projection(o, Access.READ, idx));
    }
    projections.add(new Projection("Y", Access.WRITE, idx));
    return new IterationSpace(dims, projections, 0, out.size() * opsPerElement);
  }

  /** A data-movement op (reshape, concat): no arithmetic. */
  public static IterationSpace movement(TensorType out, String... operands) {
    return elementwise(out, 0, operands);
  }

  @Override
  public String toString() {
    return dims.stream().map(d -> d.name() + "=" + d.extent()).collect(Collectors.joining(" "))
        + " macs="
        + macs;
  }
}
