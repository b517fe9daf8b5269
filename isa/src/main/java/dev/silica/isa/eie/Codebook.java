package dev.silica.isa.eie;

import dev.silica.isa.InvalidOperandException;
import java.util.Arrays;

/**
 * {@code codebook V0 V1 ...}: the layer's shared weights as raw 16-bit fixed-point integers (two's
 * complement, {@code -32768..32767}), indexed by the 4-bit virtual weight index. Entry 0 is the
 * value 0, used by filler entries; at most {@value EieInstr#CODEBOOK_ENTRIES} entries.
 */
public final class Codebook implements EieInstr {
  /** The text-form mnemonic. */
  public static final String MNEMONIC = "codebook";

  private final int[] values;

  /**
   * @param values raw 16-bit values, entry 0 equal to 0
   * @throws InvalidOperandException naming the rule and the value
   */
  public Codebook(int[] values) {
    if (values.length < 1 || values.length > CODEBOOK_ENTRIES) {
      throw new InvalidOperandException(
          MNEMONIC,
          "values",
          "codebook must have 1 to "
              + CODEBOOK_ENTRIES
              + " entries for "
              + WEIGHT_INDEX_BITS
              + "-bit weight indexes, got "
              + values.length);
    }
    for (int i = 0; i < values.length; i++) {
      if (values[i] < Short.MIN_VALUE || values[i] > Short.MAX_VALUE) {
        throw new InvalidOperandException(
            MNEMONIC,
            "values",
            "entry " + i + " must be a 16-bit value in [-32768, 32767], got " + values[i]);
      }
    }
    if (values[0] != 0) {
      throw new InvalidOperandException(
          MNEMONIC, "values", "entry 0 must be 0 (the value of filler entries), got " + values[0]);
    }
    this.values = values.clone();
  }

  /** A copy of the raw values. */
  public int[] values() {
    return values.clone();
  }

  /** Number of entries. */
  public int size() {
    return values.length;
  }

  /** Raw value of entry {@code i}. */
  public int value(int i) {
    return values[i];
  }

  @Override
  public String mnemonic() {
    return MNEMONIC;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Codebook c && Arrays.equals(values, c.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "Codebook" + Arrays.toString(values);
  }
}
