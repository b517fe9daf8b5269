package dev.silica.explore.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silica.simulator.spec.InvalidSpecException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepSpecTest {
  private static final ParameterSpace SPACE =
      ParameterSpace.of("array.rows", "array.cols", "sram.kib", "dataflow", "clock_ghz");

  private static final String FULL =
      """
      version: 1
      kind: sweep
      name: array-size
      base: {model: systolic, preset: tpu-v1}
      workloads: [resnet50, bert-base]
      mode: cartesian
      axes:
        array.rows: [64, 128, 256]
        array.cols: {from: 64, to: 256, step: 64}
        sram.kib: {from: 64, to: 1024, factor: 2}
        dataflow: [ws, os]
        clock_ghz: {from: 0.5, to: 1.0, step: 0.25}
      constraints: ["area_mm2 <= 300", "utilization >= 0.25"]
      objectives: [{minimize: energy_pj}, {maximize: throughput_inf_per_s}]
      seed: 42
      strategy: {evolutionary: {population: 16, generations: 5}}
      budget: {points: 500, seconds: 90}
      """;

  private static SweepSpec parse(String text) {
    return SweepSpec.parse("sweep.yaml", text, SPACE);
  }

  private static String header(String body) {
    return "version: 1\nkind: sweep\n" + body;
  }

  @Test
  void parsesEveryKey() {
    SweepSpec s = parse(FULL);
    assertThat(s.name()).isEqualTo("array-size");
    assertThat(s.base()).isEqualTo(java.util.Map.of("model", "systolic", "preset", "tpu-v1"));
    assertThat(s.workloads()).containsExactly("resnet50", "bert-base");
    assertThat(s.mode()).isEqualTo(SweepMode.CARTESIAN);
    assertThat(s.axes())
        .containsExactly(
            Axis.of("array.rows", 64, 128, 256),
            Axis.of("array.cols", 64, 128, 192, 256),
            Axis.of("sram.kib", 64, 128, 256, 512, 1024),
            Axis.of("dataflow", "ws", "os"),
            Axis.of("clock_ghz", 0.5, 0.75, 1.0));
    assertThat(s.size()).isEqualTo(3 * 4 * 5 * 2 * 3);
    assertThat(s.constraints())
        .containsExactly(
            new Constraint("area_mm2", Constraint.Op.LE, 300),
            new Constraint("utilization", Constraint.Op.GE, 0.25));
    assertThat(s.objectives())
        .containsExactly(
            Objective.minimize("energy_pj"), Objective.maximize("throughput_inf_per_s"));
    assertThat(s.seed()).isEqualTo(42);
    assertThat(s.strategy()).isEqualTo(new Strategy.Evolutionary(16, 5));
    assertThat(s.budget().points()).hasValue(500);
    assertThat(s.budget().time()).contains(Duration.ofSeconds(90));
  }

  @Test
  void defaultsToGridWithoutBudget() {
    SweepSpec s = parse(header("axes: {array.rows: [1, 2]}\nobjectives: [{minimize: cycles}]\n"));
    assertThat(s.strategy()).isEqualTo(new Strategy.Grid());
    assertThat(s.budget()).isEqualTo(Budget.unlimited());
    assertThat(s.seed()).isZero();
    assertThat(s.mode()).isEqualTo(SweepMode.CARTESIAN);
    assertThat(
            parse(
                    header(
                        "axes: {array.rows: [1]}\nobjectives: [{minimize: c}]\nstrategy: {random: {n: 5}}\n"))
                .strategy())
        .isEqualTo(new Strategy.Random(5));
  }

  @Test
  void unknownTopLevelKeyIsSuggested() {
    assertThatThrownBy(
            () -> parse(header("axes: {array.rows: [1]}\nobjective: [{minimize: cycles}]\n")))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessage(
            "sweep.yaml:4: unknown key 'objective' (did you mean 'objectives'? valid: version,"
                + " kind, name, base, workloads, mode, axes, constraints, objectives, seed,"
                + " strategy, budget)");
  }

  @Test
  void axisNamingNoParameterIsSuggested() {
    assertThatThrownBy(() ->
            parse(
                header(
                    "axes:\n  array.rows: [1]\n  array.rwos: [2]\nobjectives: [{minimize: c}]\n")))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessage(
            "sweep.yaml:5: axes: 'array.rwos' names no parameter (did you mean 'array.rows'?)");
    assertThatThrownBy(() -> parse(header("axes:\n  voltage: [1]\nobjectives: [{minimize: c}]\n")))
        .hasMessage(
            "sweep.yaml:4: axes: 'voltage' names no parameter (valid: array.cols, array.rows,"
                + " clock_ghz, dataflow, sram.kib)");
  }

  @Test
  void zipNeedsEqualLengths() {
    assertThatThrownBy(() ->
            parse(
                header(
                    "mode: zip\naxes:\n  array.rows: [1, 2]\n  array.cols: [1, 2, 3]\n"
                        + "objectives: [{minimize: c}]\n")))
        .hasMessage(
            "sweep.yaml:4: axes: zip mode needs axes of equal length, got array.rows: 2,"
                + " array.cols: 3");
  }

  @Test
  void badValuesNameTheirKeyAndLine() {
    String axes = "axes: {array.rows: [1]}\n";
    assertThatThrownBy(
            () -> parse(header(axes + "objectives: [{minimize: c}]\nconstraints: ['area =< 3']\n")))
        .hasMessage(
            "sweep.yaml:5: constraints[0]: must be 'metric op number' with op one of <=, <, >=, >,"
                + " ==, got 'area =< 3'");
    assertThatThrownBy(() -> parse(header(axes + "objectives: [{minimise: c}]\n")))
        .hasMessageStartingWith(
            "sweep.yaml:4: unknown key 'objectives[0].minimise' (did you mean"
                + " 'objectives[0].minimize'?");
    assertThatThrownBy(() -> parse(header(axes + "objectives: []\n")))
        .hasMessage("sweep.yaml:4: objectives: must be 1 to 3 objectives, got 0");
    assertThatThrownBy(
            () -> parse(header(axes + "objectives: [{minimize: c}]\nstrategy: exhaustive\n")))
        .hasMessage(
            "sweep.yaml:5: strategy: unknown strategy 'exhaustive' (expected one of: grid,"
                + " {random: {n: N}}, {evolutionary: {population: P, generations: G}})");
    assertThatThrownBy(() ->
            parse(
                header(
                    "mode: zip\n"
                        + axes
                        + "objectives: [{minimize: c}]\n"
                        + "strategy: {evolutionary: {population: 4, generations: 2}}\n")))
        .hasMessage(
            "sweep.yaml:6: strategy: evolutionary search needs mode: cartesian, got mode: zip");
    assertThatThrownBy(
            () -> parse(header(axes + "objectives: [{minimize: c}]\nbudget: {point: 4}\n")))
        .hasMessage(
            "sweep.yaml:5: unknown key 'budget.point' (did you mean 'budget.points'? valid:"
                + " points, seconds)");
    assertThatThrownBy(() ->
            parse(
                header(
                    "axes: {array.rows: {from: 8, to: 4, step: 1}}\nobjectives: [{minimize: c}]\n")))
        .hasMessage("sweep.yaml:3: axes.array.rows.to: must be >= from (8), got 4");
  }

  @Test
  void wrongKindIsRejected() {
    assertThatThrownBy(() -> parse("version: 1\nkind: accelerator\naxes: {array.rows: [1]}\n"))
        .hasMessage("sweep.yaml:2: kind: must be sweep, got accelerator");
  }

  @Test
  void expansionIsInOrder() {
    SweepSpec s =
        new SweepSpec(
            "s",
            null,
            List.of(),
            SweepMode.CARTESIAN,
            List.of(Axis.of("a", 1, 2), Axis.of("b", "x", "y", "z")),
            List.of(),
            List.of(Objective.minimize("c")),
            0,
            new Strategy.Grid(),
            Budget.unlimited());
    assertThat(s.expand(100))
        .extracting(p -> p.params().values().toString())
        .containsExactly("[1, x]", "[1, y]", "[1, z]", "[2, x]", "[2, y]", "[2, z]");
  }
}
