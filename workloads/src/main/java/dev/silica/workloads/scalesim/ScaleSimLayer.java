package dev.silica.workloads.scalesim;

/**
 * One row of a SCALE-Sim topology file: a convolution ({@link ConvLayer}) or a matrix product
 * ({@link GemmLayer}). SCALE-Sim simulates every row on its own, as the GEMM {@code M x K} times
 * {@code K x N}; {@link #m()}, {@link #n()} and {@link #k()} are that GEMM.
 */
public sealed interface ScaleSimLayer permits ConvLayer, GemmLayer {
  /** The layer name as written in the file (trimmed), used again when writing. */
  String name();

  /** Rows of SCALE-Sim's IFMAP operand matrix: output pixels per filter. */
  long m();

  /** Columns of SCALE-Sim's FILTER operand matrix: number of filters. */
  long n();

  /** The reduction length: filter window size times channels. */
  long k();

  /** Multiply-accumulates SCALE-Sim counts for this row: {@code M·N·K}. */
  default long macs() {
    return m() * n() * k();
  }

  /** Checks a layer name: SCALE-Sim trims it and splits rows at commas. */
  static String checkName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("layer name must not be empty");
    }
    if (!name.equals(name.strip())) {
      throw new IllegalArgumentException(
          "layer name must not start or end with white space, got '" + name + "'");
    }
    if (name.indexOf(',') >= 0 || name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
      throw new IllegalArgumentException(
          "layer name must not contain a comma or a line break, got '" + name + "'");
    }
    return name;
  }
}
