package dev.silica.accelerators.tpu;

import dev.silica.numerics.FloatingPoint;
import dev.silica.numerics.IntegerFormat;
import dev.silica.numerics.NumberFormat;
import dev.silica.numerics.arith.Mac;
import java.util.Objects;

/**
 * The cycle-stepped tier of the systolic array: an {@code R × C} grid of processing elements whose
 * registers are advanced one clock at a time, so operands really move PE to PE and the cycle count
 * of a fold is whatever the register pipeline takes, not a formula.
 *
 * <h2>Design</h2>
 *
 * <p>Each PE holds bit patterns in {@code long} registers and multiplies with a {@link Mac} from
 * the numerics module (int8 × int8 → int32 for {@link Mac#int8()}, fp16 × fp16 → fp32 for {@link
 * Mac#tensorCoreFp16()}), so every product and every partial sum is bit-exact for its format. A
 * matrix product {@code C[M,N] = A[M,K] · B[K,N]} is split into folds as the {@link Dataflow} says
 * ({@code Sr} on the rows, {@code Sc} on the columns, {@code T} streamed; column fold outer, row
 * fold inner, as SCALE-Sim visits them). Each fold is one full-array pass; the sequencer streams a
 * full-width, zero-padded tile, so a partial fold costs a full one (as in SCALE-Sim and the
 * analytical tier) and the zeros flow through the unused PEs.
 *
 * <p><b>Weight (WS) and input stationary (IS).</b> Load: the stationary {@code R × C} tile shifts
 * in from the top edge one row per cycle ({@code R} cycles). Stream: stream element {@code t} of
 * row {@code i} enters PE {@code (i, 0)} at cycle {@code t + i} (the skew) and moves one column
 * right per cycle; a zero partial sum for stream element {@code t} enters the top of column {@code
 * j} at cycle {@code t + j} and moves one row down per cycle, each PE adding its product ({@code p'
 * = mac(p, x, w)}), so PE {@code (i, j)} meets input and partial sum of the same {@code t} at cycle
 * {@code t + i + j} (checked every cycle: a mismatch is an {@code IllegalStateException}). The
 * bottom row's result is added into the accumulator (OFMAP) in the accumulator format. WS: rows =
 * K, columns = N, stream = rows of A; IS: rows = K, columns = M (A stationary, transposed), stream
 * = columns of B. A row fold's partial sums are added to the previous row folds' in the
 * accumulators.
 *
 * <p><b>Output stationary (OS).</b> Rows = M, columns = N, stream = K: {@code A[m, t]} enters row
 * {@code m} at cycle {@code t + i}, {@code B[t, n]} enters column {@code j} at cycle {@code t + j};
 * PE {@code (i, j)} accumulates {@code A·B} of equal {@code t} in place. Drain: the finished sums
 * shift down one row per cycle into the OFMAP ({@code R} cycles).
 *
 * <p>The fold length is counted, not assumed: a cycle belongs to the fold while some PE latches a
 * valid value. The result is {@code load = R}, {@code stream = T + R + C − 2} (the last element
 * meets the last PE at {@code (T − 1) + (R − 1) + (C − 1)}), {@code drain = R} (OS only): the same
 * {@code L = 2R + C + T − 2} per fold as {@link SystolicArrayModel}'s corrected formula, and
 * SCALE-Sim v2's {@code T + R + C − 2} for OS without the drain. {@link Product#reportedCycles}
 * applies the {@link Timing} convention (SCALE-Sim v2 leaves out the OS drain and reports the index
 * of the last cycle, one less than the count).
 *
 * <p>Cost: {@code O(folds · L · R · C)} register updates per product, with no allocation in the
 * cycle loop; meant for arrays up to a few dozen PEs on a side and small layers.
 */
public final class SystolicPeArray {
  private final int rows;
  private final int cols;
  private final Dataflow dataflow;
  private final Mac mac;
  private final boolean floating;

  /**
   * @param rows PE rows R
   * @param cols PE columns C
   * @param dataflow which operand stays in the PEs
   * @param mac the PE's multiply-accumulate unit; its accumulator must be int32 or fp32
   */
  public SystolicPeArray(int rows, int cols, Dataflow dataflow, Mac mac) {
    if (rows <= 0 || cols <= 0) {
      throw new IllegalArgumentException(
          "pe array: rows and cols must be positive, got " + rows + "x" + cols);
    }
    this.rows = rows;
    this.cols = cols;
    this.dataflow = Objects.requireNonNull(dataflow, "dataflow");
    this.mac = Objects.requireNonNull(mac, "mac");
    NumberFormat acc = mac.accumulator();
    if (acc.equals(FloatingPoint.FP32)) {
      floating = true;
    } else if (acc instanceof IntegerFormat f && f.bitWidth() == 32 && f.zeroPoint() == 0) {
      floating = false;
    } else {
      throw new IllegalArgumentException(
          "pe array: mac accumulator must be int32 or fp32, got " + acc.name());
    }
  }

  /** The Mac of a single-pass configuration: int8 → int32, fp16 or bf16 → fp32. */
  public static Mac macFor(SystolicArrayConfig config) {
    if (config.passes() != 1
        || config.weightFormat() != config.macFormat()
        || config.activationFormat() != config.macFormat()) {
      throw new IllegalArgumentException(
          config.name()
              + ": the PE array steps single-pass formats with equal operand and mac formats"
              + " (int8, fp16, bf16), got mac "
              + config.macFormat().key()
              + ", weights "
              + config.weightFormat().key()
              + ", activations "
              + config.activationFormat().key());
    }
    return switch (config.macFormat()) {
      case INT8 -> Mac.int8();
      case FP16 -> Mac.tensorCoreFp16();
      case BF16 -> Mac.tensorCoreBf16();
      case INT16, FP32 ->
          throw new IllegalArgumentException(
              config.name()
                  + ": the PE array steps int8, fp16 and bf16 macs, got "
                  + config.macFormat().key());
    };
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  public Dataflow dataflow() {
    return dataflow;
  }

  /**
   * One stepped product.
   *
   * @param out {@code C} as accumulator bit patterns (int32 or fp32, low 32 bits), row-major {@code
   *     M × N}
   * @param folds folds run
   * @param loadCycles cycles shifting stationary tiles in (WS/IS: R per fold)
   * @param streamCycles cycles from the first operand entering to the last partial sum leaving
   * @param drainCycles cycles shifting OS results out (R per fold)
   * @param feedCycles cycles in which an operand entered the array edge ({@code folds · T}, the
   *     "compute" share of the analytical breakdown)
   */
  public record Product(
      long[] out,
      long folds,
      long loadCycles,
      long streamCycles,
      long drainCycles,
      long feedCycles) {
    /** Every cycle the array was busy: {@code load + stream + drain}. */
    public long cycles() {
      return loadCycles + streamCycles + drainCycles;
    }

    /**
     * Cycles in a {@link Timing} convention: all of them ({@code CORRECTED}); SCALE-Sim v2 leaves
     * out the OS drain and reports the last cycle's index ({@code count − 1}).
     */
    public long reportedCycles(Timing timing) {
      return switch (timing) {
        case CORRECTED -> cycles();
        case SCALESIM_V2 -> loadCycles + streamCycles - 1;
      };
    }
  }

  /**
   * Steps {@code C = A · B} through the array.
   *
   * @param a {@code A} operand bit patterns, row-major {@code m × k}
   * @param b {@code B} operand bit patterns, row-major {@code k × n}
   */
  public Product multiply(long[] a, long[] b, int m, int n, int k) {
    if (m <= 0 || n <= 0 || k <= 0) {
      throw new IllegalArgumentException(
          "pe array: dimensions must be positive, got m=" + m + " n=" + n + " k=" + k);
    }
    if (a.length != (long) m * k || b.length != (long) k * n) {
      throw new IllegalArgumentException(
          "pe array: operand sizes must be m*k and k*n, got " + a.length + " and " + b.length);
    }
    long sr = dataflow.spatialRows(m, n, k);
    long sc = dataflow.spatialCols(m, n, k);
    int t = Math.toIntExact(dataflow.temporal(m, n, k));
    int rf = Math.toIntExact(Math.ceilDiv(sr, rows));
    int cf = Math.toIntExact(Math.ceilDiv(sc, cols));
    long[] out = new long[m * n];
    Run run = new Run(t);
    for (int fc = 0; fc < cf; fc++) {
      for (int fr = 0; fr < rf; fr++) {
        int r0 = fr * rows;
        int c0 = fc * cols;
        if (dataflow == Dataflow.OS) {
          run.outputStationary(a, b, m, n, k, r0, c0, out);
        } else {
          run.stationary(a, b, m, n, k, r0, c0, out);
        }
      }
    }
    return new Product(out, (long) rf * cf, run.load, run.stream, run.drain, (long) rf * cf * t);
  }

  /** Per-product registers and counters; the cycle loops allocate nothing. */
  private final class Run {
    final int t;
    final long[] tile = new long[rows * cols];
    final long[] streamIn;
    final long[] topIn;
    final long[] w = new long[rows * cols];
    final long[] x = new long[rows * cols];
    final int[] xt = new int[rows * cols];
    final long[] p = new long[rows * cols];
    final int[] pt = new int[rows * cols];
    final int[] rowTag = new int[rows * cols];
    long load;
    long stream;
    long drain;

    Run(int t) {
      this.t = t;
      this.streamIn = new long[t * rows];
      this.topIn = dataflow == Dataflow.OS ? new long[t * cols] : new long[0];
    }

    /** WS or IS fold at row offset r0 (into K) and column offset c0 (into N or M). */
    void stationary(long[] a, long[] b, int m, int n, int k, int r0, int c0, long[] out) {
      boolean ws = dataflow == Dataflow.WS;
      int colLimit = ws ? n : m;
      for (int i = 0; i < rows; i++) {
        int kk = r0 + i;
        for (int j = 0; j < cols; j++) {
          int cc = c0 + j;
          long v = 0;
          if (kk < k && cc < colLimit) {
            v = ws ? b[kk * n + cc] : a[cc * k + kk];
          }
          tile[i * cols + j] = v;
        }
        for (int s = 0; s < t; s++) {
          streamIn[s * rows + i] = kk < k ? (ws ? a[s * k + kk] : b[kk * n + s]) : 0;
        }
      }
      // load: the tile shifts in from the top edge, one row per cycle
      java.util.Arrays.fill(w, 0);
      for (int cyc = 0; cyc < rows; cyc++) {
        for (int i = rows - 1; i > 0; i--) {
          System.arraycopy(w, (i - 1) * cols, w, i * cols, cols);
        }
        System.arraycopy(tile, (rows - 1 - cyc) * cols, w, 0, cols);
        load++;
      }
      java.util.Arrays.fill(xt, -1);
      java.util.Arrays.fill(pt, -1);
      // stream: inputs move right, partial sums move down
      for (int cyc = 0; ; cyc++) {
        boolean busy = false;
        for (int i = rows - 1; i >= 0; i--) {
          for (int j = cols - 1; j >= 0; j--) {
            int e = i * cols + j;
            long xin;
            int xtag;
            if (j == 0) {
              int s = cyc - i;
              xtag = s >= 0 && s < t ? s : -1;
              xin = xtag >= 0 ? streamIn[s * rows + i] : 0;
            } else {
              xin = x[e - 1];
              xtag = xt[e - 1];
            }
            long pin;
            int ptag;
            if (i == 0) {
              int s = cyc - j;
              ptag = s >= 0 && s < t ? s : -1;
              pin = mac.zero();
            } else {
              pin = p[e - cols];
              ptag = pt[e - cols];
            }
            if (xtag != ptag) {
              throw new IllegalStateException(
                  String.format(
                      java.util.Locale.ROOT,
                      "pe array %s: PE (%d,%d) at cycle %d got input of stream element %d but"
                          + " partial sum of %d",
                      dataflow,
                      i,
                      j,
                      cyc,
                      xtag,
                      ptag));
            }
            x[e] = xin;
            xt[e] = xtag;
            pt[e] = ptag;
            if (ptag >= 0) {
              busy = true;
              long ps = mac.mac(pin, xin, w[e]);
              p[e] = ps;
              if (i == rows - 1) {
                int cc = c0 + j;
                if (cc < colLimit) {
                  int idx = ws ? ptag * n + cc : cc * n + ptag;
                  out[idx] = accAdd(out[idx], ps);
                }
                pt[e] = -1; // leaves the array into the accumulators
              }
            }
          }
        }
        if (!busy) {
          if (cyc < t) {
            throw new IllegalStateException(
                "pe array: idle cycle " + cyc + " before the stream end");
          }
          break;
        }
        stream++;
      }
    }

    /** OS fold at row offset r0 (into M) and column offset c0 (into N). */
    void outputStationary(long[] a, long[] b, int m, int n, int k, int r0, int c0, long[] out) {
      for (int i = 0; i < rows; i++) {
        int mm = r0 + i;
        for (int s = 0; s < t; s++) {
          streamIn[s * rows + i] = mm < m ? a[mm * k + s] : 0;
        }
      }
      for (int j = 0; j < cols; j++) {
        int nn = c0 + j;
        for (int s = 0; s < t; s++) {
          topIn[s * cols + j] = nn < n ? b[s * n + nn] : 0;
        }
      }
      // x: the A operand moving right (tag xt); w: the B operand moving down (tag pt); p: sums
      java.util.Arrays.fill(xt, -1);
      java.util.Arrays.fill(pt, -1);
      java.util.Arrays.fill(p, mac.zero());
      java.util.Arrays.fill(rowTag, -1);
      for (int cyc = 0; ; cyc++) {
        boolean busy = false;
        for (int i = rows - 1; i >= 0; i--) {
          for (int j = cols - 1; j >= 0; j--) {
            int e = i * cols + j;
            long ain;
            int atag;
            if (j == 0) {
              int s = cyc - i;
              atag = s >= 0 && s < t ? s : -1;
              ain = atag >= 0 ? streamIn[s * rows + i] : 0;
            } else {
              ain = x[e - 1];
              atag = xt[e - 1];
            }
            long bin;
            int btag;
            if (i == 0) {
              int s = cyc - j;
              btag = s >= 0 && s < t ? s : -1;
              bin = btag >= 0 ? topIn[s * cols + j] : 0;
            } else {
              bin = w[e - cols];
              btag = pt[e - cols];
            }
            if (atag != btag) {
              throw new IllegalStateException(
                  String.format(
                      java.util.Locale.ROOT,
                      "pe array OS: PE (%d,%d) at cycle %d got A of step %d but B of step %d",
                      i,
                      j,
                      cyc,
                      atag,
                      btag));
            }
            x[e] = ain;
            xt[e] = atag;
            w[e] = bin;
            pt[e] = btag;
            if (atag >= 0) {
              busy = true;
              p[e] = mac.mac(p[e], ain, bin);
              rowTag[e] = i;
            }
          }
        }
        if (!busy) {
          if (cyc < t) {
            throw new IllegalStateException(
                "pe array: idle cycle " + cyc + " before the stream end");
          }
          break;
        }
        stream++;
      }
      // drain: results shift down one row per cycle; the bottom row leaves into the OFMAP
      while (true) {
        boolean busy = false;
        for (int j = 0; j < cols; j++) {
          int e = (rows - 1) * cols + j;
          if (rowTag[e] >= 0) {
            busy = true;
            int mm = r0 + rowTag[e];
            int nn = c0 + j;
            if (mm < m && nn < n) {
              out[mm * n + nn] = p[e];
            }
          }
        }
        for (int i = rows - 1; i > 0; i--) {
          System.arraycopy(p, (i - 1) * cols, p, i * cols, cols);
          System.arraycopy(rowTag, (i - 1) * cols, rowTag, i * cols, cols);
        }
        java.util.Arrays.fill(rowTag, 0, cols, -1);
        if (!busy) {
          break;
        }
        drain++;
      }
    }
  }

  /** The accumulators' adder: int32 wrap-around or one fp32 rounding. */
  private long accAdd(long acc, long v) {
    if (floating) {
      float s = Float.intBitsToFloat((int) acc) + Float.intBitsToFloat((int) v);
      return Float.floatToRawIntBits(s) & 0xFFFF_FFFFL;
    }
    return (acc + v) & 0xFFFF_FFFFL;
  }
}
