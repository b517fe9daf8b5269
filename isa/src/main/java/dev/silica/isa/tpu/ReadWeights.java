package dev.silica.isa.tpu;

/**
 * Read_Weights: fetch {@code tiles} weight tiles of {@code N × N} bytes from the Weight Memory into
 * the weight FIFO, {@code repeat} times; repetition {@code k} reads from {@code weightAddress + k ×
 * tiles × N²}. Decoupled: it retires once the address is sent. Costs: see {@link TpuInstr}.
 *
 * @param weightAddress byte address in the Weight Memory
 * @param tiles tiles per repetition, at least 1
 * @param repeat repetitions, at least 1
 */
public record ReadWeights(long weightAddress, int tiles, int repeat) implements TpuInstr {
  /** The text-form mnemonic. */
  public static final String MNEMONIC = "read_weights";

  /** Checks the fields every machine shares (see {@link TpuIsaLimits} for capacities). */
  public ReadWeights {
    Checks.nonNegative(MNEMONIC, "dram", weightAddress);
    Checks.atLeastOne(MNEMONIC, "tiles", tiles);
    Checks.atLeastOne(MNEMONIC, "repeat", repeat);
  }

  @Override
  public String mnemonic() {
    return MNEMONIC;
  }

  /** Tiles pushed into the FIFO, all repetitions: {@code tiles × repeat}. */
  public long totalTiles() {
    return (long) tiles * repeat;
  }

  /** Weight-Memory bytes read, all repetitions: {@code tiles × N² × repeat}. */
  public long bytes(TpuIsaLimits limits) {
    return totalTiles() * limits.weightTileBytes();
  }
}
