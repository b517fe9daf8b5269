package dev.silica.simulator.energy.accelergy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Accelergy's area reference table (ART, format version 0.4) as read from its {@code ART.yaml}: the
 * area of one instance of each component in µm². Read with {@link AccelergyTables#readArt}.
 * Immutable.
 *
 * @param file where it was read from, as given
 * @param version the ART's {@code version:} ({@code 0.4})
 * @param entries one entry per component, in file order
 */
public record Art(String file, String version, List<Entry> entries) {
  /**
   * @param component the component's full name
   * @param areaUm2 area of one instance in µm², exactly as written
   * @param line the 1-based line of the entry in the file (0 when unknown)
   */
  public record Entry(String component, double areaUm2, int line) {}

  public Art {
    Objects.requireNonNull(file, "file");
    entries = List.copyOf(entries);
  }

  /** The file's name without its folder ({@code ART.yaml}). */
  public String name() {
    return AccelergyTables.baseName(file);
  }

  /** Component names, in file order. */
  public Set<String> components() {
    Set<String> out = new LinkedHashSet<>();
    entries.forEach(e -> out.add(e.component()));
    return out;
  }

  /** The entry of {@code component}; unknown names list the closest known ones. */
  public Entry entry(String component) {
    for (Entry e : entries) {
      if (e.component().equals(component)) {
        return e;
      }
    }
    throw new UnknownAccelergyEntryException(
        "unknown Accelergy component '"
            + component
            + "' in "
            + name()
            + " (close: "
            + String.join(", ", AccelergyTables.closest(component, components()))
            + ")");
  }

  /** Area of one instance of {@code component} in µm². */
  public double areaUm2(String component) {
    return entry(component).areaUm2();
  }
}
