package dev.silica.accelerators.tpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silica.numerics.arith.Mac;
import dev.silica.simulator.Fidelity;
import dev.silica.simulator.RunOptions;
import dev.silica.simulator.result.LayerResult;
import dev.silica.simulator.result.RunResult;
import dev.silica.simulator.result.SimInvariants;
import dev.silica.workloads.ir.Conv2d;
import dev.silica.workloads.ir.Gemm;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.GraphBuilder;
import dev.silica.workloads.ir.MatMul;
import dev.silica.workloads.ir.Padding;
import dev.silica.workloads.ir.Relu;
import dev.silica.workloads.ir.TensorType;
import dev.silica.workloads.ir.ValueId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cycle-stepped PE array against the analytical tier (cycles, per layer and per breakdown
 * component, for every dataflow and both timing conventions) and against independent references for
 * its outputs: int8 × int8 with int32 accumulation bit-exact against a sequential {@link
 * Mac#int8()} dot product, fp16 within the fp32 summation error bound of an exact (double) sum.
 */
class SystolicPeArrayTest {

  static SystolicArrayConfig config(int r, int c, Dataflow df, Timing t) {
    return SystolicArrayAnalyticTest.array(r, c, df).withTiming(t);
  }

  /** A small graph: conv (padding, stride, bias) → relu → grouped conv → gemm. */
  static Graph convNet(int cin, int hw, int c1, int groups, int classes) {
    GraphBuilder g = new GraphBuilder("small");
    ValueId x = g.input("x", TensorType.f32(1, cin, hw, hw));
    ValueId w1 = g.parameter("w1", TensorType.f32(c1, cin, 3, 3));
    ValueId b1 = g.parameter("b1", TensorType.f32(c1));
    ValueId y = g.apply("conv1", new Conv2d(2, 2, Padding.of(1), 1, 1, 1), x, w1, b1);
    y = g.apply("relu1", new Relu(), y);
    ValueId w2 = g.parameter("w2", TensorType.f32(c1, c1 / groups, 3, 3));
    y = g.apply("conv2", new Conv2d(1, 1, Padding.of(1), 1, 1, groups), y, w2);
    int ho = (hw + 2 - 3) / 2 + 1;
    ValueId flat = g.apply("flat", new dev.silica.workloads.ir.Flatten(1), y);
    ValueId wf = g.parameter("wf", TensorType.f32(c1 * ho * ho, classes));
    g.output(g.apply("fc", new Gemm(false, false, 1f, 1f), flat, wf));
    return g.build();
  }

  static Graph gemm(int m, int n, int k) {
    return SystolicArrayAnalyticTest.gemm(m, n, k);
  }

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    int[][] arrays = {{4, 4}, {8, 4}, {3, 5}, {16, 16}, {1, 1}};
    for (Dataflow df : Dataflow.values()) {
      for (Timing t : Timing.values()) {
        for (int[] rc : arrays) {
          if (rc[0] == 1 && rc[1] == 1 && df == Dataflow.OS && t == Timing.SCALESIM_V2) {
            // SCALE-Sim's OS formula gives a 1x1 array fewer cycles than MACs (utilization > 1,
            // which SimInvariants rejects for the analytical run itself); not a stepping case
            continue;
          }
          out.add(Arguments.of(df, t, rc[0], rc[1], "gemm 9x7x5", gemm(9, 7, 5)));
          out.add(Arguments.of(df, t, rc[0], rc[1], "gemm 16x16x16", gemm(16, 16, 16)));
          out.add(Arguments.of(df, t, rc[0], rc[1], "gemm 33x17x20", gemm(33, 17, 20)));
        }
        out.add(Arguments.of(df, t, 8, 8, "convnet", convNet(3, 9, 8, 2, 10)));
        out.add(Arguments.of(df, t, 16, 16, "convnet", convNet(5, 11, 12, 3, 7)));
        out.add(Arguments.of(df, t, 6, 10, "convnet", convNet(4, 8, 16, 4, 5)));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2}x{3} {4}")
  @MethodSource("cases")
  void steppedCyclesEqualTheAnalyticalTierPerLayer(
      Dataflow df, Timing t, int r, int c, String what, Graph g) {
    SystolicArrayModel model = new SystolicArrayModel(config(r, c, df, t));
    RunResult analytical = SimInvariants.check(model.run(g));
    RunResult stepped =
        SimInvariants.check(
            model.run(g, RunOptions.defaults().withFidelity(Fidelity.CYCLE_STEPPED)));
    assertThat(stepped.layers()).hasSameSizeAs(analytical.layers());
    for (int i = 0; i < stepped.layers().size(); i++) {
      LayerResult s = stepped.layers().get(i);
      LayerResult a = analytical.layers().get(i);
      assertThat(s.cycles()).as("%s cycles", s.node()).isEqualTo(a.cycles());
      assertThat(s.cycleBreakdown()).as("%s breakdown", s.node()).isEqualTo(a.cycleBreakdown());
      assertThat(s.macs()).isEqualTo(a.macs());
    }
    assertThat(stepped.cycles()).isEqualTo(analytical.cycles());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dataflows")
  void foldLengthIsCountedFromTheRegisters(Dataflow df) {
    // 10x6 array, M=23 N=13 K=29: every fold pays L = 2R + C + T - 2 (corrected convention)
    int r = 10;
    int c = 6;
    int m = 23;
    int n = 13;
    int k = 29;
    SystolicPeArray pe = new SystolicPeArray(r, c, df, Mac.int8());
    SplittableRandom rnd = new SplittableRandom(7);
    SystolicPeArray.Product p =
        pe.multiply(
            SystolicStepped.operands(OperandFormat.INT8, m * k, rnd),
            SystolicStepped.operands(OperandFormat.INT8, k * n, rnd),
            m,
            n,
            k);
    long sr = df.spatialRows(m, n, k);
    long sc = df.spatialCols(m, n, k);
    long t = df.temporal(m, n, k);
    long folds = Math.ceilDiv(sr, r) * Math.ceilDiv(sc, c);
    assertThat(p.folds()).isEqualTo(folds);
    assertThat(p.cycles()).isEqualTo(folds * (2L * r + c + t - 2));
    assertThat(p.streamCycles()).isEqualTo(folds * (t + r + c - 2));
    assertThat(p.feedCycles()).isEqualTo(folds * t);
    assertThat(p.drainCycles()).isEqualTo(df == Dataflow.OS ? folds * r : 0);
  }

  static Stream<Dataflow> dataflows() {
    return Stream.of(Dataflow.values());
  }

  static Stream<Arguments> outputCases() {
    List<Arguments> out = new ArrayList<>();
    int[][] shapes = {{1, 1, 1}, {5, 3, 7}, {16, 16, 16}, {17, 9, 33}, {4, 20, 3}};
    int[][] arrays = {{4, 4}, {16, 16}, {3, 7}};
    long seed = 11;
    for (Dataflow df : Dataflow.values()) {
      for (int[] s : shapes) {
        for (int[] rc : arrays) {
          out.add(Arguments.of(df, rc[0], rc[1], s[0], s[1], s[2], seed++));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}x{2} m={3} n={4} k={5} seed={6}")
  @MethodSource("outputCases")
  void int8OutputsEqualTheSequentialInt32Reference(
      Dataflow df, int r, int c, int m, int n, int k, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    long[] a = SystolicStepped.operands(OperandFormat.INT8, m * k, rnd);
    long[] b = SystolicStepped.operands(OperandFormat.INT8, k * n, rnd);
    // extremes too: -128 x -128 products and a column of 127s
    a[0] = 0x80;
    b[0] = 0x80;
    long[] out = new SystolicPeArray(r, c, df, Mac.int8()).multiply(a, b, m, n, k).out();
    Mac ref = Mac.int8();
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        long acc = ref.zero();
        for (int kk = 0; kk < k; kk++) {
          acc = ref.mac(acc, a[i * k + kk], b[kk * n + j]);
        }
        assertThat(ref.value(out[i * n + j])).as("C[%d,%d]", i, j).isEqualTo(ref.value(acc));
      }
    }
  }

  @ParameterizedTest(name = "{0} {1}x{2} m={3} n={4} k={5} seed={6}")
  @MethodSource("outputCases")
  void fp16OutputsAreWithinFp32RoundingOfTheExactSum(
      Dataflow df, int r, int c, int m, int n, int k, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    long[] a = SystolicStepped.operands(OperandFormat.FP16, m * k, rnd);
    long[] b = SystolicStepped.operands(OperandFormat.FP16, k * n, rnd);
    long[] out = new SystolicPeArray(r, c, df, Mac.tensorCoreFp16()).multiply(a, b, m, n, k).out();
    float[] av = SystolicStepped.floats(a, false);
    float[] bv = SystolicStepped.floats(b, false);
    // fp16 x fp16 products are exact in fp32; a sum of k terms rounded once per addition is off
    // the exact sum by at most gamma_k * sum|products|, gamma_k = k*u / (1 - k*u), u = 2^-24
    // (Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., eq. 3.5)
    double u = Math.scalb(1.0, -24);
    double gamma = (k + 1) * u / (1 - (k + 1) * u);
    float[] kernel = SystolicFunctional.floatProduct(av, bv, m, n, k, r, df);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double exact = 0;
        double abs = 0;
        for (int kk = 0; kk < k; kk++) {
          double p = (double) av[i * k + kk] * bv[kk * n + j];
          exact += p;
          abs += Math.abs(p);
        }
        float got = Float.intBitsToFloat((int) out[i * n + j]);
        assertThat(Math.abs(got - exact)).as("C[%d,%d]", i, j).isLessThanOrEqualTo(gamma * abs);
        assertThat(got).as("product kernel, same order").isEqualTo(kernel[i * n + j]);
      }
    }
  }

  @Test
  void largeLayersAreRefusedNamingTheLayer() {
    SystolicArrayModel m = new SystolicArrayModel(config(16, 16, Dataflow.WS, Timing.CORRECTED));
    assertThatThrownBy(() ->
            m.run(
                gemm(4096, 1024, 1024), RunOptions.defaults().withFidelity(Fidelity.CYCLE_STEPPED)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "test: cycle_stepped runs layers of at most 67108864 PE-cycles, layer mm needs"
                + " 4343201792 (use fidelity analytical, which the stepped tier reproduces"
                + " exactly)");
  }

  @Test
  void multiPassFormatsAreRefused() {
    SystolicArrayConfig cfg =
        config(4, 4, Dataflow.WS, Timing.CORRECTED)
            .withFormats(OperandFormat.INT8, OperandFormat.INT16, OperandFormat.INT8);
    assertThatThrownBy(() ->
            new SystolicArrayModel(cfg)
                .run(gemm(4, 4, 4), RunOptions.defaults().withFidelity(Fidelity.CYCLE_STEPPED)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "test: the PE array steps single-pass formats with equal operand and mac formats");
  }

  @Test
  void matmulOfTwoActivationsSteps() {
    GraphBuilder g = new GraphBuilder("mm");
    ValueId a = g.input("a", TensorType.f32(3, 5, 6));
    ValueId b = g.input("b", TensorType.f32(3, 6, 7));
    g.output(g.apply("bmm", new MatMul(), a, b));
    Graph graph = g.build();
    for (Dataflow df : Dataflow.values()) {
      SystolicArrayModel model = new SystolicArrayModel(config(4, 4, df, Timing.SCALESIM_V2));
      assertThat(
              model.run(graph, RunOptions.defaults().withFidelity(Fidelity.CYCLE_STEPPED)).cycles())
          .isEqualTo(model.run(graph).cycles());
    }
  }
}
