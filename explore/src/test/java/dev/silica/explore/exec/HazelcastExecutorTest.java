package dev.silica.explore.exec;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import dev.silica.explore.DesignPoint;
import dev.silica.explore.Evaluator;
import dev.silica.explore.Evaluators;
import dev.silica.explore.PointResult;
import dev.silica.explore.Sweep;
import dev.silica.explore.SweepReport;
import dev.silica.explore.spec.ParameterSpace;
import dev.silica.explore.spec.SweepSpec;
import dev.silica.explore.store.ResultStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class HazelcastExecutorTest {
  @TempDir Path dir;

  private final String evaluatorName = "toy-" + UUID.randomUUID();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final Set<String> threads = ConcurrentHashMap.newKeySet();

  /** 200 points (20 × 10); each evaluation sleeps 10 ms so the sweep lasts long enough to cut. */
  private static final String SPEC =
      """
      version: 1
      kind: sweep
      name: hz
      axes:
        x: {from: 1, to: 20, step: 1}
        y: {from: 0.5, to: 5, step: 0.5}
      constraints: ["cost <= 60"]
      objectives: [{minimize: cost}, {maximize: speed}]
      """;

  private final Evaluator model =
      p -> {
        calls.computeIfAbsent(p.hash(), h -> new AtomicInteger()).incrementAndGet();
        threads.add(Thread.currentThread().getName());
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        double x = p.number("x");
        double y = p.number("y");
        if (x == 13) {
          return PointResult.infeasible(p, "x = 13 is unlucky");
        }
        return PointResult.feasible(
            p, Map.of("cost", x * y / 1.7 + Math.sin(x), "speed", Math.sqrt(x) * Math.log1p(y)));
      };

  @AfterEach
  void unregister() {
    Evaluators.unregister(evaluatorName);
  }

  private SweepSpec spec() {
    return SweepSpec.parse("hz.yaml", SPEC, ParameterSpace.of("x", "y"));
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void memberLossMidSweepStillRecordsEveryPointOnceIdenticalToLocal() throws Exception {
    Path local = dir.resolve("local.jsonl");
    ResultStore localStore = ResultStore.open(local);
    try (LocalExecutor ex = new LocalExecutor(model, 4)) {
      new Sweep(spec(), ex, localStore, ProgressReporter.silent()).run();
    }
    localStore.close();
    calls.clear();
    threads.clear();

    Evaluators.register(evaluatorName, model);
    int portA = HazelcastSettings.freeLoopbackPort();
    int portB = HazelcastSettings.freeLoopbackPort();
    List<String> members = List.of("127.0.0.1:" + portA, "127.0.0.1:" + portB);
    String cluster = "silica-test-" + UUID.randomUUID();
    long t0 = System.nanoTime();
    HazelcastInstance a =
        HazelcastExecutor.startMember(
            new HazelcastSettings(cluster, "127.0.0.1", portA, members, 2));
    HazelcastInstance b =
        HazelcastExecutor.startMember(
            new HazelcastSettings(cluster, "127.0.0.1", portB, members, 2));
    String bName = b.getName();
    try {
      assertThat(a.getCluster().getMembers()).hasSize(2);
      Path distributed = dir.resolve("hz.jsonl");
      ResultStore store = ResultStore.open(distributed);
      SweepReport report;
      Thread killer =
          new Thread(() -> {
            while (store.size() < 60) {
              Thread.onSpinWait();
            }
            b.getLifecycleService().terminate();
          });
      killer.start();
      try (HazelcastExecutor ex = new HazelcastExecutor(a, evaluatorName)) {
        report = new Sweep(spec(), ex, store, ProgressReporter.silent()).run();
      }
      killer.join();
      store.close();
      System.out.printf(
          "hazelcast failover sweep: %.1f s including member start-up%n",
          (System.nanoTime() - t0) / 1e9);

      assertThat(b.getLifecycleService().isRunning()).isFalse();
      // both members evaluated points (thread names carry the instance name)
      assertThat(threads).anyMatch(t -> t.contains(a.getName()));
      assertThat(threads).anyMatch(t -> t.contains(bName));
      assertThat(report.results()).hasSize(200);
      assertThat(report.pointResults()).extracting(PointResult::hash).doesNotHaveDuplicates();
      assertThat(Files.readAllLines(distributed)).hasSize(200);
      // every point ran at least once; those lost with member b ran again
      assertThat(calls).hasSize(200);
      assertThat(Files.readString(distributed)).isEqualTo(Files.readString(local));
    } finally {
      b.getLifecycleService().terminate();
      a.shutdown();
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void embeddedSingleMemberMatchesLocal() throws Exception {
    Evaluators.register(evaluatorName, model);
    SweepSpec small =
        SweepSpec.parse("hz.yaml", SPEC.replace("to: 20,", "to: 3,"), ParameterSpace.of("x", "y"));
    ResultStore s1 = ResultStore.inMemory();
    try (LocalExecutor ex = new LocalExecutor(model, 1)) {
      new Sweep(small, ex, s1, ProgressReporter.silent()).run();
    }
    ResultStore s2 = ResultStore.inMemory();
    try (HazelcastExecutor ex =
        HazelcastExecutor.start(HazelcastSettings.embedded(2), evaluatorName)) {
      assertThat(ex.parallelism()).isEqualTo(2);
      new Sweep(small, ex, s2, ProgressReporter.silent()).run();
    }
    assertThat(s2.entries()).isEqualTo(s1.entries()).hasSize(30);
    DesignPoint first = s2.entries().getFirst().result().point();
    assertThat(first).isEqualTo(DesignPoint.of("x", 1, "y", 0.5));
  }
}
