package dev.silica.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON writer for the command line's {@code --format json}: objects keep insertion order,
 * numbers are exact integers, output is indented two spaces and ends without a newline. Reading
 * JSON is not needed, so no library is pulled into the jar for it.
 */
final class Json {
  private Json() {}

  /** A JSON value that can write itself. */
  sealed interface Value permits Obj, Arr {
    void write(StringBuilder sb, int indent);

    default String text() {
      StringBuilder sb = new StringBuilder();
      write(sb, 0);
      return sb.toString();
    }
  }

  /** An object; {@link #put} accepts strings, longs, ints, values and lists of strings. */
  static final class Obj implements Value {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    Obj put(String key, Object value) {
      fields.put(key, value);
      return this;
    }

    @Override
    public void write(StringBuilder sb, int indent) {
      if (fields.isEmpty()) {
        sb.append("{}");
        return;
      }
      sb.append("{\n");
      int i = 0;
      for (Map.Entry<String, Object> e : fields.entrySet()) {
        sb.append("  ".repeat(indent + 1));
        string(sb, e.getKey());
        sb.append(": ");
        any(sb, e.getValue(), indent + 1);
        sb.append(++i < fields.size() ? ",\n" : "\n");
      }
      sb.append("  ".repeat(indent)).append('}');
    }
  }

  /** An array of values. */
  static final class Arr implements Value {
    private final List<Object> items;

    Arr(List<?> items) {
      this.items = new ArrayList<>(items);
    }

    @Override
    public void write(StringBuilder sb, int indent) {
      if (items.isEmpty()) {
        sb.append("[]");
        return;
      }
      sb.append("[\n");
      for (int i = 0; i < items.size(); i++) {
        sb.append("  ".repeat(indent + 1));
        any(sb, items.get(i), indent + 1);
        sb.append(i + 1 < items.size() ? ",\n" : "\n");
      }
      sb.append("  ".repeat(indent)).append(']');
    }
  }

  private static void any(StringBuilder sb, Object v, int indent) {
    switch (v) {
      case null -> sb.append("null");
      case Value j -> j.write(sb, indent);
      case Long l -> sb.append(l);
      case Integer n -> sb.append(n);
      case Boolean b -> sb.append(b);
      case String s -> string(sb, s);
      case List<?> list -> new Arr(list).write(sb, indent);
      default -> throw new IllegalArgumentException("json: unsupported value " + v.getClass());
    }
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
