package dev.silica.isa.tpu;

/**
 * Read_Host_Memory: DMA {@code rows} rows of {@code N} bytes from host memory into the Unified
 * Buffer, {@code repeat} times; repetition {@code k} reads host bytes from {@code hostAddress + k ×
 * rows × N} into UB rows from {@code ubAddress + k × rows}. Costs: see {@link TpuInstr}.
 *
 * @param hostAddress byte address in host memory
 * @param ubAddress first UB row written
 * @param rows UB rows per repetition, at least 1
 * @param repeat repetitions, at least 1
 */
public record ReadHostMemory(long hostAddress, int ubAddress, int rows, int repeat)
    implements TpuInstr {
  /** The text-form mnemonic. */
  public static final String MNEMONIC = "read_host_memory";

  /** Checks the fields every machine shares (see {@link TpuIsaLimits} for capacities). */
  public ReadHostMemory {
    Checks.nonNegative(MNEMONIC, "host", hostAddress);
    Checks.ubAddress(MNEMONIC, ubAddress);
    Checks.atLeastOne(MNEMONIC, "rows", rows);
    Checks.atLeastOne(MNEMONIC, "repeat", repeat);
  }

  @Override
  public String mnemonic() {
    return MNEMONIC;
  }

  /** Bytes moved over the host link, all repetitions: {@code rows × N × repeat}. */
  public long bytes(TpuIsaLimits limits) {
    return (long) rows * limits.ubRowBytes() * repeat;
  }
}
