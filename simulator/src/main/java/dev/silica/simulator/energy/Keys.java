package dev.silica.simulator.energy;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Syntax of {@link TableKey}s: validation and parsing of {@code name[attr=value,...]}. */
final class Keys {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");
  private static final Pattern KEY = Pattern.compile("([a-z0-9_.]+)(?:\\[([^\\]]*)\\])?");

  private Keys() {}

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
