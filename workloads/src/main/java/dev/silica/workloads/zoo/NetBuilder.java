package dev.silica.workloads.zoo;

import dev.silica.workloads.ir.AvgPool;
import dev.silica.workloads.ir.BatchNorm;
import dev.silica.workloads.ir.Concat;
import dev.silica.workloads.ir.Conv2d;
import dev.silica.workloads.ir.DType;
import dev.silica.workloads.ir.Dropout;
import dev.silica.workloads.ir.Flatten;
import dev.silica.workloads.ir.Gemm;
import dev.silica.workloads.ir.GlobalAvgPool;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.GraphBuilder;
import dev.silica.workloads.ir.Lrn;
import dev.silica.workloads.ir.MaxPool;
import dev.silica.workloads.ir.Op;
import dev.silica.workloads.ir.Padding;
import dev.silica.workloads.ir.Relu;
import dev.silica.workloads.ir.Shape;
import dev.silica.workloads.ir.TensorType;
import dev.silica.workloads.ir.ValueId;
import java.util.ArrayList;
import java.util.List;

/**
 * Layer-level vocabulary for writing zoo models on top of {@link GraphBuilder}: each method adds a
 * node together with the weights it needs, sized from the current shape, named after PyTorch's
 * state-dict convention ({@code conv1.weight}, {@code conv1.bias}, {@code bn1.running_mean}).
 *
 * <p>All tensors are {@code f32}; the number formats a machine computes in are chosen later.
 */
public final class NetBuilder {
  private final GraphBuilder g;

  public NetBuilder(String name) {
    this.g = new GraphBuilder(name);
  }

  /** The underlying builder, for ops this class has no shortcut for. */
  public GraphBuilder graph() {
    return g;
  }

  public TensorType type(ValueId v) {
    return g.type(v);
  }

  /** Dimension {@code i} of {@code v} (negative counts from the end). */
  public int dim(ValueId v, int i) {
    return g.type(v).dim(i);
  }

  /** An {@code f32} input. */
  public ValueId input(String name, int... dims) {
    return g.input(name, TensorType.f32(dims));
  }

  /** A trainable {@code f32} weight. */
  public ValueId param(String name, int... dims) {
    return g.parameter(name, TensorType.f32(dims));
  }

  /** Adds any op node and returns its first result. */
  public ValueId op(String name, Op op, ValueId... inputs) {
    return g.apply(name, op, inputs);
  }

  /** Convolution with a square kernel, square stride, symmetric padding and a bias. */
  public ValueId conv(String name, ValueId x, int out, int k, int stride, int pad) {
    return conv(name, x, out, k, k, Conv2d.of(stride, pad), true);
  }

  /** Convolution without bias (followed by batch norm). */
  public ValueId convNoBias(String name, ValueId x, int out, int k, int stride, int pad) {
    return conv(name, x, out, k, k, Conv2d.of(stride, pad), false);
  }

  /** Convolution with any attributes; the weight is {@code [out, C/groups, kh, kw]}. */
  public ValueId conv(String name, ValueId x, int out, int kh, int kw, Conv2d op, boolean bias) {
    ValueId w = param(name + ".weight", out, dim(x, 1) / op.groups(), kh, kw);
    if (!bias) {
      return g.apply(name, op, x, w);
    }
    ValueId b = param(name + ".bias", out);
    return g.apply(name, op, x, w, b);
  }

  /**
   * Batch norm (epsilon 1e-5) with its scale and bias parameters and running-statistics buffers.
   */
  public ValueId bn(String name, ValueId x) {
    int c = dim(x, 1);
    ValueId scale = param(name + ".weight", c);
    ValueId bias = param(name + ".bias", c);
    ValueId mean = g.buffer(name + ".running_mean", TensorType.f32(c));
    ValueId var = g.buffer(name + ".running_var", TensorType.f32(c));
    return g.apply(name, new BatchNorm(1e-5f), x, scale, bias, mean, var);
  }

  public ValueId relu(String name, ValueId x) {
    return g.apply(name, new Relu(), x);
  }

  /** Convolution + ReLU, the VGG/AlexNet unit; the ReLU node is {@code name + "_relu"}. */
  public ValueId convRelu(String name, ValueId x, int out, int k, int stride, int pad) {
    return relu(name + "_relu", conv(name, x, out, k, stride, pad));
  }

  /** Convolution (no bias) + batch norm + ReLU, the ResNet unit. */
  public ValueId convBnRelu(
      String conv, String bn, ValueId x, int out, int k, int stride, int pad) {
    return relu(conv + "_relu", bn(bn, convNoBias(conv, x, out, k, stride, pad)));
  }

  public ValueId maxPool(String name, ValueId x, int k, int stride) {
    return g.apply(name, MaxPool.of(k, stride, 0), x);
  }

  public ValueId maxPool(String name, ValueId x, int k, int stride, int pad) {
    return g.apply(name, MaxPool.of(k, stride, pad), x);
  }

  /** Max pooling with ceiling rounding of the window count (Caffe's and GoogLeNet's pools). */
  public ValueId maxPoolCeil(String name, ValueId x, int k, int stride, int pad) {
    return g.apply(name, new MaxPool(k, k, stride, stride, Padding.of(pad), true, false), x);
  }

  public ValueId avgPool(String name, ValueId x, int k, int stride, int pad) {
    return g.apply(name, AvgPool.of(k, stride, pad), x);
  }

  public ValueId globalAvgPool(String name, ValueId x) {
    return g.apply(name, new GlobalAvgPool(), x);
  }

  /** Flattens everything after the batch dimension. */
  public ValueId flatten(String name, ValueId x) {
    return g.apply(name, new Flatten(1), x);
  }

  public ValueId dropout(String name, ValueId x, float ratio) {
    return g.apply(name, new Dropout(ratio), x);
  }

  /** AlexNet's local response normalization (size 5, α 1e-4, β 0.75, k 2). */
  public ValueId lrn(String name, ValueId x) {
    return g.apply(name, new Lrn(5, 1e-4f, 0.75f, 2f), x);
  }

  /** Fully connected layer {@code [N, in] → [N, out]} with weight {@code [out, in]} and bias. */
  public ValueId linear(String name, ValueId x, int out) {
    return linear(name, x, out, true);
  }

  public ValueId linear(String name, ValueId x, int out, boolean bias) {
    ValueId w = param(name + ".weight", out, dim(x, -1));
    if (!bias) {
      return g.apply(name, new Gemm(false, true, 1f, 0f), x, w);
    }
    return g.apply(name, Gemm.fullyConnected(), x, w, param(name + ".bias", out));
  }

  /** Fully connected + ReLU; the ReLU node is {@code name + "_relu"}. */
  public ValueId linearRelu(String name, ValueId x, int out) {
    return relu(name + "_relu", linear(name, x, out));
  }

  public ValueId add(String name, ValueId a, ValueId b) {
    return g.apply(name, new dev.silica.workloads.ir.Add(), a, b);
  }

  /** Concatenation along channels (axis 1). */
  public ValueId concat(String name, List<ValueId> xs) {
    return g.node(name, new Concat(1), xs).getFirst();
  }

  /** Concatenation along channels (axis 1). */
  public ValueId concat(String name, ValueId... xs) {
    return concat(name, List.of(xs));
  }

  /** An integer input (token indices). */
  public ValueId indexInput(String name, int... dims) {
    return g.input(name, new TensorType(DType.I64, Shape.of(dims)));
  }

  /** Marks the outputs and builds the graph. */
  public Graph build(ValueId... outputs) {
    g.output(outputs);
    return g.build();
  }

  /** A list helper for branches. */
  static List<ValueId> list(ValueId... xs) {
    return new ArrayList<>(List.of(xs));
  }
}
