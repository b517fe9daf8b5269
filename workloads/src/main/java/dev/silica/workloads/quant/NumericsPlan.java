package dev.silica.workloads.quant;

import dev.silica.numerics.NumberFormat;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A numerics plan: the number formats of every layer's weights, activations and accumulator, as a
 * default for all layers plus per-layer overrides.
 *
 * <h2>Spec string</h2>
 *
 * <pre>
 * plan  := item (',' item)*
 * item  := format                 default weights and activations
 *        | role '=' format        default of one role
 *        | layer '=' format       weights and activations of one layer (a node name)
 *        | layer '.' role '=' format
 * role  := w | weights | a | act | activations | acc | accumulator
 * </pre>
 *
 * <p>{@code format} is any {@link FormatChoice} ({@code fp16}, {@code bf16}, {@code q8.8}, {@code
 * int8}, {@code int8-per-channel}, {@code fixed16}, {@code ternary}, ...); an accumulator must be a
 * plain format ({@code fp32}, {@code fp16}, {@code int32}, {@code int16:wrap}, {@code q16.16}).
 * Examples: {@code int8}, {@code fp16}, {@code q8.8,conv1=q4.4}, {@code w=int4,a=int8}, {@code
 * int8-per-channel,fc8.acc=int32}. A plan without a default activation format leaves activations
 * (and without weights, weights) in FP32. A {@code -per-channel} format applies to weights; given
 * as the default or a layer's format it quantizes activations per tensor. Later items override
 * earlier ones. When no accumulator is given, {@link QuantizedExecutor} derives one from the
 * operand formats.
 *
 * <p>Layer names are checked against a graph by {@link #check(Graph)}: an unknown layer is an error
 * listing the valid names. Plans are immutable.
 */
public final class NumericsPlan {
  /** The three format roles of a layer. */
  public enum Role {
    WEIGHTS("w", "weights"),
    ACTIVATIONS("a", "act", "activations"),
    ACCUMULATOR("acc", "accumulator");

    private final List<String> names;

    Role(String... names) {
      this.names = List.of(names);
    }

    /** The names a spec may use for this role, the short one first. */
    public List<String> names() {
      return names;
    }

    static Role byName(String s) {
      for (Role r : values()) {
        if (r.names.contains(s)) {
          return r;
        }
      }
      return null;
    }
  }

  /**
   * The formats of one layer; {@code accumulator} is {@code null} when the plan leaves it to be
   * derived from the operands.
   */
  public record LayerFormats(
      FormatChoice weights, FormatChoice activations, NumberFormat accumulator) {}

  /** Per-role settings, each {@code null} when not set. */
  private record Partial(FormatChoice weights, FormatChoice activations, NumberFormat accumulator) {
    static final Partial EMPTY = new Partial(null, null, null);

    Partial with(Role role, FormatChoice c, NumberFormat acc) {
      return switch (role) {
        case WEIGHTS -> new Partial(c, activations, accumulator);
        case ACTIVATIONS -> new Partial(weights, c, accumulator);
        case ACCUMULATOR -> new Partial(weights, activations, acc);
      };
    }
  }

  private final String spec;
  private final Partial defaults;
  private final Map<String, Partial> layers;

  private NumericsPlan(String spec, Partial defaults, Map<String, Partial> layers) {
    this.spec = spec;
    this.defaults = defaults;
    this.layers = Collections.unmodifiableMap(new LinkedHashMap<>(layers));
  }

  /** The plan that keeps everything in FP32. */
  public static NumericsPlan fp32() {
    return parse("fp32");
  }

  /**
   * Parses a plan spec (grammar in the class comment).
   *
   * @throws IllegalArgumentException {@code numerics plan '<spec>': item '<item>': <what is wrong>}
   */
  public static NumericsPlan parse(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException(
          "numerics plan '" + (spec == null ? "" : spec) + "': must list at least one format");
    }
    Builder b = new Builder();
    for (String raw : spec.split(",", -1)) {
      String item = raw.trim();
      try {
        if (item.isEmpty()) {
          throw new IllegalArgumentException("empty item");
        }
        int eq = item.indexOf('=');
        if (eq < 0) {
          b.all(item);
          continue;
        }
        String left = item.substring(0, eq).trim();
        String format = item.substring(eq + 1).trim();
        if (left.isEmpty()) {
          throw new IllegalArgumentException("a layer or role name must come before '='");
        }
        Role role = Role.byName(left.toLowerCase(Locale.ROOT));
        if (role != null) {
          b.role(role, format);
          continue;
        }
        int dot = left.lastIndexOf('.');
        Role layerRole =
            dot < 0 ? null : Role.byName(left.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (layerRole != null) {
          b.layer(left.substring(0, dot), layerRole, format);
        } else {
          b.layer(left, format);
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "numerics plan '" + spec.trim() + "': item '" + item + "': " + e.getMessage(), e);
      }
    }
    return b.build(spec.trim());
  }

  /** A builder of plans, used by {@link #parse} and by spec-file readers. */
  public static final class Builder {
    private Partial defaults = Partial.EMPTY;
    private final Map<String, Partial> layers = new LinkedHashMap<>();

    /** Default weights and activations. */
    public Builder all(String format) {
      FormatChoice c = FormatChoice.parse(format);
      defaults = defaults.with(Role.WEIGHTS, c, null).with(Role.ACTIVATIONS, activation(c), null);
      return this;
    }

    /** The default of one role. */
    public Builder role(Role role, String format) {
      defaults = set(defaults, role, format);
      return this;
    }

    /** Weights and activations of one layer. */
    public Builder layer(String layer, String format) {
      FormatChoice c = FormatChoice.parse(format);
      Partial p = layers.getOrDefault(checkName(layer), Partial.EMPTY);
      layers.put(layer, p.with(Role.WEIGHTS, c, null).with(Role.ACTIVATIONS, activation(c), null));
      return this;
    }

    /** One role of one layer. */
    public Builder layer(String layer, Role role, String format) {
      layers.put(checkName(layer), set(layers.getOrDefault(layer, Partial.EMPTY), role, format));
      return this;
    }

    public NumericsPlan build(String spec) {
      return new NumericsPlan(spec, defaults, layers);
    }

    private static String checkName(String layer) {
      if (layer.isBlank()) {
        throw new IllegalArgumentException("layer name must not be empty");
      }
      return layer;
    }

    private static Partial set(Partial p, Role role, String format) {
      if (role == Role.ACCUMULATOR) {
        FormatChoice c = FormatChoice.parse(format);
        NumberFormat acc =
            switch (c) {
              case FormatChoice.Exact e -> e.format();
              case FormatChoice.Affine a when !a.perChannel() -> a.base();
              default ->
                  throw new IllegalArgumentException(
                      "accumulator: must be a plain format (fp32, fp16, bf16, int<N>, q<m>.<n>),"
                          + " got "
                          + c.spec());
            };
        return p.with(role, null, acc);
      }
      FormatChoice c = FormatChoice.parse(format);
      if (role == Role.ACTIVATIONS) {
        if (c instanceof FormatChoice.Affine a && a.perChannel()) {
          throw new IllegalArgumentException(
              "activations: must be quantized per tensor, got " + c.spec());
        }
        if (c instanceof FormatChoice.Fitted) {
          throw new IllegalArgumentException(
              "activations: ternary and binary apply to weights only, got " + c.spec());
        }
      }
      return p.with(role, c, null);
    }

    /** The activation format implied by a weights-and-activations format. */
    private static FormatChoice activation(FormatChoice c) {
      return switch (c) {
        case FormatChoice.Affine a when a.perChannel() -> new FormatChoice.Affine(a.base(), false);
        case FormatChoice.Fitted f -> FormatChoice.FP32;
        default -> c;
      };
    }
  }

  /** The spec this plan was parsed from (or built as). */
  public String spec() {
    return spec;
  }

  /** The layers with overrides, in the order first given. */
  public Set<String> layers() {
    return layers.keySet();
  }

  /** The resolved formats of {@code layer}: its overrides over the defaults over FP32. */
  public LayerFormats formats(String layer) {
    Partial p = layers.getOrDefault(layer, Partial.EMPTY);
    FormatChoice w = p.weights != null ? p.weights : defaults.weights;
    FormatChoice a = p.activations != null ? p.activations : defaults.activations;
    NumberFormat acc = p.accumulator != null ? p.accumulator : defaults.accumulator;
    return new LayerFormats(
        w == null ? FormatChoice.FP32 : w, a == null ? FormatChoice.FP32 : a, acc);
  }

  /** The default formats (those of a layer without overrides). */
  public LayerFormats defaults() {
    return formats("\u0000no layer");
  }

  /**
   * Checks that every layer named by an override is a node of {@code g}.
   *
   * @throws IllegalArgumentException {@code numerics plan '<spec>': layer 'x' is not a node of
   *     <graph> (nodes: ...)}
   */
  public void check(Graph g) {
    Set<String> names = new TreeSet<>();
    for (Node n : g.nodes()) {
      names.add(n.name());
    }
    List<String> unknown = new ArrayList<>();
    for (String l : layers.keySet()) {
      if (!names.contains(l)) {
        unknown.add(l);
      }
    }
    if (!unknown.isEmpty()) {
      List<String> valid = new ArrayList<>();
      for (Node n : g.nodes()) {
        valid.add(n.name());
      }
      throw new IllegalArgumentException(
          "numerics plan '"
              + spec
              + "': layer '"
              + unknown.getFirst()
              + "' is not a node of "
              + g.name()
              + " (expected one of: "
              + String.join(", ", valid)
              + ")");
    }
  }

  @Override
  public String toString() {
    return spec;
  }
}
