package dev.silica.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silica.simulator.spec.InvalidSpecException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Binding sweep files to the accelerator models, and the errors a bad file gets. */
class SweepSetupTest {
  static SweepSetup parse(String text) {
    return SweepSetup.parse("s.yaml", text, Path.of("."), SweepSetup::zooWorkload);
  }

  static final String HEAD = "version: 1\nkind: sweep\nname: t\n";

  @Test
  void bindsBaseWorkloadsAndAxes() {
    SweepSetup s =
        parse(
            HEAD
                + "base: eyeriss-like\nworkloads: [dqn]\n"
                + "axes: {array.rows: [4, 8], array.dataflow: [os, ws]}\n"
                + "objectives: [{minimize: time_s}, {maximize: tops_per_w}]\n");
    assertThat(s.spec().size()).isEqualTo(4);
    assertThat(s.evaluator().baseLabel()).isEqualTo("eyeriss-like");
    assertThat(s.evaluator().evaluate(s.spec().pointAt(3)).feasible()).isTrue();
  }

  @Test
  void anAxisNamingNoParameterSuggestsTheNearest() {
    assertThatThrownBy(() ->
            parse(
                HEAD
                    + "base: eyeriss-like\nworkloads: [dqn]\naxes:\n  array.rowz: [4, 8]\n"
                    + "objectives: [{minimize: time_s}]\n"))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessage("s.yaml:7: axes: 'array.rowz' names no parameter (did you mean 'array.rows'?)");
  }

  @Test
  void anUnknownMetricSuggestsTheNearest() {
    assertThatThrownBy(() ->
            parse(
                HEAD
                    + "base: eyeriss-like\nworkloads: [dqn]\naxes: {array.rows: [4]}\n"
                    + "objectives: [{minimize: energy_pJ}]\n"))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageStartingWith(
            "s.yaml:7: objectives[0]: unknown metric 'energy_pJ' (did you mean 'energy_pj'?");
  }

  @Test
  void unknownAcceleratorsAndMissingWorkloadsAreSpecErrors() {
    assertThatThrownBy(() ->
            parse(
                HEAD
                    + "workloads: [dqn]\naxes:\n  accelerator: [tpu-v1, tpu-v2]\n"
                    + "objectives: [{minimize: time_s}]\n"))
        .hasMessageStartingWith(
            "s.yaml:6: axes.accelerator: unknown accelerator 'tpu-v2' (did you mean 'tpu-v1'?");
    assertThatThrownBy(() ->
            parse(
                HEAD
                    + "base: tpu-v1\naxes: {array.rows: [4]}\n"
                    + "objectives: [{minimize: time_s}]\n"))
        .hasMessageContaining("workloads: must name at least one workload");
    assertThatThrownBy(() ->
            parse(
                HEAD
                    + "base: tpu-v1\nworkloads: [resnet51]\naxes: {array.rows: [4]}\n"
                    + "objectives: [{minimize: time_s}]\n"))
        .hasMessageContaining("s.yaml:5: workloads[0]: unknown model 'resnet51'");
  }
}
