package dev.silica.isa.tpu;

import dev.silica.isa.InvalidOperandException;
import java.util.Locale;

/** Precondition checks shared by the instruction records; messages name mnemonic and operand. */
final class Checks {
  private Checks() {}

  static void atLeastOne(String mnemonic, String operand, long value) {
    if (value < 1) {
      throw new InvalidOperandException(
          mnemonic, operand, operand + " must be at least 1, got " + value);
    }
  }

  static void nonNegative(String mnemonic, String operand, long value) {
    if (value < 0) {
      throw new InvalidOperandException(
          mnemonic, operand, operand + " must not be negative, got " + value);
    }
  }

  /** An address in {@code [0, limit)}, the range of its encoding field. */
  static void field(String mnemonic, String operand, long value, long limit, String field) {
    nonNegative(mnemonic, operand, value);
    if (value >= limit) {
      throw new InvalidOperandException(
          mnemonic,
          operand,
          String.format(
              Locale.ROOT, "%s must fit the %s (below %d), got %d", operand, field, limit, value));
    }
  }

  static void ubAddress(String mnemonic, long value) {
    field(mnemonic, "ub", value, TpuInstr.UB_ADDRESS_LIMIT, "3-byte UB address field");
  }

  static void accAddress(String mnemonic, long value) {
    field(mnemonic, "acc", value, TpuInstr.ACC_ADDRESS_LIMIT, "2-byte accumulator address field");
  }

  static <T> T present(String mnemonic, String operand, T value) {
    if (value == null) {
      throw new InvalidOperandException(mnemonic, operand, operand + " must be given, got null");
    }
    return value;
  }
}
