package dev.silica.explore;

import dev.silica.accelerators.Accelerators;
import dev.silica.accelerators.tpu.SystolicArrayModel;
import dev.silica.explore.spec.ParameterSpace;
import dev.silica.simulator.AcceleratorModel;
import dev.silica.simulator.RunOptions;
import dev.silica.simulator.result.Infeasible;
import dev.silica.simulator.result.RunResult;
import dev.silica.simulator.result.SimInvariants;
import dev.silica.simulator.spec.SpecKind;
import dev.silica.simulator.spec.SpecLoader;
import dev.silica.simulator.spec.SpecNode;
import dev.silica.workloads.ir.Graph;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Evaluates design points on the registered accelerator models: the bridge between a sweep spec's
 * {@code base:} and axes and {@link Accelerators}.
 *
 * <h2>How a point becomes a model</h2>
 *
 * <p>The base is resolved once to a complete configuration tree: a registry name ({@code tpu-v1}),
 * an accelerator spec file, or a spec mapping ({@code {model: tpu.systolic, preset: tpu-v1, array:
 * {rows: 64}}}). The tree is the model's own resolved-configuration echo ({@link
 * RunResult#config()}), so every key the model reads is a parameter: an axis {@code array.rows}
 * replaces that leaf, every other key keeps the base's value, and the merged tree goes back through
 * {@link Accelerators#fromSpec}. The axis {@value #ACCELERATOR} instead names a registry entry per
 * point ({@code [tpu-v1, eyeriss-like]}), for comparisons across models; it cannot be combined with
 * parameter axes. A combination the model rejects while binding (an fp16 weight on an int8 array)
 * is an infeasible point with the model's message, not an error: sweeps record it and go on. An
 * axis naming no key of the tree is a spec error before anything runs.
 *
 * <h2>Metrics</h2>
 *
 * <p>For one workload, the run's {@link RunResult#summary()} ({@code cycles}, {@code time_s},
 * {@code macs}, {@code utilization}, {@code energy_pj}, {@code area_um2}, {@code dram_bytes}) plus
 * {@code area_mm2 = area_um2 / 1e6}, {@code inferences_per_s = 1 / time_s} (one graph run is one
 * inference; a batch-N graph counts as one), {@code power_w = energy_pj · 1e-12 / time_s}, {@code
 * tops_per_w = 2 · macs / energy_pj} (one MAC is two ops; an op per pJ is a TOPS per W) and {@code
 * inferences_per_j = 1e12 / energy_pj}. For several workloads, each run's metrics prefixed with its
 * workload ({@code alexnet.energy_pj}) and the totals {@code cycles}, {@code time_s}, {@code macs},
 * {@code energy_pj}, {@code dram_bytes} (sums), {@code area_um2} and {@code area_mm2} (the area of
 * the one machine) and the derived metrics over the sums. Any infeasible workload makes the point
 * infeasible with that workload's reason.
 *
 * <p>Pure and deterministic: models are immutable and the analytical tier uses no randomness beyond
 * {@link RunOptions#seed()}, so a point gives bit-identical metrics on any thread or cluster
 * member.
 */
public final class AcceleratorEvaluator implements Evaluator {
  /** The axis that picks a registered accelerator per point. */
  public static final String ACCELERATOR = "accelerator";

  private final String baseLabel;
  private final AcceleratorModel baseModel;
  private final Map<String, Object> tree; // resolved config incl. "model: family"; null if unknown
  private final Map<String, Graph> workloads;
  private final RunOptions options;
  private final boolean weightFormatError;

  private AcceleratorEvaluator(
      String baseLabel,
      AcceleratorModel baseModel,
      Map<String, Object> tree,
      Map<String, Graph> workloads,
      RunOptions options,
      boolean weightFormatError) {
    this.weightFormatError = weightFormatError;
    this.baseLabel = baseLabel;
    this.baseModel = baseModel;
    this.tree = tree;
    this.workloads = workloads;
    this.options = options;
  }

  /**
   * An evaluator over {@code workloads} (name to graph, at least one) with the base accelerator
   * {@code base}: a registry name, a spec mapping (plain values as in a YAML file), a {@link Path}
   * to an accelerator spec, or null for none (then only the {@value #ACCELERATOR} axis is valid).
   */
  public static AcceleratorEvaluator of(Object base, Map<String, Graph> workloads) {
    return of(base, workloads, RunOptions.defaults());
  }

  /**
   * An evaluator over zoo models ({@code resnet50}) on {@code base} (see {@link #of(Object, Map)}).
   */
  public static AcceleratorEvaluator onZoo(Object base, String... zooModels) {
    Map<String, Graph> w = new LinkedHashMap<>();
    for (String m : zooModels) {
      w.put(m, SweepSetup.zooWorkload(m));
    }
    return of(base, w);
  }

  /** As {@link #of(Object, Map)} with explicit run options (fidelity, seed). */
  public static AcceleratorEvaluator of(
      Object base, Map<String, Graph> workloads, RunOptions options) {
    if (workloads.isEmpty()) {
      throw new IllegalArgumentException("workloads: must name at least one workload, got none");
    }
    Map<String, Graph> w = new LinkedHashMap<>(workloads);
    Objects.requireNonNull(options, "options");
    if (base == null) {
      return new AcceleratorEvaluator("-", null, null, w, options, false);
    }
    AcceleratorModel model;
    String label;
    String family = null;
    if (base instanceof String name) {
      model = Accelerators.create(name);
      label = name;
    } else if (base instanceof Path file) {
      if (!Files.isRegularFile(file)) {
        throw new UncheckedIOException(new NoSuchFileException(file.toString()));
      }
      SpecNode spec = SpecLoader.load(file, SpecKind.ACCELERATOR);
      model = Accelerators.fromSpec(spec);
      family = spec.string("model");
      label = file.getFileName().toString();
    } else if (base instanceof Map<?, ?> m) {
      SpecNode spec = SpecNode.fromPlain("base", m);
      model = Accelerators.fromSpec(spec);
      family = spec.string("model");
      label = model.name();
    } else {
      throw new IllegalArgumentException(
          "base: must be an accelerator name, a spec mapping or a spec file, got " + base);
    }
    return new AcceleratorEvaluator(
        label,
        model,
        resolvedTree(model, family, w.values().iterator().next(), options),
        w,
        options,
        false);
  }

  /**
   * The model's resolved configuration with its {@code model:} family, or null when no family
   * rebuilds it.
   */
  private static Map<String, Object> resolvedTree(
      AcceleratorModel model, String family, Graph probe, RunOptions options) {
    Map<String, Object> echo;
    if (model instanceof SystolicArrayModel s) {
      echo = s.config().toMap();
    } else if (model instanceof dev.silica.accelerators.eie.EieModel e) {
      echo = e.config().toMap();
    } else {
      echo = model.run(probe, options).config(); // feasible or not, a run echoes its config
    }
    List<String> families = new ArrayList<>();
    if (family != null) {
      families.add(family);
    } else {
      families.addAll(new java.util.TreeSet<>(Accelerators.families()));
    }
    for (String f : families) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("model", f);
      echo.forEach((k, v) -> {
        if (!k.equals("model")) {
          t.put(k, v);
        }
      });
      try {
        Accelerators.fromSpec(SpecNode.fromPlain("base", t));
        return t;
      } catch (IllegalArgumentException e) {
        // not this family
      }
    }
    return null;
  }

  /**
   * This evaluator also computing {@value WeightFormatError#METRIC} ({@link WeightFormatError})
   * from each point's {@code formats.weights}.
   *
   * @throws IllegalArgumentException when the base has no {@code formats.weights} parameter
   */
  public AcceleratorEvaluator withWeightFormatError() {
    if (tree == null || !space().contains(WEIGHTS_FORMAT)) {
      throw new IllegalArgumentException(
          WeightFormatError.METRIC
              + " needs a base accelerator with a "
              + WEIGHTS_FORMAT
              + " parameter (a systolic array), got "
              + baseLabel);
    }
    return new AcceleratorEvaluator(baseLabel, baseModel, tree, workloads, options, true);
  }

  private static final String WEIGHTS_FORMAT = "formats.weights";

  /** The base accelerator's name, file or {@code -}. */
  public String baseLabel() {
    return baseLabel;
  }

  /** The workloads, in order. */
  public Map<String, Graph> workloads() {
    return java.util.Collections.unmodifiableMap(workloads);
  }

  /**
   * The parameters a sweep may vary: every leaf of the resolved base configuration as a dotted key
   * ({@code array.rows}, {@code formats.weights}), except {@code model} and {@code name}, plus
   * {@value #ACCELERATOR}.
   */
  public ParameterSpace space() {
    Set<String> keys = new LinkedHashSet<>();
    keys.add(ACCELERATOR);
    if (tree != null) {
      leaves("", tree, keys);
      keys.remove("model");
      keys.remove("name");
    }
    return new ParameterSpace(keys, false);
  }

  private static void leaves(String prefix, Map<?, ?> m, Set<String> out) {
    m.forEach((k, v) -> {
      String key = prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k;
      if (v instanceof Map<?, ?> sub) {
        leaves(key, sub, out);
      } else {
        out.add(key);
      }
    });
  }

  /**
   * The model of {@code point}: the registry entry its {@value #ACCELERATOR} names, or the base
   * with the point's parameters set.
   *
   * @throws IllegalArgumentException when the model rejects the combination (the message says why)
   */
  public AcceleratorModel model(DesignPoint point) {
    Map<String, Object> params = point.params();
    if (params.containsKey(ACCELERATOR)) {
      if (params.size() > 1) {
        throw new IllegalArgumentException(
            "axis '"
                + ACCELERATOR
                + "' cannot be combined with parameter axes, got "
                + params.keySet());
      }
      return Accelerators.create(String.valueOf(params.get(ACCELERATOR)));
    }
    if (params.isEmpty()) {
      return requireBase();
    }
    if (tree == null) {
      requireBase();
      throw new IllegalArgumentException(
          "base " + baseLabel + ": no model family rebuilds it, so its parameters cannot vary");
    }
    Map<String, Object> merged = deepCopy(tree);
    params.forEach((k, v) -> set(merged, k, v));
    return Accelerators.fromSpec(SpecNode.fromPlain("design point", merged));
  }

  private AcceleratorModel requireBase() {
    if (baseModel == null) {
      throw new IllegalArgumentException(
          "sweep has no base accelerator (set base: or vary '" + ACCELERATOR + "')");
    }
    return baseModel;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> deepCopy(Map<String, Object> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach(
        (k, v) -> out.put(k, v instanceof Map<?, ?> sub ? deepCopy((Map<String, Object>) sub) : v));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void set(Map<String, Object> tree, String dotted, Object value) {
    String[] parts = dotted.split("\\.");
    Map<String, Object> m = tree;
    for (int i = 0; i < parts.length - 1; i++) {
      Object sub = m.get(parts[i]);
      if (!(sub instanceof Map<?, ?>)) {
        throw new IllegalArgumentException(dotted + ": names no parameter of the base");
      }
      m = (Map<String, Object>) sub;
    }
    if (!m.containsKey(parts[parts.length - 1])) {
      throw new IllegalArgumentException(dotted + ": names no parameter of the base");
    }
    m.put(parts[parts.length - 1], value);
  }

  @Override
  public PointResult evaluate(DesignPoint point) {
    AcceleratorModel model;
    try {
      model = model(point);
    } catch (IllegalArgumentException e) {
      return PointResult.infeasible(point, "invalid configuration: " + e.getMessage());
    }
    Map<String, RunResult> runs = new LinkedHashMap<>();
    for (Map.Entry<String, Graph> w : workloads.entrySet()) {
      RunResult r = SimInvariants.check(model.run(w.getValue(), options));
      if (r.feasibility() instanceof Infeasible i) {
        return PointResult.infeasible(
            point, workloads.size() == 1 ? i.reason() : w.getKey() + ": " + i.reason());
      }
      runs.put(w.getKey(), r);
    }
    Map<String, Double> m = metrics(runs);
    if (weightFormatError) {
      String format = String.valueOf(weightsFormat(point));
      double worst = 0;
      for (Map.Entry<String, Graph> w : workloads.entrySet()) {
        double e = WeightFormatError.of(w.getValue(), format);
        worst = Math.max(worst, e);
        if (workloads.size() > 1) {
          m.put(w.getKey() + "." + WeightFormatError.METRIC, e);
        }
      }
      m.put(WeightFormatError.METRIC, worst);
    }
    return PointResult.feasible(point, m);
  }

  @SuppressWarnings("unchecked")
  private Object weightsFormat(DesignPoint point) {
    Object v = point.params().get(WEIGHTS_FORMAT);
    return v != null ? v : ((Map<String, Object>) tree.get("formats")).get("weights");
  }

  /** Metrics of one run: the run summary's keys, then the derived ones. */
  public static final List<String> RUN_METRICS =
      List.of(
          "cycles",
          "time_s",
          "macs",
          "utilization",
          "energy_pj",
          "area_um2",
          "dram_bytes",
          "area_mm2",
          "inferences_per_s",
          "power_w",
          "tops_per_w",
          "inferences_per_j");

  /** Totals over several workloads (see the class comment). */
  private static final List<String> TOTAL_METRICS =
      List.of(
          "cycles",
          "time_s",
          "macs",
          "energy_pj",
          "area_um2",
          "dram_bytes",
          "area_mm2",
          "inferences_per_s",
          "power_w",
          "tops_per_w",
          "inferences_per_j");

  /** The names of the metrics a feasible point carries, in order. */
  public List<String> metricNames() {
    List<String> out = new ArrayList<>(workloads.size() == 1 ? RUN_METRICS : TOTAL_METRICS);
    if (weightFormatError) {
      out.add(WeightFormatError.METRIC);
    }
    if (workloads.size() > 1) {
      for (String w : workloads.keySet()) {
        for (String m : RUN_METRICS) {
          out.add(w + "." + m);
        }
        if (weightFormatError) {
          out.add(w + "." + WeightFormatError.METRIC);
        }
      }
    }
    return out;
  }

  /** The metrics of the class comment for feasible {@code runs} (one per workload, same model). */
  public static Map<String, Double> metrics(Map<String, RunResult> runs) {
    Map<String, Double> m = new LinkedHashMap<>();
    if (runs.size() == 1) {
      RunResult r = runs.values().iterator().next();
      r.summary().forEach((k, v) -> m.put(k, v.doubleValue()));
      derived(m, r.totals().macs(), r.timeSeconds(), r.energyPj(), r.areaUm2());
      return m;
    }
    double cycles = 0;
    double time = 0;
    double macs = 0;
    double energy = 0;
    double dram = 0;
    double area = 0;
    for (Map.Entry<String, RunResult> e : runs.entrySet()) {
      RunResult r = e.getValue();
      Map<String, Double> one = new LinkedHashMap<>();
      r.summary().forEach((k, v) -> one.put(k, v.doubleValue()));
      derived(one, r.totals().macs(), r.timeSeconds(), r.energyPj(), r.areaUm2());
      one.forEach((k, v) -> m.put(e.getKey() + "." + k, v));
      cycles += r.cycles();
      time += r.timeSeconds();
      macs += r.totals().macs();
      energy += r.energyPj();
      dram += r.dramBytes();
      area = Math.max(area, r.areaUm2());
    }
    m.put("cycles", cycles);
    m.put("time_s", time);
    m.put("macs", macs);
    m.put("energy_pj", energy);
    m.put("area_um2", area);
    m.put("dram_bytes", dram);
    derived(m, macs, time, energy, area);
    return m;
  }

  private static void derived(
      Map<String, Double> m, double macs, double timeS, double energyPj, double areaUm2) {
    m.put("area_mm2", areaUm2 / 1e6);
    m.put("inferences_per_s", timeS > 0 ? 1 / timeS : 0.0);
    m.put("power_w", timeS > 0 ? energyPj * 1e-12 / timeS : 0.0);
    m.put("tops_per_w", energyPj > 0 ? 2 * macs / energyPj : 0.0);
    m.put("inferences_per_j", energyPj > 0 ? 1e12 / energyPj : 0.0);
  }
}
