package dev.silica.accelerators.cpu;

/**
 * One level of a CPU cache hierarchy.
 *
 * @param name {@code l1}, {@code l2}, {@code l3}
 * @param bytes capacity per instance (per core when private, the whole cache when shared)
 * @param shared whether one instance serves all cores (a last-level cache)
 * @param lineBytes line size
 * @param bytesPerCyclePerCore sustained bandwidth into the level below (towards the core), per core
 *     per cycle; the aggregate is this times the cores
 */
public record CacheLevel(
    String name, long bytes, boolean shared, int lineBytes, double bytesPerCyclePerCore) {
  public CacheLevel {
    if (bytes <= 0 || lineBytes <= 0 || !(bytesPerCyclePerCore > 0)) {
      throw new IllegalArgumentException(
          name + ": bytes, line_bytes and bytes_per_cycle must be positive");
    }
  }
}
