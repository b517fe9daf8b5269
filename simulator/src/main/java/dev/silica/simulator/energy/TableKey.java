package dev.silica.simulator.energy;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A key of an energy or area table: a dotted lower-case name plus integer attributes, written
 * {@code sram.read[capacity_bytes=8192,width_bits=64]} with attributes in alphabetical order (the
 * canonical form tables are keyed by). Units live in attribute names.
 */
public sealed interface TableKey permits Action, ComponentKind {
  Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");
  Pattern KEY = Pattern.compile("([a-z0-9_.]+)(?:\\[([^\\]]*)\\])?");

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

  /** Validates and freezes a name and attributes; used by the records' constructors. */
  static SortedMap<String, Long> checked(String name, Map<String, Long> attributes) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "table key name must be dotted lower-case segments [a-z][a-z0-9_]*, got '" + name + "'");
    }
    TreeMap<String, Long> copy = new TreeMap<>();
    for (Map.Entry<String, Long> e : attributes.entrySet()) {
      if (!NAME.matcher(e.getKey()).matches() || e.getKey().contains(".")) {
        throw new IllegalArgumentException(
            name + ": attribute names must be lower_snake, got '" + e.getKey() + "'");
      }
      if (e.getValue() == null || e.getValue() <= 0) {
        throw new IllegalArgumentException(
            name + ": attribute " + e.getKey() + " must be positive, got " + e.getValue());
      }
      copy.put(e.getKey(), e.getValue());
    }
    return Collections.unmodifiableSortedMap(copy);
  }

  /** Parses {@code name[a=1,b=2]} into a name and attributes. */
  static Map.Entry<String, SortedMap<String, Long>> parse(String text) {
    Matcher m = KEY.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "table key must look like name[attr=value,...], got '" + text + "'");
    }
    TreeMap<String, Long> attrs = new TreeMap<>();
    if (m.group(2) != null && !m.group(2).isBlank()) {
      for (String part : m.group(2).split(",")) {
        String[] kv = part.split("=", 2);
        if (kv.length != 2) {
          throw new IllegalArgumentException(
              "attribute must be name=value in '" + text + "', got '" + part + "'");
        }
        try {
          attrs.put(kv[0].strip(), Long.parseLong(kv[1].strip()));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "attribute "
                  + kv[0].strip()
                  + " in '"
                  + text
                  + "' must be an integer, got '"
                  + kv[1].strip()
                  + "'");
        }
      }
    }
    return Map.entry(m.group(1), attrs);
  }
}
