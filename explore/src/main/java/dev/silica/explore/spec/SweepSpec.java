package dev.silica.explore.spec;

import dev.silica.explore.DesignPoint;
import dev.silica.simulator.spec.SpecKind;
import dev.silica.simulator.spec.SpecLoader;
import dev.silica.simulator.spec.SpecMessages;
import dev.silica.simulator.spec.SpecNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A design-space sweep as written in a {@code kind: sweep} file:
 *
 * <pre>{@code
 * version: 1
 * kind: sweep
 * name: array-size
 * base: {model: systolic, preset: tpu-v1}   # base accelerator spec (mapping or file name)
 * workloads: [resnet50]
 * mode: cartesian                           # or zip
 * axes:
 *   array.rows: [64, 128, 256]              # a list of values
 *   array.cols: {from: 64, to: 256, step: 64}
 *   sram.kib: {from: 64, to: 1024, factor: 2}
 * constraints: ["area_mm2 <= 300"]
 * objectives: [{minimize: energy_pj}, {maximize: throughput_inf_per_s}]
 * seed: 42
 * strategy: grid                            # or {random: {n: 100}}
 *                                           # or {evolutionary: {population: 16, generations: 10}}
 * budget: {points: 1000, seconds: 600}
 * }</pre>
 *
 * @param name sweep name
 * @param base the base accelerator spec as plain values (mapping, file name or null)
 * @param workloads workload names
 * @param mode how axes combine
 * @param axes axes in file order
 * @param constraints feasibility bounds
 * @param objectives one to three objectives
 * @param seed seed for random and evolutionary strategies
 * @param strategy search strategy
 * @param budget limits
 */
public record SweepSpec(
    String name,
    Object base,
    List<String> workloads,
    SweepMode mode,
    List<Axis> axes,
    List<Constraint> constraints,
    List<Objective> objectives,
    long seed,
    Strategy strategy,
    Budget budget) {

  /** Top-level keys of a sweep file. */
  public static final List<String> KEYS =
      List.of(
          "version",
          "kind",
          "name",
          "base",
          "workloads",
          "mode",
          "axes",
          "constraints",
          "objectives",
          "seed",
          "strategy",
          "budget");

  private static final Pattern CONSTRAINT =
      Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s*(<=|>=|==|<|>)\\s*(\\S+)\\s*");

  public SweepSpec {
    Objects.requireNonNull(name, "name");
    workloads = List.copyOf(workloads);
    Objects.requireNonNull(mode, "mode");
    axes = List.copyOf(axes);
    constraints = List.copyOf(constraints);
    objectives = List.copyOf(objectives);
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(budget, "budget");
    if (axes.isEmpty()) {
      throw new IllegalArgumentException("a sweep needs at least one axis");
    }
    Set<String> names = new HashSet<>();
    for (Axis a : axes) {
      if (!names.add(a.name())) {
        throw new IllegalArgumentException("duplicate axis " + a.name());
      }
    }
    if (mode == SweepMode.ZIP) {
      int n = axes.getFirst().size();
      for (Axis a : axes) {
        if (a.size() != n) {
          throw new IllegalArgumentException(zipMismatch(axes));
        }
      }
    }
    if (objectives.isEmpty() || objectives.size() > 3) {
      throw new IllegalArgumentException(
          "a sweep needs 1 to 3 objectives, got " + objectives.size());
    }
  }

  /** Loads and validates a sweep file. */
  public static SweepSpec load(Path path, ParameterSpace space) {
    return fromNode(SpecLoader.load(path, SpecKind.SWEEP), space);
  }

  /** Parses and validates sweep text; messages name the file {@code displayName}. */
  public static SweepSpec parse(String displayName, String text, ParameterSpace space) {
    return fromNode(SpecLoader.load(displayName, text, SpecKind.SWEEP), space);
  }

  /** Validates a loaded tree (header already checked). */
  public static SweepSpec fromNode(SpecNode root, ParameterSpace space) {
    root.allowOnly(KEYS);
    String name = root.string("name", "sweep");
    Object base = root.optional("base").map(SpecNode::toPlain).orElse(null);
    List<String> workloads = new ArrayList<>();
    root.optional("workloads")
        .ifPresent(w -> w.elements().forEach(e -> workloads.add(e.asString())));
    SweepMode mode = root.enumValue("mode", SweepMode.class, SweepMode.CARTESIAN);
    List<Axis> axes = axes(root.get("axes"), space);
    if (mode == SweepMode.ZIP) {
      int n = axes.getFirst().size();
      if (axes.stream().anyMatch(a -> a.size() != n)) {
        throw root.get("axes").error("axes: " + zipMismatch(axes));
      }
    }
    List<Constraint> constraints = new ArrayList<>();
    root.optional("constraints")
        .ifPresent(c -> c.elements().forEach(e -> constraints.add(constraint(e))));
    SpecNode objNode = root.get("objectives");
    List<Objective> objectives = new ArrayList<>();
    for (SpecNode o : objNode.elements()) {
      objectives.add(objective(o));
    }
    if (objectives.isEmpty() || objectives.size() > 3) {
      throw objNode.error("objectives: must be 1 to 3 objectives, got " + objectives.size());
    }
    long seed = root.optional("seed").map(SpecNode::asNonNegativeLong).orElse(0L);
    Strategy strategy =
        root.optional("strategy").map(SweepSpec::strategy).orElse(new Strategy.Grid());
    if (strategy instanceof Strategy.Evolutionary && mode == SweepMode.ZIP) {
      throw root.get("strategy")
          .error("strategy: evolutionary search needs mode: cartesian, got mode: zip");
    }
    Budget budget = root.optional("budget").map(SweepSpec::budget).orElse(Budget.unlimited());
    return new SweepSpec(
        name, base, workloads, mode, axes, constraints, objectives, seed, strategy, budget);
  }

  // ---- expansion ----

  /** Number of points the axes expand to (saturating at {@link Long#MAX_VALUE}). */
  public long size() {
    if (mode == SweepMode.ZIP) {
      return axes.getFirst().size();
    }
    long n = 1;
    for (Axis a : axes) {
      n = n > Long.MAX_VALUE / a.size() ? Long.MAX_VALUE : n * a.size();
    }
    return n;
  }

  /**
   * The point at {@code index} of the expansion: in cartesian mode the last axis varies fastest; in
   * zip mode the index-th value of every axis.
   */
  public DesignPoint pointAt(long index) {
    if (index < 0 || index >= size()) {
      throw new IndexOutOfBoundsException("point " + index + " of " + size());
    }
    int[] choice = new int[axes.size()];
    if (mode == SweepMode.ZIP) {
      java.util.Arrays.fill(choice, (int) index);
    } else {
      long rest = index;
      for (int i = axes.size() - 1; i >= 0; i--) {
        int n = axes.get(i).size();
        choice[i] = (int) (rest % n);
        rest /= n;
      }
    }
    return pointOf(choice);
  }

  /** The point choosing value {@code choice[i]} of axis {@code i}. */
  public DesignPoint pointOf(int[] choice) {
    Map<String, Object> params = new LinkedHashMap<>();
    for (int i = 0; i < axes.size(); i++) {
      params.put(axes.get(i).name(), axes.get(i).values().get(choice[i]));
    }
    return new DesignPoint(params);
  }

  /** Every point in expansion order; refuses spaces above {@code limit} points. */
  public List<DesignPoint> expand(long limit) {
    long n = size();
    if (n > limit) {
      throw new IllegalStateException(
          "sweep "
              + name
              + " has "
              + n
              + " points, more than "
              + limit
              + "; use a budget or random/evolutionary search");
    }
    List<DesignPoint> out = new ArrayList<>((int) n);
    for (long i = 0; i < n; i++) {
      out.add(pointAt(i));
    }
    return out;
  }

  // ---- parsing helpers ----

  private static List<Axis> axes(SpecNode node, ParameterSpace space) {
    Map<String, SpecNode> entries = node.entries();
    if (entries.isEmpty()) {
      throw node.error("axes: must name at least one parameter, got an empty mapping");
    }
    List<Axis> axes = new ArrayList<>();
    for (Map.Entry<String, SpecNode> e : entries.entrySet()) {
      String key = e.getKey();
      SpecNode v = e.getValue();
      if (!space.contains(key)) {
        StringBuilder msg = new StringBuilder("axes: '" + key + "' names no parameter (");
        Optional<String> near = SpecMessages.nearest(key, space.sorted());
        if (near.isPresent()) {
          msg.append("did you mean '").append(near.get()).append("'?)");
        } else {
          msg.append("valid: ").append(String.join(", ", space.sorted())).append(')');
        }
        throw v.error(msg.toString());
      }
      axes.add(new Axis(key, values(key, v)));
    }
    return axes;
  }

  private static List<Object> values(String key, SpecNode v) {
    String where = "axes." + key;
    List<Object> values = new ArrayList<>();
    if (v.isList()) {
      for (SpecNode e : v.elements()) {
        if (!e.isScalar() || e.scalarKind() == SpecNode.ScalarKind.NULL) {
          throw e.error(
              where + ": values must be numbers, strings or booleans, got " + e.describe());
        }
        values.add(scalar(e));
      }
      if (values.isEmpty()) {
        throw v.error(where + ": must list at least one value, got an empty list");
      }
      Set<Object> seen = new HashSet<>();
      for (int i = 0; i < values.size(); i++) {
        if (!seen.add(values.get(i))) {
          throw v.elements()
              .get(i)
              .error(where + ": duplicate value " + v.elements().get(i).describe());
        }
      }
      return values;
    }
    if (!v.isMap()) {
      throw v.error(
          where + ": must be a list of values or {from, to, step|factor}, got " + v.describe());
    }
    v.allowOnly("from", "to", "step", "factor");
    v.require("from", "to");
    if (v.has("step") == v.has("factor")) {
      throw v.error(where + ": needs exactly one of step or factor");
    }
    SpecNode from = v.get("from");
    SpecNode to = v.get("to");
    SpecNode by = v.has("step") ? v.get("step") : v.get("factor");
    boolean integral =
        from.scalarKind() == SpecNode.ScalarKind.INT
            && to.scalarKind() == SpecNode.ScalarKind.INT
            && by.scalarKind() == SpecNode.ScalarKind.INT;
    double a = from.asDouble();
    double b = to.asDouble();
    if (b < a) {
      throw to.error(
          where + ".to: must be >= from (" + from.describe() + "), got " + to.describe());
    }
    final int maxValues = 1_000_000;
    if (v.has("step")) {
      double step = by.asPositiveDouble();
      if (integral) {
        for (long x = from.asNonNegativeLong(); x <= (long) b; x += (long) step) {
          values.add(x);
          if (values.size() > maxValues) {
            throw v.error(where + ": more than " + maxValues + " values");
          }
        }
      } else {
        long n = (long) Math.floor((b - a) / step + 1e-9);
        if (n >= maxValues) {
          throw v.error(where + ": more than " + maxValues + " values");
        }
        for (long i = 0; i <= n; i++) {
          values.add(a + i * step);
        }
      }
    } else {
      double f = by.asPositiveDouble();
      if (!(f > 1)) {
        throw by.error(where + ".factor: must be > 1, got " + by.describe());
      }
      if (!(a > 0)) {
        throw from.error(where + ".from: must be positive with factor, got " + from.describe());
      }
      if (integral) {
        for (long x = (long) a; x <= (long) b; x *= (long) f) {
          values.add(x);
        }
      } else {
        for (double x = a; x <= b * (1 + 1e-12); x *= f) {
          values.add(x);
        }
      }
    }
    return values;
  }

  private static Object scalar(SpecNode e) {
    return switch (e.scalarKind()) {
      case INT -> Long.parseLong(e.asString());
      case FLOAT -> e.asDouble();
      case BOOL -> e.asBool();
      default -> e.asString();
    };
  }

  private static Constraint constraint(SpecNode e) {
    String rule = "'metric op number' with op one of <=, <, >=, >, ==";
    if (!e.isScalar() || e.scalarKind() != SpecNode.ScalarKind.STRING) {
      throw e.error(e.path() + ": must be " + rule + ", got " + e.describe());
    }
    Matcher m = CONSTRAINT.matcher(e.asString());
    if (!m.matches()) {
      throw e.error(e.path() + ": must be " + rule + ", got " + e.describe());
    }
    double value;
    try {
      value = Double.parseDouble(m.group(3));
    } catch (NumberFormatException x) {
      throw e.error(e.path() + ": must be " + rule + ", got " + e.describe());
    }
    return new Constraint(m.group(1), Constraint.Op.parse(m.group(2)).orElseThrow(), value);
  }

  private static Objective objective(SpecNode o) {
    if (!o.isMap() || o.keys().size() != 1) {
      throw o.error(
          o.path() + ": must be {minimize: metric} or {maximize: metric}, got " + o.describe());
    }
    o.allowOnly("minimize", "maximize");
    boolean max = o.has("maximize");
    return new Objective(o.string(max ? "maximize" : "minimize"), max);
  }

  private static Strategy strategy(SpecNode s) {
    if (s.isScalar()) {
      String v = s.asString();
      if (v.equals("grid")) {
        return new Strategy.Grid();
      }
      throw s.error(
          "strategy: unknown strategy '"
              + v
              + "' (expected one of: grid, {random: {n: N}}, {evolutionary: {population: P, generations: G}})");
    }
    s.allowOnly("grid", "random", "evolutionary");
    if (s.keys().size() != 1) {
      throw s.error("strategy: must name exactly one strategy, got " + String.join(", ", s.keys()));
    }
    if (s.has("grid")) {
      return new Strategy.Grid();
    }
    if (s.has("random")) {
      SpecNode r = s.get("random").allowOnly("n");
      return new Strategy.Random(r.positiveInt("n"));
    }
    SpecNode ev = s.get("evolutionary").allowOnly("population", "generations");
    int pop = ev.positiveInt("population");
    if (pop < 2) {
      throw ev.get("population")
          .error("strategy.evolutionary.population: must be at least 2, got " + pop);
    }
    return new Strategy.Evolutionary(pop, ev.positiveInt("generations"));
  }

  private static Budget budget(SpecNode b) {
    b.allowOnly("points", "seconds");
    OptionalLong points =
        b.has("points") ? OptionalLong.of(b.positiveLong("points")) : OptionalLong.empty();
    Optional<Duration> time =
        b.has("seconds")
            ? Optional.of(Duration.ofMillis(Math.round(b.positiveDouble("seconds") * 1000)))
            : Optional.empty();
    return new Budget(points, time);
  }

  private static String zipMismatch(List<Axis> axes) {
    StringBuilder sb = new StringBuilder("zip mode needs axes of equal length, got ");
    for (int i = 0; i < axes.size(); i++) {
      sb.append(i == 0 ? "" : ", ")
          .append(axes.get(i).name())
          .append(": ")
          .append(axes.get(i).size());
    }
    return sb.toString();
  }
}
