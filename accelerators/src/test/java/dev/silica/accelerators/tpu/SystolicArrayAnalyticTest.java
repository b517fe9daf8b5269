package dev.silica.accelerators.tpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.simulator.Fidelity;
import dev.silica.simulator.RunOptions;
import dev.silica.simulator.energy.Action;
import dev.silica.simulator.result.LayerResult;
import dev.silica.simulator.result.RunResult;
import dev.silica.simulator.result.SimInvariants;
import dev.silica.workloads.ir.Conv2d;
import dev.silica.workloads.ir.Gemm;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.GraphBuilder;
import dev.silica.workloads.ir.Node;
import dev.silica.workloads.ir.Relu;
import dev.silica.workloads.ir.TensorType;
import dev.silica.workloads.ir.ValueId;
import dev.silica.workloads.zoo.Zoo;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Closed-form checks of the analytical tier (formulas in {@link SystolicArrayModel}). */
class SystolicArrayAnalyticTest {

  static SystolicArrayConfig array(int rows, int cols, Dataflow df) {
    return new SystolicArrayConfig(
        "test",
        rows,
        cols,
        df,
        64,
        64,
        64,
        10,
        BandwidthMode.CALC,
        1000,
        OperandFormat.INT8,
        OperandFormat.INT8,
        OperandFormat.INT8,
        Timing.SCALESIM_V2);
  }

  /** One Gemm node {@code [m,k] · [k,n]}. */
  static Graph gemm(int m, int n, int k) {
    GraphBuilder g = new GraphBuilder("gemm");
    ValueId a = g.input("a", TensorType.f32(m, k));
    ValueId b = g.parameter("b", TensorType.f32(k, n));
    return g.output(g.apply("mm", new Gemm(false, false, 1f, 1f), a, b)).build();
  }

  static RunResult run(SystolicArrayConfig cfg, Graph g) {
    return SimInvariants.check(new SystolicArrayModel(cfg).run(g));
  }

  @Test
  void perfectlyTiledGemmOnWeightStationaryArrayTakesTheFoldFormula() {
    // 8x8 WS, M=100 N=16 K=24: row folds K/R = 3, column folds N/C = 2, 6 full folds;
    // L = 2R + C + M - 2 = 16 + 8 + 100 - 2 = 122; SCALE-Sim: 6 * 122 - 1 = 731, corrected 732
    RunResult r = run(array(8, 8, Dataflow.WS), gemm(100, 16, 24));
    LayerResult l = r.layer("mm");
    assertThat(l.cycles()).isEqualTo(731);
    assertThat(l.cycles(LayerResult.COMPUTE)).isEqualTo(6 * 100);
    assertThat(l.cycles(LayerResult.FILL_DRAIN)).isEqualTo(6 * 22 - 1);
    assertThat(l.cycles(LayerResult.MEMORY_STALL)).isZero();
    assertThat(l.macs()).isEqualTo(100L * 16 * 24);
    RunResult corrected =
        run(array(8, 8, Dataflow.WS).withTiming(Timing.CORRECTED), gemm(100, 16, 24));
    assertThat(corrected.cycles()).isEqualTo(732);
    LayerAnalysis a =
        new SystolicArrayModel(array(8, 8, Dataflow.WS)).analyze(gemm(100, 16, 24)).get(0);
    assertThat(a.folds()).isEqualTo(6);
    assertThat(a.mappingEfficiency()).isEqualTo(1.0);
    // SCALE-Sim's WS compute util: T / (2R + 2C + T - 3) = 100 / 129
    assertThat(a.computeUtilization())
        .isCloseTo(100.0 / 129, org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void outputAndInputStationaryFoldFormulas() {
    // OS 8x8, M=16 N=8 K=50: folds = 2 * 1, L = K + R + C - 2 = 64; 2 * 64 - 1 = 127
    assertThat(run(array(8, 8, Dataflow.OS), gemm(16, 8, 50)).cycles()).isEqualTo(127);
    // corrected OS (scale-sim-v3#4): L = 2R + C + K - 2 = 72; 2 * 72 = 144
    assertThat(run(array(8, 8, Dataflow.OS).withTiming(Timing.CORRECTED), gemm(16, 8, 50)).cycles())
        .isEqualTo(144);
    // IS 8x8, M=16 N=30 K=8: rows K -> 1 fold, cols M -> 2 folds, L = 2R + C + N - 2 = 52; 103
    assertThat(run(array(8, 8, Dataflow.IS), gemm(16, 30, 8)).cycles()).isEqualTo(103);
  }

  @Test
  void partialFoldCostsAFullFold() {
    // WS 8x8, K=9 needs 2 row folds, the second with one row used: 2 * (16 + 8 + 10 - 2) - 1 = 63
    LayerAnalysis a =
        new SystolicArrayModel(array(8, 8, Dataflow.WS)).analyze(gemm(10, 8, 9)).get(0);
    assertThat(a.totalCycles()).isEqualTo(63);
    // mapping efficiency: 9 of 16 rows over the two folds, all 8 columns
    assertThat(a.mappingEfficiency()).isEqualTo(9.0 / 16);
  }

  static Stream<Arguments> randomGemms() {
    SplittableRandom rnd = new SplittableRandom(20260511L);
    List<Arguments> out = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      out.add(
          Arguments.of(
              Dataflow.values()[i % 3],
              1 + rnd.nextInt(40),
              1 + rnd.nextInt(40),
              1 + rnd.nextInt(300),
              1 + rnd.nextInt(300),
              1 + rnd.nextInt(300)));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "seed 20260511: {0} {1}x{2}, M={3} N={4} K={5}")
  @MethodSource("randomGemms")
  void cyclesBoundedByIdealAndUtilizationAtMostOne(
      Dataflow df, int rows, int cols, int m, int n, int k) {
    SystolicArrayConfig cfg = array(rows, cols, df);
    RunResult r = run(cfg, gemm(m, n, k));
    LayerResult l = r.layers().get(0);
    long macs = (long) m * n * k;
    // ideal: every PE busy every cycle
    assertThat(l.cycles(LayerResult.COMPUTE))
        .isGreaterThanOrEqualTo(Math.ceilDiv(macs, (long) rows * cols));
    assertThat(l.cycles()).isGreaterThanOrEqualTo(Math.ceilDiv(macs, (long) rows * cols));
    assertThat(l.utilization()).isBetween(0.0, 1.0);
    LayerAnalysis a = new SystolicArrayModel(cfg).analyze(gemm(m, n, k)).get(0);
    assertThat(a.mappingEfficiency()).isBetween(0.0, 1.0);
    assertThat(a.computeUtilization()).isBetween(0.0, a.mappingEfficiency());
    // doubling the array never increases the streaming cycles (folds only shrink); fill and
    // drain grow with the edge
    RunResult bigger = run(cfg.withArray(rows * 2, cols * 2), gemm(m, n, k));
    assertThat(bigger.layers().get(0).cycles(LayerResult.COMPUTE))
        .isLessThanOrEqualTo(l.cycles(LayerResult.COMPUTE));
  }

  @ParameterizedTest
  @EnumSource(Dataflow.class)
  void userModeStallsNeverShrinkAsBandwidthShrinks(Dataflow df) {
    Graph g = gemm(500, 300, 700);
    long previous = -1;
    for (double bw : new double[] {1024, 64, 16, 4, 1, 0.25}) {
      SystolicArrayConfig cfg = array(32, 32, df).withDram(bw, BandwidthMode.USER);
      RunResult r = run(cfg, g);
      long stall = r.layers().get(0).cycles(LayerResult.MEMORY_STALL);
      assertThat(stall).as("stall at %s B/cycle", bw).isGreaterThanOrEqualTo(previous);
      previous = stall;
      // CALC never stalls and otherwise the same cycles
      RunResult calc = run(cfg.withDram(bw, BandwidthMode.CALC), g);
      assertThat(calc.cycles() + stall).isEqualTo(r.cycles());
      // cycles >= DRAM bytes / bandwidth (roofline)
      assertThat((double) r.cycles()).isGreaterThanOrEqualTo(r.dramBytes() / bw - 1);
    }
    assertThat(previous).isPositive();
  }

  @Test
  void mixedPrecisionFollowsTpuV1SpeedRules() {
    // TPU v1: 8-bit x 16-bit runs at half speed, 16 x 16 at quarter speed (papers-inputs §2.1)
    SystolicArrayConfig base = array(16, 16, Dataflow.WS);
    assertThat(base.passes()).isEqualTo(1);
    SystolicArrayConfig half =
        base.withFormats(OperandFormat.INT8, OperandFormat.INT8, OperandFormat.INT16);
    SystolicArrayConfig quarter =
        base.withFormats(OperandFormat.INT8, OperandFormat.INT16, OperandFormat.INT16);
    assertThat(half.passes()).isEqualTo(2);
    assertThat(quarter.passes()).isEqualTo(4);
    Graph g = gemm(1000, 16, 16);
    long c1 = run(base, g).layers().get(0).cycles(LayerResult.COMPUTE);
    assertThat(run(half, g).layers().get(0).cycles(LayerResult.COMPUTE)).isEqualTo(2 * c1);
    RunResult q = run(quarter, g);
    assertThat(q.layers().get(0).cycles(LayerResult.COMPUTE)).isEqualTo(4 * c1);
    // four int8 MAC passes per int16 x int16 MAC
    assertThat(q.totals().actions().total(Action.mac("int8"))).isEqualTo(4L * 1000 * 16 * 16);
  }

  @Test
  void everyNodeAppearsAndNonMatrixWorkRunsOnThePipeline() {
    GraphBuilder g = new GraphBuilder("convrelu");
    ValueId x = g.input("x", TensorType.f32(1, 3, 8, 8));
    ValueId w = g.parameter("w", TensorType.f32(4, 3, 3, 3));
    ValueId y = g.apply("conv", Conv2d.of(1, 1), x, w);
    ValueId z = g.apply("relu", new Relu(), y);
    Graph graph = g.output(z).build();
    RunResult r = run(array(8, 8, Dataflow.WS), graph);
    assertThat(r.layers()).extracting(LayerResult::node).containsExactly("conv", "relu");
    // relu: 4 * 8 * 8 = 256 elements on 8 lanes = 32 cycles
    LayerResult relu = r.layer("relu");
    assertThat(relu.cycles()).isEqualTo(32);
    assertThat(relu.cycles("vector")).isEqualTo(32);
    assertThat(relu.macs()).isZero();
    // conv: M = 64 pixels, N = 4, K = 27; WS rows K -> 4 folds of 8 rows, 1 column fold
    // L = 16 + 8 + 64 - 2 = 86; 4 * 86 - 1 = 343
    assertThat(r.layer("conv").cycles()).isEqualTo(343);
    assertThat(r.energyPj()).isPositive();
    assertThat(r.areaUm2()).isPositive();
  }

  @Test
  void groupedConvolutionRunsOneProductPerGroup() {
    // depthwise 3x3, 4 channels, 6x6 input, pad 1: per group M = 36 pixels, N = 1, K = 9.
    // 8x8 WS: K = 9 rows -> 2 row folds, 1 column fold; L = 2R + C + M - 2 = 58;
    // SCALE-Sim runs a DP row as C layers of folds * L - 1 each: 4 * (2 * 58 - 1) = 460
    GraphBuilder g = new GraphBuilder("dw");
    ValueId x = g.input("x", TensorType.f32(1, 4, 6, 6));
    ValueId w = g.parameter("w", TensorType.f32(4, 1, 3, 3));
    Graph graph = g.output(g.apply("dw", Conv2d.of(1, 1, 4), x, w)).build();
    LayerResult l = run(array(8, 8, Dataflow.WS), graph).layer("dw");
    assertThat(l.cycles()).isEqualTo(460);
    assertThat(l.macs()).isEqualTo(4L * 36 * 9);
  }

  @Test
  void lstmIsAnInputProjectionPlusOneRecurrentProductPerStep() {
    // T = 5 steps, batch 2, D = 8 inputs, H = 4 hidden, 4 gates (N = 16) on an 8x8 WS array:
    // input projection M = T * N = 10, K = 8, N = 16: 1 x 2 folds, L = 16 + 8 + 10 - 2 = 32 -> 63;
    // recurrent M = 2, K = 4, N = 16 per step: 1 x 2 folds, L = 24 -> 47, five times = 235
    GraphBuilder g = new GraphBuilder("lstm");
    ValueId x = g.input("x", TensorType.f32(5, 2, 8));
    ValueId wx = g.parameter("wx", TensorType.f32(8, 16));
    ValueId wh = g.parameter("wh", TensorType.f32(4, 16));
    ValueId b = g.parameter("b", TensorType.f32(16));
    Graph graph =
        g.output(g.apply("lstm", new dev.silica.workloads.ir.Lstm(4), x, wx, wh, b)).build();
    LayerResult l = run(array(8, 8, Dataflow.WS), graph).layer("lstm");
    assertThat(l.cycles(LayerResult.COMPUTE) + l.cycles(LayerResult.FILL_DRAIN))
        .isEqualTo(63 + 235);
    assertThat(l.cycles("vector")).isPositive();
    assertThat(l.macs()).isEqualTo(5L * 2 * 16 * (8 + 4));
  }

  @Test
  void resnet50RunsEveryNodeQuickly() {
    Graph g = Zoo.build("resnet50");
    SystolicArrayModel model =
        new SystolicArrayModel(array(128, 128, Dataflow.WS).withSramKib(1024, 1024, 1024));
    assertThat(model.check(g).isFeasible()).isTrue();
    RunResult r = SimInvariants.check(model.run(g));
    assertThat(r.layers())
        .extracting(LayerResult::node)
        .containsExactlyElementsOf(g.nodes().stream().map(Node::name).toList());
    // every conv and fc MAC of the graph runs on the array, nothing else does
    long arrayMacs = r.totals().macs();
    assertThat(arrayMacs)
        .isEqualTo(
            g.stats().nodes().stream()
                .filter(n -> n.kind().equals("conv2d") || n.kind().equals("gemm"))
                .mapToLong(n -> n.macs())
                .sum());
    long best =
        LongStream.range(0, 5)
            .map(i -> {
              long t0 = System.nanoTime();
              model.run(g);
              return System.nanoTime() - t0;
            })
            .min()
            .orElseThrow();
    // analytical tier: closed form per node, "well under a second"
    assertThat(best).isLessThan(1_000_000_000L);
  }

  @Test
  void steppedTierRefusesIntegerFormatsWiderThanTheMac() {
    SystolicArrayModel m =
        new SystolicArrayModel(
            array(4, 4, Dataflow.WS)
                .withFormats(OperandFormat.INT8, OperandFormat.INT16, OperandFormat.INT16));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> m.run(gemm(4, 4, 4), RunOptions.defaults().withFidelity(Fidelity.CYCLE_STEPPED)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("single-pass formats");
  }
}
