package dev.silica.workloads.ir;

import java.util.Objects;

/**
 * Shape and element type of a value, printed as {@code f32[1,3,224,224]}.
 *
 * @param dtype the element type
 * @param shape the dimensions
 */
public record TensorType(DType dtype, Shape shape) {
  public TensorType {
    Objects.requireNonNull(dtype, "dtype");
    Objects.requireNonNull(shape, "shape");
  }

  public static TensorType f32(int... dims) {
    return new TensorType(DType.F32, Shape.of(dims));
  }

  public static TensorType of(DType dtype, int... dims) {
    return new TensorType(dtype, Shape.of(dims));
  }

  public TensorType withShape(Shape s) {
    return new TensorType(dtype, s);
  }

  public int rank() {
    return shape.rank();
  }

  public int dim(int i) {
    return shape.dim(i);
  }

  /** Number of elements. */
  public long size() {
    return shape.size();
  }

  /** Storage in bytes at this type's own element width. */
  public long bytes() {
    return size() * dtype.bytes();
  }

  @Override
  public String toString() {
    return dtype.text() + shape;
  }
}
