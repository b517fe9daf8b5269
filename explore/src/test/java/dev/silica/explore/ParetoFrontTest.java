package dev.silica.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silica.explore.spec.Objective;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ParetoFrontTest {
  private static List<PointResult> randomResults(Random rng, int n, int levels) {
    List<PointResult> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      DesignPoint p = DesignPoint.of("i", i);
      if (rng.nextInt(10) == 0) {
        out.add(PointResult.infeasible(p, "too big"));
        continue;
      }
      // few levels, so ties and duplicates are common
      out.add(
          PointResult.feasible(
              p,
              Map.of(
                  "a", (double) rng.nextInt(levels),
                  "b", (double) rng.nextInt(levels),
                  "c", rng.nextInt(levels) * 0.5)));
    }
    return out;
  }

  private static Set<PointResult> bruteForce(List<PointResult> rs, List<Objective> objs) {
    List<PointResult> f = rs.stream().filter(PointResult::feasible).toList();
    return f.stream()
        .filter(r ->
            f.stream()
                .noneMatch(o ->
                    ParetoFront.dominates(ParetoFront.costs(o, objs), ParetoFront.costs(r, objs))))
        .collect(Collectors.toSet());
  }

  @Test
  void twoAndThreeObjectivesMatchBruteForceOnSeededRandomSets() {
    Random rng = new Random(20261130);
    List<List<Objective>> objectiveSets =
        List.of(
            List.of(Objective.minimize("a"), Objective.minimize("b")),
            List.of(Objective.minimize("a"), Objective.maximize("b")),
            List.of(Objective.maximize("a"), Objective.maximize("c")),
            List.of(Objective.minimize("a"), Objective.maximize("b"), Objective.minimize("c")),
            List.of(Objective.maximize("a"), Objective.maximize("b"), Objective.maximize("c")));
    for (int trial = 0; trial < 200; trial++) {
      int n = rng.nextInt(60);
      int levels = 1 + rng.nextInt(12);
      List<PointResult> rs = randomResults(rng, n, levels);
      for (List<Objective> objs : objectiveSets) {
        List<PointResult> front = ParetoFront.of(rs, objs);
        assertThat(front).doesNotHaveDuplicates();
        assertThat(Set.copyOf(front))
            .as("trial %d %s", trial, objs)
            .isEqualTo(bruteForce(rs, objs));
      }
    }
  }

  @Test
  void frontIsOrderedByFirstObjective() {
    List<PointResult> rs =
        List.of(
            PointResult.feasible(DesignPoint.of("i", 0), Map.of("a", 3.0, "b", 1.0)),
            PointResult.feasible(DesignPoint.of("i", 1), Map.of("a", 1.0, "b", 3.0)),
            PointResult.feasible(DesignPoint.of("i", 2), Map.of("a", 2.0, "b", 2.0)),
            PointResult.feasible(DesignPoint.of("i", 3), Map.of("a", 3.0, "b", 3.0)));
    List<PointResult> front =
        ParetoFront.of(rs, List.of(Objective.minimize("a"), Objective.minimize("b")));
    assertThat(front).extracting(r -> r.point().get("i")).containsExactly(1L, 2L, 0L);
  }

  @Test
  void needsTwoOrThreeObjectives() {
    assertThatThrownBy(() -> ParetoFront.of(List.of(), List.of(Objective.minimize("a"))))
        .hasMessage("a Pareto front needs 2 or 3 objectives, got 1");
  }
}
