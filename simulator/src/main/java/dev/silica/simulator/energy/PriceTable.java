package dev.silica.simulator.energy;

import dev.silica.simulator.spec.SpecNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The shared core of {@link EnergyTable} and {@link AreaTable}: published entries (exact keys) plus
 * derivation rules for keys nobody published, resolved in that order. All values are at the table's
 * own node; a uniform {@code scale} (technology scaling) is applied to the final value only.
 */
final class PriceTable {
  record Published(double value, String source) {}

  /** A derivation rule: which keys it covers and how it computes their value. */
  sealed interface Rule {
    String pattern();

    String model();

    String source();

    /** True when this rule is meant for {@code key}. */
    boolean matches(String name, SortedMap<String, Long> attrs);
  }

  /** {@code <prefix>N}: value = intercept + slope · N (adders, linear in bits). */
  record AffineInBits(String pattern, double intercept, double slopePerBit, String source)
      implements Rule {
    public String model() {
      return "affine_in_bits";
    }

    public boolean matches(String name, SortedMap<String, Long> attrs) {
      return attrs.isEmpty() && bits(pattern, name) > 0;
    }
  }

  /** {@code <prefix>N}: value = anchor · (N / anchorBits)^exponent (multipliers, ~quadratic). */
  record PowerInBits(String pattern, String anchor, int anchorBits, double exponent, String source)
      implements Rule {
    public String model() {
      return "power_in_bits";
    }

    public boolean matches(String name, SortedMap<String, Long> attrs) {
      return attrs.isEmpty() && bits(pattern, name) > 0;
    }
  }

  /** {@code <pattern>.F}: value = mult.F + add.ACC(F). */
  record MultPlusAdd(String pattern, Map<String, String> accumulators, String source)
      implements Rule {
    public String model() {
      return "mult_plus_add";
    }

    public boolean matches(String name, SortedMap<String, Long> attrs) {
      return attrs.isEmpty()
          && name.startsWith(pattern + ".")
          && name.length() > pattern.length() + 1;
    }

    String accumulator(String format) {
      String acc = accumulators.get(format);
      if (acc != null) {
        return acc;
      }
      int n = bits("int", format);
      return n > 0 ? "int" + Math.max(32, 2 * n) : null;
    }
  }

  /** {@code sram.*[capacity_bytes=C,width_bits=W]}: anchor · (W/W0) · (C/C0)^exponent. */
  record SramPowerLaw(
      String pattern,
      double anchor,
      long anchorCapacity,
      int anchorWidth,
      double exponent,
      String source)
      implements Rule {
    public String model() {
      return "sram_power_law";
    }

    public boolean matches(String name, SortedMap<String, Long> attrs) {
      return name.equals(pattern)
          && attrs.keySet().equals(java.util.Set.of("capacity_bytes", "width_bits"));
    }
  }

  /** {@code <name>[width_bits=W]}: anchor · W / (anchor's width). */
  record LinearInWidth(String pattern, String anchor, String source) implements Rule {
    public String model() {
      return "linear_in_width";
    }

    public boolean matches(String name, SortedMap<String, Long> attrs) {
      return name.equals(pattern) && attrs.keySet().equals(java.util.Set.of("width_bits"));
    }
  }

  /** {@code sram[capacity_bytes=C(,width_bits=W)]}: coefficient · C^exponent (width ignored). */
  record SramAreaPowerLaw(String pattern, double coefficient, double exponent, String source)
      implements Rule {
    public String model() {
      return "sram_area_power_law";
    }

    public boolean matches(String name, SortedMap<String, Long> attrs) {
      return name.equals(pattern)
          && attrs.containsKey("capacity_bytes")
          && attrs.keySet().stream()
              .allMatch(k -> k.equals("capacity_bytes") || k.equals("width_bits"));
    }
  }

  /** What a lookup found: a value, or the reasons every source declined. */
  record Resolution(TableEntry entry, List<String> declined) {}

  private final String name;
  private final Map<String, Published> entries;
  private final List<Rule> rules;
  private final double scale;
  private final String scaleNote;

  PriceTable(
      String name,
      Map<String, Published> entries,
      List<Rule> rules,
      double scale,
      String scaleNote) {
    this.name = name;
    this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    this.rules = List.copyOf(rules);
    this.scale = scale;
    this.scaleNote = scaleNote;
  }

  String name() {
    return name;
  }

  Map<String, Published> entries() {
    return entries;
  }

  List<Rule> rules() {
    return rules;
  }

  double scale() {
    return scale;
  }

  PriceTable scaled(String newName, double factor, String note) {
    String combined = scaleNote.isEmpty() ? note : scaleNote + "; " + note;
    return new PriceTable(newName, entries, rules, scale * factor, combined);
  }

  /** Every key name a caller could ask for directly: entries plus rule patterns. */
  List<String> knownKeys() {
    List<String> keys = new ArrayList<>(entries.keySet());
    for (Rule r : rules) {
      keys.add(
          r.pattern()
              + switch (r) {
                case AffineInBits a -> "<bits>";
                case PowerInBits p -> "<bits>";
                case MultPlusAdd m -> ".<format>";
                case SramPowerLaw s -> "[capacity_bytes=..,width_bits=..]";
                case LinearInWidth l -> "[width_bits=..]";
                case SramAreaPowerLaw s -> "[capacity_bytes=..]";
              });
    }
    return keys;
  }

  Resolution resolve(TableKey key) {
    List<String> declined = new ArrayList<>();
    Raw raw = resolveRaw(key.name(), key.attributes(), declined, 0);
    if (raw == null) {
      return new Resolution(null, declined);
    }
    String source = scale == 1.0 ? raw.source : raw.source + "; scaled " + scaleNote;
    return new Resolution(new TableEntry(name, raw.entry, raw.value * scale, source), declined);
  }

  private record Raw(String entry, double value, String source) {}

  private Raw resolveRaw(
      String keyName, SortedMap<String, Long> attrs, List<String> declined, int depth) {
    String key = canonical(keyName, attrs);
    Published p = entries.get(key);
    if (p != null) {
      return new Raw(key, p.value(), p.source());
    }
    if (depth > 4) {
      declined.add("rule chain too deep at " + key);
      return null;
    }
    for (Rule rule : rules) {
      if (!rule.matches(keyName, attrs)) {
        continue;
      }
      Raw r = apply(rule, keyName, attrs, declined, depth);
      if (r != null) {
        return r;
      }
    }
    return null;
  }

  private Raw apply(
      Rule rule, String keyName, SortedMap<String, Long> attrs, List<String> declined, int depth) {
    String key = canonical(keyName, attrs);
    String entry = "rule " + rule.model() + ": " + key;
    switch (rule) {
      case AffineInBits a -> {
        int n = bits(a.pattern(), keyName);
        return new Raw(entry, a.intercept() + a.slopePerBit() * n, a.source());
      }
      case PowerInBits p -> {
        Raw anchor = need(rule, p.anchor(), declined, depth);
        if (anchor == null) {
          return null;
        }
        int n = bits(p.pattern(), keyName);
        return new Raw(
            entry, anchor.value * Math.pow((double) n / p.anchorBits(), p.exponent()), p.source());
      }
      case MultPlusAdd m -> {
        String format = keyName.substring(m.pattern().length() + 1);
        String acc = m.accumulator(format);
        if (acc == null) {
          declined.add(
              "rule "
                  + rule.model()
                  + " ("
                  + rule.pattern()
                  + "): no accumulator for format "
                  + format);
          return null;
        }
        Raw mult = need(rule, "mult." + format, declined, depth);
        Raw add = mult == null ? null : need(rule, "add." + acc, declined, depth);
        if (add == null) {
          return null;
        }
        return new Raw(
            entry + " = mult." + format + " + add." + acc,
            mult.value + add.value,
            m.source()
                + " [mult."
                + format
                + ": "
                + mult.source
                + "; add."
                + acc
                + ": "
                + add.source
                + "]");
      }
      case SramPowerLaw s -> {
        long c = attrs.get("capacity_bytes");
        long w = attrs.get("width_bits");
        double v =
            s.anchor()
                * ((double) w / s.anchorWidth())
                * Math.pow((double) c / s.anchorCapacity(), s.exponent());
        return new Raw(entry, v, s.source());
      }
      case LinearInWidth l -> {
        Map.Entry<String, SortedMap<String, Long>> ak = Keys.parse(l.anchor());
        Raw anchor = need(rule, l.anchor(), declined, depth);
        if (anchor == null) {
          return null;
        }
        Long anchorWidth = ak.getValue().get("width_bits");
        if (anchorWidth == null) {
          declined.add("rule " + rule.model() + ": anchor " + l.anchor() + " has no width_bits");
          return null;
        }
        return new Raw(entry, anchor.value * attrs.get("width_bits") / anchorWidth, l.source());
      }
      case SramAreaPowerLaw s -> {
        long c = attrs.get("capacity_bytes");
        return new Raw(entry, s.coefficient() * Math.pow(c, s.exponent()), s.source());
      }
    }
  }

  private Raw need(Rule rule, String key, List<String> declined, int depth) {
    Map.Entry<String, SortedMap<String, Long>> k = Keys.parse(key);
    Raw r = resolveRaw(k.getKey(), k.getValue(), declined, depth + 1);
    if (r == null) {
      declined.add(
          "rule "
              + rule.model()
              + " ("
              + rule.pattern()
              + ") needs "
              + key
              + ", which "
              + name
              + " lacks");
    }
    return r;
  }

  static String canonical(String name, SortedMap<String, Long> attrs) {
    return ComponentKind.of(name, attrs).key();
  }

  /** N when {@code name} is {@code prefix} followed by a positive decimal N, else 0. */
  static int bits(String prefix, String name) {
    if (!name.startsWith(prefix) || name.length() == prefix.length()) {
      return 0;
    }
    String rest = name.substring(prefix.length());
    if (!rest.chars().allMatch(Character::isDigit) || rest.length() > 4) {
      return 0;
    }
    return Integer.parseInt(rest);
  }

  // ---- loading from a spec ----

  /** Reads {@code <section>: { key: { value:, source: } }}. */
  static Map<String, Published> readEntries(SpecNode section) {
    Map<String, Published> out = new LinkedHashMap<>();
    for (Map.Entry<String, SpecNode> e : section.entries().entrySet()) {
      SpecNode n = e.getValue().allowOnly("value", "source");
      String canonical;
      try {
        canonical = ComponentKind.parse(e.getKey()).key();
      } catch (IllegalArgumentException ex) {
        throw n.error(n.path() + ": " + ex.getMessage());
      }
      if (!canonical.equals(e.getKey())) {
        throw n.error(
            n.path()
                + ": key must be written in canonical form '"
                + canonical
                + "' (attributes sorted)");
      }
      out.put(canonical, new Published(n.nonNegativeDouble("value"), source(n)));
    }
    return out;
  }

  private static String source(SpecNode n) {
    String s = n.string("source");
    if (s.isBlank()) {
      throw n.get("source").error(n.path() + ".source: must not be blank");
    }
    return s;
  }

  /**
   * Reads a list of rules; {@code target} is {@code action} (energy) or {@code component} (area).
   */
  static List<Rule> readRules(SpecNode list, String target) {
    List<Rule> out = new ArrayList<>();
    for (SpecNode r : list.elements()) {
      String model = r.string("model");
      String pattern = r.string(target);
      Rule rule =
          switch (model) {
            case "affine_in_bits" -> {
              r.allowOnly(target, "model", "intercept", "slope_per_bit", "source");
              yield new AffineInBits(
                  pattern,
                  r.get("intercept").asDouble(),
                  r.positiveDouble("slope_per_bit"),
                  source(r));
            }
            case "power_in_bits" -> {
              r.allowOnly(target, "model", "anchor", "anchor_bits", "exponent", "source");
              yield new PowerInBits(
                  pattern,
                  r.string("anchor"),
                  r.positiveInt("anchor_bits"),
                  r.positiveDouble("exponent"),
                  source(r));
            }
            case "mult_plus_add" -> {
              r.allowOnly(target, "model", "accumulators", "source");
              Map<String, String> acc = new TreeMap<>();
              r.get("accumulators").entries().forEach((k, v) -> acc.put(k, v.asString()));
              yield new MultPlusAdd(pattern, acc, source(r));
            }
            case "sram_power_law" -> {
              r.allowOnly(
                  target,
                  "model",
                  "anchor_pj",
                  "anchor_capacity_bytes",
                  "anchor_width_bits",
                  "exponent",
                  "source");
              yield new SramPowerLaw(
                  pattern,
                  r.positiveDouble("anchor_pj"),
                  r.positiveLong("anchor_capacity_bytes"),
                  r.positiveInt("anchor_width_bits"),
                  r.doubleInRange("exponent", 0, 2),
                  source(r));
            }
            case "linear_in_width" -> {
              r.allowOnly(target, "model", "anchor", "source");
              yield new LinearInWidth(pattern, r.string("anchor"), source(r));
            }
            case "sram_area_power_law" -> {
              r.allowOnly(target, "model", "coefficient_um2", "exponent", "source");
              yield new SramAreaPowerLaw(
                  pattern,
                  r.positiveDouble("coefficient_um2"),
                  r.doubleInRange("exponent", 0, 2),
                  source(r));
            }
            default ->
                throw r.get("model")
                    .error(
                        r.path()
                            + ".model: unknown model '"
                            + model
                            + "' (expected one of: affine_in_bits, power_in_bits, mult_plus_add, sram_power_law, linear_in_width, sram_area_power_law)");
          };
      out.add(rule);
    }
    return out;
  }
}
