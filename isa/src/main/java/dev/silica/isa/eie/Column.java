package dev.silica.isa.eie;

import dev.silica.isa.InvalidOperandException;
import java.util.Arrays;

/**
 * {@code column J v:x v:x ...}: the entries of column {@code J} of the current batch, in order,
 * each a 4-bit virtual weight index {@code v} and a 4-bit relative row index {@code x} (zeros
 * skipped since the previous entry). A filler is {@code 0:15}. Stored as one byte per entry, {@code
 * v << 4 | x}, exactly the 8-bit entry of the sparse-matrix SRAM.
 */
public final class Column implements EieInstr {
  /** The text-form mnemonic. */
  public static final String MNEMONIC = "column";

  private final int column;
  private final byte[] entries;

  /**
   * @param column the input (column) index, at least 0
   * @param entries packed entries {@code v << 4 | x}, at least one
   */
  public Column(int column, byte[] entries) {
    if (column < 0) {
      throw new InvalidOperandException(
          MNEMONIC, "column", "column must not be negative, got " + column);
    }
    if (entries.length == 0) {
      throw new InvalidOperandException(
          MNEMONIC, "entries", "a column must have at least 1 entry (omit empty columns)");
    }
    this.column = column;
    this.entries = entries.clone();
  }

  /** Packs a weight index and a relative index into one entry byte, checking both fit 4 bits. */
  public static byte pack(int weightIndex, int relativeIndex) {
    if (weightIndex < 0 || weightIndex >= CODEBOOK_ENTRIES) {
      throw new InvalidOperandException(
          MNEMONIC,
          "entries",
          "weight index must fit "
              + WEIGHT_INDEX_BITS
              + " bits (0 to "
              + (CODEBOOK_ENTRIES - 1)
              + "), got "
              + weightIndex);
    }
    if (relativeIndex < 0 || relativeIndex > MAX_RELATIVE_INDEX) {
      throw new InvalidOperandException(
          MNEMONIC,
          "entries",
          "relative index must fit "
              + RELATIVE_INDEX_BITS
              + " bits (0 to "
              + MAX_RELATIVE_INDEX
              + "), got "
              + relativeIndex);
    }
    return (byte) (weightIndex << RELATIVE_INDEX_BITS | relativeIndex);
  }

  /** The weight index of a packed entry. */
  public static int weightIndex(byte entry) {
    return (entry & 0xff) >>> RELATIVE_INDEX_BITS;
  }

  /** The relative index of a packed entry. */
  public static int relativeIndex(byte entry) {
    return entry & MAX_RELATIVE_INDEX;
  }

  public int column() {
    return column;
  }

  /** A copy of the packed entries. */
  public byte[] entries() {
    return entries.clone();
  }

  /** Number of entries (fillers included). */
  public int size() {
    return entries.length;
  }

  /** Packed entry {@code i}. */
  public byte entry(int i) {
    return entries[i];
  }

  @Override
  public String mnemonic() {
    return MNEMONIC;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Column c && column == c.column && Arrays.equals(entries, c.entries);
  }

  @Override
  public int hashCode() {
    return 31 * column + Arrays.hashCode(entries);
  }

  @Override
  public String toString() {
    return "Column[" + column + ", " + entries.length + " entries]";
  }
}
