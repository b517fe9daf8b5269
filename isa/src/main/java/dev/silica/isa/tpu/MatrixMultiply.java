package dev.silica.isa.tpu;

/**
 * MatrixMultiply/Convolve: a {@code rows × N} input from the Unified Buffer times the {@code N × N}
 * weight tile at the head of the weight FIFO into {@code rows × N} accumulators, {@code repeat}
 * times with the same tile; repetition {@code k} reads UB rows from {@code ubAddress + k × rows}
 * and writes accumulator rows from {@code accAddress + k × rows}. Costs: see {@link TpuInstr}.
 *
 * @param ubAddress first UB input row
 * @param accAddress first accumulator row
 * @param rows {@code B}, input rows per repetition (one per pipelined cycle), at least 1
 * @param repeat repetitions, at least 1
 * @param accumulate add into the accumulators; when false, overwrite them
 * @param convolve the input rows come from a convolution window (same array work)
 */
public record MatrixMultiply(
    int ubAddress, int accAddress, int rows, int repeat, boolean accumulate, boolean convolve)
    implements TpuInstr {
  /** The text-form mnemonic. */
  public static final String MNEMONIC = "matmul";

  /** Checks the fields every machine shares (see {@link TpuIsaLimits} for capacities). */
  public MatrixMultiply {
    Checks.ubAddress(MNEMONIC, ubAddress);
    Checks.accAddress(MNEMONIC, accAddress);
    Checks.atLeastOne(MNEMONIC, "rows", rows);
    Checks.atLeastOne(MNEMONIC, "repeat", repeat);
  }

  @Override
  public String mnemonic() {
    return MNEMONIC;
  }

  /** Input rows streamed through the array, all repetitions: {@code rows × repeat}. */
  public long totalRows() {
    return (long) rows * repeat;
  }

  /** MACs done, all repetitions: {@code rows × repeat × N²}. */
  public long macs(TpuIsaLimits limits) {
    return totalRows() * limits.macsPerCycle();
  }
}
