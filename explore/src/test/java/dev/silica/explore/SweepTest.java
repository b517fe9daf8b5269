package dev.silica.explore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.explore.exec.LocalExecutor;
import dev.silica.explore.exec.ProgressReporter;
import dev.silica.explore.spec.SweepSpec;
import dev.silica.explore.store.ResultStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepTest {
  @TempDir Path dir;

  static final String GRID =
      """
      version: 1
      kind: sweep
      name: toy-grid
      axes:
        array.rows: {from: 16, to: 512, factor: 2}
        array.cols: [16, 32, 64, 128, 256, 512]
        sram.kib: {from: 64, to: 1024, factor: 4}
      constraints: ["area_mm2 <= 100"]
      objectives: [{minimize: energy_pj}, {maximize: throughput_inf_per_s}]
      """;

  static SweepSpec spec(String text) {
    return SweepSpec.parse("toy.yaml", text, ToyModel.SPACE);
  }

  static SweepReport run(SweepSpec spec, Evaluator model, int threads, Path file)
      throws InterruptedException {
    ResultStore store = ResultStore.open(file);
    try (LocalExecutor ex = new LocalExecutor(model, threads)) {
      return new Sweep(spec, ex, store, ProgressReporter.silent()).run();
    } finally {
      store.close();
    }
  }

  static String read(Path p) throws Exception {
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  @Test
  void gridEvaluatesEveryPointOnceAndRecordsInfeasibleReasons() throws Exception {
    ToyModel model = new ToyModel();
    SweepReport r = run(spec(GRID), model, 2, dir.resolve("grid.jsonl"));
    // 6 rows × 6 cols × 3 sram sizes
    assertThat(r.results()).hasSize(108);
    assertThat(model.totalCalls()).isEqualTo(108);
    assertThat(model.calls.values()).allMatch(c -> c.get() == 1);
    assertThat(r.results()).extracting(ResultStore.Entry::index).isSorted();
    assertThat(r.pointResults())
        .filteredOn(p -> !p.feasible())
        .extracting(PointResult::infeasibleReason)
        .contains("array of 131072 PEs exceeds 65536")
        .anyMatch(s -> s.matches("area_mm2 = 1[0-9.]+ violates area_mm2 <= 100"));
    assertThat(r.best()).isNotEmpty().allMatch(PointResult::feasible);
    assertThat(read(dir.resolve("grid.jsonl")).lines()).hasSize(108);
  }

  @Test
  void oneAndFourThreadsWriteIdenticalFiles() throws Exception {
    run(spec(GRID), new ToyModel(), 1, dir.resolve("t1.jsonl"));
    run(spec(GRID), new ToyModel(), 4, dir.resolve("t4.jsonl"));
    assertThat(read(dir.resolve("t4.jsonl"))).isEqualTo(read(dir.resolve("t1.jsonl")));
  }

  @Test
  void resumeAfterKillEvaluatesEachPointOnceAndMatchesOneShotRun() throws Exception {
    Path oneShot = dir.resolve("one-shot.jsonl");
    run(spec(GRID), new ToyModel(), 3, oneShot);

    // "kill" after half the points: a store holding 54 completed lines (in a scrambled completion
    // order) and a half-written 55th line
    Path resumed = dir.resolve("resumed.jsonl");
    List<String> lines = read(oneShot).lines().toList();
    StringBuilder partial = new StringBuilder();
    for (int i = 0; i < 54; i++) {
      partial.append(lines.get((i * 37) % 108)).append('\n');
    }
    String torn = lines.get(107);
    partial.append(torn, 0, torn.length() / 2);
    Files.writeString(resumed, partial);

    ToyModel model = new ToyModel();
    ResultStore store = ResultStore.open(resumed);
    assertThat(store.skippedLines()).isEqualTo(1);
    assertThat(store.size()).isEqualTo(54);
    SweepReport r;
    try (LocalExecutor ex = new LocalExecutor(model, 3)) {
      r = new Sweep(spec(GRID), ex, store, ProgressReporter.silent()).run();
    } finally {
      store.close();
    }
    assertThat(r.resumed()).isEqualTo(54);
    assertThat(r.evaluated()).isEqualTo(54);
    assertThat(model.totalCalls()).isEqualTo(54);
    assertThat(read(resumed)).isEqualTo(read(oneShot));

    // a third run finds everything done
    ToyModel idle = new ToyModel();
    SweepReport again = run(spec(GRID), idle, 3, resumed);
    assertThat(idle.totalCalls()).isZero();
    assertThat(again.resumed()).isEqualTo(108);
    assertThat(read(resumed)).isEqualTo(read(oneShot));
  }

  @Test
  void zipPairsTheIthValues() throws Exception {
    SweepSpec s =
        spec(
            """
            version: 1
            kind: sweep
            mode: zip
            axes:
              array.rows: [32, 64, 128]
              array.cols: [128, 64, 32]
            objectives: [{minimize: cycles}]
            """);
    assertThat(s.size()).isEqualTo(3);
    assertThat(s.expand(10))
        .containsExactly(
            DesignPoint.of("array.rows", 32, "array.cols", 128),
            DesignPoint.of("array.rows", 64, "array.cols", 64),
            DesignPoint.of("array.rows", 128, "array.cols", 32));
  }

  @Test
  void cartesianVariesTheLastAxisFastest() {
    SweepSpec s =
        spec(
            """
            version: 1
            kind: sweep
            axes:
              array.rows: [1, 2]
              array.cols: {from: 10, to: 30, step: 10}
            objectives: [{minimize: cycles}]
            """);
    assertThat(s.expand(10))
        .extracting(p -> p.get("array.rows") + "x" + p.get("array.cols"))
        .containsExactly("1x10", "1x20", "1x30", "2x10", "2x20", "2x30");
  }

  @Test
  void randomSamplingIsSeededDistinctAndBudgeted() throws Exception {
    String text =
        GRID.replace("name: toy-grid", "name: toy-random")
            + "seed: 7\nstrategy: {random: {n: 40}}\nbudget: {points: 30}\n";
    ToyModel model = new ToyModel();
    SweepReport a = run(spec(text), model, 4, dir.resolve("ra.jsonl"));
    run(spec(text), new ToyModel(), 1, dir.resolve("rb.jsonl"));
    assertThat(a.results()).hasSize(30);
    assertThat(model.totalCalls()).isEqualTo(30);
    assertThat(a.pointResults()).extracting(PointResult::hash).doesNotHaveDuplicates();
    assertThat(read(dir.resolve("ra.jsonl"))).isEqualTo(read(dir.resolve("rb.jsonl")));
    SweepReport other =
        run(spec(text.replace("seed: 7", "seed: 8")), new ToyModel(), 4, dir.resolve("rc.jsonl"));
    assertThat(other.pointResults()).isNotEqualTo(a.pointResults());
  }

  @Test
  void evolutionarySearchIsDeterministicForASeedAndThreadCount() throws Exception {
    String text =
        """
        version: 1
        kind: sweep
        name: toy-evo
        axes:
          array.rows: {from: 4, to: 1024, step: 4}
          array.cols: {from: 4, to: 1024, step: 4}
          sram.kib: {from: 16, to: 4096, factor: 2}
        constraints: ["area_mm2 <= 100"]
        objectives: [{minimize: energy_pj}, {maximize: throughput_inf_per_s}, {minimize: area_mm2}]
        seed: 11
        strategy: {evolutionary: {population: 24, generations: 8}}
        """;
    ToyModel m1 = new ToyModel();
    SweepReport a = run(spec(text), m1, 1, dir.resolve("e1.jsonl"));
    SweepReport b = run(spec(text), new ToyModel(), 4, dir.resolve("e4.jsonl"));
    assertThat(read(dir.resolve("e4.jsonl"))).isEqualTo(read(dir.resolve("e1.jsonl")));
    assertThat(b.best()).isEqualTo(a.best());
    // 65,536 × 9 points: far more than evaluated; each evaluated point once
    assertThat(spec(text).size()).isEqualTo(256L * 256 * 9);
    assertThat(a.evaluated()).isBetween(24, 24 * 8);
    assertThat(m1.calls.values()).allMatch(c -> c.get() == 1);
    assertThat(a.best()).isNotEmpty();

    // the search improves on its random first generation
    double firstGenBest =
        a.results().stream()
            .filter(e -> e.index() < 24 && e.result().feasible())
            .mapToDouble(e -> e.result().metric("energy_pj"))
            .min()
            .orElseThrow();
    double overallBest =
        a.pointResults().stream()
            .filter(PointResult::feasible)
            .mapToDouble(p -> p.metric("energy_pj"))
            .min()
            .orElseThrow();
    assertThat(overallBest).isLessThanOrEqualTo(firstGenBest);

    SweepReport c =
        run(spec(text.replace("seed: 11", "seed: 12")), new ToyModel(), 4, dir.resolve("e5.jsonl"));
    assertThat(c.pointResults()).isNotEqualTo(a.pointResults());
  }

  @Test
  void pointsBudgetLimitsNewEvaluationsOnly() throws Exception {
    Path file = dir.resolve("budget.jsonl");
    String text = GRID + "budget: {points: 50}\n";
    AtomicInteger calls = new AtomicInteger();
    ToyModel model = new ToyModel();
    Evaluator counting =
        p -> {
          calls.incrementAndGet();
          return model.evaluate(p);
        };
    assertThat(run(spec(text), counting, 2, file).results()).hasSize(50);
    assertThat(run(spec(text), counting, 2, file).results()).hasSize(100);
    assertThat(run(spec(text), counting, 2, file).results()).hasSize(108);
    assertThat(calls.get()).isEqualTo(108);
    Path oneShot = dir.resolve("one.jsonl");
    run(spec(GRID), new ToyModel(), 2, oneShot);
    assertThat(read(file)).isEqualTo(read(oneShot));
  }

  @Test
  void timeBudgetStopsEarlyAndAResumeFinishes() throws Exception {
    Path file = dir.resolve("timed.jsonl");
    SweepReport cut = run(spec(GRID + "budget: {seconds: 0.2}\n"), new ToyModel(20), 1, file);
    assertThat(cut.results().size()).isBetween(1, 107);
    SweepReport rest = run(spec(GRID), new ToyModel(), 2, file);
    assertThat(rest.results()).hasSize(108);
    assertThat(rest.resumed()).isEqualTo(cut.results().size());
  }

  @Test
  void anEvaluatorExceptionFailsTheSweep() {
    Evaluator broken =
        p -> {
          if (p.number("array.rows") == 64) {
            throw new ArithmeticException("boom");
          }
          return new ToyModel().evaluate(p);
        };
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> run(spec(GRID), broken, 2, dir.resolve("broken.jsonl")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("boom");
  }
}
