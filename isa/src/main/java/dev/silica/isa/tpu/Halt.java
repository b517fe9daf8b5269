package dev.silica.isa.tpu;

/** Halt: the program ends here. */
public record Halt() implements TpuInstr {
  /** The text-form mnemonic. */
  public static final String MNEMONIC = "halt";

  @Override
  public String mnemonic() {
    return MNEMONIC;
  }
}
