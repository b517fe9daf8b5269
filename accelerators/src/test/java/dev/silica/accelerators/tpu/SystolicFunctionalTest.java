package dev.silica.accelerators.tpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silica.simulator.Fidelity;
import dev.silica.simulator.RunOptions;
import dev.silica.simulator.result.RunResult;
import dev.silica.simulator.result.SimInvariants;
import dev.silica.workloads.exec.ReferenceExecutor;
import dev.silica.workloads.exec.SeededInit;
import dev.silica.workloads.exec.Weights;
import dev.silica.workloads.ir.Conv2d;
import dev.silica.workloads.ir.Gemm;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.GraphBuilder;
import dev.silica.workloads.ir.MatMul;
import dev.silica.workloads.ir.Padding;
import dev.silica.workloads.ir.Softmax;
import dev.silica.workloads.ir.TensorType;
import dev.silica.workloads.ir.ValueId;
import dev.silica.workloads.tensor.Tensor;
import dev.silica.workloads.zoo.Zoo;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The functional tier: outputs of zoo models and of graphs exercising every product form (strided,
 * padded, dilated and grouped convolutions; Gemm with transposes, alpha, beta and a broadcast C;
 * batched MatMul of two activations) equal the quantized reference executor ({@link
 * QuantizedReference}) bit for bit in int8, and stay within fp16 operand rounding of the fp32
 * reference executor in fp16.
 */
class SystolicFunctionalTest {
  static final long SEED = 42;

  static SystolicArrayConfig config(int r, int c, Dataflow df, OperandFormat f) {
    return SystolicArrayAnalyticTest.array(r, c, df).withFormats(f, f, f);
  }

  static Graph products() {
    GraphBuilder g = new GraphBuilder("products");
    ValueId x = g.input("x", TensorType.f32(2, 6, 9, 9));
    ValueId w1 = g.parameter("w1", TensorType.f32(8, 3, 3, 3));
    ValueId b1 = g.parameter("b1", TensorType.f32(8));
    ValueId y = g.apply("gconv", new Conv2d(2, 1, Padding.of(1, 2), 1, 2, 2), x, w1, b1);
    ValueId w2 = g.parameter("w2", TensorType.f32(4, 8, 1, 1));
    y = g.apply("pconv", new Conv2d(1, 1, Padding.NONE, 1, 1, 1), y, w2);
    ValueId flat = g.apply("flat", new dev.silica.workloads.ir.Flatten(1), y);
    int feat = Math.toIntExact(g.type(flat).dim(1));
    ValueId wf = g.parameter("wf", TensorType.f32(10, feat));
    ValueId c = g.parameter("c", TensorType.f32(1, 10));
    ValueId fc = g.apply("fc", new Gemm(false, true, 0.5f, 2f), flat, wf, c);
    ValueId q = g.input("q", TensorType.f32(3, 4, 5));
    ValueId k = g.input("k", TensorType.f32(3, 5, 6));
    ValueId att = g.apply("bmm", new MatMul(), q, k);
    ValueId sm = g.apply("sm", new Softmax(-1), att);
    return g.output(fc, sm).build();
  }

  static void assertInt8Equal(Graph g, SystolicArrayConfig cfg) {
    Weights w = SeededInit.forGraph(g, SEED);
    Map<ValueId, Tensor> in = SeededInit.inputs(g, SEED);
    Map<ValueId, Tensor> expected = new QuantizedReference().run(g, in, w);
    SystolicFunctional.Result got = new SystolicFunctional(cfg).run(g, in, w);
    assertThat(got.outputs().keySet()).containsExactlyElementsOf(expected.keySet());
    for (ValueId o : expected.keySet()) {
      assertThat(got.outputs().get(o).floats())
          .as("%s %s", g.name(), o)
          .containsExactly(expected.get(o).toF32().floats());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"lenet5", "lenet5-caffe", "lenet-300-100", "dqn"})
  void int8ZooOutputsEqualTheQuantizedReferenceBitExactly(String model) {
    assertInt8Equal(Zoo.build(model), config(16, 16, Dataflow.WS, OperandFormat.INT8));
  }

  @ParameterizedTest(name = "{0} {1}x{2}")
  @CsvSource({"WS,8,8", "OS,5,7", "IS,16,3", "WS,1,1"})
  void int8ProductFormsEqualTheQuantizedReference(Dataflow df, int r, int c) {
    assertInt8Equal(products(), config(r, c, df, OperandFormat.INT8));
  }

  @Test
  void functionalRunCarriesTheOutputsAndAnalyticalTiming() {
    Graph g = Zoo.build("lenet5");
    SystolicArrayModel model =
        new SystolicArrayModel(config(16, 16, Dataflow.WS, OperandFormat.INT8));
    RunResult r =
        SimInvariants.check(
            model.run(g, RunOptions.defaults().withFidelity(Fidelity.FUNCTIONAL).withSeed(SEED)));
    assertThat(r.cycles()).isEqualTo(model.run(g).cycles());
    Map<ValueId, Tensor> expected =
        new QuantizedReference().run(g, SeededInit.inputs(g, SEED), SeededInit.forGraph(g, SEED));
    for (ValueId o : g.outputs()) {
      assertThat(((Tensor) r.outputs().get(o.name())).floats())
          .containsExactly(expected.get(o).floats());
    }
    assertThat(r.outputs()).doesNotContainKey(SystolicArrayModel.FP32_NODES_KEY);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"OS", "WS", "IS"})
  void fp16OutputsStayWithinOperandRoundingOfTheFp32Reference(Dataflow df) {
    Graph g = products();
    Weights w = SeededInit.forGraph(g, SEED);
    Map<ValueId, Tensor> in = SeededInit.inputs(g, SEED);
    Map<ValueId, Tensor> ref;
    try (ReferenceExecutor exec = new ReferenceExecutor()) {
      ref = exec.run(g, in, w);
    }
    SystolicFunctional.Result got =
        new SystolicFunctional(config(4, 4, df, OperandFormat.FP16)).run(g, in, w);
    for (ValueId o : ref.keySet()) {
      // fp16 operands carry a relative error of at most 2^-11 each (two per product), the fp32
      // sums 2^-24 per addition; outputs here are O(1), so 1e-2 absolute bounds the whole chain
      assertThat(got.outputs().get(o).allClose(ref.get(o), 1e-2, 1e-2)).as("%s", o).isTrue();
    }
  }

  @Test
  void recurrentProductsAreNamedAsRunInFp32() {
    Graph g = Zoo.build("rnn-lm");
    SystolicArrayModel model =
        new SystolicArrayModel(config(16, 16, Dataflow.WS, OperandFormat.INT8));
    RunResult r = model.run(g, RunOptions.defaults().withFidelity(Fidelity.FUNCTIONAL));
    assertThat(r.outputs().get(SystolicArrayModel.FP32_NODES_KEY)).asList().isNotEmpty();
  }

  @Test
  void unsupportedFormatsAreRefused() {
    SystolicArrayModel model =
        new SystolicArrayModel(config(4, 4, Dataflow.WS, OperandFormat.INT16));
    assertThatThrownBy(() ->
            model.run(
                SystolicArrayAnalyticTest.gemm(4, 4, 4),
                RunOptions.defaults().withFidelity(Fidelity.FUNCTIONAL)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "test: functional outputs need mac, weights and activations all int8, fp16 or bf16,"
                + " got mac int16, weights int16, activations int16");
  }
}
