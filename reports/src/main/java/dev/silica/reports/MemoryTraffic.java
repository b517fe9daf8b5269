package dev.silica.reports;

/**
 * Bytes one component moved at one memory level, from its action counts: {@code dram.read.bits} /
 * {@code dram.write.bits} count bits; {@code dram.read}, {@code sram.read|write} and {@code
 * regfile.read|write} count accesses of {@code width_bits} each. Bytes are bits / 8, rounded up.
 *
 * @param level {@code dram}, {@code sram} or {@code regfile}
 * @param component the component that did the accesses
 * @param readBytes bytes read
 * @param writeBytes bytes written
 */
public record MemoryTraffic(String level, String component, long readBytes, long writeBytes) {
  /** Levels from the farthest to the nearest to the datapath (the order rows are listed in). */
  public static final java.util.List<String> LEVELS = java.util.List.of("dram", "sram", "regfile");

  /** {@code readBytes + writeBytes}. */
  public long bytes() {
    return readBytes + writeBytes;
  }
}
