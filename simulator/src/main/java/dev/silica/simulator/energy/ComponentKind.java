package dev.silica.simulator.energy;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A kind of hardware block priced by an {@link AreaTable}: {@code mult.int8}, {@code mac.int8},
 * {@code add.fp32}, {@code sram} with {@code capacity_bytes} (and optionally {@code width_bits}).
 *
 * @param name dotted lower-case
 * @param attributes positive integer attributes, sorted by name
 */
public record ComponentKind(String name, SortedMap<String, Long> attributes) implements TableKey {
  public ComponentKind {
    attributes = Keys.checked(name, attributes);
  }

  public static ComponentKind of(String name) {
    return new ComponentKind(name, new TreeMap<>());
  }

  public static ComponentKind of(String name, Map<String, Long> attributes) {
    return new ComponentKind(name, new TreeMap<>(attributes));
  }

  public static ComponentKind parse(String key) {
    Map.Entry<String, SortedMap<String, Long>> p = Keys.parse(key);
    return new ComponentKind(p.getKey(), p.getValue());
  }

  /** An SRAM macro of {@code capacityBytes}. */
  public static ComponentKind sram(long capacityBytes, int widthBits) {
    return of("sram", Map.of("capacity_bytes", capacityBytes, "width_bits", (long) widthBits));
  }

  @Override
  public String toString() {
    return key();
  }
}
