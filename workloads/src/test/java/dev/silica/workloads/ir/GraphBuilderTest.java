package dev.silica.workloads.ir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GraphBuilderTest {
  private static GraphBuilder tiny() {
    return new GraphBuilder("tiny");
  }

  @Test
  void errorsNameTheNode() {
    GraphBuilder b = tiny();
    ValueId x = b.input("x", TensorType.f32(1, 32, 8, 8));
    ValueId w = b.parameter("conv3.weight", TensorType.f32(16, 64, 3, 3));
    assertThatThrownBy(() -> b.apply("conv3", Conv2d.of(1, 1), x, w))
        .isInstanceOf(IrException.class)
        .hasMessage("conv3: weight channels 64 != input channels 32");
    assertThatThrownBy(() -> b.apply("relu", new Relu(), new ValueId("nope")))
        .hasMessage("relu: unknown operand %nope");
    assertThatThrownBy(() -> b.apply("add", new Add(), x))
        .hasMessage("add: add takes 2 operands, got 1");
  }

  @Test
  void namesAreUniqueAcrossValuesAndNodes() {
    GraphBuilder b = tiny();
    ValueId x = b.input("x", TensorType.f32(1, 4));
    assertThatThrownBy(() -> b.input("x", TensorType.f32(1, 4)))
        .hasMessage("x: name already defined (input)");
    b.apply("r", new Relu(), x);
    assertThatThrownBy(() -> b.apply("r", new Relu(), x))
        .hasMessage("r: name already defined (activation)");
  }

  @Test
  void buildRequiresNodesAndOutputs() {
    GraphBuilder b = tiny();
    ValueId x = b.input("x", TensorType.f32(1, 4));
    assertThatThrownBy(b::build).hasMessage("tiny: a graph must have at least one node");
    b.apply("r", new Relu(), x);
    assertThatThrownBy(b::build).hasMessage("tiny: a graph must declare at least one output");
    Graph g = b.output(new ValueId("r")).build();
    assertThat(g.nodes()).hasSize(1);
    assertThatThrownBy(() -> b.apply("r2", new Relu(), x))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void multipleOutputsAreNumbered() {
    GraphBuilder b = tiny();
    ValueId x = b.input("x", TensorType.f32(1, 3, 4, 4));
    var outs =
        b.node("pool", new MaxPool(2, 2, 2, 2, Padding.NONE, false, true), java.util.List.of(x));
    assertThat(outs).containsExactly(new ValueId("pool"), new ValueId("pool.1"));
    ValueId up = b.apply("unpool", MaxUnpool.of(2, 2), outs.get(0), outs.get(1));
    Graph g = b.output(up).build();
    assertThat(g.type(up)).isEqualTo(TensorType.f32(1, 3, 4, 4));
    assertThat(g.producer(new ValueId("pool.1")).name()).isEqualTo("pool");
  }

  @Test
  void equalGraphsFromEqualConstruction() {
    assertThat(smallNet()).isEqualTo(smallNet()).hasSameHashCodeAs(smallNet());
  }

  @Test
  void statsCountParametersOnceAndSkipInPlaceOps() {
    Graph g = smallNet();
    GraphStats s = g.stats();
    // conv: 8·3·3·3 weights + 8 biases = 224; bn: scale + bias = 16 (running stats are buffers)
    assertThat(s.parameters()).isEqualTo(224 + 16);
    assertThat(s.buffers()).isEqualTo(16);
    // MACs = 8·6·6·3·3·3 = 7,776 (conv only)
    assertThat(s.macs()).isEqualTo(7_776);
    // activations: input 3·8·8 = 192, conv 288, bn 288; relu in place adds nothing
    assertThat(s.activationValues()).isEqualTo(192 + 288 + 288);
    assertThat(s.activationBytes(2)).isEqualTo(2L * (192 + 288 + 288));
    assertThat(s.nodes())
        .extracting(GraphStats.NodeStats::parameters)
        .containsExactly(224L, 16L, 0L);
  }

  private static Graph smallNet() {
    GraphBuilder b = tiny();
    ValueId x = b.input("x", TensorType.f32(1, 3, 8, 8));
    ValueId w = b.parameter("conv.weight", TensorType.f32(8, 3, 3, 3));
    ValueId bias = b.parameter("conv.bias", TensorType.f32(8));
    ValueId c = b.apply("conv", Conv2d.of(1, 0), x, w, bias);
    ValueId y =
        b.apply(
            "bn",
            new BatchNorm(1e-5f),
            c,
            b.parameter("bn.weight", TensorType.f32(8)),
            b.parameter("bn.bias", TensorType.f32(8)),
            b.buffer("bn.running_mean", TensorType.f32(8)),
            b.buffer("bn.running_var", TensorType.f32(8)));
    return b.output(b.apply("relu", new Relu(), y)).build();
  }
}
