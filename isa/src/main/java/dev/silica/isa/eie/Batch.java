package dev.silica.isa.eie;

import dev.silica.isa.InvalidOperandException;

/**
 * {@code batch first=F rows=R}: starts an output batch covering this PE's local rows {@code F .. F
 * + R − 1} (local row {@code r} of PE {@code k} is global row {@code r·N + k}). The columns that
 * follow, up to the next batch, belong to it; their relative indexes count from local row {@code
 * F}.
 *
 * @param firstRow first local row, at least 0
 * @param rows local rows in the batch, at least 1
 */
public record Batch(int firstRow, int rows) implements EieInstr {
  /** The text-form mnemonic. */
  public static final String MNEMONIC = "batch";

  public Batch {
    if (firstRow < 0) {
      throw new InvalidOperandException(
          MNEMONIC, "first", "first must not be negative, got " + firstRow);
    }
    if (rows < 1) {
      throw new InvalidOperandException(MNEMONIC, "rows", "rows must be at least 1, got " + rows);
    }
  }

  @Override
  public String mnemonic() {
    return MNEMONIC;
  }
}
