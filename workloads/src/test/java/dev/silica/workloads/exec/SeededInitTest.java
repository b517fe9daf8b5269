package dev.silica.workloads.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.workloads.ir.BatchNorm;
import dev.silica.workloads.ir.Conv2d;
import dev.silica.workloads.ir.ConvTranspose2d;
import dev.silica.workloads.ir.DType;
import dev.silica.workloads.ir.Embedding;
import dev.silica.workloads.ir.Gemm;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.GraphBuilder;
import dev.silica.workloads.ir.Lstm;
import dev.silica.workloads.ir.Mul;
import dev.silica.workloads.ir.Shape;
import dev.silica.workloads.ir.TensorType;
import dev.silica.workloads.ir.ValueId;
import dev.silica.workloads.tensor.Tensor;
import org.junit.jupiter.api.Test;

class SeededInitTest {
  private static Graph net(boolean reversedDeclarations) {
    GraphBuilder b = new GraphBuilder("net");
    ValueId x = b.input("x", TensorType.f32(1, 4, 8, 8));
    ValueId w;
    ValueId bias;
    if (reversedDeclarations) {
      bias = b.parameter("conv.bias", TensorType.f32(16));
      w = b.parameter("conv.weight", TensorType.f32(16, 2, 3, 3));
    } else {
      w = b.parameter("conv.weight", TensorType.f32(16, 2, 3, 3));
      bias = b.parameter("conv.bias", TensorType.f32(16));
    }
    ValueId y = b.apply("conv", Conv2d.of(1, 1, 2), x, w, bias);
    ValueId bn =
        b.apply(
            "bn",
            new BatchNorm(1e-5f),
            y,
            b.parameter("bn.weight", TensorType.f32(16)),
            b.parameter("bn.bias", TensorType.f32(16)),
            b.buffer("bn.running_mean", TensorType.f32(16)),
            b.buffer("bn.running_var", TensorType.f32(16)));
    ValueId up =
        b.apply(
            "up",
            ConvTranspose2d.of(2, 1),
            bn,
            b.parameter("up.weight", TensorType.f32(16, 5, 4, 4)));
    ValueId scaled = b.apply("scale", new Mul(), up, b.constant("half", TensorType.f32(1), 0.5f));
    return b.output(scaled).build();
  }

  /** Found by the ONNX Runtime cross-check: LeNet-5's C3 table ran with every index 0. */
  @Test
  void integerLiteralsKeepTheirValues() {
    GraphBuilder b = new GraphBuilder("gather");
    ValueId table = b.input("table", TensorType.f32(4, 3));
    ValueId idx = b.constant("idx", new TensorType(DType.I64, Shape.of(5)), 3, 0, 2, 2, 1);
    ValueId unset = b.buffer("unset", new TensorType(DType.I64, Shape.of(2)));
    ValueId rows = b.apply("rows", new Embedding(), idx, table);
    ValueId more = b.apply("more", new Embedding(), unset, table);
    Graph g = b.output(rows, more).build();
    Weights w = SeededInit.forGraph(g, 42);
    assertThat(w.get(idx).longs()).containsExactly(3, 0, 2, 2, 1);
    assertThat(w.get(unset).longs()).containsExactly(0, 0);
  }

  @Test
  void pytorchDefaultBoundsFromTheConsumingOp() {
    Graph g = net(false);
    // conv: fan_in = C/g·R·S = 2·3·3 = 18 (Kaiming-uniform a = √5 gives 1/√fan_in)
    assertThat(SeededInit.ruleFor(g, new ValueId("conv.weight")))
        .isEqualTo(new SeededInit.Rule.Uniform(1 / Math.sqrt(18)));
    assertThat(SeededInit.ruleFor(g, new ValueId("conv.bias")))
        .isEqualTo(new SeededInit.Rule.Uniform(1 / Math.sqrt(18)));
    // conv_transpose weight [C, M/g, R, S]: PyTorch's fan_in is dimension 1 · R · S = 5·4·4
    assertThat(SeededInit.ruleFor(g, new ValueId("up.weight")))
        .isEqualTo(new SeededInit.Rule.Uniform(1 / Math.sqrt(80)));
    assertThat(SeededInit.ruleFor(g, new ValueId("bn.running_var")))
        .isEqualTo(new SeededInit.Rule.Constant(1));
    assertThat(SeededInit.ruleFor(g, new ValueId("half"))).isEqualTo(new SeededInit.Rule.Literal());
    Weights w = SeededInit.forGraph(g, 7);
    w.check(g);
    Tensor cw = w.get(new ValueId("conv.weight"));
    double bound = 1 / Math.sqrt(18);
    for (float v : cw.floats()) {
      assertThat(Math.abs(v)).isLessThanOrEqualTo((float) bound);
    }
    assertThat(w.get(new ValueId("bn.weight")).floats()).containsOnly(1f);
    assertThat(w.get(new ValueId("bn.running_mean")).floats()).containsOnly(0f);
    assertThat(w.get(new ValueId("half")).floats()).containsExactly(0.5f);
  }

  @Test
  void valuesDependOnSeedAndNameButNotOnDeclarationOrder() {
    Weights a = SeededInit.forGraph(net(false), 7);
    Weights b = SeededInit.forGraph(net(true), 7);
    Weights c = SeededInit.forGraph(net(false), 8);
    ValueId id = new ValueId("conv.weight");
    assertThat(a.get(id)).isEqualTo(b.get(id));
    assertThat(a.get(new ValueId("conv.bias"))).isEqualTo(b.get(new ValueId("conv.bias")));
    assertThat(a.get(id)).isNotEqualTo(c.get(id));
  }

  @Test
  void linearEmbeddingAndRecurrentRules() {
    GraphBuilder b = new GraphBuilder("seq");
    ValueId tokens = b.input("tokens", new TensorType(DType.I64, Shape.of(64)));
    ValueId table = b.parameter("emb", TensorType.f32(1000, 32));
    ValueId e = b.apply("embed", new Embedding(), tokens, table);
    ValueId fc =
        b.apply(
            "fc",
            Gemm.fullyConnected(),
            e,
            b.parameter("fc.weight", TensorType.f32(10, 32)),
            b.parameter("fc.bias", TensorType.f32(10)));
    ValueId seq = b.input("seq", TensorType.f32(5, 1, 10));
    ValueId l =
        b.apply(
            "lstm",
            new Lstm(20),
            seq,
            b.parameter("wx", TensorType.f32(10, 80)),
            b.parameter("wh", TensorType.f32(20, 80)),
            b.parameter("b", TensorType.f32(80)));
    Graph g = b.output(fc, l).build();
    // nn.Linear: U(±1/√in_features)
    assertThat(SeededInit.ruleFor(g, new ValueId("fc.weight")))
        .isEqualTo(new SeededInit.Rule.Uniform(1 / Math.sqrt(32)));
    assertThat(SeededInit.ruleFor(g, new ValueId("emb"))).isEqualTo(new SeededInit.Rule.Normal(1));
    // nn.LSTM: U(±1/√hidden_size)
    assertThat(SeededInit.ruleFor(g, new ValueId("wh")))
        .isEqualTo(new SeededInit.Rule.Uniform(1 / Math.sqrt(20)));
    Weights w = SeededInit.forGraph(g, 3);
    float[] emb = w.get(new ValueId("emb")).floats();
    double mean = 0;
    double sq = 0;
    for (float v : emb) {
      mean += v;
      sq += v * v;
    }
    mean /= emb.length;
    double std = Math.sqrt(sq / emb.length - mean * mean);
    // 32,000 draws of N(0,1): standard error of the mean 0.0056, of the std about 0.004
    assertThat(mean).isBetween(-0.03, 0.03);
    assertThat(std).isBetween(0.98, 1.02);
    long[] idx = SeededInit.inputs(g, 3).get(tokens).longs();
    assertThat(java.util.Arrays.stream(idx).min().getAsLong()).isGreaterThanOrEqualTo(0L);
    assertThat(java.util.Arrays.stream(idx).max().getAsLong()).isLessThan(1000L);
    assertThat(SeededInit.inputs(g, 3).get(tokens)).isEqualTo(SeededInit.inputs(g, 3).get(tokens));
  }
}
