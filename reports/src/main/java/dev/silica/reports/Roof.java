package dev.silica.reports;

import java.util.OptionalDouble;

/**
 * The machine's roofline: peak arithmetic rate and DRAM bandwidth, each with where it came from, or
 * empty when the result does not say.
 *
 * @param peakOpsPerS peak ops/s = 2 · peak MACs per cycle · clock_hz
 * @param dramBytesPerS DRAM bandwidth in bytes/s
 * @param peakSource where the peak came from (a config key, or the layers' peak rate)
 * @param bandwidthSource where the bandwidth came from (a config key), or why it is unknown
 */
public record Roof(
    OptionalDouble peakOpsPerS,
    OptionalDouble dramBytesPerS,
    String peakSource,
    String bandwidthSource) {

  /** True when both roofs are known. */
  public boolean isKnown() {
    return peakOpsPerS.isPresent() && dramBytesPerS.isPresent();
  }

  /** The ridge point {@code peak / bandwidth} in ops/byte, when both are known. */
  public OptionalDouble ridgeOpsPerByte() {
    return isKnown()
        ? OptionalDouble.of(peakOpsPerS.getAsDouble() / dramBytesPerS.getAsDouble())
        : OptionalDouble.empty();
  }

  /**
   * The attainable rate at {@code opsPerByte}: {@code min(peak, bandwidth · intensity)} in ops/s;
   * empty when a roof is unknown.
   */
  public OptionalDouble attainableOpsPerS(double opsPerByte) {
    if (!isKnown()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(
        Math.min(peakOpsPerS.getAsDouble(), dramBytesPerS.getAsDouble() * opsPerByte));
  }
}
