package dev.silica.isa.tpu;

/**
 * Pooling done by the activation unit's dedicated hardware over consecutive accumulator rows: each
 * output row combines {@code window} input rows, and successive windows start {@code stride} rows
 * apart. The paper gives no encoding for pooling; a 2-D window is the lowering's business (it
 * orders rows so that a window is consecutive, or issues one Activate per pooled image row).
 *
 * @param kind max or average
 * @param window rows per window, at least 1
 * @param stride rows between window starts, at least 1
 */
public record Pooling(PoolKind kind, int window, int stride) {
  /** Checks the fields; messages are those of the {@code activate} operands. */
  public Pooling {
    Checks.present(Activate.MNEMONIC, "pool", kind);
    Checks.atLeastOne(Activate.MNEMONIC, "window", window);
    Checks.atLeastOne(Activate.MNEMONIC, "stride", stride);
  }
}
