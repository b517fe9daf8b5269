package dev.silica.explore;

import dev.silica.explore.exec.LocalExecutor;
import dev.silica.explore.spec.Objective;
import dev.silica.explore.store.ResultStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Java API for searches a sweep file cannot express: adaptive refinement, custom stopping
 * rules, searches that pick the next points from the results so far. A study evaluates the points a
 * script asks for, in parallel, remembers every result (in memory or in a JSON Lines store, so a
 * rerun of the script skips finished points), and answers best-point, Pareto-front and report
 * queries over everything evaluated.
 *
 * <pre>{@code
 * var eval = AcceleratorEvaluator.onZoo("tpu-v1", "resnet50");
 * try (Study study = Study.of(eval, Path.of("out/search.jsonl"), 4)) {
 *   List<PointResult> first = study.evaluate(List.of(
 *       DesignPoint.of("array.rows", 64, "array.cols", 64),
 *       DesignPoint.of("array.rows", 128, "array.cols", 128)));
 *   // ... choose the next points from `first` ...
 *   PointResult best = study.best(Objective.minimize("energy_pj")).orElseThrow();
 *   SweepReportWriter.write(
 *       study.report("search", Objective.minimize("energy_pj"), Objective.minimize("time_s")),
 *       Path.of("out"), "search");
 * }
 * }</pre>
 *
 * <p>{@code scripts/AdaptiveArraySearch.java} is a complete example, run with {@code ./silica
 * script scripts/AdaptiveArraySearch.java}.
 *
 * <p><b>Determinism.</b> Each point gets the next index when a script first asks for it, in the
 * order of the list it came in; results are returned in that order whatever the thread count, and
 * the store file is rewritten in index order on {@link #close()}. A script whose choices depend
 * only on results is therefore deterministic.
 */
public final class Study implements AutoCloseable {
  private final LocalExecutor executor;
  private final ResultStore store;
  private final Map<String, Long> index = new HashMap<>();
  private final long startNanos = System.nanoTime();
  private long nextIndex;
  private int evaluated;
  private int resumed;

  private Study(Evaluator evaluator, ResultStore store, int threads) {
    this.executor = new LocalExecutor(evaluator, threads);
    this.store = store;
    for (ResultStore.Entry e : store.entries()) {
      nextIndex = Math.max(nextIndex, e.index() + 1);
    }
  }

  /** A study keeping results in memory, one thread per processor. */
  public static Study of(Evaluator evaluator) {
    return new Study(evaluator, ResultStore.inMemory(), Runtime.getRuntime().availableProcessors());
  }

  /**
   * A study appending results to the JSON Lines file {@code store} (reloading what an earlier run
   * finished), on {@code threads} threads.
   */
  public static Study of(Evaluator evaluator, Path store, int threads) {
    return new Study(evaluator, ResultStore.open(store), threads);
  }

  /** Evaluates one point (or returns its earlier result). */
  public PointResult evaluate(DesignPoint point) {
    return evaluate(List.of(point)).getFirst();
  }

  /**
   * Evaluates {@code points} in parallel, skipping those already known, and returns their results
   * in the same order.
   */
  public List<PointResult> evaluate(List<DesignPoint> points) {
    List<DesignPoint> todo = new ArrayList<>();
    for (DesignPoint p : points) {
      String h = p.hash();
      if (!index.containsKey(h)) {
        Optional<ResultStore.Entry> known = store.get(h);
        index.put(h, known.map(ResultStore.Entry::index).orElse(nextIndex));
        if (known.isPresent()) {
          resumed++;
        } else {
          nextIndex++;
          todo.add(p);
        }
      }
    }
    try {
      executor.evaluate(
          todo,
          r -> {
            if (store.record(index.get(r.hash()), r)) {
              synchronized (this) {
                evaluated++;
              }
            }
          });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while evaluating", e);
    }
    List<PointResult> out = new ArrayList<>(points.size());
    for (DesignPoint p : points) {
      out.add(store.get(p.hash()).orElseThrow().result());
    }
    return out;
  }

  /** Every result known to the study (this run's and the store's), in index order. */
  public List<PointResult> results() {
    return store.entries().stream().map(ResultStore.Entry::result).toList();
  }

  /** The feasible result best in {@code objective} (lowest index on ties). */
  public Optional<PointResult> best(Objective objective) {
    return report("best", objective).bestOf(objective);
  }

  /** The Pareto front over two or three objectives of every feasible result. */
  public List<PointResult> front(Objective... objectives) {
    return ParetoFront.of(results(), Arrays.asList(objectives));
  }

  /** A report over everything evaluated, for {@link SweepReportWriter}. */
  public SweepReport report(String name, Objective... objectives) {
    return new SweepReport(
        name,
        Arrays.asList(objectives),
        store.entries(),
        evaluated,
        resumed,
        Duration.ofNanos(System.nanoTime() - startNanos));
  }

  /** Rewrites the store in index order and stops the threads. */
  @Override
  public void close() {
    executor.close();
    store.finish();
    store.close();
  }
}
