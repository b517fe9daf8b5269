package dev.silica.explore;

import dev.silica.explore.spec.Objective;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The non-dominated feasible results over two or three objectives. A result dominates another when
 * it is no worse in every objective and strictly better in one; results equal in every objective do
 * not dominate each other and are all kept. Two objectives take O(n log n) (sort, then sweep);
 * three take O(n²).
 */
public final class ParetoFront {
  private ParetoFront() {}

  /**
   * The Pareto-optimal feasible results, ordered by the first objective (best first), then the
   * second, third, then input order. Infeasible results are skipped.
   */
  public static List<PointResult> of(List<PointResult> results, List<Objective> objectives) {
    if (objectives.size() < 2 || objectives.size() > 3) {
      throw new IllegalArgumentException(
          "a Pareto front needs 2 or 3 objectives, got " + objectives.size());
    }
    List<PointResult> feasible = results.stream().filter(PointResult::feasible).toList();
    double[][] costs = new double[feasible.size()][];
    for (int i = 0; i < costs.length; i++) {
      costs[i] = costs(feasible.get(i), objectives);
    }
    int[] front = indices(costs);
    List<PointResult> out = new ArrayList<>(front.length);
    for (int i : front) {
      out.add(feasible.get(i));
    }
    return out;
  }

  /** The costs (to minimize) of {@code r} under {@code objectives}. */
  public static double[] costs(PointResult r, List<Objective> objectives) {
    double[] c = new double[objectives.size()];
    for (int k = 0; k < c.length; k++) {
      c[k] = objectives.get(k).cost(r.metric(objectives.get(k).metric()));
    }
    return c;
  }

  /**
   * Indices of the non-dominated rows of {@code costs} (all minimized, 2 or 3 columns), ordered
   * lexicographically by cost then index.
   */
  public static int[] indices(double[][] costs) {
    int n = costs.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Comparator<Integer> lex =
        (a, b) -> {
          int c = Arrays.compare(costs[a], costs[b]);
          return c != 0 ? c : Integer.compare(a, b);
        };
    Arrays.sort(order, lex);
    List<Integer> front = new ArrayList<>();
    if (n > 0 && costs[0].length == 2) {
      double bestY = Double.POSITIVE_INFINITY;
      double xAtBest = Double.NaN;
      for (int i : order) {
        double x = costs[i][0];
        double y = costs[i][1];
        if (y < bestY || (y == bestY && x == xAtBest)) {
          front.add(i);
          bestY = y;
          xAtBest = x;
        }
      }
    } else {
      for (int i : order) {
        boolean dominated = false;
        for (int j = 0; j < n && !dominated; j++) {
          dominated = j != i && dominates(costs[j], costs[i]);
        }
        if (!dominated) {
          front.add(i);
        }
      }
    }
    return front.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * True when {@code a} is no worse than {@code b} everywhere and better somewhere (minimizing).
   */
  public static boolean dominates(double[] a, double[] b) {
    boolean better = false;
    for (int k = 0; k < a.length; k++) {
      if (a[k] > b[k]) {
        return false;
      }
      better |= a[k] < b[k];
    }
    return better;
  }
}
