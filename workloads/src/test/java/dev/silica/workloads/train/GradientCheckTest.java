package dev.silica.workloads.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silica.workloads.exec.ReferenceExecutor;
import dev.silica.workloads.exec.SeededInit;
import dev.silica.workloads.exec.Weights;
import dev.silica.workloads.ir.AvgPool;
import dev.silica.workloads.ir.Conv2d;
import dev.silica.workloads.ir.DType;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.GraphBuilder;
import dev.silica.workloads.ir.LayerNorm;
import dev.silica.workloads.ir.MaxPool;
import dev.silica.workloads.ir.Padding;
import dev.silica.workloads.ir.Shape;
import dev.silica.workloads.ir.TensorType;
import dev.silica.workloads.ir.ValueId;
import dev.silica.workloads.tensor.Tensor;
import dev.silica.workloads.zoo.Zoo;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Backpropagation against the outside: every analytic gradient (parameters and input) equals a
 * central finite difference of the loss, {@code (L(θ+h) − L(θ−h)) / 2h}, evaluated in FP64 by the
 * reference executor (an independent forward implementation); the forward pass equals the
 * executor's FP32 result.
 */
class GradientCheckTest {
  private static final double H = 1e-3;

  /** Small graphs that together use every op with a backward kernel, in awkward configurations. */
  static Stream<Graph> graphs() {
    return Stream.of(
        convNet(Conv2d.of(1, 0, 1), 2, 3),
        convNet(new Conv2d(2, 1, Padding.of(1, 2, 0, 1), 1, 1, 1), 2, 3),
        convNet(new Conv2d(1, 1, Padding.of(2), 2, 2, 2), 4, 4),
        poolNet(),
        Zoo.build("lenet5"),
        Zoo.build("lenet-300-100"));
  }

  private static Graph convNet(Conv2d conv, int cin, int cout) {
    GraphBuilder b = new GraphBuilder("conv");
    ValueId x = b.input("x", TensorType.f32(1, cin, 7, 6));
    ValueId w = b.parameter("w", TensorType.f32(cout, cin / conv.groups(), 3, 3));
    ValueId bias = b.parameter("b", TensorType.f32(cout));
    ValueId y = b.apply("conv", conv, x, w, bias);
    y = b.apply("act", new dev.silica.workloads.ir.Tanh(), y);
    ValueId flat = b.apply("flat", new dev.silica.workloads.ir.Flatten(1), y);
    int features = Math.toIntExact(b.type(flat).shape().size());
    ValueId fw = b.parameter("fc.weight", TensorType.f32(4, features));
    ValueId fb = b.parameter("fc.bias", TensorType.f32(4));
    b.output(b.apply("fc", dev.silica.workloads.ir.Gemm.fullyConnected(), flat, fw, fb));
    return b.build();
  }

  private static Graph poolNet() {
    GraphBuilder b = new GraphBuilder("pools");
    ValueId x = b.input("x", TensorType.f32(1, 2, 7, 7));
    ValueId w = b.parameter("w", TensorType.f32(2, 2, 1, 1));
    ValueId c = b.apply("mix", Conv2d.of(1, 0, 1), x, w);
    ValueId m = b.apply("max", new MaxPool(3, 3, 2, 2, Padding.of(1), true, false), c);
    ValueId a = b.apply("avg", new AvgPool(2, 2, 2, 2, Padding.of(0, 0, 1, 1), true, true), c);
    ValueId s = b.apply("sig", new dev.silica.workloads.ir.Sigmoid(), m);
    ValueId r = b.apply("lrelu", new dev.silica.workloads.ir.LeakyRelu(0.1f), a);
    ValueId prod = b.apply("prod", new dev.silica.workloads.ir.Mul(), s, r);
    ValueId sum = b.apply("sum", new dev.silica.workloads.ir.Add(), prod, s);
    ValueId cat = b.apply("cat", new dev.silica.workloads.ir.Concat(1), sum, r);
    ValueId g = b.apply("gap", new dev.silica.workloads.ir.GlobalAvgPool(), cat);
    ValueId flat = b.apply("flat", new dev.silica.workloads.ir.Flatten(1), g);
    ValueId rel = b.apply("relu", new dev.silica.workloads.ir.Relu(), flat);
    ValueId fw = b.parameter("fc.weight", TensorType.f32(3, 4));
    b.output(b.apply("fc", new dev.silica.workloads.ir.Gemm(false, true, 1.5f, 0f), rel, fw));
    return b.build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("graphs")
  void gradientsEqualFiniteDifferences(Graph g) {
    Weights init = SeededInit.forGraph(g, 7);
    TrainableGraph net = new TrainableGraph(g, init);
    Workspace w = net.workspace();
    Map<ValueId, Tensor> inputs = SeededInit.inputs(g, 11);
    ValueId inputId = g.inputs().get(0).id();
    float[] x = inputs.get(inputId).floats();
    System.arraycopy(x, 0, w.val[net.input], 0, x.length);
    int label = 1;
    w.zeroParameterGradients(net);
    net.forwardBackward(w, label);

    // forward equals the reference executor (FP32) up to summation order
    float[] z = w.val[net.output].clone();
    try (ReferenceExecutor ex = new ReferenceExecutor()) {
      Tensor ref = ex.run(g, inputs, init).get(g.outputs().get(0));
      for (int k = 0; k < z.length; k++) {
        assertThat((double) z[k])
            .isCloseTo(
                ref.getDouble(k),
                org.assertj.core.data.Offset.offset(1e-4 * (1 + Math.abs(ref.getDouble(k)))));
      }
    }

    SplittableRandom pick = new SplittableRandom(3);
    int checked = 0;
    for (int p = -1; p < net.parameters.length; p++) {
      int slot = p < 0 ? net.input : net.parameters[p];
      float[] analytic = w.grad[slot];
      for (int t = 0; t < 6; t++) {
        int i = pick.nextInt(analytic.length);
        double numeric = finiteDifference(g, init, inputs, inputId, net, slot, i, label);
        assertThat((double) analytic[i])
            .as("%s: d loss / d %s[%d]", g.name(), g.values().get(slot).id().name(), i)
            .isCloseTo(
                numeric, org.assertj.core.data.Offset.offset(2e-3 + 2e-2 * Math.abs(numeric)));
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(12);
  }

  /** Central difference of the FP64 reference loss in element {@code i} of value {@code slot}. */
  private static double finiteDifference(
      Graph g,
      Weights init,
      Map<ValueId, Tensor> inputs,
      ValueId inputId,
      TrainableGraph net,
      int slot,
      int i,
      int label) {
    ValueId id = g.values().get(slot).id();
    double[] loss = new double[2];
    for (int side = 0; side < 2; side++) {
      double delta = side == 0 ? H : -H;
      Weights w = new Weights();
      init.asMap().forEach(w::put);
      Map<ValueId, Tensor> in = new java.util.HashMap<>(inputs);
      Tensor base = id.equals(inputId) ? inputs.get(id) : init.get(id);
      double[] d = base.toDoubleArray();
      d[i] += delta;
      Tensor moved = Tensor.of(base.shape(), d);
      if (id.equals(inputId)) {
        in.put(id, moved);
      } else {
        w.put(id, moved);
      }
      try (ReferenceExecutor ex = new ReferenceExecutor(dev.silica.workloads.exec.Precision.FP64)) {
        Tensor z = ex.run(g, in, w).get(g.outputs().get(0));
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < z.size(); k++) {
          max = Math.max(max, z.getDouble(k));
        }
        double s = 0;
        for (int k = 0; k < z.size(); k++) {
          s += Math.exp(z.getDouble(k) - max);
        }
        loss[side] = Math.log(s) + max - z.getDouble(label);
      }
    }
    return (loss[0] - loss[1]) / (2 * H);
  }

  @Test
  void unsupportedOpNamesNodeAndOp() {
    GraphBuilder b = new GraphBuilder("ln");
    ValueId x = b.input("x", TensorType.f32(1, 8));
    ValueId s = b.parameter("s", TensorType.f32(8));
    ValueId t = b.parameter("t", TensorType.f32(8));
    b.output(b.apply("norm", new LayerNorm(-1, 1e-5f), x, s, t));
    Graph g = b.build();
    assertThatThrownBy(() -> new TrainableGraph(g, SeededInit.forGraph(g, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("node 'norm': training does not support op 'layernorm'");
  }

  @ParameterizedTest
  @ValueSource(ints = {2})
  void batchOfTwoIsRejected(int batch) {
    GraphBuilder b = new GraphBuilder("b2");
    ValueId x = b.input("x", new TensorType(DType.F32, Shape.of(batch, 4)));
    ValueId w = b.parameter("w", TensorType.f32(3, 4));
    b.output(b.apply("fc", dev.silica.workloads.ir.Gemm.fullyConnected(), x, w));
    Graph g = b.build();
    assertThatThrownBy(() -> new TrainableGraph(g, SeededInit.forGraph(g, 1)))
        .hasMessage("b2: input 'x' must be f32 with batch 1, got f32[2,4]");
  }
}
