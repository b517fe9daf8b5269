package dev.silica.workloads.text;

import dev.silica.workloads.ir.Add;
import dev.silica.workloads.ir.AvgPool;
import dev.silica.workloads.ir.BatchNorm;
import dev.silica.workloads.ir.CausalMask;
import dev.silica.workloads.ir.Concat;
import dev.silica.workloads.ir.Conv2d;
import dev.silica.workloads.ir.ConvTranspose2d;
import dev.silica.workloads.ir.DType;
import dev.silica.workloads.ir.Dropout;
import dev.silica.workloads.ir.Embedding;
import dev.silica.workloads.ir.Flatten;
import dev.silica.workloads.ir.Gelu;
import dev.silica.workloads.ir.Gemm;
import dev.silica.workloads.ir.GlobalAvgPool;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.GraphBuilder;
import dev.silica.workloads.ir.Gru;
import dev.silica.workloads.ir.LayerNorm;
import dev.silica.workloads.ir.LeakyRelu;
import dev.silica.workloads.ir.Lrn;
import dev.silica.workloads.ir.Lstm;
import dev.silica.workloads.ir.MatMul;
import dev.silica.workloads.ir.MaxPool;
import dev.silica.workloads.ir.MaxUnpool;
import dev.silica.workloads.ir.Mul;
import dev.silica.workloads.ir.OneHot;
import dev.silica.workloads.ir.Padding;
import dev.silica.workloads.ir.Relu;
import dev.silica.workloads.ir.Reshape;
import dev.silica.workloads.ir.Rnn;
import dev.silica.workloads.ir.Sigmoid;
import dev.silica.workloads.ir.Softmax;
import dev.silica.workloads.ir.Tanh;
import dev.silica.workloads.ir.TensorType;
import dev.silica.workloads.ir.Transpose;
import dev.silica.workloads.ir.Upsample;
import dev.silica.workloads.ir.ValueId;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Hand-built graphs that together use every op type, each with non-default attributes, for the
 * round-trip and fuzz tests.
 */
final class IrTestGraphs {
  private IrTestGraphs() {}

  /** Every hand-built graph. */
  static List<Graph> all() {
    return List.of(
        cnn(),
        sequence(),
        attention(),
        oddNames(),
        literals(42),
        dev.silica.workloads.ir.QuantizedTestGraph.build());
  }

  /**
   * Convolutions and pools with asymmetric, SAME and VALID padding, dilation, groups, ceil mode,
   * indices and unpooling, transposed convolution, upsampling, and the classifier head ops.
   */
  static Graph cnn() {
    GraphBuilder g = new GraphBuilder("cnn");
    ValueId x = g.input("image", TensorType.f32(1, 4, 17, 19));
    ValueId w1 = g.parameter("conv1.weight", TensorType.f32(8, 4, 3, 3));
    ValueId b1 = g.parameter("conv1.bias", TensorType.f32(8));
    // asymmetric padding, unequal strides and dilations
    ValueId c1 = g.apply("conv1", new Conv2d(2, 1, Padding.of(1, 2, 0, 1), 1, 2, 1), x, w1, b1);
    ValueId bnScale = g.parameter("bn1.weight", TensorType.f32(8));
    ValueId bnBias = g.parameter("bn1.bias", TensorType.f32(8));
    ValueId bnMean = g.buffer("bn1.running_mean", TensorType.f32(8));
    ValueId bnVar = g.buffer("bn1.running_var", TensorType.f32(8));
    ValueId bn = g.apply("bn1", new BatchNorm(1e-3f), c1, bnScale, bnBias, bnMean, bnVar);
    ValueId act = g.apply("act1", new LeakyRelu(0.1f), bn);
    // depthwise, SAME_LOWER, no bias
    ValueId w2 = g.parameter("dw.weight", TensorType.f32(8, 1, 4, 4));
    ValueId dw =
        g.apply(
            "dw",
            new Conv2d(2, 2, new Padding(Padding.Mode.SAME_LOWER, 0, 0, 0, 0), 1, 1, 8),
            act,
            w2);
    // grouped, VALID
    ValueId w3 = g.parameter("grouped.weight", TensorType.f32(6, 4, 1, 2));
    ValueId grouped =
        g.apply(
            "grouped",
            new Conv2d(1, 1, new Padding(Padding.Mode.VALID, 0, 0, 0, 0), 1, 1, 2),
            dw,
            w3);
    ValueId relu = g.apply("relu2", new Relu(), grouped);
    List<ValueId> pool =
        g.node("pool", new MaxPool(3, 2, 2, 2, Padding.of(1, 0, 1, 1), true, true), List.of(relu));
    ValueId unpooled =
        g.apply(
            "unpool", new MaxUnpool(3, 2, 2, 2, Padding.of(1, 0, 1, 1)), pool.get(0), pool.get(1));
    ValueId avg = g.apply("avg", new AvgPool(2, 3, 1, 2, Padding.SAME, false, true), unpooled);
    ValueId lrn = g.apply("lrn", new Lrn(5, 1e-4f, 0.75f, 2f), avg);
    ValueId up = g.apply("up", new Upsample(2, 3), lrn);
    ValueId wt = g.parameter("deconv.weight", TensorType.f32(6, 2, 3, 3));
    ValueId bt = g.parameter("deconv.bias", TensorType.f32(4));
    ValueId deconv =
        g.apply(
            "deconv", new ConvTranspose2d(2, 2, Padding.of(1, 1, 0, 0), 1, 0, 1, 1, 2), up, wt, bt);
    ValueId gap = g.apply("gap", new GlobalAvgPool(), deconv);
    ValueId gap2 = g.apply("gap2", new GlobalAvgPool(), up);
    ValueId cat = g.apply("cat", new Concat(-3), gap, gap2);
    ValueId flat = g.apply("flatten", new Flatten(1), cat);
    ValueId fcW = g.parameter("fc.weight", TensorType.f32(10, 10));
    ValueId fcB = g.parameter("fc.bias", TensorType.f32(10));
    ValueId fc = g.apply("fc", new Gemm(false, true, 0.5f, -2f), flat, fcW, fcB);
    ValueId fc2W = g.parameter("fc2.weight", TensorType.f32(10, 3));
    ValueId fc2 =
        g.apply(
            "fc2", new Gemm(true, false, 1.25f, 0f), g.apply("t", Transpose.of(1, 0), fc), fc2W);
    ValueId sig = g.apply("sig", new Sigmoid(), fc2);
    ValueId tanh = g.apply("tanh", new Tanh(), sig);
    ValueId gelu = g.apply("gelu", new Gelu(true), tanh);
    ValueId drop = g.apply("drop", new Dropout(0.25f), gelu);
    ValueId bias = g.constant("shift", TensorType.f32(3), -1.5f, 0f, 3.25f);
    ValueId sum = g.apply("sum", new Add(), drop, bias);
    ValueId prod = g.apply("prod", new Mul(), sum, g.constant("gain", TensorType.f32(), -0.125f));
    ValueId soft = g.apply("softmax", new Softmax(-1), prod);
    return g.output(soft, fc).build();
  }

  /** Embedding, one-hot and the recurrent ops, with and without their optional initial states. */
  static Graph sequence() {
    GraphBuilder g = new GraphBuilder("sequence");
    ValueId tokens = g.input("tokens", TensorType.of(DType.I64, 5, 2));
    ValueId table = g.parameter("embed.weight", TensorType.f32(100, 16));
    ValueId x = g.apply("embed", new Embedding(), tokens, table);
    ValueId h0 = g.input("h0", TensorType.f32(2, 8));
    ValueId c0 = g.input("c0", TensorType.f32(2, 8));
    List<ValueId> lstm =
        g.node(
            "lstm1",
            new Lstm(8),
            List.of(
                x,
                g.parameter("lstm1.wx", TensorType.f32(16, 32)),
                g.parameter("lstm1.wh", TensorType.f32(8, 32)),
                g.parameter("lstm1.b", TensorType.f32(32)),
                h0,
                c0));
    List<ValueId> lstm2 =
        g.node(
            "lstm2",
            new Lstm(4),
            List.of(
                lstm.get(0),
                g.parameter("lstm2.wx", TensorType.f32(8, 16)),
                g.parameter("lstm2.wh", TensorType.f32(4, 16)),
                g.parameter("lstm2.b", TensorType.f32(16)),
                g.input("lstm2.h0", TensorType.f32(2, 4))));
    List<ValueId> gru =
        g.node(
            "gru",
            new Gru(6, true),
            List.of(
                lstm2.get(0),
                g.parameter("gru.wx", TensorType.f32(4, 18)),
                g.parameter("gru.wh", TensorType.f32(6, 18)),
                g.parameter("gru.bx", TensorType.f32(18)),
                g.parameter("gru.bh", TensorType.f32(18)),
                g.input("gru.h0", TensorType.f32(2, 6))));
    List<ValueId> rnn =
        g.node(
            "rnn",
            new Rnn(3, Rnn.Activation.RELU),
            List.of(
                gru.get(0),
                g.parameter("rnn.wx", TensorType.f32(6, 3)),
                g.parameter("rnn.wh", TensorType.f32(3, 3)),
                g.parameter("rnn.b", TensorType.f32(3))));
    List<ValueId> rnn2 =
        g.node(
            "rnn2",
            new Rnn(3, Rnn.Activation.TANH),
            List.of(
                rnn.get(0),
                g.parameter("rnn2.wx", TensorType.f32(3, 3)),
                g.parameter("rnn2.wh", TensorType.f32(3, 3)),
                g.parameter("rnn2.b", TensorType.f32(3)),
                rnn.get(1)));
    List<ValueId> gru2 =
        g.node(
            "gru2",
            new Gru(2, false),
            List.of(
                rnn2.get(0),
                g.parameter("gru2.wx", TensorType.f32(3, 6)),
                g.parameter("gru2.wh", TensorType.f32(2, 6)),
                g.parameter("gru2.bx", TensorType.f32(6)),
                g.parameter("gru2.bh", TensorType.f32(6))));
    ValueId onehot = g.apply("onehot", new OneHot(7), tokens);
    return g.output(gru2.get(0), lstm.get(1), lstm.get(2), gru.get(1), rnn2.get(1), onehot).build();
  }

  /** One attention head: layer norm, matmuls, reshape, transpose, scale, causal mask. */
  static Graph attention() {
    GraphBuilder g = new GraphBuilder("attention");
    ValueId x = g.input("x", TensorType.f32(1, 4, 8));
    ValueId ln =
        g.apply(
            "ln",
            new LayerNorm(-1, 1e-6f),
            x,
            g.parameter("ln.weight", TensorType.f32(8)),
            g.parameter("ln.bias", TensorType.f32(8)));
    ValueId q = g.apply("q", new MatMul(), ln, g.parameter("wq", TensorType.f32(8, 8)));
    ValueId k = g.apply("k", new MatMul(), ln, g.parameter("wk", TensorType.f32(8, 8)));
    ValueId qh = g.apply("qh", Transpose.of(0, 2, 1, 3), g.apply("q4", Reshape.of(0, 0, 2, -1), q));
    ValueId kh = g.apply("kh", Transpose.of(0, 2, 3, 1), g.apply("k4", Reshape.of(1, 4, 2, 4), k));
    ValueId scores = g.apply("scores", new MatMul(), qh, kh);
    ValueId scaled =
        g.apply("scaled", new Mul(), scores, g.constant("scale", TensorType.f32(), 0.35355338f));
    ValueId masked = g.apply("mask", new CausalMask(Float.NEGATIVE_INFINITY), scaled);
    ValueId p = g.apply("probs", new Softmax(3), masked);
    ValueId vh = g.apply("vh", Transpose.of(0, 2, 1, 3), g.apply("v4", Reshape.of(0, 0, 2, 4), x));
    ValueId ctx = g.apply("ctx", new MatMul(), p, vh);
    ValueId merged =
        g.apply("merged", Reshape.of(4, -1), g.apply("ctx_t", Transpose.of(0, 2, 1, 3), ctx));
    ValueId masked2 =
        g.apply(
            "mask2",
            new CausalMask(-1e9f),
            g.apply("sq", new MatMul(), merged, g.apply("mt", Transpose.of(1, 0), merged)));
    ValueId vec = g.apply("vec", new MatMul(), g.parameter("row", TensorType.f32(4)), masked2);
    return g.output(vec, ctx).build();
  }

  /** Names that stretch the lexer: colons, slashes, dashes, digits first, a trailing colon. */
  static Graph oddNames() {
    GraphBuilder g = new GraphBuilder("odd:names/v-1.0");
    ValueId x = g.input("input:0", TensorType.of(DType.F16, 2, 3));
    ValueId w = g.parameter("model/dense:", TensorType.of(DType.F16, 3, 3));
    ValueId y = g.apply("1st-layer/out:0", new MatMul(), x, w);
    ValueId z = g.apply("::", new Relu(), y);
    ValueId s = g.apply("_", new Softmax(0), g.apply("a.b.c", new Add(), z, x));
    return g.output(s, z).build();
  }

  /**
   * A buffer literal with the float values that are hard to print: infinities, NaN, negative zero,
   * the smallest subnormal and the largest finite, then seeded random bit patterns.
   */
  static Graph literals(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[256];
    float[] special = {
      Float.NEGATIVE_INFINITY,
      Float.POSITIVE_INFINITY,
      Float.NaN,
      -0f,
      0f,
      Float.MIN_VALUE,
      -Float.MIN_VALUE,
      Float.MIN_NORMAL,
      Float.MAX_VALUE,
      -Float.MAX_VALUE,
      0.1f,
      1e-45f,
      16777217f,
      Math.nextUp(1f),
      (float) Math.PI,
      -1e38f
    };
    System.arraycopy(special, 0, values, 0, special.length);
    for (int i = special.length; i < values.length; i++) {
      values[i] = Float.intBitsToFloat(random.nextInt());
    }
    GraphBuilder g = new GraphBuilder("literals");
    ValueId x = g.input("x", TensorType.f32(16, 16));
    ValueId c = g.constant("c", TensorType.f32(16, 16), values);
    ValueId y = g.apply("y", new Add(), x, c);
    ValueId lr = g.apply("lr", new LeakyRelu(-Float.MIN_VALUE), y);
    return g.output(lr).build();
  }
}
