package dev.silica.isa.tpu;

import dev.silica.isa.InvalidOperandException;
import java.util.Optional;

/**
 * Activate: read {@code rows} accumulator rows, apply {@code function} and the optional pooling,
 * write 8-bit rows to the Unified Buffer, {@code repeat} times; repetition {@code k} reads from
 * {@code accAddress + k × rows} and writes {@link #outputRows()} rows from {@code ubAddress + k ×
 * outputRows()}. Costs: see {@link TpuInstr}.
 *
 * @param accAddress first accumulator row read
 * @param ubAddress first UB row written
 * @param rows accumulator rows per repetition, at least 1 and at least the pooling window
 * @param repeat repetitions, at least 1
 * @param function the nonlinearity
 * @param pooling pooling over consecutive rows, or empty
 */
public record Activate(
    int accAddress,
    int ubAddress,
    int rows,
    int repeat,
    ActivationFunction function,
    Optional<Pooling> pooling)
    implements TpuInstr {
  /** The text-form mnemonic. */
  public static final String MNEMONIC = "activate";

  /** Checks the fields every machine shares (see {@link TpuIsaLimits} for capacities). */
  public Activate {
    Checks.accAddress(MNEMONIC, accAddress);
    Checks.ubAddress(MNEMONIC, ubAddress);
    Checks.atLeastOne(MNEMONIC, "rows", rows);
    Checks.atLeastOne(MNEMONIC, "repeat", repeat);
    Checks.present(MNEMONIC, "fn", function);
    Checks.present(MNEMONIC, "pool", pooling);
    if (pooling.isPresent() && pooling.get().window() > rows) {
      throw new InvalidOperandException(
          MNEMONIC,
          "window",
          "window must not exceed rows (" + rows + "), got " + pooling.get().window());
    }
  }

  /** An activation without pooling. */
  public Activate(
      int accAddress, int ubAddress, int rows, int repeat, ActivationFunction function) {
    this(accAddress, ubAddress, rows, repeat, function, Optional.empty());
  }

  @Override
  public String mnemonic() {
    return MNEMONIC;
  }

  /**
   * UB rows written per repetition: {@code rows}, or {@code (rows − window) / stride + 1} (rounded
   * down) with pooling.
   */
  public int outputRows() {
    return pooling.map(p -> (rows - p.window()) / p.stride() + 1).orElse(rows);
  }
}
