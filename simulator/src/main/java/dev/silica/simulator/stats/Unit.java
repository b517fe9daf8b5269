package dev.silica.simulator.stats;

/**
 * The unit of a metric. {@link #suffix()} is what a CSV header or JSON key carries ({@code
 * energy_pj}, {@code area_um2}); the most expensive bugs in such models are pJ-vs-J and
 * bits-vs-bytes, so a number never travels without its unit.
 */
public enum Unit {
  CYCLES("cycles"),
  SECONDS("s"),
  HERTZ("hz"),
  PJ("pj"),
  UM2("um2"),
  BYTES("bytes"),
  BITS("bits"),
  /** A dimensionless count of events (accesses, instructions). */
  COUNT(""),
  /** A dimensionless ratio in [0, 1] unless stated otherwise (utilization, hit rate). */
  RATIO(""),
  /** Arithmetic operations (a MAC counts as one). */
  OPS("ops"),
  /** Multiply-accumulates. */
  MACS("macs");

  private final String suffix;

  Unit(String suffix) {
    this.suffix = suffix;
  }

  /** The unit as a key suffix ({@code pj}); empty for dimensionless units. */
  public String suffix() {
    return suffix;
  }
}
