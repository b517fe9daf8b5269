package dev.silica.isa.tpu;

/**
 * Sync: stall issue until the earlier work named by {@code kind} has completed. Costs: see {@link
 * TpuInstr}.
 *
 * @param kind what to wait for
 */
public record Sync(SyncKind kind) implements TpuInstr {
  /** The text-form mnemonic. */
  public static final String MNEMONIC = "sync";

  /** Checks the field. */
  public Sync {
    Checks.present(MNEMONIC, "wait", kind);
  }

  @Override
  public String mnemonic() {
    return MNEMONIC;
  }
}
