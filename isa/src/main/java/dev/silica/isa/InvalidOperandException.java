package dev.silica.isa;

/**
 * An instruction operand breaks a rule: a count below 1, an address past a capacity. Thrown by
 * instruction records' constructors and by a target's limits check, so the rule and its message
 * live in one place; an assembler catches it and points at the operand's token.
 *
 * <p>The message is {@code <mnemonic>: <operand> must <rule>, got <value>}.
 */
public final class InvalidOperandException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String mnemonic;
  private final String operand;

  /**
   * @param mnemonic the instruction's mnemonic in the text form ({@code matmul})
   * @param operand the operand's name in the text form ({@code ub}); the assembler points at it
   * @param rule the rest of the message after {@code "<mnemonic>: "}
   */
  public InvalidOperandException(String mnemonic, String operand, String rule) {
    super(mnemonic + ": " + rule);
    this.mnemonic = mnemonic;
    this.operand = operand;
  }

  /** The instruction's mnemonic. */
  public String mnemonic() {
    return mnemonic;
  }

  /** The operand at fault, as named in the text form. */
  public String operand() {
    return operand;
  }
}
