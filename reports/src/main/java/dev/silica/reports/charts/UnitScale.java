package dev.silica.reports.charts;

import java.util.List;

/**
 * An SI prefix that puts the largest value of an axis in [1, 1000): seconds shown in ms or µs,
 * picojoules in nJ or µJ. {@code divisor} turns a value in the base unit into the shown unit.
 *
 * @param unit the shown unit ({@code µs})
 * @param divisor base value / divisor = shown value
 */
public record UnitScale(String unit, double divisor) {
  /** Time from seconds: s, ms, µs, ns. */
  public static UnitScale seconds(double max) {
    return pick(max, List.of("s", "ms", "µs", "ns"), List.of(1.0, 1e-3, 1e-6, 1e-9));
  }

  /** Energy from picojoules: J, mJ, µJ, nJ, pJ. */
  public static UnitScale picojoules(double max) {
    return pick(max, List.of("J", "mJ", "µJ", "nJ", "pJ"), List.of(1e12, 1e9, 1e6, 1e3, 1.0));
  }

  /** Frequency from hertz: GHz, MHz, kHz, Hz. */
  public static UnitScale hertz(double max) {
    return pick(max, List.of("GHz", "MHz", "kHz", "Hz"), List.of(1e9, 1e6, 1e3, 1.0));
  }

  /** Area from µm²: mm² from 1e6 µm² up, else µm². */
  public static UnitScale squareMicrons(double max) {
    return max >= 1e6 ? new UnitScale("mm²", 1e6) : new UnitScale("µm²", 1.0);
  }

  public double apply(double base) {
    return base / divisor;
  }

  private static UnitScale pick(double max, List<String> units, List<Double> divisors) {
    for (int i = 0; i < units.size(); i++) {
      if (max / divisors.get(i) >= 1) {
        return new UnitScale(units.get(i), divisors.get(i));
      }
    }
    int last = units.size() - 1;
    return new UnitScale(units.get(last), divisors.get(last));
  }
}
