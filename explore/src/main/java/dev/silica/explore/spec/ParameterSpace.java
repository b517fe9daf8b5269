package dev.silica.explore.spec;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The dotted parameter paths a sweep may vary (e.g. {@code array.rows}), supplied by whoever knows
 * the accelerator model. An axis naming anything else is a spec error with a suggestion.
 *
 * @param keys the valid dotted keys
 * @param open when true every name is accepted (sweeps over toy evaluators)
 */
public record ParameterSpace(Set<String> keys, boolean open) {
  public ParameterSpace {
    keys = Set.copyOf(keys);
  }

  /** A closed space of exactly the given keys. */
  public static ParameterSpace of(String... keys) {
    return new ParameterSpace(Set.of(keys), false);
  }

  /** A space accepting any name. */
  public static ParameterSpace any() {
    return new ParameterSpace(Set.of(), true);
  }

  public boolean contains(String key) {
    return open || keys.contains(key);
  }

  /** The keys in sorted order, for messages. */
  public List<String> sorted() {
    return List.copyOf(new TreeSet<>(keys));
  }
}
