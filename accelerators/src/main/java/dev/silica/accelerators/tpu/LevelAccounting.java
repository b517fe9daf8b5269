package dev.silica.accelerators.tpu;

import dev.silica.simulator.energy.Action;
import dev.silica.simulator.energy.ActionCounts;
import dev.silica.simulator.energy.AreaBreakdown;
import dev.silica.simulator.energy.ComponentKind;
import java.util.List;
import java.util.Map;

/**
 * Per-level, per-operand action counts of a weight-stationary array with a {@link MemoryHierarchy}
 * (Timeloop's accounting: every level, every data space), used by {@link SystolicArrayModel}
 * instead of the three-SRAM counts when the configuration declares one.
 *
 * <h2>Design</h2>
 *
 * <p>The cycles, folds and DRAM refetch decisions are the analytical tier's ({@link
 * SystolicArrayModel}); this class only says which level each word touches. For one matrix product
 * {@code C[M,N] = A[M,K] · B[K,N]} (A inputs, B weights) on an R × C array, with row folds {@code
 * rf = ⌈K/R⌉}, column folds {@code cf = ⌈N/C⌉} and the fold loop column-outer, row-inner:
 *
 * <pre>
 * level        operand   action                         words (per product instance)
 * DRAM         weights   read                           K·N
 *              inputs    read                           E · (E·a ≤ ifmap/2 ? 1 : cf)   E: raw IFMAP elements
 *              psums     write and read (spill only)    (rf − 1)·M·N at psum width
 *              outputs   write                          M·N
 * global buf   weights   write (from DRAM), read        K·N, K·N
 *              inputs    write (from DRAM)              as the DRAM read
 *                        read (into the array)          cf·M·K
 *              psums     write (from the array)         rf·M·N, + (rf − 1)·M·N from DRAM when spilled
 *                        read (back in, and out)        the same as the writes
 * weight RF    weights   write (tile load)              K·N
 *                        read (one per MAC)             M·N·K·passes
 * PE links     weights   hop (shift down to its row)    N · Σ_row folds tr(tr − 1)/2,  tr = rows used
 *              inputs    hop (left to right)            Σ_folds M·tr·(tc − 1) = M·K·(N − cf)
 *              psums     hop (top to bottom)            Σ_folds M·tc·(tr − 1) = M·N·(K − rf)
 * PE array     —         mac                            M·N·K·passes
 * </pre>
 *
 * <p>Partial sums of one column fold ({@code M × min(N, C)} at psum width) stay in the buffer's
 * ofmap partition across its row folds when they fit in half of it; row fold {@code kr ≥ 1} reads
 * them back and injects them at the top of the columns. Otherwise each row fold's partial sums go
 * to DRAM through the buffer and come back the same way ("spill"). Final outputs leave the buffer
 * at psum width and are written to DRAM in the activation format (the requantization is not
 * counted). Entering the array from the buffer edge and leaving it at the bottom is not a link hop.
 *
 * <p><b>Widths.</b> Weights and inputs move as their formats' bits, partial sums as {@code
 * psum_bits}. The buffer and DRAM are accessed in whole words of their widths: over one layer, the
 * words of each (level, operand, direction) are packed, {@code accesses = ⌈words · bits / width⌉}
 * ({@code sram.read}/{@code sram.write} with the buffer's capacity and width); DRAM is counted in
 * bits of whole accesses, {@code dram.*.bits = width · accesses}, so Accelergy's per-access DRAM
 * entry prices whole accesses. Register-file and link actions carry the operand's width.
 *
 * <p><b>Pipeline layers.</b> A layer on the activation pipeline reads its input from the buffer and
 * writes its output there ({@code glb.inputs} read, {@code glb.outputs} write, packed as above),
 * plus one {@code add} per element operation on {@code vector_unit}, as in the three-SRAM model.
 *
 * <p><b>Not counted.</b> Pipeline registers between PEs (Timeloop counts them only when declared as
 * a level), the GLB-to-array bus, leakage, clock; the register file's depth beyond one entry (one
 * stationary weight per fold; deeper files would let the next tile load early, not modelled).
 *
 * <p>Components: {@code pe_array}, {@code weight_rf}, {@code pe_links.weights}, {@code
 * pe_links.inputs}, {@code pe_links.psums}, {@code glb.weights}, {@code glb.inputs}, {@code
 * glb.psums}, {@code glb.outputs}, {@code dram.weights}, {@code dram.inputs}, {@code dram.psums},
 * {@code dram.outputs}, {@code vector_unit}.
 */
final class LevelAccounting {
  private LevelAccounting() {}

  /** Words per (level, operand, direction) of one layer, before packing into accesses. */
  private static final class Words {
    long weightsDram;
    long inputsDram;
    long psumsDramWrite;
    long psumsDramRead;
    long outputsDram;
    long glbWeightsWrite;
    long glbWeightsRead;
    long glbInputsWrite;
    long glbInputsRead;
    long glbPsumsWrite;
    long glbPsumsRead;
    long rfWrites;
    long rfReads;
    long weightHops;
    long inputHops;
    long psumHops;
    long macs;
  }

  /** The action counts of one analyzed layer. */
  static ActionCounts counts(SystolicArrayConfig config, LayerAnalysis a) {
    MemoryHierarchy h = config.hierarchy().orElseThrow();
    ActionCounts counts = new ActionCounts();
    int aBits = config.activationFormat().bits();
    int wBits = config.weightFormat().bits();
    int pBits = h.psumBits();
    long glbBytes = h.globalBufferBytes();
    int glbWidth = h.globalBufferWidthBits();
    Action glbRead = Action.sramRead(glbBytes, glbWidth);
    Action glbWrite = Action.sramWrite(glbBytes, glbWidth);
    String vectorAdd = "add." + config.macFormat().accumulatorKey();
    if (a.unit() != LayerAnalysis.Unit.ARRAY) {
      if (a.vectorOps() > 0) {
        counts.add("vector_unit", Action.of(vectorAdd), a.vectorOps());
      }
      // pipeline layers: inputs from the buffer (ofmapSramReads), outputs to it (ifmapSramWrites)
      add(counts, "glb.inputs", glbRead, packed(a.ofmapSramReads(), aBits, glbWidth));
      add(counts, "glb.outputs", glbWrite, packed(a.ifmapSramWrites(), aBits, glbWidth));
      return counts;
    }
    Words w = words(config, a.gemms());
    add(counts, "pe_array", Action.mac(config.macFormat().key()), w.macs);
    add(counts, "weight_rf", Action.regfileWrite(h.weightRfWidthBits()), w.rfWrites);
    add(counts, "weight_rf", Action.regfileRead(h.weightRfWidthBits()), w.rfReads);
    add(counts, "pe_links.weights", Action.nocHop(wBits), w.weightHops);
    add(counts, "pe_links.inputs", Action.nocHop(aBits), w.inputHops);
    add(counts, "pe_links.psums", Action.nocHop(pBits), w.psumHops);
    add(counts, "glb.weights", glbWrite, packed(w.glbWeightsWrite, wBits, glbWidth));
    add(counts, "glb.weights", glbRead, packed(w.glbWeightsRead, wBits, glbWidth));
    add(counts, "glb.inputs", glbWrite, packed(w.glbInputsWrite, aBits, glbWidth));
    add(counts, "glb.inputs", glbRead, packed(w.glbInputsRead, aBits, glbWidth));
    add(counts, "glb.psums", glbWrite, packed(w.glbPsumsWrite, pBits, glbWidth));
    add(counts, "glb.psums", glbRead, packed(w.glbPsumsRead, pBits, glbWidth));
    int dw = h.dramWidthBits();
    add(counts, "dram.weights", Action.DRAM_READ_BITS, dramBits(w.weightsDram, wBits, dw));
    add(counts, "dram.inputs", Action.DRAM_READ_BITS, dramBits(w.inputsDram, aBits, dw));
    add(counts, "dram.psums", Action.DRAM_WRITE_BITS, dramBits(w.psumsDramWrite, pBits, dw));
    add(counts, "dram.psums", Action.DRAM_READ_BITS, dramBits(w.psumsDramRead, pBits, dw));
    add(counts, "dram.outputs", Action.DRAM_WRITE_BITS, dramBits(w.outputsDram, aBits, dw));
    if (a.vectorOps() > 0) {
      counts.add("vector_unit", Action.of(vectorAdd), a.vectorOps());
    }
    return counts;
  }

  private static Words words(SystolicArrayConfig config, List<GemmShape> gemms) {
    long r = config.rows();
    long c = config.cols();
    long passes = config.passes();
    int aBytes = config.activationFormat().bytes();
    long halfIf = config.ifmapSramBytes() / 2;
    long halfOf = config.ofmapSramBytes() / 2;
    Words w = new Words();
    for (GemmShape s : gemms) {
      long m = s.m();
      long n = s.n();
      long k = s.k();
      long cnt = s.count();
      long rf = Math.ceilDiv(k, r);
      long cf = Math.ceilDiv(n, c);
      long kn = k * n;
      long mn = m * n;
      // weights: once from DRAM into the buffer, once from the buffer into the PEs' files
      w.weightsDram += cnt * kn;
      w.glbWeightsWrite += cnt * kn;
      w.glbWeightsRead += cnt * kn;
      w.rfWrites += cnt * kn;
      w.rfReads += cnt * m * kn * passes;
      w.macs += cnt * m * kn * passes;
      // a weight for row i of a tile shifts down i links: per column Σ_{i<tr} i = tr(tr − 1)/2
      long full = k / r;
      long rem = k % r;
      w.weightHops += cnt * n * (full * r * (r - 1) / 2 + rem * (rem - 1) / 2);
      // inputs: the IFMAP from DRAM (refetched per column fold unless it fits half its partition)
      long ifmap = s.ifmapElements() * (s.ifmapElements() * aBytes <= halfIf ? 1 : cf);
      w.inputsDram += cnt * ifmap;
      w.glbInputsWrite += cnt * ifmap;
      w.glbInputsRead += cnt * cf * m * k;
      w.inputHops += cnt * m * k * (n - cf);
      // partial sums: down the columns, into the buffer after every row fold
      w.psumHops += cnt * mn * (k - rf);
      boolean fit = m * Math.min(n, c) * config.psumBytes() <= halfOf;
      long spilled = fit ? 0 : (rf - 1) * mn;
      w.glbPsumsWrite += cnt * (rf * mn + spilled);
      w.glbPsumsRead += cnt * (rf * mn + spilled);
      w.psumsDramWrite += cnt * spilled;
      w.psumsDramRead += cnt * spilled;
      w.outputsDram += cnt * mn;
    }
    return w;
  }

  /**
   * Accesses of {@code width} bits that carry {@code words} of {@code bits}: ⌈words·bits/width⌉.
   */
  static long packed(long words, int bits, int width) {
    return words == 0 ? 0 : Math.ceilDiv(Math.multiplyExact(words, (long) bits), width);
  }

  /** Bits moved by whole {@code width}-bit DRAM accesses carrying {@code words} of {@code bits}. */
  static long dramBits(long words, int bits, int width) {
    return packed(words, bits, width) * width;
  }

  private static void add(ActionCounts counts, String component, Action action, long n) {
    if (n > 0) {
      counts.add(component, action, n);
    }
  }

  /** R·C MACs and weight register files, the global buffer, C pipeline adders. */
  static List<AreaBreakdown.Item> areaItems(SystolicArrayConfig config) {
    MemoryHierarchy h = config.hierarchy().orElseThrow();
    return List.of(
        new AreaBreakdown.Item(
            "pe_array", ComponentKind.of("mac." + config.macFormat().key()), config.peCount()),
        new AreaBreakdown.Item(
            "weight_rf",
            ComponentKind.of(
                "regfile",
                Map.of(
                    "capacity_bytes",
                    h.weightRfBytes(),
                    "width_bits",
                    (long) h.weightRfWidthBits())),
            config.peCount()),
        new AreaBreakdown.Item(
            "global_buffer",
            ComponentKind.sram(h.globalBufferBytes(), h.globalBufferWidthBits()),
            1),
        new AreaBreakdown.Item(
            "vector_unit",
            ComponentKind.of("add." + config.macFormat().accumulatorKey()),
            config.cols()));
  }
}
