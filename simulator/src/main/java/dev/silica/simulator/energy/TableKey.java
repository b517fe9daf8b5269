package dev.silica.simulator.energy;

import java.util.Map;
import java.util.SortedMap;

/**
 * A key of an energy or area table: a dotted lower-case name plus integer attributes, written
 * {@code sram.read[capacity_bytes=8192,width_bits=64]} with attributes in alphabetical order (the
 * canonical form tables are keyed by). Units live in attribute names.
 */
public sealed interface TableKey permits Action, ComponentKind {
  String name();

  SortedMap<String, Long> attributes();

  /** The canonical written form. */
  default String key() {
    if (attributes().isEmpty()) {
      return name();
    }
    StringBuilder sb = new StringBuilder(name()).append('[');
    boolean first = true;
    for (Map.Entry<String, Long> e : attributes().entrySet()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      sb.append(e.getKey()).append('=').append(e.getValue());
    }
    return sb.append(']').toString();
  }

  /** The attribute {@code name}; throws naming the key when absent. */
  default long attribute(String attributeName) {
    Long v = attributes().get(attributeName);
    if (v == null) {
      throw new IllegalArgumentException(key() + ": no attribute " + attributeName);
    }
    return v;
  }
}
