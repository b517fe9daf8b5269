package dev.silica.isa.eie;

import dev.silica.isa.Instr;

/**
 * One record of an EIE processing element's encoded program: what the lowering writes into the PE's
 * sparse-matrix, pointer and codebook memories (Han et al., "EIE: Efficient Inference Engine on
 * Compressed Deep Neural Network", ISCA 2016, §III-B, §IV; papers-inputs §1.1).
 *
 * <h2>The machine</h2>
 *
 * <p>Rows {@code i} of the weight matrix {@code W} (and outputs {@code b_i}) with {@code i mod N =
 * k} live in PE {@code k}. PE {@code k} stores its slice column by column (CSC): for every entry a
 * 4-bit virtual weight index {@code v} into a 16-entry per-layer codebook of 16-bit fixed-point
 * values and a 4-bit relative row index {@code x}, the number of zero rows (of this PE's slice)
 * since the previous entry of the same column. A gap of more than 15 zeros is bridged by filler
 * entries {@code v = 0, x = 15} (codebook entry 0 is the value 0), each covering 16 rows. Column
 * pointers {@code p_j} (16 bit) give the first entry of column {@code j}; the entries of column
 * {@code j} are {@code p_j .. p_{j+1} − 1}. Destination activations live in a 64-entry register
 * file, so a slice of more rows is split into output batches of at most that many local rows, each
 * with its own columns and pointers.
 *
 * <h2>Program form</h2>
 *
 * <p>A PE program is a {@link Codebook} followed, per output batch, by a {@link Batch} header and
 * the batch's non-empty {@link Column}s in increasing column order (an absent column has no
 * entries; its pointer equals the next one). The encoding is fixed by the paper: {@value
 * #WEIGHT_INDEX_BITS}-bit weight indexes, {@value #RELATIVE_INDEX_BITS}-bit relative indexes, so a
 * codebook has at most {@value #CODEBOOK_ENTRIES} entries.
 */
public sealed interface EieInstr extends Instr permits Codebook, Batch, Column {
  /** Bits of the virtual weight index (EIE §III-B: 4). */
  int WEIGHT_INDEX_BITS = 4;

  /** Bits of the relative row index (EIE §III-B: 4). */
  int RELATIVE_INDEX_BITS = 4;

  /** Codebook entries a weight index can address: {@code 2^4}. */
  int CODEBOOK_ENTRIES = 1 << WEIGHT_INDEX_BITS;

  /** Largest relative index: 15 zeros; more need a filler. */
  int MAX_RELATIVE_INDEX = (1 << RELATIVE_INDEX_BITS) - 1;

  /** The text-form mnemonic. */
  String mnemonic();
}
