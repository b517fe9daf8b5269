package dev.silica.workloads.tensor;

import dev.silica.workloads.ir.DType;
import dev.silica.workloads.ir.Shape;
import dev.silica.workloads.ir.TensorType;
import java.util.Arrays;
import java.util.Objects;

/**
 * A dense tensor: a {@link Shape}, a {@link DType} and primitive storage, row-major (C order) and
 * contiguous, with the strides stated explicitly ({@code strides[i]} elements between neighbours
 * along dimension {@code i}; the last stride is 1). NCHW for images.
 *
 * <p>Storage: {@code float[]} for {@link DType#F32}, {@code double[]} for {@link DType#F64} and
 * {@code long[]} for {@link DType#I64}; other element types are not supported (importers widen
 * integer indices to {@code i64}).
 *
 * <p>A tensor wraps its array without copying and hands it out without copying ({@link #floats()}
 * and friends): code that shares a tensor must not write to its array. The reference executor never
 * writes to an operand; it always allocates its results.
 *
 * <p>{@link #equals} is exact: same element type, same shape and bit-identical elements (so {@code
 * NaN} equals {@code NaN} and {@code -0.0} differs from {@code 0.0}). Tests compare with tolerance
 * through {@link #allClose}, {@link #maxAbsDiff} and {@link #maxRelError}.
 */
public final class Tensor {
  private final DType dtype;
  private final Shape shape;
  private final int[] dims;
  private final int[] strides;
  private final int size;
  private final float[] f32;
  private final double[] f64;
  private final long[] i64;

  private Tensor(DType dtype, Shape shape, float[] f32, double[] f64, long[] i64) {
    this.dtype = dtype;
    this.shape = shape;
    this.dims = shape.toArray();
    this.strides = rowMajorStrides(dims);
    long n = shape.size();
    if (n > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("tensor " + shape + " has more than 2^31 elements");
    }
    this.size = (int) n;
    int length = f32 != null ? f32.length : f64 != null ? f64.length : i64.length;
    if (length != size) {
      throw new IllegalArgumentException(
          "storage of " + length + " elements does not fit " + dtype.text() + shape);
    }
    this.f32 = f32;
    this.f64 = f64;
    this.i64 = i64;
  }

  /** Row-major strides of a shape, in elements. */
  public static int[] rowMajorStrides(int[] dims) {
    int[] s = new int[dims.length];
    long stride = 1;
    for (int i = dims.length - 1; i >= 0; i--) {
      s[i] = (int) Math.min(stride, Integer.MAX_VALUE);
      stride *= dims[i];
    }
    return s;
  }

  /** A zero tensor of a supported element type. */
  public static Tensor zeros(DType dtype, Shape shape) {
    int n = Math.toIntExact(shape.size());
    return switch (dtype) {
      case F32 -> new Tensor(dtype, shape, new float[n], null, null);
      case F64 -> new Tensor(dtype, shape, null, new double[n], null);
      case I64 -> new Tensor(dtype, shape, null, null, new long[n]);
      default ->
          throw new IllegalArgumentException(
              "tensors of " + dtype.text() + " are not supported (f32, f64, i64 are)");
    };
  }

  /** A zero tensor of the given type. */
  public static Tensor zeros(TensorType type) {
    return zeros(type.dtype(), type.shape());
  }

  /** Wraps {@code data} (not copied) as an {@code f32} tensor. */
  public static Tensor of(Shape shape, float... data) {
    return new Tensor(DType.F32, shape, Objects.requireNonNull(data), null, null);
  }

  /** Wraps {@code data} (not copied) as an {@code f64} tensor. */
  public static Tensor of(Shape shape, double... data) {
    return new Tensor(DType.F64, shape, null, Objects.requireNonNull(data), null);
  }

  /** Wraps {@code data} (not copied) as an {@code i64} tensor. */
  public static Tensor of(Shape shape, long... data) {
    return new Tensor(DType.I64, shape, null, null, Objects.requireNonNull(data));
  }

  /** An {@code f32} scalar (rank 0). */
  public static Tensor scalar(float v) {
    return of(Shape.scalar(), new float[] {v});
  }

  public DType dtype() {
    return dtype;
  }

  public Shape shape() {
    return shape;
  }

  public TensorType type() {
    return new TensorType(dtype, shape);
  }

  public int rank() {
    return dims.length;
  }

  /** Dimension {@code i}; negative counts from the end. */
  public int dim(int i) {
    return dims[i < 0 ? dims.length + i : i];
  }

  /** The dimensions as a fresh array. */
  public int[] dims() {
    return dims.clone();
  }

  /** Row-major strides in elements, as a fresh array. */
  public int[] strides() {
    return strides.clone();
  }

  /** Number of elements. */
  public int size() {
    return size;
  }

  /** The {@code f32} storage, not copied. */
  public float[] floats() {
    if (f32 == null) {
      throw new IllegalStateException("tensor is " + dtype.text() + ", not f32");
    }
    return f32;
  }

  /** The {@code f64} storage, not copied. */
  public double[] doubles() {
    if (f64 == null) {
      throw new IllegalStateException("tensor is " + dtype.text() + ", not f64");
    }
    return f64;
  }

  /** The {@code i64} storage, not copied. */
  public long[] longs() {
    if (i64 == null) {
      throw new IllegalStateException("tensor is " + dtype.text() + ", not i64");
    }
    return i64;
  }

  /** Flat (row-major) offset of an index. */
  public int offset(int... index) {
    if (index.length != dims.length) {
      throw new IllegalArgumentException(
          "index of rank " + index.length + " for tensor of rank " + dims.length);
    }
    int off = 0;
    for (int i = 0; i < dims.length; i++) {
      if (index[i] < 0 || index[i] >= dims[i]) {
        throw new IndexOutOfBoundsException(
            "index " + Arrays.toString(index) + " out of bounds for " + shape);
      }
      off += index[i] * strides[i];
    }
    return off;
  }

  /** Element at a flat offset, widened to {@code double}. */
  public double getDouble(int flat) {
    return f32 != null ? f32[flat] : f64 != null ? f64[flat] : i64[flat];
  }

  /** Element at an index, widened to {@code double}. */
  public double get(int... index) {
    return getDouble(offset(index));
  }

  /** Element at an index of an {@code i64} tensor. */
  public long getLong(int... index) {
    return longs()[offset(index)];
  }

  /** A copy of the elements as {@code double}. */
  public double[] toDoubleArray() {
    double[] out = new double[size];
    if (f32 != null) {
      for (int i = 0; i < size; i++) {
        out[i] = f32[i];
      }
    } else if (f64 != null) {
      System.arraycopy(f64, 0, out, 0, size);
    } else {
      for (int i = 0; i < size; i++) {
        out[i] = i64[i];
      }
    }
    return out;
  }

  /** This tensor as {@code f64}: itself when it already is, otherwise a widened copy. */
  public Tensor toF64() {
    return dtype == DType.F64 ? this : of(shape, toDoubleArray());
  }

  /** This tensor as {@code f32}: itself when it already is, otherwise a rounded copy. */
  public Tensor toF32() {
    if (dtype == DType.F32) {
      return this;
    }
    float[] out = new float[size];
    for (int i = 0; i < size; i++) {
      out[i] = (float) getDouble(i);
    }
    return of(shape, out);
  }

  /**
   * This tensor as {@code i64}: itself when it already is, otherwise each element rounded to the
   * nearest integer ({@link Math#round(double)}).
   */
  public Tensor toI64() {
    if (dtype == DType.I64) {
      return this;
    }
    long[] out = new long[size];
    for (int i = 0; i < size; i++) {
      out[i] = Math.round(getDouble(i));
    }
    return of(shape, out);
  }

  /** The same storage viewed with another shape of the same size (no copy). */
  public Tensor reshape(Shape newShape) {
    if (newShape.size() != size) {
      throw new IllegalArgumentException(
          "cannot reshape " + shape + " (" + size + " elements) to " + newShape);
    }
    return new Tensor(dtype, newShape, f32, f64, i64);
  }

  /** Largest {@code |a - b|} over all elements; shapes must match. */
  public double maxAbsDiff(Tensor other) {
    checkSameShape(other);
    double max = 0;
    for (int i = 0; i < size; i++) {
      double a = getDouble(i);
      double b = other.getDouble(i);
      if (a == b) {
        continue;
      }
      double d = Math.abs(a - b);
      if (Double.isNaN(d)) {
        return Double.NaN;
      }
      max = Math.max(max, d);
    }
    return max;
  }

  /**
   * Largest {@code |this - reference| / max(|reference|, floor)}: the relative error against a
   * reference, with {@code floor} keeping elements near zero from dominating.
   */
  public double maxRelError(Tensor reference, double floor) {
    checkSameShape(reference);
    double max = 0;
    for (int i = 0; i < size; i++) {
      double a = getDouble(i);
      double b = reference.getDouble(i);
      if (a == b) {
        continue;
      }
      double e = Math.abs(a - b) / Math.max(Math.abs(b), floor);
      if (Double.isNaN(e)) {
        return Double.NaN;
      }
      max = Math.max(max, e);
    }
    return max;
  }

  /**
   * NumPy's {@code allclose}: every {@code |this - other| <= atol + rtol·|other|}, shapes equal;
   * equal infinities pass, NaN never does.
   */
  public boolean allClose(Tensor other, double rtol, double atol) {
    if (!shape.equals(other.shape)) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      double a = getDouble(i);
      double b = other.getDouble(i);
      if (a == b) {
        continue;
      }
      if (!(Math.abs(a - b) <= atol + rtol * Math.abs(b))) {
        return false;
      }
    }
    return true;
  }

  /** True when every element is finite (integer tensors always are). */
  public boolean isFinite() {
    if (f32 != null) {
      for (float v : f32) {
        if (!Float.isFinite(v)) {
          return false;
        }
      }
    } else if (f64 != null) {
      for (double v : f64) {
        if (!Double.isFinite(v)) {
          return false;
        }
      }
    }
    return true;
  }

  private void checkSameShape(Tensor other) {
    if (!shape.equals(other.shape)) {
      throw new IllegalArgumentException("shapes differ: " + shape + " vs " + other.shape);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Tensor t) || dtype != t.dtype || !shape.equals(t.shape)) {
      return false;
    }
    if (f32 != null) {
      for (int i = 0; i < size; i++) {
        if (Float.floatToRawIntBits(f32[i]) != Float.floatToRawIntBits(t.f32[i])) {
          return false;
        }
      }
      return true;
    }
    if (f64 != null) {
      for (int i = 0; i < size; i++) {
        if (Double.doubleToRawLongBits(f64[i]) != Double.doubleToRawLongBits(t.f64[i])) {
          return false;
        }
      }
      return true;
    }
    return Arrays.equals(i64, t.i64);
  }

  @Override
  public int hashCode() {
    int h = 31 * dtype.hashCode() + shape.hashCode();
    int step = Math.max(1, size / 64);
    for (int i = 0; i < size; i += step) {
      h = 31 * h + Double.hashCode(getDouble(i));
    }
    return h;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(dtype.text()).append(shape).append(" {");
    int n = Math.min(size, 8);
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : ", ");
      sb.append(i64 != null ? String.valueOf(i64[i]) : String.valueOf(getDouble(i)));
    }
    return sb.append(size > n ? ", ...}" : "}").toString();
  }
}
