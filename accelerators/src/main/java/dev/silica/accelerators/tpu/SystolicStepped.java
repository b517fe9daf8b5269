package dev.silica.accelerators.tpu;

import dev.silica.numerics.Bf16;
import dev.silica.numerics.Fp16;
import dev.silica.numerics.arith.Mac;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The cycle-stepped run of a graph ({@link dev.silica.simulator.Fidelity#CYCLE_STEPPED}): every
 * matrix product instance of every array layer is stepped through {@link SystolicPeArray} on seeded
 * operands (operand values do not change the timing), and the layer's compute and fill/drain cycles
 * are the stepped counts: {@code compute} = cycles in which operands entered the array edge ({@code
 * folds · T}), {@code fill_drain} = the rest of the stepped fold cycles, in the configuration's
 * {@link Timing} convention. Activation-pipeline cycles and DRAM stalls are the analytical tier's
 * (the PE array is what is stepped). Each stepped product is also checked against the functional
 * product kernel ({@link SystolicFunctional}): a difference is a simulator bug ({@code
 * IllegalStateException}).
 *
 * <p>Only small layers: a layer may need at most {@link #MAX_PE_CYCLES} PE-cycle updates ({@code Σ
 * instances · folds · (2R + C + T − 2) · R · C}); a graph with a larger layer is refused before
 * anything runs, with a message naming the layer and pointing to the analytical tier (no silent
 * fallback). Formats must be single-pass (int8, fp16, bf16; {@link SystolicPeArray#macFor}).
 */
final class SystolicStepped {
  /** PE-cycle updates one layer may take: 2^26 (about a second of stepping). */
  static final long MAX_PE_CYCLES = 1L << 26;

  private SystolicStepped() {}

  /** PE-cycle updates the stepped tier needs for one layer. */
  static long peCycles(SystolicArrayConfig cfg, LayerAnalysis a) {
    long r = cfg.rows();
    long c = cfg.cols();
    long total = 0;
    for (GemmShape s : a.gemms()) {
      Dataflow df = cfg.dataflow();
      long folds =
          Math.ceilDiv(df.spatialRows(s.m(), s.n(), s.k()), r)
              * Math.ceilDiv(df.spatialCols(s.m(), s.n(), s.k()), c);
      long fold = 2 * r + c + df.temporal(s.m(), s.n(), s.k()) - 2;
      total =
          Math.addExact(
              total, Math.multiplyExact(Math.multiplyExact(s.count() * folds, fold), r * c));
    }
    return total;
  }

  /** Refuses, with one line, a configuration or graph the stepped tier cannot run. */
  static void requireSteppable(SystolicArrayConfig cfg, List<LayerAnalysis> layers) {
    SystolicPeArray.macFor(cfg);
    for (LayerAnalysis a : layers) {
      long need;
      try {
        need = peCycles(cfg, a);
      } catch (ArithmeticException e) {
        need = Long.MAX_VALUE;
      }
      if (need > MAX_PE_CYCLES) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s: cycle_stepped runs layers of at most %d PE-cycles, layer %s needs %d (use"
                    + " fidelity analytical, which the stepped tier reproduces exactly)",
                cfg.name(),
                MAX_PE_CYCLES,
                a.node(),
                need));
      }
    }
  }

  /** {@code a} with compute and fill/drain cycles from stepping its products. */
  static LayerAnalysis step(SystolicArrayConfig cfg, LayerAnalysis a, long seed) {
    if (a.unit() != LayerAnalysis.Unit.ARRAY) {
      return a;
    }
    Mac mac = SystolicPeArray.macFor(cfg);
    SystolicPeArray pe = new SystolicPeArray(cfg.rows(), cfg.cols(), cfg.dataflow(), mac);
    SplittableRandom rnd = new SplittableRandom(seed * 31 + a.node().hashCode());
    long compute = 0;
    long fill = 0;
    for (GemmShape s : a.gemms()) {
      int m = Math.toIntExact(s.m());
      int n = Math.toIntExact(s.n());
      int k = Math.toIntExact(s.k());
      for (long inst = 0; inst < s.count(); inst++) {
        long[] x = operands(cfg.macFormat(), m * k, rnd);
        long[] w = operands(cfg.macFormat(), k * n, rnd);
        SystolicPeArray.Product p = pe.multiply(x, w, m, n, k);
        verify(cfg, a.node(), x, w, m, n, k, p.out());
        compute += p.feedCycles();
        fill += p.reportedCycles(cfg.timing()) - p.feedCycles();
      }
    }
    return new LayerAnalysis(
        a.node(),
        a.opKind(),
        a.unit(),
        a.gemms(),
        a.folds(),
        compute,
        fill,
        a.stallCycles(),
        a.vectorCycles(),
        a.macs(),
        a.peakMacsPerCycle(),
        a.mappingEfficiency(),
        a.computeUtilization(),
        a.vectorOps(),
        a.ifmapSramReads(),
        a.ifmapSramWrites(),
        a.filterSramReads(),
        a.ofmapSramWrites(),
        a.ofmapSramReads(),
        a.dramReadBytes(),
        a.dramWriteBytes());
  }

  /** Seeded operand bit patterns: uniform int8, or fp16/bf16 of uniform values in [-1, 1). */
  static long[] operands(OperandFormat f, int size, SplittableRandom rnd) {
    long[] v = new long[size];
    for (int i = 0; i < size; i++) {
      v[i] =
          switch (f) {
            case INT8 -> rnd.nextInt(256);
            case FP16 -> Fp16.fromFloat((float) (rnd.nextDouble() * 2 - 1)) & 0xFFFFL;
            case BF16 -> Bf16.fromFloat((float) (rnd.nextDouble() * 2 - 1)) & 0xFFFFL;
            case INT16, FP32 -> throw new IllegalArgumentException("not steppable: " + f.key());
          };
    }
    return v;
  }

  /** The stepped accumulators must equal the functional product kernel's. */
  private static void verify(
      SystolicArrayConfig cfg, String node, long[] x, long[] w, int m, int n, int k, long[] out) {
    boolean ok = true;
    if (cfg.macFormat() == OperandFormat.INT8) {
      int[] ref = SystolicFunctional.int8Product(bytes(x), bytes(w), m, n, k);
      for (int i = 0; ok && i < ref.length; i++) {
        ok = ref[i] == (int) out[i];
      }
    } else {
      boolean bf = cfg.macFormat() == OperandFormat.BF16;
      float[] ref =
          SystolicFunctional.floatProduct(
              floats(x, bf), floats(w, bf), m, n, k, cfg.rows(), cfg.dataflow());
      for (int i = 0; ok && i < ref.length; i++) {
        ok = ref[i] == Float.intBitsToFloat((int) out[i]);
      }
    }
    if (!ok) {
      throw new IllegalStateException(
          cfg.name() + ": layer " + node + ": stepped PE array and product kernel disagree");
    }
  }

  static byte[] bytes(long[] bits) {
    byte[] b = new byte[bits.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) bits[i];
    }
    return b;
  }

  static float[] floats(long[] bits, boolean bf16) {
    float[] f = new float[bits.length];
    for (int i = 0; i < f.length; i++) {
      short s = (short) bits[i];
      f[i] = bf16 ? Bf16.toFloat(s) : Fp16.toFloat(s);
    }
    return f;
  }
}
