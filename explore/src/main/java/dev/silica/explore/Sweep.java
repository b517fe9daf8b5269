package dev.silica.explore;

import dev.silica.explore.exec.ProgressReporter;
import dev.silica.explore.exec.SweepExecutor;
import dev.silica.explore.spec.Axis;
import dev.silica.explore.spec.Constraint;
import dev.silica.explore.spec.Objective;
import dev.silica.explore.spec.Strategy;
import dev.silica.explore.spec.SweepSpec;
import dev.silica.explore.store.ResultStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Runs a sweep: generates points with the spec's strategy, skips those already in the store,
 * evaluates the rest on an executor, applies the constraints, records each result once, and reports
 * the best.
 *
 * <p><b>Determinism.</b> Point generation uses only the spec's seed and results already known,
 * never completion order: grid and random points are fixed up front, and the evolutionary search
 * evaluates a whole generation, then selects from it in index order. Results and the final store
 * file are therefore identical for any executor and thread count (unless a time budget cuts the run
 * short).
 */
public final class Sweep {
  /** Largest grid that is enumerated up front. */
  public static final long MAX_GRID = 10_000_000L;

  private final SweepSpec spec;
  private final SweepExecutor executor;
  private final ResultStore store;
  private final ProgressReporter progress;
  private long startNanos;
  private long evaluated;
  private int resumed;

  public Sweep(
      SweepSpec spec, SweepExecutor executor, ResultStore store, ProgressReporter progress) {
    this.spec = spec;
    this.executor = executor;
    this.store = store;
    this.progress = progress;
  }

  /** Runs to completion or budget, rewrites the store in index order and reports. */
  public SweepReport run() throws InterruptedException {
    startNanos = System.nanoTime();
    evaluated = 0;
    resumed = 0;
    switch (spec.strategy()) {
      case Strategy.Grid g -> runFixed(gridPoints());
      case Strategy.Random r -> runFixed(samplePoints(r.n()));
      case Strategy.Evolutionary e -> runEvolutionary(e);
    }
    progress.finish();
    store.finish();
    return new SweepReport(
        spec.name(),
        spec.objectives(),
        store.entries(),
        (int) evaluated,
        resumed,
        Duration.ofNanos(System.nanoTime() - startNanos));
  }

  /** Applies the constraints: a feasible result violating one becomes infeasible, metrics kept. */
  public static PointResult constrain(PointResult r, List<Constraint> constraints) {
    if (!r.feasible()) {
      return r;
    }
    for (Constraint c : constraints) {
      double v = r.metric(c.metric());
      if (!c.test(v)) {
        return PointResult.infeasible(r.point(), c.violation(v), r.metrics());
      }
    }
    return r;
  }

  // ---- grid and random ----

  private List<DesignPoint> gridPoints() {
    long n = spec.size();
    long limit = spec.budget().points().orElse(Long.MAX_VALUE);
    if (n > MAX_GRID && limit >= MAX_GRID) {
      throw new IllegalStateException(
          "sweep "
              + spec.name()
              + " has "
              + n
              + " points; give a points budget or use random or evolutionary search");
    }
    List<DesignPoint> out = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      out.add(spec.pointAt(i));
    }
    return out;
  }

  /** {@code n} distinct points, uniformly without replacement, seeded. */
  List<DesignPoint> samplePoints(int n) {
    long size = spec.size();
    Random rng = new Random(spec.seed());
    List<DesignPoint> out = new ArrayList<>();
    if (size <= Math.max(4L * n, 1 << 20)) {
      int s = (int) Math.min(size, Integer.MAX_VALUE);
      int[] perm = new int[s];
      for (int i = 0; i < s; i++) {
        perm[i] = i;
      }
      int take = Math.min(n, s);
      for (int i = 0; i < take; i++) {
        int j = i + rng.nextInt(s - i);
        int t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
        out.add(spec.pointAt(perm[i]));
      }
    } else {
      Set<Long> seen = new HashSet<>();
      while (out.size() < n) {
        long i = Math.floorMod(rng.nextLong(), size);
        if (seen.add(i)) {
          out.add(spec.pointAt(i));
        }
      }
    }
    return out;
  }

  private void runFixed(List<DesignPoint> points) throws InterruptedException {
    List<DesignPoint> todo = new ArrayList<>();
    Map<String, Long> index = new HashMap<>();
    for (int i = 0; i < points.size(); i++) {
      DesignPoint p = points.get(i);
      String h = p.hash();
      index.putIfAbsent(h, (long) i);
      if (store.contains(h)) {
        resumed++;
      } else {
        todo.add(p);
      }
    }
    long limit = spec.budget().points().orElse(Long.MAX_VALUE);
    if (todo.size() > limit) {
      todo = todo.subList(0, (int) limit);
    }
    progress.start(spec.name(), todo.size());
    evaluateAll(todo, index);
  }

  /** Evaluates {@code todo}, in chunks when a time budget applies. */
  private void evaluateAll(List<DesignPoint> todo, Map<String, Long> index)
      throws InterruptedException {
    int chunk =
        spec.budget().time().isPresent()
            ? Math.max(1, executor.parallelism() * 2)
            : Math.max(1, todo.size());
    for (int from = 0; from < todo.size() && !outOfTime(); from += chunk) {
      List<DesignPoint> part = todo.subList(from, Math.min(todo.size(), from + chunk));
      executor.evaluate(
          part,
          r -> {
            PointResult c = constrain(r, spec.constraints());
            if (store.record(index.get(c.hash()), c)) {
              synchronized (this) {
                evaluated++;
              }
            }
            progress.step();
          });
    }
  }

  private boolean outOfTime() {
    return spec.budget()
        .time()
        .map(d -> System.nanoTime() - startNanos >= d.toNanos())
        .orElse(false);
  }

  // ---- evolutionary ----

  private void runEvolutionary(Strategy.Evolutionary ev) throws InterruptedException {
    List<Axis> axes = spec.axes();
    Random rng = new Random(spec.seed());
    Map<String, Long> index = new HashMap<>();
    long limit = spec.budget().points().orElse(Long.MAX_VALUE);
    long size = spec.size();
    int pop = (int) Math.min(ev.population(), size);
    progress.start(spec.name(), 0);

    List<int[]> population = new ArrayList<>();
    Set<String> inGen = new HashSet<>();
    int guard = 0;
    while (population.size() < pop && guard++ < 100 * pop) {
      int[] g = new int[axes.size()];
      for (int k = 0; k < g.length; k++) {
        g[k] = rng.nextInt(axes.get(k).size());
      }
      if (inGen.add(Arrays.toString(g))) {
        population.add(g);
      }
    }
    long newCount = 0;
    for (int gen = 0; gen < ev.generations(); gen++) {
      // assign indices in generation order, evaluate the new ones
      List<DesignPoint> todo = new ArrayList<>();
      for (int[] g : population) {
        DesignPoint p = spec.pointOf(g);
        String h = p.hash();
        if (!index.containsKey(h)) {
          index.put(h, (long) index.size());
          if (store.contains(h)) {
            resumed++;
          } else if (newCount < limit) {
            todo.add(p);
            newCount++;
          }
        }
      }
      progress.addTotal(todo.size());
      evaluateAll(todo, index);
      if (gen == ev.generations() - 1 || newCount >= limit || outOfTime()) {
        break;
      }
      population = nextGeneration(population, rng, pop);
    }
  }

  private List<int[]> nextGeneration(List<int[]> population, Random rng, int pop) {
    List<Objective> objectives = spec.objectives();
    int n = population.size();
    double[][] costs = new double[n][];
    for (int i = 0; i < n; i++) {
      PointResult r =
          store.get(spec.pointOf(population.get(i)).hash()).map(e -> e.result()).orElse(null);
      costs[i] = r != null && r.feasible() ? ParetoFront.costs(r, objectives) : null;
    }
    int[] rank = ranks(costs);
    List<int[]> next = new ArrayList<>();
    Set<String> inNext = new HashSet<>();
    for (int i = 0; i < n && next.size() < pop / 2; i++) {
      if (rank[i] == 0 && inNext.add(Arrays.toString(population.get(i)))) {
        next.add(population.get(i));
      }
    }
    int attempts = 0;
    while (next.size() < pop && attempts++ < 50 * pop) {
      int[] a = population.get(tournament(rank, rng));
      int[] b = population.get(tournament(rank, rng));
      int[] child = new int[a.length];
      for (int k = 0; k < child.length; k++) {
        child[k] = rng.nextBoolean() ? a[k] : b[k];
      }
      mutate(child, rng);
      if (Arrays.equals(child, a) || Arrays.equals(child, b)) {
        mutateOne(child, rng);
      }
      if (inNext.add(Arrays.toString(child))) {
        next.add(child);
      }
    }
    return next;
  }

  private void mutate(int[] g, Random rng) {
    double p = 1.0 / g.length;
    for (int k = 0; k < g.length; k++) {
      if (rng.nextDouble() < p) {
        mutateAt(g, k, rng);
      }
    }
  }

  private void mutateOne(int[] g, Random rng) {
    mutateAt(g, rng.nextInt(g.length), rng);
  }

  private void mutateAt(int[] g, int k, Random rng) {
    int size = spec.axes().get(k).size();
    if (size > 1) {
      int v = rng.nextInt(size - 1);
      g[k] = v >= g[k] ? v + 1 : v;
    }
  }

  private static int tournament(int[] rank, Random rng) {
    int a = rng.nextInt(rank.length);
    int b = rng.nextInt(rank.length);
    return rank[b] < rank[a] ? b : a;
  }

  /** Non-domination layer of each row (0 = Pareto front); infeasible (null) rows rank last. */
  static int[] ranks(double[][] costs) {
    int n = costs.length;
    int[] rank = new int[n];
    Arrays.fill(rank, -1);
    int assigned = 0;
    for (int i = 0; i < n; i++) {
      if (costs[i] == null) {
        rank[i] = Integer.MAX_VALUE;
        assigned++;
      }
    }
    for (int layer = 0; assigned < n; layer++) {
      List<Integer> current = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (rank[i] != -1) {
          continue;
        }
        boolean dominated = false;
        for (int j = 0; j < n && !dominated; j++) {
          dominated = j != i && rank[j] == -1 && ParetoFront.dominates(costs[j], costs[i]);
        }
        if (!dominated) {
          current.add(i);
        }
      }
      for (int i : current) {
        rank[i] = layer;
      }
      assigned += current.size();
    }
    return rank;
  }
}
