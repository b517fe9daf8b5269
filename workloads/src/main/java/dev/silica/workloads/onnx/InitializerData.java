package dev.silica.workloads.onnx;

import dev.silica.workloads.ir.DType;
import dev.silica.workloads.ir.Shape;
import dev.silica.workloads.ir.TensorType;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The elements of an initializer (or of a test tensor file), in row-major order, with its element
 * type and dimensions.
 *
 * <p>Exactly one array is set, chosen by the element type: {@code floats} for {@code f32}, {@code
 * f16} and {@code bf16} (half-precision values widened exactly to float), {@code doubles} for
 * {@code f64}, {@code longs} for the integer types and {@code bool} (0 or 1). Dimensions may be
 * empty (a scalar) or contain 0 (an empty tensor), which ONNX allows and the IR's {@link Shape}
 * does not. Arrays are not copied; treat them as read-only.
 *
 * @param dtype element type
 * @param dims dimensions, outermost first
 * @param floats elements of a floating-point tensor other than {@code f64}, else {@code null}
 * @param longs elements of an integer or boolean tensor, else {@code null}
 * @param doubles elements of an {@code f64} tensor, else {@code null}
 */
public record InitializerData(
    DType dtype, List<Integer> dims, float[] floats, long[] longs, double[] doubles) {
  public InitializerData {
    Objects.requireNonNull(dtype, "dtype");
    dims = List.copyOf(dims);
    long n = 1;
    for (int d : dims) {
      if (d < 0) {
        throw new IllegalArgumentException("dimensions must be >= 0, got " + dims);
      }
      n *= d;
    }
    int set = (floats != null ? 1 : 0) + (longs != null ? 1 : 0) + (doubles != null ? 1 : 0);
    if (set != 1) {
      throw new IllegalArgumentException("exactly one element array must be given, got " + set);
    }
    Storage expected = storage(dtype);
    Storage actual = floats != null ? Storage.FLOAT : longs != null ? Storage.LONG : Storage.DOUBLE;
    if (expected != actual) {
      throw new IllegalArgumentException(
          dtype.text() + " elements must be stored as " + expected + ", got " + actual);
    }
    long length = floats != null ? floats.length : longs != null ? longs.length : doubles.length;
    if (length != n) {
      throw new IllegalArgumentException(
          "dimensions " + dims + " need " + n + " elements, got " + length);
    }
  }

  /** How the elements of a type are held. */
  enum Storage {
    FLOAT,
    LONG,
    DOUBLE
  }

  static Storage storage(DType t) {
    return switch (t) {
      case F32, F16, BF16 -> Storage.FLOAT;
      case F64 -> Storage.DOUBLE;
      case I8, U8, I32, I64, BOOL -> Storage.LONG;
    };
  }

  /** An {@code f32} tensor. */
  public static InitializerData ofFloats(List<Integer> dims, float... values) {
    return new InitializerData(DType.F32, dims, values, null, null);
  }

  /** An {@code i64} tensor. */
  public static InitializerData ofLongs(List<Integer> dims, long... values) {
    return new InitializerData(DType.I64, dims, null, values, null);
  }

  /** An {@code f64} tensor. */
  public static InitializerData ofDoubles(List<Integer> dims, double... values) {
    return new InitializerData(DType.F64, dims, null, null, values);
  }

  /** All-zero elements of {@code type}. */
  public static InitializerData zeros(TensorType type) {
    return zeros(type.dtype(), type.shape().dims());
  }

  static InitializerData zeros(DType dtype, List<Integer> dims) {
    int n = Math.toIntExact(count(dims));
    return switch (storage(dtype)) {
      case FLOAT -> new InitializerData(dtype, dims, new float[n], null, null);
      case LONG -> new InitializerData(dtype, dims, null, new long[n], null);
      case DOUBLE -> new InitializerData(dtype, dims, null, null, new double[n]);
    };
  }

  static long count(List<Integer> dims) {
    long n = 1;
    for (int d : dims) {
      n *= d;
    }
    return n;
  }

  /** Number of elements. */
  public int size() {
    return floats != null ? floats.length : longs != null ? longs.length : doubles.length;
  }

  /** Element {@code i} as a double (exact for every element type except large {@code i64}). */
  public double get(int i) {
    return floats != null ? floats[i] : longs != null ? longs[i] : doubles[i];
  }

  /** Element {@code i} as a long (floating-point elements are truncated). */
  public long getLong(int i) {
    return longs != null ? longs[i] : (long) get(i);
  }

  /** The IR type of this tensor; fails for empty tensors, which the IR cannot describe. */
  public TensorType type() {
    return new TensorType(dtype, new Shape(dims));
  }

  /**
   * These elements as an executor tensor: {@code f32} storage for {@code f32}, {@code f16} and
   * {@code bf16} (their values are exact in float), {@code f64} for {@code f64}, {@code i64} for
   * the integer types and {@code bool}. Fails for empty tensors, which the IR cannot describe.
   */
  public dev.silica.workloads.tensor.Tensor toTensor() {
    Shape shape = new Shape(dims);
    return floats != null
        ? dev.silica.workloads.tensor.Tensor.of(shape, floats)
        : longs != null
            ? dev.silica.workloads.tensor.Tensor.of(shape, longs)
            : dev.silica.workloads.tensor.Tensor.of(shape, doubles);
  }

  /** The same elements with other dimensions of the same element count. */
  public InitializerData reshaped(List<Integer> newDims) {
    return new InitializerData(dtype, newDims, floats, longs, doubles);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InitializerData d
        && dtype == d.dtype
        && dims.equals(d.dims)
        && Arrays.equals(floats, d.floats)
        && Arrays.equals(longs, d.longs)
        && Arrays.equals(doubles, d.doubles);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        dtype, dims, Arrays.hashCode(floats), Arrays.hashCode(longs), Arrays.hashCode(doubles));
  }

  @Override
  public String toString() {
    return "InitializerData[" + dtype.text() + dims + ", " + size() + " elements]";
  }
}
