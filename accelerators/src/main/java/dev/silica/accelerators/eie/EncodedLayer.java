package dev.silica.accelerators.eie;

import dev.silica.isa.Program;
import dev.silica.isa.eie.Batch;
import dev.silica.isa.eie.Codebook;
import dev.silica.isa.eie.Column;
import dev.silica.isa.eie.EieInstr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A compressed layer as the PEs store it (the output of {@link EieLowering}), on primitive arrays
 * for the cycle loop: for PE {@code k} and output batch {@code b}, slot {@code s = k·B + b} holds
 * the column pointers {@code ptr[s]} ({@code cols + 1} of them) and the packed entries {@code
 * ent[s]} ({@code v << 4 | x}). Local row {@code r} of PE {@code k} is global row {@code r·N + k};
 * batch {@code b} covers local rows {@code b·R .. (b+1)·R − 1} ({@code R} = register-file entries).
 *
 * <p>Besides the encoding it keeps, for the reference, the quantized weight of every kept position
 * ({@link #weights()}, CSC with raw 16-bit values): the codebook value each weight was shared to.
 *
 * @param name the layer's name
 * @param rows outputs M
 * @param cols inputs K
 * @param pes N
 * @param rowsPerBatch R, local rows per output batch
 * @param batches B = ⌈⌈M/N⌉ / R⌉
 * @param codebook raw 16-bit codebook, entry 0 = 0
 * @param ptr per slot, {@code cols + 1} pointers
 * @param ent per slot, packed entries
 * @param nonZeros kept weights
 * @param fillers filler entries over all slots
 * @param weights the kept weights with their quantized raw values (rows ascending per column)
 * @param weightRaw raw codebook value of each kept weight, aligned with {@code weights}
 * @param weightIndex virtual weight index (1..15) of each kept weight, aligned with {@code weights}
 * @param relu whether the outputs pass through ReLU
 * @param bias raw activation-format bias per output, or null
 */
public record EncodedLayer(
    String name,
    int rows,
    int cols,
    int pes,
    int rowsPerBatch,
    int batches,
    int[] codebook,
    int[][] ptr,
    byte[][] ent,
    long nonZeros,
    long fillers,
    SparseWeights weights,
    int[] weightRaw,
    int[] weightIndex,
    boolean relu,
    int[] bias) {

  /** Local rows of PE {@code k}: {@code ⌈(M − k) / N⌉}. */
  public int localRows(int k) {
    return k >= rows ? 0 : (rows - k + pes - 1) / pes;
  }

  /** Local rows of PE {@code k} in batch {@code b}. */
  public int batchRows(int k, int b) {
    return Math.max(0, Math.min(rowsPerBatch, localRows(k) - b * rowsPerBatch));
  }

  /** Entries (fillers included) stored by PE {@code k}, all batches. */
  public long entries(int k) {
    long e = 0;
    for (int b = 0; b < batches; b++) {
      e += ent[k * batches + b].length;
    }
    return e;
  }

  /** Entries over all PEs. */
  public long totalEntries() {
    return nonZeros + fillers;
  }

  /**
   * Why this layer does not fit {@code cfg}'s memories, or null when it fits: pointer overflow (a
   * slot's last pointer above {@code 2^pointerBits − 1}), sparse-matrix SRAM, pointer SRAM and
   * activation SRAM capacity.
   */
  public String problem(EieConfig cfg) {
    for (int k = 0; k < pes; k++) {
      for (int b = 0; b < batches; b++) {
        int e = ent[k * batches + b].length;
        if (e > cfg.maxPointer()) {
          return String.format(
              Locale.ROOT,
              "layer %s: pointer overflow: PE %d batch %d holds %d entries but %d-bit column pointers"
                  + " address at most %d",
              name,
              k,
              b,
              e,
              cfg.pointerBits(),
              cfg.maxPointer());
        }
      }
      long bytes = Math.ceilDiv(entries(k) * EieConfig.ENTRY_BITS, 8);
      if (bytes > cfg.spmatSramBytes()) {
        return String.format(
            Locale.ROOT,
            "layer %s: PE %d needs %d B of sparse-matrix SRAM (%d entries of 8 bits), more than the"
                + " %d B it has",
            name,
            k,
            bytes,
            entries(k),
            cfg.spmatSramBytes());
      }
    }
    long ptrBytes = Math.ceilDiv((long) batches * (cols + 1) * cfg.pointerBits(), 8);
    if (ptrBytes > cfg.ptrSramBytes()) {
      return String.format(
          Locale.ROOT,
          "layer %s: %d batch(es) x %d column pointers of %d bits = %d B exceed the %d B pointer SRAM"
              + " of a PE",
          name,
          batches,
          cols + 1,
          cfg.pointerBits(),
          ptrBytes,
          cfg.ptrSramBytes());
    }
    long words = 0;
    if (cols > cfg.registerFileCapacity()) {
      words += Math.ceilDiv(cols, pes);
    }
    if (rows > cfg.registerFileCapacity()) {
      words += Math.ceilDiv(rows, pes);
    }
    if (words * 2 > cfg.actSramBytes()) {
      return String.format(
          Locale.ROOT,
          "layer %s: activations of %d inputs and %d outputs need %d B per PE of activation SRAM"
              + " (beyond the %d-entry register files), more than the %d B it has",
          name,
          cols,
          rows,
          words * 2,
          cfg.regfileEntries(),
          cfg.actSramBytes());
    }
    return null;
  }

  /** PE {@code k}'s encoded program: codebook, then per non-empty batch its header and columns. */
  public Program<EieInstr> program(int k) {
    List<EieInstr> out = new ArrayList<>();
    out.add(new Codebook(codebook));
    for (int b = 0; b < batches; b++) {
      int rowsHere = batchRows(k, b);
      if (rowsHere == 0) {
        continue;
      }
      out.add(new Batch(b * rowsPerBatch, rowsHere));
      int[] p = ptr[k * batches + b];
      byte[] e = ent[k * batches + b];
      for (int j = 0; j < cols; j++) {
        if (p[j + 1] > p[j]) {
          out.add(new Column(j, Arrays.copyOfRange(e, p[j], p[j + 1])));
        }
      }
    }
    String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
    return new Program<>(safe + ".pe" + k, out)
        .withMetadata("layer", safe)
        .withMetadata("pe", Integer.toString(k))
        .withMetadata("pes", Integer.toString(pes))
        .withMetadata("rows", Integer.toString(rows))
        .withMetadata("cols", Integer.toString(cols));
  }

  /**
   * Decodes a PE program back into its per-batch pointers and entries, {@code [b][...]}: the
   * inverse of {@link #program(int)} for the pointer and entry arrays of PE {@code k}.
   */
  public static int[][] pointersOf(Program<EieInstr> p, int cols, int batches, int rowsPerBatch) {
    int[][] ptrs = new int[batches][cols + 1];
    int batch = -1;
    int[] counts = null;
    for (EieInstr i : p.instructions()) {
      switch (i) {
        case Codebook c -> {}
        case Batch b -> {
          if (counts != null) {
            fill(ptrs[batch], counts);
          }
          batch = b.firstRow() / rowsPerBatch;
          counts = new int[cols];
        }
        case Column c -> counts[c.column()] = c.size();
      }
    }
    if (counts != null) {
      fill(ptrs[batch], counts);
    }
    return ptrs;
  }

  private static void fill(int[] ptr, int[] counts) {
    for (int j = 0; j < counts.length; j++) {
      ptr[j + 1] = ptr[j] + counts[j];
    }
  }
}
