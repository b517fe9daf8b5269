package dev.silica.accelerators.eie;

import dev.silica.numerics.compress.MagnitudePruning;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The kept weights of a pruned {@code rows × cols} matrix {@code W} (rows = outputs, cols = inputs)
 * in compressed sparse column form: column {@code j} holds entries {@code colPtr[j] .. colPtr[j+1]
 * − 1} with ascending {@code rowIdx}. The input to {@link EieLowering}; it knows nothing of PEs,
 * codebooks or relative indexes.
 *
 * @param rows outputs
 * @param cols inputs
 * @param colPtr {@code cols + 1} offsets
 * @param rowIdx row of each kept weight
 * @param values value of each kept weight (never 0)
 */
public record SparseWeights(int rows, int cols, int[] colPtr, int[] rowIdx, float[] values) {
  public SparseWeights {
    if (rows < 1 || cols < 1) {
      throw new IllegalArgumentException(
          "weights: rows and cols must be at least 1, got " + rows + " x " + cols);
    }
    if (colPtr.length != cols + 1
        || rowIdx.length != values.length
        || colPtr[cols] != values.length) {
      throw new IllegalArgumentException("weights: inconsistent CSC arrays");
    }
  }

  /** Number of kept weights. */
  public int nonZeros() {
    return values.length;
  }

  /** Kept fraction {@code nnz / (rows · cols)}. */
  public double density() {
    return (double) values.length / ((double) rows * cols);
  }

  /** The non-zeros of a row-major {@code rows × cols} matrix ({@code W[i][j] = m[i·cols + j]}). */
  public static SparseWeights fromDense(float[] m, int rows, int cols) {
    if ((long) rows * cols != m.length) {
      throw new IllegalArgumentException(
          "weights: "
              + rows
              + " x "
              + cols
              + " needs "
              + (long) rows * cols
              + " values, got "
              + m.length);
    }
    int nnz = 0;
    for (float v : m) {
      if (v != 0) {
        nnz++;
      }
    }
    int[] ptr = new int[cols + 1];
    int[] ri = new int[nnz];
    float[] val = new float[nnz];
    int p = 0;
    for (int j = 0; j < cols; j++) {
      ptr[j] = p;
      for (int i = 0; i < rows; i++) {
        float v = m[i * cols + j];
        if (v != 0) {
          ri[p] = i;
          val[p++] = v;
        }
      }
    }
    ptr[cols] = p;
    return new SparseWeights(rows, cols, ptr, ri, val);
  }

  /**
   * Magnitude pruning (numerics {@link MagnitudePruning#byKeepRatio}) of a dense row-major matrix,
   * keeping {@code round(keepRatio · rows · cols)} weights.
   */
  public static SparseWeights pruned(float[] m, int rows, int cols, double keepRatio) {
    return fromDense(MagnitudePruning.byKeepRatio(m, keepRatio).apply(m), rows, cols);
  }

  /**
   * Seeded synthetic weights at {@code density}: each position kept independently with probability
   * {@code density} (positions by geometric skips, so the cost is linear in the kept count), values
   * distributed as the survivors of magnitude pruning of {@code U(−bound, bound)} at that keep
   * ratio: sign ±, magnitude uniform on {@code [(1 − density)·bound, bound]}.
   */
  public static SparseWeights random(int rows, int cols, double density, double bound, long seed) {
    if (!(density > 0 && density <= 1)) {
      throw new IllegalArgumentException("weights: density must be in (0, 1], got " + density);
    }
    SplittableRandom rng = new SplittableRandom(seed);
    long total = (long) rows * cols;
    int cap = (int) Math.min(Integer.MAX_VALUE - 8, (long) (total * density * 1.01) + 1024);
    int[] ri = new int[cap];
    float[] val = new float[cap];
    int[] ptr = new int[cols + 1];
    double lo = (1 - density) * bound;
    double logq = density >= 1 ? 0 : Math.log1p(-density);
    int p = 0;
    for (int j = 0; j < cols; j++) {
      ptr[j] = p;
      long i = -1;
      while (true) {
        long skip = density >= 1 ? 0 : (long) Math.floor(Math.log(1 - rng.nextDouble()) / logq);
        i += skip + 1;
        if (i >= rows) {
          break;
        }
        if (p == ri.length) {
          int n = (int) Math.min(Integer.MAX_VALUE - 8, ri.length * 3L / 2 + 16);
          ri = Arrays.copyOf(ri, n);
          val = Arrays.copyOf(val, n);
        }
        double mag = lo + (bound - lo) * rng.nextDouble();
        float v = (float) (rng.nextBoolean() ? mag : -mag);
        ri[p] = (int) i;
        val[p++] = v == 0 ? Math.ulp(1f) : v;
      }
    }
    ptr[cols] = p;
    return new SparseWeights(rows, cols, ptr, Arrays.copyOf(ri, p), Arrays.copyOf(val, p));
  }
}
