package dev.silica.explore.spec;

import java.util.List;
import java.util.Objects;

/**
 * One swept parameter: its dotted path and its values in order. Values are {@link Long}, {@link
 * Double}, {@link String} or {@link Boolean}.
 *
 * @param name dotted parameter path, e.g. {@code array.rows}
 * @param values the values, distinct, at least one
 */
public record Axis(String name, List<Object> values) {
  public Axis {
    Objects.requireNonNull(name, "name");
    values = List.copyOf(values);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("axis " + name + ": no values");
    }
    for (Object v : values) {
      if (!(v instanceof Long
          || v instanceof Double
          || v instanceof String
          || v instanceof Boolean)) {
        throw new IllegalArgumentException(
            "axis " + name + ": value " + v + " is not a long, double, string or boolean");
      }
    }
  }

  /** An axis of the given values (ints are widened to longs). */
  public static Axis of(String name, Object... values) {
    return new Axis(
        name,
        java.util.Arrays.stream(values)
            .map(v -> v instanceof Integer i ? (Object) i.longValue() : v)
            .toList());
  }

  public int size() {
    return values.size();
  }
}
