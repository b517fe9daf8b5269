package dev.silica.isa.tpu;

/**
 * Write_Host_Memory: DMA {@code rows} rows of {@code N} bytes from the Unified Buffer to host
 * memory, {@code repeat} times; repetition {@code k} reads UB rows from {@code ubAddress + k ×
 * rows} and writes host bytes from {@code hostAddress + k × rows × N}. Costs: see {@link TpuInstr}.
 *
 * @param ubAddress first UB row read
 * @param hostAddress byte address in host memory
 * @param rows UB rows per repetition, at least 1
 * @param repeat repetitions, at least 1
 */
public record WriteHostMemory(int ubAddress, long hostAddress, int rows, int repeat)
    implements TpuInstr {
  /** The text-form mnemonic. */
  public static final String MNEMONIC = "write_host_memory";

  /** Checks the fields every machine shares (see {@link TpuIsaLimits} for capacities). */
  public WriteHostMemory {
    Checks.ubAddress(MNEMONIC, ubAddress);
    Checks.nonNegative(MNEMONIC, "host", hostAddress);
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
