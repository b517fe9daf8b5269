package dev.silica.isa.tpu;

/** Nop: no work, one issue slot. */
public record Nop() implements TpuInstr {
  /** The text-form mnemonic. */
  public static final String MNEMONIC = "nop";

  @Override
  public String mnemonic() {
    return MNEMONIC;
  }
}
