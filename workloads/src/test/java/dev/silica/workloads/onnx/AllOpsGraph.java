package dev.silica.workloads.onnx;

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

/** A small graph that applies every IR op, with the attribute variants the exporter encodes. */
final class AllOpsGraph {
  private AllOpsGraph() {}

  static Graph build() {
    GraphBuilder g = new GraphBuilder("all_ops");
    ValueId x = g.input("image", TensorType.f32(1, 4, 8, 8));
    ValueId c1 =
        g.apply(
            "conv_same",
            new Conv2d(1, 1, Padding.SAME, 1, 1, 2),
            x,
            g.parameter("conv_same.weight", TensorType.f32(6, 2, 3, 3)),
            g.parameter("conv_same.bias", TensorType.f32(6)));
    ValueId c2 =
        g.apply(
            "conv_asym",
            new Conv2d(2, 1, Padding.of(1, 0, 2, 1), 1, 2, 1),
            c1,
            g.parameter("conv_asym.weight", TensorType.f32(4, 6, 3, 3)));
    ValueId c3 =
        g.apply(
            "conv_lower",
            new Conv2d(2, 2, new Padding(Padding.Mode.SAME_LOWER, 0, 0, 0, 0), 1, 1, 1),
            c2,
            g.parameter("conv_lower.weight", TensorType.f32(2, 4, 2, 2)));
    ValueId c4 =
        g.apply(
            "conv_valid",
            new Conv2d(1, 1, new Padding(Padding.Mode.VALID, 0, 0, 0, 0), 1, 1, 1),
            c3,
            g.parameter("conv_valid.weight", TensorType.f32(2, 2, 2, 2)));
    ValueId bn =
        g.apply(
            "bn",
            new BatchNorm(1e-3f),
            c1,
            g.parameter("bn.weight", TensorType.f32(6)),
            g.parameter("bn.bias", TensorType.f32(6)),
            g.buffer("bn.running_mean", TensorType.f32(6)),
            g.buffer("bn.running_var", TensorType.f32(6)));
    ValueId r = g.apply("relu", new Relu(), bn);
    List<ValueId> mp =
        g.node("pool", new MaxPool(2, 2, 2, 2, Padding.NONE, false, true), List.of(r));
    ValueId unpool = g.apply("unpool", MaxUnpool.of(2, 2), mp.get(0), mp.get(1));
    ValueId ap = g.apply("avg", new AvgPool(3, 3, 1, 1, Padding.of(1), true, true), unpool);
    ValueId ap2 = g.apply("avg_same", new AvgPool(2, 2, 2, 2, Padding.SAME, false, false), ap);
    ValueId lrn = g.apply("lrn", new Lrn(3, 1e-4f, 0.75f, 2f), ap);
    ValueId ct =
        g.apply(
            "deconv",
            new ConvTranspose2d(2, 2, Padding.of(1), 1, 1, 1, 1, 1),
            ap2,
            g.parameter("deconv.weight", TensorType.f32(6, 3, 3, 3)),
            g.parameter("deconv.bias", TensorType.f32(3)));
    ValueId up = g.apply("up", new Upsample(2, 2), lrn);
    ValueId lk = g.apply("leaky", new LeakyRelu(0.2f), up);
    ValueId sg = g.apply("sigmoid", new Sigmoid(), lk);
    ValueId th = g.apply("tanh", new Tanh(), g.apply("deconv_crop", Reshape.of(1, 3, 8, 8), ct));
    ValueId th2 = g.apply("upsample_th", new Upsample(2, 2), th);
    ValueId cat = g.apply("cat", new Concat(1), sg, th2);
    ValueId gap = g.apply("gap", new GlobalAvgPool(), cat);
    ValueId fl = g.apply("flatten", new Flatten(1), gap);
    ValueId fc =
        g.apply(
            "fc",
            Gemm.fullyConnected(),
            fl,
            g.parameter("fc.weight", TensorType.f32(5, 9)),
            g.parameter("fc.bias", TensorType.f32(5)));
    ValueId fc2 =
        g.apply(
            "fc_scaled",
            new Gemm(true, false, 0.5f, 2f),
            g.apply("fc_t", Reshape.of(5, 1), fc),
            g.parameter("fc_scaled.weight", TensorType.f32(5, 3)));
    ValueId drop = g.apply("drop", new Dropout(0.25f), fc);
    ValueId sm = g.apply("softmax", new Softmax(-1), drop);

    ValueId ids = g.input("tokens", TensorType.of(DType.I64, 3, 1));
    ValueId emb =
        g.apply("embed", new Embedding(), ids, g.parameter("embed.weight", TensorType.f32(10, 5)));
    List<ValueId> lstm =
        g.node(
            "lstm",
            new Lstm(4),
            List.of(
                emb,
                g.parameter("lstm.Wx", TensorType.f32(5, 16)),
                g.parameter("lstm.Wh", TensorType.f32(4, 16)),
                g.parameter("lstm.b", TensorType.f32(16)),
                g.parameter("lstm.h0", TensorType.f32(1, 4)),
                g.input("lstm_c0", TensorType.f32(1, 4))));
    List<ValueId> gru =
        g.node(
            "gru",
            new Gru(4, true),
            List.of(
                lstm.get(0),
                g.parameter("gru.Wx", TensorType.f32(4, 12)),
                g.parameter("gru.Wh", TensorType.f32(4, 12)),
                g.parameter("gru.bx", TensorType.f32(12)),
                g.parameter("gru.bh", TensorType.f32(12)),
                lstm.get(1)));
    List<ValueId> rnn =
        g.node(
            "rnn",
            new Rnn(4, Rnn.Activation.RELU),
            List.of(
                gru.get(0),
                g.parameter("rnn.Wx", TensorType.f32(4, 4)),
                g.parameter("rnn.Wh", TensorType.f32(4, 4)),
                g.buffer("rnn.b", TensorType.f32(4))));
    ValueId rs = g.apply("flat_steps", Reshape.of(3, -1), rnn.get(0));
    ValueId tr = g.apply("transpose", Transpose.of(1, 0), rs);
    ValueId mm = g.apply("scores", new MatMul(), rs, tr);
    ValueId cm = g.apply("mask", new CausalMask(Float.NEGATIVE_INFINITY), mm);
    ValueId ln =
        g.apply(
            "ln",
            new LayerNorm(-1, 1e-5f),
            cm,
            g.parameter("ln.weight", TensorType.f32(3)),
            g.parameter("ln.bias", TensorType.f32(3)));
    ValueId ge = g.apply("gelu_tanh", new Gelu(true), ln);
    ValueId ge2 = g.apply("gelu_erf", new Gelu(false), ln);
    ValueId sum = g.apply("sum", new Add(), ge, ge2);
    ValueId half = g.constant("half", TensorType.f32(1), 0.5f);
    ValueId prod = g.apply("scaled", new Mul(), sum, half);
    ValueId onehot = g.apply("onehot", new OneHot(10), ids);
    return g.output(sm, prod, lstm.get(2), rnn.get(1), c4, fc2, onehot).build();
  }
}
