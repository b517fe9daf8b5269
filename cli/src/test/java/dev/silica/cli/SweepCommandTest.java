package dev.silica.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {
  @TempDir Path tmp;

  /** 3 x 2 x 2 = 12 points of DQN on the 32x32 SCALE-Sim preset, some infeasible. */
  static final String SPEC =
      """
      version: 1
      kind: sweep
      name: tiny
      base: scalesim-scale
      workloads: [dqn]
      axes:
        array.rows: [8, 16, 32]
        array.cols: [8, 16]
        formats.weights: [int8, fp16]
      constraints: ["area_mm2 <= 0.7"]
      objectives: [{minimize: time_s}, {minimize: energy_pj}]
      """;

  Path spec() throws Exception {
    return Files.writeString(tmp.resolve("tiny.yaml"), SPEC);
  }

  /** Progress goes to stderr: whole lines only (no carriage returns when not a terminal). */
  static void progressOnly(CliRun r, int total) {
    assertThat(r.err()).doesNotContain("\r");
    assertThat(r.errLines())
        .isNotEmpty()
        .allMatch(
            l -> l.matches("tiny: \\d+/" + total + " points \\(\\d+%\\), [0-9.]+ points/s, ETA .*"))
        .last()
        .asString()
        .startsWith("tiny: " + total + "/" + total + " points (100%)");
  }

  @Test
  void runsRecordsInfeasibleReasonsAndWritesTheReport() throws Exception {
    Path results = tmp.resolve("r.jsonl");
    Path report = tmp.resolve("report");
    CliRun r =
        CliRun.of(
            "sweep",
            spec().toString(),
            "--results",
            results.toString(),
            "--report",
            report.toString(),
            "--threads",
            "2");
    assertThat(r.code()).as(r.err()).isZero();
    progressOnly(r, 12);
    assertThat(r.out())
        .startsWith("tiny: 12 points (")
        .contains("12 evaluated, 0 resumed")
        .contains("Pareto front (minimize time_s, minimize energy_pj):")
        .contains("wrote " + results);
    List<String> lines = Files.readAllLines(results);
    assertThat(lines).hasSize(12);
    // fp16 weights on the int8 array: the model's own reason
    assertThat(lines)
        .filteredOn(l -> l.contains("\"formats.weights\":\"fp16\""))
        .hasSize(6)
        .allMatch(l -> l.contains("\"feasible\":false") && l.contains("must be integer like"));
    // the area constraint
    assertThat(lines).anyMatch(l -> l.contains("violates area_mm2 <= 0.7"));
    assertThat(lines).anyMatch(l -> l.contains("\"feasible\":true"));
    assertThat(Files.readAllLines(report.resolve("tiny.csv"))).hasSize(13);
    assertThat(Files.readString(report.resolve("tiny.html")))
        .contains("Pareto front: energy_pj vs time_s")
        .contains("<svg");
  }

  @Test
  void aRerunNeedsResumeAndThenEvaluatesNothing() throws Exception {
    Path results = tmp.resolve("r.jsonl");
    CliRun first = CliRun.of("sweep", spec().toString(), "-o", results.toString(), "-t", "1");
    assertThat(first.code()).as(first.err()).isZero();
    String once = Files.readString(results);

    // a killed run: the first 5 lines and half of the 6th
    List<String> lines = once.lines().toList();
    Files.writeString(
        results, String.join("\n", lines.subList(0, 5)) + "\n" + lines.get(5).substring(0, 40));
    assertThat(CliRun.of("sweep", spec().toString(), "-o", results.toString()).failsWithOneLine())
        .isEqualTo(
            "silica: "
                + results
                + ": results file exists; pass --resume to skip its finished points, or remove it"
                + " to start over");
    CliRun resumed =
        CliRun.of("sweep", spec().toString(), "-o", results.toString(), "--resume", "-t", "2");
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("7 evaluated, 5 resumed");
    progressOnly(resumed, 7);
    assertThat(Files.readString(results)).isEqualTo(once);
  }

  @Test
  void hazelcastGivesTheSameFileAsLocal() throws Exception {
    Path local = tmp.resolve("local.jsonl");
    Path hz = tmp.resolve("hz.jsonl");
    assertThat(CliRun.of("sweep", spec().toString(), "-o", local.toString(), "-t", "1").code())
        .isZero();
    CliRun r =
        CliRun.of(
            "sweep", spec().toString(), "-o", hz.toString(), "--executor", "hazelcast", "-t", "2");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readString(hz)).isEqualTo(Files.readString(local));
  }

  @Test
  void badSpecsAreOneLine() throws Exception {
    Path bad = Files.writeString(tmp.resolve("bad.yaml"), SPEC.replace("array.cols", "array.col"));
    assertThat(CliRun.of("sweep", bad.toString()).failsWithOneLine())
        .isEqualTo(
            "silica: "
                + bad
                + ":8: axes: 'array.col' names no parameter (did you mean 'array.cols'?)");
    assertThat(CliRun.of("sweep", tmp.resolve("none.yaml").toString()).failsWithOneLine())
        .startsWith("silica: no such file or directory: ");
    assertThat(CliRun.of("sweep", spec().toString(), "--worker").failsWithOneLine())
        .contains("need --executor hazelcast");
  }
}
