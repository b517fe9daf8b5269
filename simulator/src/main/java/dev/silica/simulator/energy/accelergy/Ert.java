package dev.silica.simulator.energy.accelergy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Accelergy's energy reference table (ERT, format version 0.4) as read from its {@code ERT.yaml}:
 * per component, per action (with the action's arguments, e.g. {@code global_cycle_seconds}), the
 * energy in pJ. Read with {@link AccelergyTables#readErt}. Immutable.
 *
 * @param file where it was read from, as given ({@code classpath:…} or a path)
 * @param version the ERT's {@code version:} ({@code 0.4})
 * @param entries every (component, action, arguments) entry, in file order
 */
public record Ert(String file, String version, List<Entry> entries) {
  /**
   * One priced action of one component.
   *
   * @param component the component's full name, e.g. {@code ref_accel.PE[0..255].mac_int8}
   * @param action the action's name, e.g. {@code mac_random}
   * @param arguments the action's arguments as written, in file order
   * @param energyPj energy of one action in pJ, exactly as written
   * @param line the 1-based line of the action in the file (0 when unknown)
   */
  public record Entry(
      String component, String action, Map<String, String> arguments, double energyPj, int line) {
    public Entry {
      arguments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }

    /** The arguments as {@code name=value} pairs, comma-separated ({@code ""} when none). */
    public String argumentsText() {
      return arguments.entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining(", "));
    }
  }

  public Ert {
    Objects.requireNonNull(file, "file");
    entries = List.copyOf(entries);
  }

  /** The file's name without its folder, as sources cite it ({@code ERT.yaml}). */
  public String name() {
    return AccelergyTables.baseName(file);
  }

  /** Component names, in file order. */
  public Set<String> components() {
    Set<String> out = new LinkedHashSet<>();
    entries.forEach(e -> out.add(e.component()));
    return out;
  }

  /** The action names of {@code component}, in file order; unknown components throw. */
  public Set<String> actions(String component) {
    requireComponent(component);
    Set<String> out = new LinkedHashSet<>();
    for (Entry e : entries) {
      if (e.component().equals(component)) {
        out.add(e.action());
      }
    }
    return out;
  }

  /**
   * The one entry for {@code component} and {@code action}. Unknown names throw {@link
   * UnknownAccelergyEntryException} naming them and listing the closest known ones; an action with
   * several argument sets must be picked with {@link #entry(String, String, Map)}.
   */
  public Entry entry(String component, String action) {
    return entry(component, action, null);
  }

  /**
   * The entry for {@code component}, {@code action} and {@code arguments} (compared as numbers when
   * both sides are numbers, so {@code 1e-9} matches {@code 1e-09}); {@code null} arguments accept
   * the action's only entry.
   */
  public Entry entry(String component, String action, Map<String, String> arguments) {
    List<Entry> candidates = new ArrayList<>();
    for (Entry e : entries) {
      if (e.component().equals(component) && e.action().equals(action)) {
        candidates.add(e);
      }
    }
    if (candidates.isEmpty()) {
      Set<String> actions = actions(component);
      throw new UnknownAccelergyEntryException(
          "unknown action '"
              + action
              + "' of Accelergy component '"
              + component
              + "' in "
              + name()
              + " (close: "
              + String.join(", ", AccelergyTables.closest(action, actions))
              + ")");
    }
    if (arguments == null) {
      if (candidates.size() > 1) {
        throw new UnknownAccelergyEntryException(
            "Accelergy component '"
                + component
                + "' action '"
                + action
                + "' in "
                + name()
                + " has "
                + candidates.size()
                + " entries ("
                + candidates.stream()
                    .map(e -> "{" + e.argumentsText() + "}")
                    .collect(Collectors.joining(", "))
                + "): give arguments to pick one");
      }
      return candidates.getFirst();
    }
    for (Entry e : candidates) {
      if (sameArguments(e.arguments(), arguments)) {
        return e;
      }
    }
    throw new UnknownAccelergyEntryException(
        "Accelergy component '"
            + component
            + "' action '"
            + action
            + "' in "
            + name()
            + " has no entry with arguments {"
            + new Entry(component, action, arguments, 0, 0).argumentsText()
            + "} (has: "
            + candidates.stream()
                .map(e -> "{" + e.argumentsText() + "}")
                .collect(Collectors.joining(", "))
            + ")");
  }

  /** The energy of one {@code action} of {@code component} in pJ (see {@link #entry}). */
  public double energyPj(String component, String action) {
    return entry(component, action).energyPj();
  }

  private void requireComponent(String component) {
    Set<String> known = new LinkedHashSet<>();
    for (Entry e : entries) {
      if (e.component().equals(component)) {
        return;
      }
      known.add(e.component());
    }
    throw new UnknownAccelergyEntryException(
        "unknown Accelergy component '"
            + component
            + "' in "
            + name()
            + " (close: "
            + String.join(", ", AccelergyTables.closest(component, known))
            + ")");
  }

  static boolean sameArguments(Map<String, String> a, Map<String, String> b) {
    if (!a.keySet().equals(b.keySet())) {
      return false;
    }
    for (Map.Entry<String, String> e : a.entrySet()) {
      String x = e.getValue();
      String y = b.get(e.getKey());
      if (!x.equals(y) && !sameNumber(x, y)) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameNumber(String x, String y) {
    try {
      return Double.parseDouble(x) == Double.parseDouble(y);
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
