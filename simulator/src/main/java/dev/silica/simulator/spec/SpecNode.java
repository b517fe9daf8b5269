package dev.silica.simulator.spec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One node of a loaded spec: a mapping, a list or a scalar, with the file and 1-based line it came
 * from and its dotted path from the root ({@code array.rows}). Immutable.
 *
 * <p>Typed getters take a dotted path relative to this node and throw {@link InvalidSpecException}
 * naming {@code file:line} and the full key, e.g. {@code arch/tpu-small.yaml:4: array.rows: must be
 * a positive integer, got 0}. Keys that themselves contain dots (energy-table entries such as
 * {@code add.int8}) are reached with {@link #child(String)} or {@link #entries()}, which do not
 * split.
 *
 * <p>A binding reads a mapping in two steps: {@link #allowOnly(String...)} rejects unknown keys
 * (suggesting the nearest valid one), then the getters read the values. Merged trees (a preset plus
 * overrides, see {@link Presets}) keep each value's own file and line.
 */
public final class SpecNode {

  /** What a node holds. */
  public enum Type {
    MAP,
    LIST,
    SCALAR
  }

  /** How a scalar was written (resolved by the YAML core schema). */
  public enum ScalarKind {
    NULL,
    BOOL,
    INT,
    FLOAT,
    STRING
  }

  private final Type type;
  private final String file;
  private final int line;
  private final String path;
  private final Map<String, SpecNode> map;
  private final List<SpecNode> list;
  private final String scalar;
  private final ScalarKind scalarKind;

  private SpecNode(
      Type type,
      String file,
      int line,
      String path,
      Map<String, SpecNode> map,
      List<SpecNode> list,
      String scalar,
      ScalarKind scalarKind) {
    this.type = type;
    this.file = Objects.requireNonNull(file, "file");
    this.line = line;
    this.path = Objects.requireNonNull(path, "path");
    this.map = map;
    this.list = list;
    this.scalar = scalar;
    this.scalarKind = scalarKind;
  }

  static SpecNode ofMap(String file, int line, String path, Map<String, SpecNode> entries) {
    return new SpecNode(
        Type.MAP,
        file,
        line,
        path,
        Collections.unmodifiableMap(new LinkedHashMap<>(entries)),
        null,
        null,
        null);
  }

  static SpecNode ofList(String file, int line, String path, List<SpecNode> elements) {
    return new SpecNode(Type.LIST, file, line, path, null, List.copyOf(elements), null, null);
  }

  static SpecNode ofScalar(String file, int line, String path, String text, ScalarKind kind) {
    return new SpecNode(Type.SCALAR, file, line, path, null, null, text, kind);
  }

  /**
   * A spec tree from plain Java values (maps with string keys, lists, numbers, booleans, strings,
   * enums, null), for presets defined in code and for tests. Every node reports {@code origin} as
   * its file and line 0.
   */
  public static SpecNode fromPlain(String origin, Object value) {
    return fromPlain(origin, "", value);
  }

  private static SpecNode fromPlain(String origin, String path, Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, SpecNode> entries = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        String key = String.valueOf(e.getKey());
        entries.put(key, fromPlain(origin, SpecMessages.join(path, key), e.getValue()));
      }
      return ofMap(origin, 0, path, entries);
    }
    if (value instanceof List<?> l) {
      List<SpecNode> elements = new ArrayList<>();
      for (int i = 0; i < l.size(); i++) {
        elements.add(fromPlain(origin, path + "[" + i + "]", l.get(i)));
      }
      return ofList(origin, 0, path, elements);
    }
    if (value == null) {
      return ofScalar(origin, 0, path, "null", ScalarKind.NULL);
    }
    if (value instanceof Boolean b) {
      return ofScalar(origin, 0, path, b.toString(), ScalarKind.BOOL);
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return ofScalar(origin, 0, path, value.toString(), ScalarKind.INT);
    }
    if (value instanceof Number n) {
      return ofScalar(origin, 0, path, formatNumber(n.doubleValue()), ScalarKind.FLOAT);
    }
    if (value instanceof Enum<?> e) {
      return ofScalar(origin, 0, path, e.name().toLowerCase(Locale.ROOT), ScalarKind.STRING);
    }
    return ofScalar(origin, 0, path, value.toString(), ScalarKind.STRING);
  }

  public Type type() {
    return type;
  }

  /** The file (display name) this node was read from. */
  public String file() {
    return file;
  }

  /** 1-based line of this node's key (or of the node itself for list elements), 0 if unknown. */
  public int line() {
    return line;
  }

  /** Dotted path from the root; {@code ""} for the root. */
  public String path() {
    return path;
  }

  /** {@code file:line} for messages. */
  public String location() {
    return line > 0 ? file + ":" + line : file;
  }

  public boolean isMap() {
    return type == Type.MAP;
  }

  public boolean isList() {
    return type == Type.LIST;
  }

  public boolean isScalar() {
    return type == Type.SCALAR;
  }

  /** The scalar kind; {@code null} for mappings and lists. */
  public ScalarKind scalarKind() {
    return scalarKind;
  }

  /** The keys of a mapping, in file order. */
  public Set<String> keys() {
    return requireMap().map.keySet();
  }

  /** The entries of a mapping, in file order; keys are taken literally (dots do not split). */
  public Map<String, SpecNode> entries() {
    return requireMap().map;
  }

  /** The elements of a list. */
  public List<SpecNode> elements() {
    if (type != Type.LIST) {
      throw error(SpecMessages.mustBe(path, "a list", describe()));
    }
    return list;
  }

  /**
   * The entry called {@code key} of this mapping (taken literally), or throws naming it missing.
   */
  public SpecNode child(String key) {
    SpecNode c = requireMap().map.get(key);
    if (c == null) {
      throw missing(key);
    }
    return c;
  }

  /** True when the dotted {@code path} leads to a node. */
  public boolean has(String dottedPath) {
    return optional(dottedPath).isPresent();
  }

  /**
   * The node at the dotted {@code path}, or empty when a key along it is absent. A scalar where a
   * mapping is needed is an error, not an absence.
   */
  public Optional<SpecNode> optional(String dottedPath) {
    SpecNode cur = this;
    for (String part : dottedPath.split("\\.", -1)) {
      SpecNode next = cur.requireMap().map.get(part);
      if (next == null) {
        return Optional.empty();
      }
      cur = next;
    }
    return Optional.of(cur);
  }

  /** The node at the dotted {@code path}; throws {@code missing key} naming the full path. */
  public SpecNode get(String dottedPath) {
    SpecNode cur = this;
    for (String part : dottedPath.split("\\.", -1)) {
      SpecNode next = cur.requireMap().map.get(part);
      if (next == null) {
        throw cur.missing(part);
      }
      cur = next;
    }
    return cur;
  }

  /**
   * Checks that this mapping has no key outside {@code valid}; the first unknown key (in file
   * order) is reported at its own line, with the nearest valid key suggested.
   *
   * @return this node, for chaining
   */
  public SpecNode allowOnly(String... valid) {
    return allowOnly(Arrays.asList(valid));
  }

  /** As {@link #allowOnly(String...)}. */
  public SpecNode allowOnly(List<String> valid) {
    for (Map.Entry<String, SpecNode> e : requireMap().map.entrySet()) {
      if (!valid.contains(e.getKey())) {
        SpecNode bad = e.getValue();
        throw new InvalidSpecException(
            bad.file, bad.line, bad.path, SpecMessages.unknownKey(path, e.getKey(), valid));
      }
    }
    return this;
  }

  /** Checks that every key in {@code required} is present. */
  public SpecNode require(String... required) {
    for (String r : required) {
      get(r);
    }
    return this;
  }

  // ---- typed getters (dotted path relative to this node) ----

  public int positiveInt(String dottedPath) {
    return get(dottedPath).asPositiveInt();
  }

  public int nonNegativeInt(String dottedPath) {
    return get(dottedPath).asNonNegativeInt();
  }

  public int intInRange(String dottedPath, int min, int max) {
    return get(dottedPath).asIntInRange(min, max);
  }

  public long positiveLong(String dottedPath) {
    return get(dottedPath).asPositiveLong();
  }

  public long nonNegativeLong(String dottedPath) {
    return get(dottedPath).asNonNegativeLong();
  }

  public double positiveDouble(String dottedPath) {
    return get(dottedPath).asPositiveDouble();
  }

  public double nonNegativeDouble(String dottedPath) {
    return get(dottedPath).asNonNegativeDouble();
  }

  public double doubleInRange(String dottedPath, double min, double max) {
    return get(dottedPath).asDoubleInRange(min, max);
  }

  public String string(String dottedPath) {
    return get(dottedPath).asString();
  }

  public boolean bool(String dottedPath) {
    return get(dottedPath).asBool();
  }

  public <E extends Enum<E>> E enumValue(String dottedPath, Class<E> type) {
    return get(dottedPath).asEnum(type);
  }

  /** The optional positive int at {@code path}, or {@code defaultValue} when absent. */
  public int positiveInt(String dottedPath, int defaultValue) {
    return optional(dottedPath).map(SpecNode::asPositiveInt).orElse(defaultValue);
  }

  /** The optional number at {@code path} within [min, max], or {@code defaultValue} when absent. */
  public double doubleInRange(String dottedPath, double min, double max, double defaultValue) {
    return optional(dottedPath).map(n -> n.asDoubleInRange(min, max)).orElse(defaultValue);
  }

  /** The optional string at {@code path}, or {@code defaultValue} when absent. */
  public String string(String dottedPath, String defaultValue) {
    return optional(dottedPath).map(SpecNode::asString).orElse(defaultValue);
  }

  /** The optional boolean at {@code path}, or {@code defaultValue} when absent. */
  public boolean bool(String dottedPath, boolean defaultValue) {
    return optional(dottedPath).map(SpecNode::asBool).orElse(defaultValue);
  }

  /** The optional enum at {@code path}, or {@code defaultValue} when absent. */
  public <E extends Enum<E>> E enumValue(String dottedPath, Class<E> type, E defaultValue) {
    return optional(dottedPath).map(n -> n.asEnum(type)).orElse(defaultValue);
  }

  // ---- value conversions of this node ----

  public int asPositiveInt() {
    long v = integer("a positive integer");
    if (v <= 0 || v > Integer.MAX_VALUE) {
      throw error(SpecMessages.mustBe(path, "a positive integer", describe()));
    }
    return (int) v;
  }

  public int asNonNegativeInt() {
    long v = integer("a non-negative integer");
    if (v < 0 || v > Integer.MAX_VALUE) {
      throw error(SpecMessages.mustBe(path, "a non-negative integer", describe()));
    }
    return (int) v;
  }

  public int asIntInRange(int min, int max) {
    String rule = "an integer in [" + min + ", " + max + "]";
    long v = integer(rule);
    if (v < min || v > max) {
      throw error(SpecMessages.mustBe(path, rule, describe()));
    }
    return (int) v;
  }

  public long asPositiveLong() {
    long v = integer("a positive integer");
    if (v <= 0) {
      throw error(SpecMessages.mustBe(path, "a positive integer", describe()));
    }
    return v;
  }

  public long asNonNegativeLong() {
    long v = integer("a non-negative integer");
    if (v < 0) {
      throw error(SpecMessages.mustBe(path, "a non-negative integer", describe()));
    }
    return v;
  }

  public double asDouble() {
    return number("a number");
  }

  public double asPositiveDouble() {
    double v = number("a positive number");
    if (!(v > 0)) {
      throw error(SpecMessages.mustBe(path, "a positive number", describe()));
    }
    return v;
  }

  public double asNonNegativeDouble() {
    double v = number("a non-negative number");
    if (!(v >= 0)) {
      throw error(SpecMessages.mustBe(path, "a non-negative number", describe()));
    }
    return v;
  }

  public double asDoubleInRange(double min, double max) {
    String rule = "a number in [" + formatNumber(min) + ", " + formatNumber(max) + "]";
    double v = number(rule);
    if (!(v >= min && v <= max)) {
      throw error(SpecMessages.mustBe(path, rule, describe()));
    }
    return v;
  }

  /** A scalar as text: strings as written, numbers and booleans in their written form. */
  public String asString() {
    if (type != Type.SCALAR || scalarKind == ScalarKind.NULL) {
      throw error(SpecMessages.mustBe(path, "a string", describe()));
    }
    return scalar;
  }

  public boolean asBool() {
    if (type != Type.SCALAR || scalarKind != ScalarKind.BOOL) {
      throw error(SpecMessages.mustBe(path, "true or false", describe()));
    }
    return Boolean.parseBoolean(scalar.toLowerCase(Locale.ROOT));
  }

  /**
   * The enum constant whose lower-case name is this scalar, e.g. {@code ws} for {@code
   * Dataflow.WS}. Otherwise {@code <path>: unknown <last key> '<value>' (expected one of: …)}.
   */
  public <E extends Enum<E>> E asEnum(Class<E> enumType) {
    List<String> names = new ArrayList<>();
    for (E e : enumType.getEnumConstants()) {
      names.add(e.name().toLowerCase(Locale.ROOT));
    }
    if (type == Type.SCALAR && scalarKind != ScalarKind.NULL) {
      int i = names.indexOf(scalar);
      if (i >= 0) {
        return enumType.getEnumConstants()[i];
      }
    }
    String what = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
    throw error(
        (path.isEmpty() ? "" : path + ": ")
            + "unknown "
            + what
            + " "
            + describe()
            + " (expected one of: "
            + String.join(", ", names)
            + ")");
  }

  /**
   * The node as plain Java values in file order: {@code LinkedHashMap}, {@code List}, {@code Long},
   * {@code Double}, {@code Boolean}, {@code String} or {@code null}. Used to echo a resolved spec.
   */
  public Object toPlain() {
    return switch (type) {
      case MAP -> {
        Map<String, Object> m = new LinkedHashMap<>();
        map.forEach((k, v) -> m.put(k, v.toPlain()));
        yield m;
      }
      case LIST -> {
        List<Object> l = new ArrayList<>();
        list.forEach(e -> l.add(e.toPlain()));
        yield l;
      }
      case SCALAR ->
          switch (scalarKind) {
            case NULL -> null;
            case BOOL -> Boolean.parseBoolean(scalar.toLowerCase(Locale.ROOT));
            case INT -> parseLong(scalar);
            case FLOAT -> parseDouble(scalar);
            case STRING -> scalar;
          };
    };
  }

  /**
   * A mapping as an ordered map of plain values ({@link #toPlain()}), e.g. the resolved
   * configuration a model echoes into its result.
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> toMap() {
    return (Map<String, Object>) requireMap().toPlain();
  }

  /** This mapping without the given top-level keys (file, lines and paths unchanged). */
  public SpecNode without(String... keys) {
    Map<String, SpecNode> m = new LinkedHashMap<>(requireMap().map);
    for (String k : keys) {
      m.remove(k);
    }
    return ofMap(file, line, path, m);
  }

  /** An error located at this node. */
  public InvalidSpecException error(String message) {
    return new InvalidSpecException(file, line, path, message);
  }

  /** How this node is shown after "got": {@code 0}, {@code 'abc'}, {@code a mapping}. */
  public String describe() {
    return switch (type) {
      case MAP -> "a mapping";
      case LIST -> "a list";
      case SCALAR ->
          switch (scalarKind) {
            case NULL -> "nothing";
            case STRING -> "'" + scalar + "'";
            case BOOL, INT, FLOAT -> scalar;
          };
    };
  }

  private SpecNode requireMap() {
    if (type != Type.MAP) {
      throw error(SpecMessages.mustBe(path, "a mapping", describe()));
    }
    return this;
  }

  private InvalidSpecException missing(String key) {
    return new InvalidSpecException(
        file,
        line,
        SpecMessages.join(path, key),
        "missing key '" + SpecMessages.join(path, key) + "'");
  }

  private long integer(String rule) {
    if (type == Type.SCALAR && scalarKind == ScalarKind.INT) {
      try {
        return parseLong(scalar);
      } catch (NumberFormatException e) {
        // too large for a long: reported below like any other non-integer
      }
    }
    throw error(SpecMessages.mustBe(path, rule, describe()));
  }

  private double number(String rule) {
    if (type == Type.SCALAR && (scalarKind == ScalarKind.INT || scalarKind == ScalarKind.FLOAT)) {
      double v = parseDouble(scalar);
      if (!Double.isNaN(v)) {
        return v;
      }
    }
    throw error(SpecMessages.mustBe(path, rule, describe()));
  }

  private static long parseLong(String s) {
    String t = s.replace("_", "");
    if (t.startsWith("0x")) {
      return Long.parseLong(t.substring(2), 16);
    }
    if (t.startsWith("0o")) {
      return Long.parseLong(t.substring(2), 8);
    }
    return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
  }

  private static double parseDouble(String s) {
    String t = s.toLowerCase(Locale.ROOT);
    return switch (t) {
      case ".inf", "+.inf" -> Double.POSITIVE_INFINITY;
      case "-.inf" -> Double.NEGATIVE_INFINITY;
      case ".nan" -> Double.NaN;
      default -> t.startsWith("0x") || t.startsWith("0o") ? parseLong(t) : Double.parseDouble(t);
    };
  }

  /** A number without a trailing {@code .0}: {@code 1}, {@code 0.5}, {@code 1e-09} stays plain. */
  static String formatNumber(double v) {
    if (Double.isInfinite(v) || Double.isNaN(v)) {
      return Double.toString(v);
    }
    return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SpecNode n && Objects.equals(toPlain(), n.toPlain());
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(toPlain());
  }

  @Override
  public String toString() {
    return location() + " " + (path.isEmpty() ? "<root>" : path) + " = " + toPlain();
  }
}
