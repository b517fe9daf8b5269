package dev.silica.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.silica.accelerators.tpu.Dataflow;
import dev.silica.accelerators.tpu.SystolicArrayConfig;
import dev.silica.accelerators.tpu.SystolicArrayModel;
import dev.silica.simulator.result.RunResult;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.zoo.Zoo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcceleratorEvaluatorTest {
  @TempDir Path dir;

  static final Graph DQN = Zoo.build("dqn");
  static final Graph LENET = Zoo.build("lenet-300-100");

  @Test
  void parametersAreTheLeavesOfTheResolvedBase() {
    AcceleratorEvaluator e = AcceleratorEvaluator.of("scalesim-scale", Map.of("dqn", DQN));
    assertThat(e.space().sorted())
        .contains(
            "accelerator",
            "array.rows",
            "array.cols",
            "array.dataflow",
            "sram.ifmap_kib",
            "formats.weights",
            "clock_mhz")
        .doesNotContain("name", "model", "array");
  }

  @Test
  void aPointIsTheBaseWithItsParametersReplaced() {
    AcceleratorEvaluator e = AcceleratorEvaluator.of("scalesim-scale", Map.of("dqn", DQN));
    PointResult p =
        e.evaluate(DesignPoint.of("array.rows", 16, "array.cols", 8, "array.dataflow", "ws"));
    // the same design built by hand from the preset
    RunResult direct =
        new SystolicArrayModel(
                SystolicArrayConfig.preset("scalesim-scale")
                    .withArray(16, 8)
                    .withDataflow(Dataflow.WS))
            .run(DQN);
    assertThat(p.feasible()).isTrue();
    assertThat(p.metric("cycles")).isEqualTo((double) direct.cycles());
    assertThat(p.metric("energy_pj")).isEqualTo(direct.energyPj());
    assertThat(p.metric("area_um2")).isEqualTo(direct.areaUm2());
    // derived metrics, closed form (class comment)
    assertThat(p.metric("area_mm2")).isEqualTo(direct.areaUm2() / 1e6);
    assertThat(p.metric("tops_per_w"))
        .isCloseTo(2.0 * direct.totals().macs() / direct.energyPj(), within(1e-12));
    assertThat(p.metric("inferences_per_s")).isEqualTo(1 / direct.timeSeconds());
    assertThat(p.metric("inferences_per_j")).isEqualTo(1e12 / direct.energyPj());
    assertThat(p.metric("power_w"))
        .isCloseTo(direct.energyPj() * 1e-12 / direct.timeSeconds(), within(1e-12));
  }

  @Test
  void aCombinationTheModelRejectsIsInfeasibleWithItsReason() {
    AcceleratorEvaluator e = AcceleratorEvaluator.of("tpu-v1", Map.of("dqn", DQN));
    PointResult p = e.evaluate(DesignPoint.of("formats.weights", "fp16"));
    assertThat(p.feasible()).isFalse();
    assertThat(p.infeasibleReason())
        .startsWith("invalid configuration: ")
        .contains("fp16 must be integer like the mac format int8");
  }

  @Test
  void theAcceleratorAxisPicksRegisteredModels() {
    AcceleratorEvaluator e = AcceleratorEvaluator.of(null, Map.of("dqn", DQN));
    PointResult a = e.evaluate(DesignPoint.of("accelerator", "eyeriss-like"));
    RunResult direct = new SystolicArrayModel(SystolicArrayConfig.preset("eyeriss-like")).run(DQN);
    assertThat(a.metric("cycles")).isEqualTo((double) direct.cycles());
    assertThat(e.evaluate(DesignPoint.of("array.rows", 4)).infeasibleReason())
        .contains("no base accelerator");
  }

  @Test
  void severalWorkloadsArePrefixedAndSummed() {
    Map<String, Graph> w = new LinkedHashMap<>();
    w.put("dqn", DQN);
    w.put("lenet", LENET);
    AcceleratorEvaluator e = AcceleratorEvaluator.of("eyeriss-like", w);
    PointResult p = e.evaluate(DesignPoint.of("array.rows", 8));
    SystolicArrayModel m =
        new SystolicArrayModel(SystolicArrayConfig.preset("eyeriss-like").withArray(8, 14));
    RunResult a = m.run(DQN);
    RunResult b = m.run(LENET);
    assertThat(p.metric("dqn.cycles")).isEqualTo((double) a.cycles());
    assertThat(p.metric("lenet.energy_pj")).isEqualTo(b.energyPj());
    assertThat(p.metric("cycles")).isEqualTo((double) (a.cycles() + b.cycles()));
    assertThat(p.metric("energy_pj")).isEqualTo(a.energyPj() + b.energyPj());
    assertThat(p.metric("area_um2")).isEqualTo(a.areaUm2());
    assertThat(e.metricNames()).contains("time_s", "dqn.time_s", "lenet.tops_per_w");
  }

  @Test
  void aSpecMappingAndASpecFileAreBasesToo() throws Exception {
    Map<String, Object> array = new LinkedHashMap<>();
    array.put("rows", 8);
    Map<String, Object> base = new LinkedHashMap<>();
    base.put("model", "tpu.systolic");
    base.put("preset", "eyeriss-like");
    base.put("array", array);
    AcceleratorEvaluator fromMap = AcceleratorEvaluator.of(base, Map.of("dqn", DQN));
    Path file =
        Files.writeString(
            dir.resolve("acc.yaml"),
            "version: 1\nkind: accelerator\nmodel: tpu.systolic\npreset: eyeriss-like\n"
                + "array: {rows: 8}\n");
    AcceleratorEvaluator fromFile = AcceleratorEvaluator.of(file, Map.of("dqn", DQN));
    PointResult viaAxis =
        AcceleratorEvaluator.of("eyeriss-like", Map.of("dqn", DQN))
            .evaluate(DesignPoint.of("array.rows", 8));
    DesignPoint none = new DesignPoint(Map.of());
    assertThat(fromMap.evaluate(none).metrics()).isEqualTo(viaAxis.metrics());
    assertThat(fromFile.evaluate(none).metrics()).isEqualTo(viaAxis.metrics());
    assertThatThrownBy(() -> AcceleratorEvaluator.of("tpu-v9", Map.of("dqn", DQN)))
        .hasMessageContaining("unknown accelerator 'tpu-v9'");
  }
}
