package dev.silica.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silica.accelerators.eie.EieModel;
import dev.silica.simulator.RunOptions;
import dev.silica.simulator.energy.Action;
import dev.silica.simulator.result.RunResult;
import dev.silica.testkit.TestData;
import dev.silica.workloads.train.AccuracyStudies;
import dev.silica.workloads.train.Dataset;
import dev.silica.workloads.train.HardwareVariants;
import dev.silica.workloads.train.LayerDensities;
import dev.silica.workloads.train.TrainableGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The accuracy-vs-energy study on the committed LeNet-5 fixture (first 200 test images): measured
 * densities reach the hardware models and move their energy in the direction the models' formulas
 * say.
 */
class AccuracyEnergyTest {
  static final Path FIXTURE =
      Path.of(
          "../workloads/src/test/resources/dev/silica/workloads/train/lenet5-fashion-mnist.onnx");

  static TrainableGraph net;
  static Dataset test;
  static List<AccuracyEnergy.Point> points;

  @TempDir Path dir;

  @BeforeAll
  static void measure() {
    TestData.require(Dataset.FASHION_MNIST_DIR, "dataset-fashion-mnist");
    net = TrainableGraph.load(FIXTURE);
    Dataset train = Dataset.fashionMnist(Dataset.FASHION_MNIST_DIR, Dataset.Split.TRAIN);
    test = Dataset.fashionMnist(Dataset.FASHION_MNIST_DIR, Dataset.Split.TEST).head(200);
    // the study's recipes for five of its variants (HardwareVariants.standard builds all 16,
    // k-means included, which is too slow for a unit test)
    double[] maxAbs = AccuracyStudies.calibrate(net, train, 2);
    List<HardwareVariants.Variant> some =
        List.of(
            new HardwareVariants.Variant("fp32", net, 32, "fp32"),
            new HardwareVariants.Variant(
                "fp16", AccuracyStudies.quantized(net, "fp16", maxAbs), 16, "fp16"),
            new HardwareVariants.Variant(
                "int8", AccuracyStudies.quantized(net, "int8", maxAbs), 8, "int8"),
            new HardwareVariants.Variant(
                "q4", AccuracyStudies.quantized(net, "q4", maxAbs), 4, "int8"),
            new HardwareVariants.Variant(
                "pruned-90%", AccuracyStudies.pruned(net, 0.9), 32, "fp32"));
    points = AccuracyEnergy.measure(some, test, 2);
  }

  static AccuracyEnergy.Point point(String name) {
    return points.stream().filter(p -> p.variant().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void eieWithTheMeasuredDenseModelCostsMoreThanThePlansTenPercent() {
    AccuracyEnergy.Point fp32 = point("fp32");
    double assumed =
        AccuracyEnergy.energy(
            AccuracyEnergy.eieAssumed(fp32.layers()).run(net.graph(), RunOptions.defaults()));
    // the plan assumes 10 % of the weights kept; the trained fixture keeps them all
    assertThat(fp32.layers())
        .filteredOn(l -> l.kind().equals("fc"))
        .allSatisfy(l -> assertThat(l.weightDensity()).isEqualTo(1.0));
    assertThat(fp32.eieFcEnergyPj()).isGreaterThan(assumed);
    // per entry (codebook read, multiply, add) the cost is 1 / 0.1 = 10 times the plan's: f6 and
    // output hold 10,080 + 840 weights, 10 % of them binomially ±3σ = ±9 %
    RunResult measured = AccuracyEnergy.eie(fp32.layers()).run(net.graph(), RunOptions.defaults());
    RunResult plan =
        AccuracyEnergy.eieAssumed(fp32.layers()).run(net.graph(), RunOptions.defaults());
    assertThat(measured.energyPj()).isEqualTo(fp32.eieFcEnergyPj());
    double arithRatio =
        measured.energy().byComponent().get("pe.arith")
            / plan.energy().byComponent().get("pe.arith");
    assertThat(arithRatio).isBetween(10 / 1.09, 10 / 0.91);
    // pruned by 90 %: the measured weight density is the plan's 10 % (tanh activations are all
    // non-zero), so the energies agree
    AccuracyEnergy.Point pruned = point("pruned-90%");
    assertThat(pruned.layers())
        .filteredOn(l -> l.kind().equals("fc"))
        .allSatisfy(l ->
            assertThat(l.weightDensity())
                .isCloseTo(
                    EieModel.DEFAULT_WEIGHT_DENSITY, org.assertj.core.data.Offset.offset(1e-3)));
    assertThat(pruned.eieFcEnergyPj())
        .isCloseTo(assumed, org.assertj.core.data.Percentage.withPercentage(2));
  }

  @Test
  void tpuGatesExactlyTheExpectedNonZeroProductsOfEachLayer() {
    AccuracyEnergy.Point pruned = point("pruned-90%");
    var model = AccuracyEnergy.tpu("fp32");
    RunResult dense = model.run(net.graph());
    RunResult gated =
        model
            .withOperandDensities(AccuracyEnergy.operandDensities(pruned.layers()))
            .run(net.graph());
    Action mac = Action.mac("fp32");
    for (LayerDensities.Layer l : pruned.layers()) {
      long all = dense.layer(l.node()).actions().get("pe_array", mac);
      assertThat(gated.layer(l.node()).actions().get("pe_array", mac))
          .as(l.node())
          .isEqualTo(Math.round(all * l.inputDensity() * l.weightDensity()));
    }
    assertThat(pruned.tpuEnergyPj()).isLessThan(pruned.tpuUngatedEnergyPj());
    assertThat(pruned.tpuEnergyPj()).isEqualTo(gated.energyPj());
    assertThat(point("fp32").tpuEnergyPj()).isLessThanOrEqualTo(point("fp32").tpuUngatedEnergyPj());
  }

  @Test
  void narrowerArithmeticCostsLessAndTheFrontIsNonDominated() {
    assertThat(point("int8").tpuUngatedEnergyPj()).isLessThan(point("fp16").tpuUngatedEnergyPj());
    assertThat(point("fp16").tpuUngatedEnergyPj()).isLessThan(point("fp32").tpuUngatedEnergyPj());
    for (AccuracyEnergy.Point p : points) {
      boolean dominated =
          points.stream()
              .anyMatch(q ->
                  q.tpuEnergyPj() <= p.tpuEnergyPj()
                      && q.accuracy() >= p.accuracy()
                      && (q.tpuEnergyPj() < p.tpuEnergyPj() || q.accuracy() > p.accuracy()));
      assertThat(p.tpuFront()).as(p.variant()).isEqualTo(!dominated);
    }
  }

  @Test
  void chartsPlotEnergyInTheirAxisUnits() {
    // axis labels: µJ for the systolic array, nJ for EIE's FC layers; points carry pJ
    var tpu = AccuracyEnergy.plotted(points, true, false);
    var eie = AccuracyEnergy.plotted(points, false, false);
    assertThat(tpu.get(0).x()).isEqualTo(points.get(0).tpuEnergyPj() / 1e6);
    assertThat(eie.get(0).x()).isEqualTo(points.get(0).eieFcEnergyPj() / 1e3);
    assertThat(AccuracyEnergy.plotted(points, true, true))
        .hasSize((int) points.stream().filter(AccuracyEnergy.Point::tpuFront).count());
  }

  @Test
  void aVariantNamesItsArithmetic() {
    assertThatThrownBy(() -> new HardwareVariants.Variant("x", net, 4, "int4"))
        .hasMessage("x: arithmetic must be one of fp32, fp16, bf16, int8, got 'int4'");
    assertThatThrownBy(() -> new HardwareVariants.Variant("x", net, 0, "int8"))
        .hasMessage("x: weight bits must be 1..32, got 0");
  }

  @Test
  void writesCsvAndCharts() throws Exception {
    List<Path> files = AccuracyEnergy.write(dir, points);
    assertThat(files)
        .extracting(f -> f.getFileName().toString())
        .containsExactly(
            "pareto.csv",
            "pareto-densities.csv",
            "pareto.png",
            "pareto.svg",
            "pareto-eie.png",
            "pareto-eie.svg");
    List<String> csv = Files.readAllLines(dir.resolve("pareto.csv"));
    assertThat(csv.get(0))
        .isEqualTo(
            "variant,weight_bits,tpu_arithmetic,accuracy_pct,tpu_energy_per_inference_pj,"
                + "tpu_ungated_energy_per_inference_pj,eie_fc_energy_per_inference_pj,"
                + "on_front_tpu,on_front_eie");
    assertThat(csv).hasSize(1 + points.size());
    assertThat(csv.get(1)).startsWith("fp32,32,fp32,");
    assertThat(Files.readString(dir.resolve("pareto.svg"))).contains("top-1 test accuracy (%)");
  }
}
