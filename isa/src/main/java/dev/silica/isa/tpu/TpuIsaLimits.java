package dev.silica.isa.tpu;

import dev.silica.isa.InvalidOperandException;
import java.math.BigInteger;
import java.util.Locale;

/**
 * The capacities a TPU program's addresses must fit: the array size, the Unified Buffer, the
 * accumulators, the weight FIFO, the Weight Memory and the host memory the DMA engine reaches.
 * {@link #TPU_V1} holds the published TPU v1 numbers; other records describe other machines of the
 * same design (a 128 × 128 array, a smaller buffer).
 *
 * <h2>Units</h2>
 *
 * <p>The array is square, {@code N × N} 8-bit MACs, and every on-chip datapath is {@code N} bytes
 * wide (TPU v1: 256, "256-byte-wide paths", Jouppi et al. §2). Unified-Buffer addresses count
 * {@code N}-byte rows (one input vector of {@code N} 8-bit activations): the paper's 3-byte UB
 * address field could not address 24 MiB byte by byte, but reaches 98,304 rows of 256 B.
 * Accumulator addresses count rows of {@code N} 32-bit accumulators (TPU v1: 4096 rows, a 2-byte
 * field). Weight-Memory and host addresses count bytes. A weight tile is {@code N × N} bytes.
 *
 * <h2>What is checked</h2>
 *
 * <p>Instruction records check only what holds on every machine (counts at least 1, addresses that
 * fit the 12-byte encoding's fields). {@link #check(TpuInstr)} checks the rest against these
 * capacities: every address is inside its memory and the whole range an instruction touches, all
 * repetitions included, ends inside it. Violations are {@link InvalidOperandException}s naming the
 * operand and the limit ({@code matmul: acc + rows*repeat must not exceed accumulator_rows (4096),
 * got 4352}).
 *
 * @param arraySize {@code N}, the side of the square MAC array (TPU v1: 256)
 * @param unifiedBufferBytes Unified Buffer capacity in bytes, a multiple of {@code N} (24 MiB)
 * @param accumulatorRows rows of {@code N} 32-bit accumulators (4096, i.e. 4 MiB)
 * @param weightFifoTiles depth of the weight FIFO in tiles (4); a Read_Weights that finds it full
 *     waits, so no instruction field is checked against it
 * @param weightMemoryBytes off-chip Weight Memory capacity in bytes (8 GiB DDR3)
 * @param hostMemoryBytes host memory reachable by DMA, in bytes (256 GiB, the TPU server's DRAM)
 */
public record TpuIsaLimits(
    int arraySize,
    long unifiedBufferBytes,
    int accumulatorRows,
    int weightFifoTiles,
    long weightMemoryBytes,
    long hostMemoryBytes) {

  private static final long KIB = 1024;
  private static final long MIB = 1024 * KIB;
  private static final long GIB = 1024 * MIB;

  /**
   * TPU v1 (Jouppi et al., ISCA 2017, §2 and Table 2; papers-inputs §2.1): a 256 × 256 MAC array, a
   * 24 MiB Unified Buffer, 4 MiB of accumulators (4096 × 256 × 32-bit), a weight FIFO four tiles
   * deep, 8 GiB of DDR3 Weight Memory, and a host server with 256 GiB of DRAM.
   */
  public static final TpuIsaLimits TPU_V1 =
      new TpuIsaLimits(256, 24 * MIB, 4096, 4, 8 * GIB, 256 * GIB);

  /** Validates every capacity; messages name the field in {@code lower_snake} form. */
  public TpuIsaLimits {
    positive("array_size", arraySize);
    positive("unified_buffer_bytes", unifiedBufferBytes);
    positive("accumulator_rows", accumulatorRows);
    positive("weight_fifo_tiles", weightFifoTiles);
    positive("weight_memory_bytes", weightMemoryBytes);
    positive("host_memory_bytes", hostMemoryBytes);
    if (unifiedBufferBytes % arraySize != 0) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "TpuIsaLimits: unified_buffer_bytes must be a multiple of array_size (%d), got %d",
              arraySize,
              unifiedBufferBytes));
    }
    long ubRows = unifiedBufferBytes / arraySize;
    if (ubRows > TpuInstr.UB_ADDRESS_LIMIT) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "TpuIsaLimits: unified_buffer_bytes / array_size must be at most %d rows (the 3-byte"
                  + " UB address field), got %d",
              TpuInstr.UB_ADDRESS_LIMIT,
              ubRows));
    }
    if (accumulatorRows > TpuInstr.ACC_ADDRESS_LIMIT) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "TpuIsaLimits: accumulator_rows must be at most %d (the 2-byte accumulator address"
                  + " field), got %d",
              TpuInstr.ACC_ADDRESS_LIMIT,
              accumulatorRows));
    }
  }

  private static void positive(String name, long value) {
    if (value < 1) {
      throw new IllegalArgumentException(
          "TpuIsaLimits: " + name + " must be positive, got " + value);
    }
  }

  /** Rows in the Unified Buffer: {@code unifiedBufferBytes / arraySize} (TPU v1: 98,304). */
  public int unifiedBufferRows() {
    return (int) (unifiedBufferBytes / arraySize);
  }

  /** Bytes in one Unified-Buffer row, one input vector of 8-bit values: {@code N}. */
  public int ubRowBytes() {
    return arraySize;
  }

  /** Bytes in one accumulator row of {@code N} 32-bit values: {@code 4N} (TPU v1: 1024). */
  public int accumulatorRowBytes() {
    return 4 * arraySize;
  }

  /** Accumulator storage in bytes (TPU v1: 4 MiB). */
  public long accumulatorBytes() {
    return (long) accumulatorRows * accumulatorRowBytes();
  }

  /** Bytes in one weight tile, {@code N × N} 8-bit weights (TPU v1: 64 KiB). */
  public long weightTileBytes() {
    return (long) arraySize * arraySize;
  }

  /** MACs the array does per cycle at full rate, {@code N²} (TPU v1: 65,536). */
  public long macsPerCycle() {
    return (long) arraySize * arraySize;
  }

  /**
   * Checks that every address of {@code instr}, and every range it touches over all its
   * repetitions, lies inside these capacities.
   *
   * @throws InvalidOperandException naming the operand and the limit at the first violation
   */
  public void check(TpuInstr instr) {
    switch (instr) {
      case ReadHostMemory r -> {
        checkAddress(r.mnemonic(), "host", r.hostAddress(), Space.HOST);
        checkAddress(r.mnemonic(), "ub", r.ubAddress(), Space.UNIFIED_BUFFER);
        checkRange(
            r.mnemonic(),
            "host",
            "rows*" + ubRowBytes() + "*repeat",
            r.hostAddress(),
            big(r.rows()).multiply(big(ubRowBytes())).multiply(big(r.repeat())),
            Space.HOST);
        checkRange(
            r.mnemonic(),
            "ub",
            "rows*repeat",
            r.ubAddress(),
            big(r.rows()).multiply(big(r.repeat())),
            Space.UNIFIED_BUFFER);
      }
      case ReadWeights r -> {
        checkAddress(r.mnemonic(), "dram", r.weightAddress(), Space.WEIGHT_MEMORY);
        checkRange(
            r.mnemonic(),
            "dram",
            "tiles*" + weightTileBytes() + "*repeat",
            r.weightAddress(),
            big(r.tiles()).multiply(big(weightTileBytes())).multiply(big(r.repeat())),
            Space.WEIGHT_MEMORY);
      }
      case MatrixMultiply m -> {
        checkAddress(m.mnemonic(), "ub", m.ubAddress(), Space.UNIFIED_BUFFER);
        checkAddress(m.mnemonic(), "acc", m.accAddress(), Space.ACCUMULATORS);
        BigInteger rows = big(m.rows()).multiply(big(m.repeat()));
        checkRange(m.mnemonic(), "ub", "rows*repeat", m.ubAddress(), rows, Space.UNIFIED_BUFFER);
        checkRange(m.mnemonic(), "acc", "rows*repeat", m.accAddress(), rows, Space.ACCUMULATORS);
      }
      case Activate a -> {
        checkAddress(a.mnemonic(), "acc", a.accAddress(), Space.ACCUMULATORS);
        checkAddress(a.mnemonic(), "ub", a.ubAddress(), Space.UNIFIED_BUFFER);
        checkRange(
            a.mnemonic(),
            "acc",
            "rows*repeat",
            a.accAddress(),
            big(a.rows()).multiply(big(a.repeat())),
            Space.ACCUMULATORS);
        checkRange(
            a.mnemonic(),
            "ub",
            a.pooling().isPresent() ? "out_rows*repeat" : "rows*repeat",
            a.ubAddress(),
            big(a.outputRows()).multiply(big(a.repeat())),
            Space.UNIFIED_BUFFER);
      }
      case WriteHostMemory w -> {
        checkAddress(w.mnemonic(), "ub", w.ubAddress(), Space.UNIFIED_BUFFER);
        checkAddress(w.mnemonic(), "host", w.hostAddress(), Space.HOST);
        checkRange(
            w.mnemonic(),
            "ub",
            "rows*repeat",
            w.ubAddress(),
            big(w.rows()).multiply(big(w.repeat())),
            Space.UNIFIED_BUFFER);
        checkRange(
            w.mnemonic(),
            "host",
            "rows*" + ubRowBytes() + "*repeat",
            w.hostAddress(),
            big(w.rows()).multiply(big(ubRowBytes())).multiply(big(w.repeat())),
            Space.HOST);
      }
      case Sync s -> {}
      case Nop n -> {}
      case Halt h -> {}
    }
  }

  /** The memories an address can point into, each with its limit's name. */
  enum Space {
    UNIFIED_BUFFER("unified_buffer_rows"),
    ACCUMULATORS("accumulator_rows"),
    WEIGHT_MEMORY("weight_memory_bytes"),
    HOST("host_memory_bytes");

    final String limitName;

    Space(String limitName) {
      this.limitName = limitName;
    }
  }

  /** The capacity of {@code space} in its address units. */
  long capacity(Space space) {
    return switch (space) {
      case UNIFIED_BUFFER -> unifiedBufferRows();
      case ACCUMULATORS -> accumulatorRows;
      case WEIGHT_MEMORY -> weightMemoryBytes;
      case HOST -> hostMemoryBytes;
    };
  }

  /**
   * Checks one address against its memory's capacity; the assembler calls this before narrowing the
   * value to the record's field type, so a huge address still names the limit.
   */
  void checkAddress(String mnemonic, String operand, long address, Space space) {
    checkAddress(mnemonic, operand, big(address), space);
  }

  void checkAddress(String mnemonic, String operand, BigInteger address, Space space) {
    long capacity = capacity(space);
    if (address.compareTo(big(capacity)) >= 0) {
      throw new InvalidOperandException(
          mnemonic,
          operand,
          String.format(
              Locale.ROOT,
              "%s must be below %s (%d), got %s",
              operand,
              space.limitName,
              capacity,
              address));
    }
  }

  private void checkRange(
      String mnemonic,
      String operand,
      String extentFormula,
      long start,
      BigInteger extent,
      Space space) {
    long capacity = capacity(space);
    BigInteger end = big(start).add(extent);
    if (end.compareTo(big(capacity)) > 0) {
      throw new InvalidOperandException(
          mnemonic,
          operand,
          String.format(
              Locale.ROOT,
              "%s + %s must not exceed %s (%d), got %s",
              operand,
              extentFormula,
              space.limitName,
              capacity,
              end));
    }
  }

  private static BigInteger big(long v) {
    return BigInteger.valueOf(v);
  }
}
