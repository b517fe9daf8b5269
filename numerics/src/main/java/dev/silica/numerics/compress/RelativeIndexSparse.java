package dev.silica.numerics.compress;

import java.util.ArrayList;
import java.util.List;

/**
 * Sparse storage with relative indexes and filler zeros (DC §2, Fig. 2; EIE §III-B; papers-inputs
 * §3.5), in a flat stream and as CSR/CSC.
 *
 * <h2>Format</h2>
 *
 * <p>Each stored entry holds a value and a {@code b}-bit relative index: the number of zeros since
 * the previous stored entry of the same row (CSR) or column (CSC), or since the start of it. A run
 * of {@code z} zeros before a non-zero would need an index up to {@code z}; when {@code z > 2^b −
 * 1}, filler entries (value 0, index {@code 2^b − 1}) are inserted, each covering {@code 2^b}
 * positions (its {@code 2^b − 1} preceding zeros plus itself), so a run of {@code z} zeros costs
 * {@code ⌊z / 2^b⌋} fillers. Trailing zeros of a row cost nothing (the row pointer ends it).
 *
 * <h2>Accounting</h2>
 *
 * <ul>
 *   <li>entries {@code e = a + fillers} ({@code a} non-zeros);
 *   <li>relative-index format: {@code e·(valueBits + b)} plus, for CSR/CSC, {@code (n +
 *       1)·pointerBits} for the {@code n} row (column) pointers;
 *   <li>absolute-index CSR/CSC for comparison (DC: "2a + n + 1 numbers"): {@code a·(valueBits +
 *       indexBits) + (n + 1)·pointerBits}.
 * </ul>
 */
public final class RelativeIndexSparse {
  private RelativeIndexSparse() {}

  /**
   * An encoded stream or matrix: values (0 for fillers), relative indexes, filler flags, and the
   * pointer array ({@code pointers[r]} = first entry of row/column {@code r}; a flat stream has
   * {@code [0, e]}).
   */
  public record Encoded(
      float[] values, int[] relIndex, int nonZeros, int fillers, int[] pointers, int indexBits) {
    /** Stored entries {@code a + fillers}. */
    public int entries() {
      return values.length;
    }

    /** {@code entries·(valueBits + indexBits)}, pointers excluded. */
    public long payloadBits(int valueBits) {
      return (long) entries() * (valueBits + indexBits);
    }

    /** Payload plus {@code (pointers.length)·pointerBits}. */
    public long totalBits(int valueBits, int pointerBits) {
      return payloadBits(valueBits) + (long) pointers.length * pointerBits;
    }
  }

  /** Number of fillers for a zero run of {@code z} with {@code b}-bit indexes: {@code ⌊z/2^b⌋}. */
  public static long fillersForRun(long z, int b) {
    return z >>> b;
  }

  /** Encodes a flat stream (one row). */
  public static Encoded encodeStream(float[] x, int indexBits) {
    return encode(x, 1, x.length, false, indexBits);
  }

  /** Encodes a row-major {@code rows × cols} matrix as CSR. */
  public static Encoded encodeCsr(float[] m, int rows, int cols, int indexBits) {
    return encode(m, rows, cols, false, indexBits);
  }

  /** Encodes a row-major {@code rows × cols} matrix as CSC (column by column). */
  public static Encoded encodeCsc(float[] m, int rows, int cols, int indexBits) {
    return encode(m, rows, cols, true, indexBits);
  }

  /**
   * Entries and fillers of a flat stream given only the kept positions' mask (no values needed):
   * returns {@code {nonZeros, fillers}}.
   */
  public static long[] countStream(boolean[] mask, int indexBits) {
    long a = 0;
    long f = 0;
    long run = 0;
    for (boolean m : mask) {
      if (m) {
        a++;
        f += fillersForRun(run, indexBits);
        run = 0;
      } else {
        run++;
      }
    }
    return new long[] {a, f};
  }

  /**
   * The relative-index symbols of a flat stream (filler entries included, each with symbol {@code
   * 2^b − 1}), for Huffman coding.
   */
  public static long[] relativeIndexCounts(boolean[] mask, int indexBits) {
    int max = (1 << indexBits) - 1;
    long[] counts = new long[max + 1];
    long run = 0;
    for (boolean m : mask) {
      if (m) {
        long f = fillersForRun(run, indexBits);
        counts[max] += f;
        counts[(int) (run - (f << indexBits))]++;
        run = 0;
      } else {
        run++;
      }
    }
    return counts;
  }

  /** Dense row-major matrix (or stream) back from CSR ({@code csc = false}) or CSC. */
  public static float[] decode(Encoded e, int rows, int cols, boolean csc) {
    float[] out = new float[rows * cols];
    int lines = csc ? cols : rows;
    for (int r = 0; r < lines; r++) {
      int pos = -1;
      for (int i = e.pointers()[r]; i < e.pointers()[r + 1]; i++) {
        pos += e.relIndex()[i] + 1;
        float v = e.values()[i];
        if (v != 0) {
          out[csc ? pos * cols + r : r * cols + pos] = v;
        }
      }
    }
    return out;
  }

  /** DC's absolute-index CSR/CSC size: {@code a·(valueBits + indexBits) + (n + 1)·pointerBits}. */
  public static long absoluteIndexBits(
      long a, long n, int valueBits, int indexBits, int pointerBits) {
    return a * (valueBits + indexBits) + (n + 1) * pointerBits;
  }

  private static Encoded encode(float[] m, int rows, int cols, boolean csc, int b) {
    if (b < 1 || b > 30) {
      throw new IllegalArgumentException("sparse: index bits must be in [1, 30], got " + b);
    }
    if (m.length != rows * cols) {
      throw new IllegalArgumentException(
          "sparse: matrix length must be rows·cols = " + rows * cols + ", got " + m.length);
    }
    int max = (1 << b) - 1;
    List<Float> vals = new ArrayList<>();
    List<Integer> idx = new ArrayList<>();
    int lines = csc ? cols : rows;
    int len = csc ? rows : cols;
    int[] ptr = new int[lines + 1];
    int a = 0;
    int fill = 0;
    for (int r = 0; r < lines; r++) {
      ptr[r] = vals.size();
      int run = 0;
      for (int j = 0; j < len; j++) {
        float v = csc ? m[j * cols + r] : m[r * cols + j];
        if (v == 0) {
          run++;
          if (run > max) { // this zero becomes a filler entry
            vals.add(0f);
            idx.add(max);
            fill++;
            run = 0;
          }
        } else {
          vals.add(v);
          idx.add(run);
          a++;
          run = 0;
        }
      }
      // Fillers emitted inside a trailing zero run are not needed: drop them.
      while (vals.size() > ptr[r] && vals.get(vals.size() - 1) == 0f) {
        vals.remove(vals.size() - 1);
        idx.remove(idx.size() - 1);
        fill--;
      }
    }
    ptr[lines] = vals.size();
    float[] v = new float[vals.size()];
    int[] ix = new int[idx.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = vals.get(i);
      ix[i] = idx.get(i);
    }
    return new Encoded(v, ix, a, fill, ptr, b);
  }
}
