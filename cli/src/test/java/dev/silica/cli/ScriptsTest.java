package dev.silica.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.accelerators.Accelerators;
import dev.silica.explore.AcceleratorEvaluator;
import dev.silica.explore.Sweep;
import dev.silica.explore.SweepReport;
import dev.silica.explore.SweepSetup;
import dev.silica.explore.exec.LocalExecutor;
import dev.silica.explore.exec.ProgressReporter;
import dev.silica.explore.spec.Axis;
import dev.silica.explore.spec.Budget;
import dev.silica.explore.spec.ParameterSpace;
import dev.silica.explore.spec.SweepSpec;
import dev.silica.explore.store.ResultStore;
import dev.silica.workloads.ir.Graph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example sweep in {@code scripts/} loads, and those whose accelerators are registered run a
 * few points (a points budget of 4) end to end. A sweep naming an accelerator not registered yet is
 * skipped, saying which.
 */
class ScriptsTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /** Workload names as the command line reads them, with paths relative to the repository. */
  static Graph workload(String name) {
    if (name.startsWith("ir:")) {
      return IrSources.load("ir:" + ROOT.resolve(name.substring(3)));
    }
    return IrSources.load(name);
  }

  @TestFactory
  Stream<DynamicTest> everyExampleSweepLoadsAndTheRunnableOnesRun() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(ROOT.resolve("scripts"))) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(4);
    return files.stream()
        .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
  }

  static void check(Path file) throws Exception {
    SweepSpec loose =
        SweepSpec.parse(file.toString(), Files.readString(file), ParameterSpace.any());
    List<String> needed = new ArrayList<>();
    if (loose.base() instanceof String s && !s.endsWith(".yaml")) {
      needed.add(s);
    }
    for (Axis a : loose.axes()) {
      if (a.name().equals(AcceleratorEvaluator.ACCELERATOR)) {
        a.values().forEach(v -> needed.add(String.valueOf(v)));
      }
    }
    List<String> missing = needed.stream().filter(n -> !Accelerators.names().contains(n)).toList();
    Assumptions.assumeTrue(
        missing.isEmpty(), file.getFileName() + " needs accelerators not registered: " + missing);
    SweepSetup setup = SweepSetup.load(file, ScriptsTest::workload);
    SweepSpec s = setup.spec();
    SweepSpec small =
        new SweepSpec(
            s.name(),
            s.base(),
            s.workloads(),
            s.mode(),
            s.axes(),
            s.constraints(),
            s.objectives(),
            s.seed(),
            s.strategy(),
            new Budget(OptionalLong.of(4), java.util.Optional.empty()));
    SweepReport r;
    try (LocalExecutor ex = new LocalExecutor(setup.evaluator(), 2)) {
      r = new Sweep(small, ex, ResultStore.inMemory(), ProgressReporter.silent()).run();
    }
    assertThat(r.results()).hasSize((int) Math.min(4, s.size()));
    assertThat(r.feasibleCount()).as("%s", r.results()).isPositive();
    assertThat(r.best()).isNotEmpty();
  }
}
