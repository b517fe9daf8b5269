package dev.silica.explore;

import dev.silica.explore.spec.Constraint;
import dev.silica.explore.spec.Objective;
import dev.silica.explore.spec.SweepSpec;
import dev.silica.simulator.spec.SpecKind;
import dev.silica.simulator.spec.SpecLoader;
import dev.silica.simulator.spec.SpecMessages;
import dev.silica.simulator.spec.SpecNode;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.zoo.Zoo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A sweep file bound to the accelerator models: the validated {@link SweepSpec} and the {@link
 * AcceleratorEvaluator} its {@code base:} and {@code workloads:} describe.
 *
 * <p>Loading reads the file twice: once with any axis name allowed, to learn the base and the
 * workloads, and once against the base's parameter space, so an axis naming no parameter fails at
 * its line with the nearest valid name. A base spec file named in {@code base:} is read relative to
 * the sweep file's folder. Objectives and constraints must name metrics the evaluator produces
 * (again with a suggestion).
 *
 * @param spec the sweep
 * @param evaluator evaluates its points
 */
public record SweepSetup(SweepSpec spec, AcceleratorEvaluator evaluator) {

  /** Workloads by zoo name, with or without the {@code zoo:} prefix. */
  public static Graph zooWorkload(String name) {
    return Zoo.build(name.startsWith("zoo:") ? name.substring(4) : name);
  }

  /** Loads {@code file}, resolving workload names through the model zoo. */
  public static SweepSetup load(Path file) {
    return load(file, SweepSetup::zooWorkload);
  }

  /**
   * Loads {@code file}; {@code workloads} turns each name under {@code workloads:} into a graph.
   *
   * @throws dev.silica.simulator.spec.InvalidSpecException for any error in the file, with its line
   */
  public static SweepSetup load(Path file, Function<String, Graph> workloads) {
    SpecNode root = SpecLoader.load(file, SpecKind.SWEEP);
    Path dir = file.toAbsolutePath().getParent();
    return bind(root, dir, workloads);
  }

  /** Parses sweep text named {@code displayName}; base files resolve against {@code dir}. */
  public static SweepSetup parse(
      String displayName, String text, Path dir, Function<String, Graph> workloads) {
    return bind(SpecLoader.load(displayName, text, SpecKind.SWEEP), dir, workloads);
  }

  private static SweepSetup bind(SpecNode root, Path dir, Function<String, Graph> load) {
    SweepSpec loose = SweepSpec.fromNode(root, dev.silica.explore.spec.ParameterSpace.any());
    Map<String, Graph> graphs = new LinkedHashMap<>();
    SpecNode wNode = root.optional("workloads").orElse(null);
    if (wNode == null || loose.workloads().isEmpty()) {
      throw (wNode == null ? root : wNode)
          .error("workloads: must name at least one workload (a zoo model such as resnet50)");
    }
    for (SpecNode e : wNode.elements()) {
      String name = e.asString();
      try {
        graphs.put(name, load.apply(name));
      } catch (RuntimeException ex) {
        throw e.error(e.path() + ": " + ex.getMessage());
      }
    }
    Object base = loose.base();
    if (base instanceof String s && (s.endsWith(".yaml") || s.endsWith(".yml"))) {
      base = dir == null ? Path.of(s) : dir.resolve(s);
    }
    AcceleratorEvaluator evaluator;
    try {
      evaluator = AcceleratorEvaluator.of(base, graphs);
    } catch (dev.silica.simulator.spec.InvalidSpecException ex) {
      throw ex;
    } catch (RuntimeException ex) {
      throw root.get("base").error("base: " + ex.getMessage());
    }
    boolean wantsError =
        loose.objectives().stream().anyMatch(o -> o.metric().endsWith(WeightFormatError.METRIC))
            || loose.constraints().stream()
                .anyMatch(c -> c.metric().endsWith(WeightFormatError.METRIC));
    if (wantsError) {
      try {
        evaluator = evaluator.withWeightFormatError();
      } catch (IllegalArgumentException ex) {
        throw root.get("objectives").error("objectives: " + ex.getMessage());
      }
    }
    SweepSpec spec = SweepSpec.fromNode(root, evaluator.space());
    for (dev.silica.explore.spec.Axis a : spec.axes()) {
      if (a.name().equals(AcceleratorEvaluator.ACCELERATOR)) {
        SpecNode axisNode = root.get("axes").entries().get(a.name());
        List<SpecNode> values = axisNode.isList() ? axisNode.elements() : List.of(axisNode);
        for (int i = 0; i < a.values().size(); i++) {
          String name = String.valueOf(a.values().get(i));
          if (!dev.silica.accelerators.Accelerators.names().contains(name)) {
            SpecNode at = i < values.size() ? values.get(i) : axisNode;
            Optional<String> near =
                SpecMessages.nearest(name, dev.silica.accelerators.Accelerators.names());
            throw at.error(
                "axes.accelerator: unknown accelerator '"
                    + name
                    + "' ("
                    + near.map(n -> "did you mean '" + n + "'? ").orElse("")
                    + "expected one of: "
                    + String.join(", ", dev.silica.accelerators.Accelerators.names())
                    + ")");
          }
        }
        if (spec.axes().size() > 1) {
          throw axisNode.error(
              "axes.accelerator: cannot be combined with parameter axes (vary one or the other)");
        }
      }
    }
    List<String> metrics = evaluator.metricNames();
    SpecNode objNode = root.get("objectives");
    for (int i = 0; i < spec.objectives().size(); i++) {
      Objective o = spec.objectives().get(i);
      checkMetric(objNode.elements().get(i), o.metric(), metrics);
    }
    if (root.has("constraints")) {
      List<SpecNode> cs = root.get("constraints").elements();
      for (int i = 0; i < spec.constraints().size(); i++) {
        Constraint c = spec.constraints().get(i);
        checkMetric(cs.get(i), c.metric(), metrics);
      }
    }
    return new SweepSetup(spec, evaluator);
  }

  private static void checkMetric(SpecNode where, String metric, List<String> metrics) {
    if (metrics.contains(metric)) {
      return;
    }
    StringBuilder msg = new StringBuilder(where.path() + ": unknown metric '" + metric + "' (");
    Optional<String> near = SpecMessages.nearest(metric, metrics);
    near.ifPresent(n -> msg.append("did you mean '").append(n).append("'? "));
    List<String> shown = new ArrayList<>(metrics.stream().filter(m -> !m.contains(".")).toList());
    msg.append("valid: ").append(String.join(", ", shown));
    if (shown.size() < metrics.size()) {
      msg.append(", and each prefixed with a workload name");
    }
    throw where.error(msg.append(')').toString());
  }
}
