package dev.silica.reports;

import dev.silica.simulator.result.RunResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Several runs side by side: accelerators, number formats or configurations of one sweep. Each run
 * is a {@link RunReport}; the comparison adds a short unique label per run and the config keys
 * whose values differ between runs (the sweep's axes).
 *
 * <p>Labels: the accelerator name when every run has the same model, the model name when every run
 * has the same accelerator, else {@code model @ accelerator}; a repeated label gets {@code #2},
 * {@code #3}, ... in run order.
 *
 * @param runs the runs, in the order given
 * @param labels one unique label per run
 */
public record ComparisonReport(List<RunReport> runs, List<String> labels) {
  public ComparisonReport {
    runs = List.copyOf(runs);
    labels = List.copyOf(labels);
    if (runs.size() != labels.size()) {
      throw new IllegalArgumentException(
          "comparison: " + runs.size() + " runs but " + labels.size() + " labels");
    }
  }

  /** Derives a report per run and labels them. */
  public static ComparisonReport of(List<RunResult> results) {
    List<RunReport> runs = new ArrayList<>();
    for (RunResult r : results) {
      runs.add(RunReport.of(Objects.requireNonNull(r, "run")));
    }
    return new ComparisonReport(runs, labels(runs));
  }

  /** The run labelled {@code label}. */
  public RunReport run(String label) {
    int i = labels.indexOf(label);
    if (i < 0) {
      throw new IllegalArgumentException(
          "comparison: no run '" + label + "' (runs: " + labels + ")");
    }
    return runs.get(i);
  }

  /**
   * Config keys whose values differ between runs (a key missing from a run counts as a difference),
   * in first-seen order.
   */
  public List<String> varyingConfigKeys() {
    Set<String> all = new LinkedHashSet<>();
    runs.forEach(r -> all.addAll(r.config().keySet()));
    List<String> out = new ArrayList<>();
    for (String k : all) {
      Set<String> values = new LinkedHashSet<>();
      for (RunReport r : runs) {
        values.add(String.valueOf(r.config().get(k)));
      }
      if (values.size() > 1) {
        out.add(k);
      }
    }
    return out;
  }

  /** The union of energy components over the runs, in first-seen order. */
  public List<String> energyComponents() {
    Set<String> all = new LinkedHashSet<>();
    runs.forEach(r -> all.addAll(r.energyComponents()));
    return List.copyOf(all);
  }

  /** Label → run, in order. */
  public Map<String, RunReport> byLabel() {
    Map<String, RunReport> m = new LinkedHashMap<>();
    for (int i = 0; i < runs.size(); i++) {
      m.put(labels.get(i), runs.get(i));
    }
    return m;
  }

  private static List<String> labels(List<RunReport> runs) {
    Set<String> models = new LinkedHashSet<>();
    Set<String> accels = new LinkedHashSet<>();
    runs.forEach(r -> {
      models.add(r.model());
      accels.add(r.accelerator());
    });
    List<String> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (RunReport r : runs) {
      String base =
          models.size() <= 1
              ? r.accelerator()
              : accels.size() <= 1 ? r.model() : r.model() + " @ " + r.accelerator();
      int n = seen.merge(base, 1, Integer::sum);
      out.add(n == 1 ? base : base + " #" + n);
    }
    return out;
  }
}
