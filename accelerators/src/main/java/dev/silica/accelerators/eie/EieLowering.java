package dev.silica.accelerators.eie;

import dev.silica.isa.eie.Column;
import dev.silica.isa.eie.EieInstr;
import dev.silica.numerics.FixedPoint;
import dev.silica.numerics.Rounder;
import dev.silica.numerics.compress.WeightSharing;
import java.util.Arrays;
import java.util.Locale;

/**
 * Lowers a fully connected layer (or the stacked gate matrix of a recurrent layer) with a
 * compression plan to EIE's per-PE interleaved CSC ({@link EncodedLayer}).
 *
 * <h2>Steps</h2>
 *
 * <ol>
 *   <li><b>Prune</b>: the caller gives the kept weights ({@link SparseWeights}: magnitude pruning
 *       of real weights, or seeded weights at a given density).
 *   <li><b>Share</b>: 1-D k-means ({@link WeightSharing#cluster}, linear initialization as Deep
 *       Compression recommends) of the kept values into {@code s} shared weights; the codebook is
 *       entry 0 = 0 (the filler value) followed by the {@code s} centroids, each rounded to the
 *       16-bit weight format (nearest even, saturating). With 4-bit indexes {@code s + 1 ≤ 16}; a
 *       larger codebook is an error.
 *   <li><b>Interleave</b>: row {@code i} goes to PE {@code i mod N} as local row {@code ⌊i/N⌋};
 *       local rows split into output batches of {@code R} (the destination register file).
 *   <li><b>Encode</b>: per PE, batch and column, each kept weight becomes one entry {@code (v, x)}
 *       with {@code x} the zeros since the previous entry of the column (or its start); a gap
 *       {@code z > 15} first emits {@code ⌊z/16⌋} fillers {@code (0, 15)}, each covering 16 rows
 *       (the rule of numerics {@code RelativeIndexSparse.fillersForRun}). Trailing zeros cost
 *       nothing: the next pointer ends the column.
 * </ol>
 */
public final class EieLowering {
  /** Shared weights by default: 15 centroids + the zero entry fill the 16-entry codebook. */
  public static final int DEFAULT_SHARED_WEIGHTS = EieInstr.CODEBOOK_ENTRIES - 1;

  private EieLowering() {}

  /**
   * Lowers {@code w}.
   *
   * @param name layer name
   * @param w kept weights
   * @param cfg target configuration (N, register-file size, formats)
   * @param sharedWeights centroids {@code s}; {@code s + 1} must be at most 16
   * @param seed seed of the clustering (only used by random initialization; recorded)
   * @param relu whether outputs pass through ReLU
   * @param bias bias per output (float, quantized to the activation format), or null
   * @throws IllegalArgumentException when the codebook would exceed 16 entries
   */
  public static EncodedLayer lower(
      String name,
      SparseWeights w,
      EieConfig cfg,
      int sharedWeights,
      long seed,
      boolean relu,
      float[] bias) {
    if (sharedWeights < 1 || sharedWeights + 1 > EieInstr.CODEBOOK_ENTRIES) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "layer %s: a codebook of %d shared weights plus the zero entry has %d entries; %d-bit"
                  + " weight indexes address 1 to %d shared weights",
              name,
              sharedWeights,
              sharedWeights + 1,
              EieInstr.WEIGHT_INDEX_BITS,
              EieInstr.CODEBOOK_ENTRIES - 1));
    }
    if (bias != null && bias.length != w.rows()) {
      throw new IllegalArgumentException(
          "layer " + name + ": bias must have " + w.rows() + " values, got " + bias.length);
    }
    WeightSharing.Result shared =
        WeightSharing.cluster(w.values(), sharedWeights, WeightSharing.Init.LINEAR, seed);
    FixedPoint wf = FixedPoint.q(16 - cfg.weightFractionBits(), cfg.weightFractionBits());
    int[] codebook = new int[sharedWeights + 1];
    for (int c = 0; c < sharedWeights; c++) {
      codebook[c + 1] = (int) wf.toRaw((float) shared.codebook()[c], Rounder.NEAREST_EVEN);
    }
    int[] vIdx = new int[w.nonZeros()];
    int[] weightRaw = new int[w.nonZeros()];
    for (int e = 0; e < vIdx.length; e++) {
      vIdx[e] = shared.indices()[e] + 1;
      weightRaw[e] = codebook[vIdx[e]];
    }
    int[] biasRaw = null;
    if (bias != null) {
      FixedPoint af = FixedPoint.q(16 - cfg.activationFractionBits(), cfg.activationFractionBits());
      biasRaw = new int[bias.length];
      for (int i = 0; i < bias.length; i++) {
        biasRaw[i] = (int) af.toRaw(bias[i], Rounder.NEAREST_EVEN);
      }
    }
    return encode(name, w, vIdx, codebook, weightRaw, cfg, relu, biasRaw);
  }

  /**
   * Encodes kept weights whose virtual indexes are already chosen ({@code vIdx[e]} in 1..15 for
   * kept weight {@code e}, into {@code codebook}).
   */
  public static EncodedLayer encode(
      String name,
      SparseWeights w,
      int[] vIdx,
      int[] codebook,
      int[] weightRaw,
      EieConfig cfg,
      boolean relu,
      int[] biasRaw) {
    int n = cfg.pes();
    int r = cfg.regfileEntries();
    int rows = w.rows();
    int cols = w.cols();
    int maxLocal = (rows + n - 1) / n;
    int batches = Math.max(1, (maxLocal + r - 1) / r);
    int slots = n * batches;
    int[] colPtr = w.colPtr();
    int[] rowIdx = w.rowIdx();
    // pass 1: entries per slot
    int[] count = new int[slots];
    int[] last = new int[slots];
    int[] stamp = new int[slots]; // stamp[s] == j + 1: slot s already has an entry in column j
    long fillers = 0;
    for (int j = 0; j < cols; j++) {
      for (int e = colPtr[j]; e < colPtr[j + 1]; e++) {
        int i = rowIdx[e];
        int k = i % n;
        int local = i / n;
        int b = local / r;
        int s = k * batches + b;
        int lr = local - b * r;
        int prev = stamp[s] == j + 1 ? last[s] : -1;
        stamp[s] = j + 1;
        int gap = lr - prev - 1;
        int f = gap >>> EieInstr.RELATIVE_INDEX_BITS;
        fillers += f;
        count[s] += f + 1;
        last[s] = lr;
      }
    }
    int[][] ptr = new int[slots][cols + 1];
    byte[][] ent = new byte[slots][];
    for (int s = 0; s < slots; s++) {
      ent[s] = new byte[count[s]];
    }
    // pass 2: fill
    Arrays.fill(stamp, 0);
    int[] fillPos = new int[slots];
    for (int j = 0; j < cols; j++) {
      for (int s = 0; s < slots; s++) {
        ptr[s][j] = fillPos[s];
      }
      for (int e = colPtr[j]; e < colPtr[j + 1]; e++) {
        int i = rowIdx[e];
        int k = i % n;
        int local = i / n;
        int b = local / r;
        int s = k * batches + b;
        int lr = local - b * r;
        int prev = stamp[s] == j + 1 ? last[s] : -1;
        stamp[s] = j + 1;
        int gap = lr - prev - 1;
        byte[] out = ent[s];
        while (gap > EieInstr.MAX_RELATIVE_INDEX) {
          out[fillPos[s]++] = Column.pack(0, EieInstr.MAX_RELATIVE_INDEX);
          gap -= EieInstr.MAX_RELATIVE_INDEX + 1;
        }
        out[fillPos[s]++] = Column.pack(vIdx[e], gap);
        last[s] = lr;
      }
    }
    for (int s = 0; s < slots; s++) {
      ptr[s][cols] = fillPos[s];
    }
    return new EncodedLayer(
        name,
        rows,
        cols,
        n,
        r,
        batches,
        codebook.clone(),
        ptr,
        ent,
        w.nonZeros(),
        fillers,
        w,
        weightRaw,
        vIdx,
        relu,
        biasRaw);
  }

  /** The same compressed layer (same codebook and indexes) encoded for another configuration. */
  public static EncodedLayer reencode(EncodedLayer l, EieConfig cfg) {
    return encode(
        l.name(),
        l.weights(),
        l.weightIndex(),
        l.codebook(),
        l.weightRaw(),
        cfg,
        l.relu(),
        l.bias());
  }

  /** Fraction of stored entries that are fillers. */
  static double paddingFraction(EncodedLayer l) {
    long e = l.totalEntries();
    return e == 0 ? 0 : (double) l.fillers() / e;
  }

  static int[] copy(int[] a) {
    return a == null ? null : Arrays.copyOf(a, a.length);
  }
}
