package dev.silica.workloads.ir;

import java.util.regex.Pattern;

/**
 * The name of a value in a graph, printed with a {@code %} sigil in the text form. Names are
 * identifiers of letters, digits and {@code _ . / : -}, not starting with {@code .} or {@code -}.
 *
 * @param name the name without the sigil
 */
public record ValueId(String name) implements Comparable<ValueId> {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_/:][A-Za-z0-9_./:-]*");

  public ValueId {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "value name must match " + NAME.pattern() + ", got '" + name + "'");
    }
  }

  /** True when {@code name} is a valid value or node name. */
  public static boolean isValidName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  @Override
  public int compareTo(ValueId o) {
    return name.compareTo(o.name);
  }

  @Override
  public String toString() {
    return "%" + name;
  }
}
