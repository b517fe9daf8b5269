package dev.silica.explore;

import dev.silica.explore.spec.Objective;
import dev.silica.explore.store.ResultStore;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a sweep found: every recorded point in index order and the best of them.
 *
 * @param name sweep name
 * @param objectives the objectives
 * @param results every recorded point, sorted by index
 * @param evaluated points evaluated by this run
 * @param resumed points of this sweep found already finished in the store
 * @param elapsed wall-clock time of this run
 */
public record SweepReport(
    String name,
    List<Objective> objectives,
    List<ResultStore.Entry> results,
    int evaluated,
    int resumed,
    Duration elapsed) {
  public SweepReport {
    objectives = List.copyOf(objectives);
    results = List.copyOf(results);
  }

  public List<PointResult> pointResults() {
    return results.stream().map(ResultStore.Entry::result).toList();
  }

  public long feasibleCount() {
    return results.stream().filter(e -> e.result().feasible()).count();
  }

  public long infeasibleCount() {
    return results.size() - feasibleCount();
  }

  /** The Pareto front over the objectives (2 or 3), or the single best point for one objective. */
  public List<PointResult> best() {
    if (objectives.size() == 1) {
      return bestOf(objectives.getFirst()).map(List::of).orElse(List.of());
    }
    return ParetoFront.of(pointResults(), objectives);
  }

  /** The feasible point best in {@code objective} (lowest index on ties). */
  public Optional<PointResult> bestOf(Objective objective) {
    return results.stream()
        .filter(e -> e.result().feasible())
        .min(
            Comparator.<ResultStore.Entry>comparingDouble(
                    e -> objective.cost(e.result().metric(objective.metric())))
                .thenComparingLong(ResultStore.Entry::index))
        .map(ResultStore.Entry::result);
  }

  /** A short human-readable summary. */
  public String format() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%s: %d points (%d feasible, %d infeasible), %d evaluated, %d resumed, %.1f s%n",
            name,
            results.size(),
            feasibleCount(),
            infeasibleCount(),
            evaluated,
            resumed,
            elapsed.toMillis() / 1000.0));
    sb.append(objectives.size() == 1 ? "best (" : "Pareto front (")
        .append(String.join(", ", objectives.stream().map(Objective::toString).toList()))
        .append("):\n");
    for (PointResult r : best()) {
      sb.append("  ").append(r.hash()).append(' ').append(r.point()).append(' ');
      sb.append(
          String.join(
              ", ",
              objectives.stream().map(o -> o.metric() + "=" + r.metric(o.metric())).toList()));
      sb.append('\n');
    }
    return sb.toString();
  }
}
