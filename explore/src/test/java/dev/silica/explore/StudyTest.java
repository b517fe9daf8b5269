package dev.silica.explore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.explore.spec.Objective;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyTest {
  @TempDir Path dir;

  static List<DesignPoint> grid(int from, int to) {
    List<DesignPoint> out = new ArrayList<>();
    for (int r = from; r <= to; r *= 2) {
      for (int c = from; c <= to; c *= 2) {
        out.add(DesignPoint.of("array.rows", r, "array.cols", c));
      }
    }
    return out;
  }

  @Test
  void evaluatesEachPointOnceAndAnswersInRequestOrder() {
    ToyModel model = new ToyModel();
    try (Study s = Study.of(model)) {
      List<DesignPoint> a = grid(16, 128); // 16 points
      List<PointResult> ra = s.evaluate(a);
      assertThat(ra).extracting(PointResult::point).containsExactlyElementsOf(a);
      List<DesignPoint> b = grid(64, 512); // 16 points, 64..128 x 64..128 (4) already known
      s.evaluate(b);
      assertThat(model.totalCalls()).isEqualTo(16 + 16 - 4);
      assertThat(model.calls.values()).allMatch(c -> c.get() == 1);
      assertThat(s.results()).hasSize(28);
      assertThat(s.evaluate(a.get(3))).isEqualTo(ra.get(3));
    }
  }

  @Test
  void bestAndFrontAgreeWithASweepOverTheSamePoints() {
    ToyModel model = new ToyModel();
    try (Study s = Study.of(model)) {
      s.evaluate(grid(16, 512));
      Objective e = Objective.minimize("energy_pj");
      Objective t = Objective.maximize("throughput_inf_per_s");
      List<PointResult> all = s.results();
      double min =
          all.stream()
              .filter(PointResult::feasible)
              .mapToDouble(p -> p.metric("energy_pj"))
              .min()
              .orElseThrow();
      assertThat(s.best(e).orElseThrow().metric("energy_pj")).isEqualTo(min);
      assertThat(s.front(e, t)).isEqualTo(ParetoFront.of(all, List.of(e, t)));
      assertThat(s.report("toy", e, t).best()).isEqualTo(s.front(e, t));
    }
  }

  @Test
  void aStoreFileMakesARerunFreeAndIsIdenticalForAnyThreadCount() throws Exception {
    Path one = dir.resolve("one.jsonl");
    Path four = dir.resolve("four.jsonl");
    try (Study s = Study.of(new ToyModel(), one, 1)) {
      s.evaluate(grid(16, 256));
      s.evaluate(grid(32, 512));
    }
    try (Study s = Study.of(new ToyModel(), four, 4)) {
      s.evaluate(grid(16, 256));
      s.evaluate(grid(32, 512));
    }
    assertThat(Files.readString(four)).isEqualTo(Files.readString(one));
    ToyModel idle = new ToyModel();
    try (Study s = Study.of(idle, one, 2)) {
      assertThat(s.evaluate(grid(32, 256))).allMatch(p -> p.point() != null);
      assertThat(s.report("again", Objective.minimize("energy_pj")).resumed()).isEqualTo(16);
    }
    assertThat(idle.totalCalls()).isZero();
  }
}
