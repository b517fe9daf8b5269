package dev.silica.workloads.train;

import dev.silica.workloads.exec.Weights;
import dev.silica.workloads.ir.DType;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.Node;
import dev.silica.workloads.ir.Value;
import dev.silica.workloads.ir.ValueId;
import dev.silica.workloads.ir.ValueKind;
import dev.silica.workloads.onnx.InitializerData;
import dev.silica.workloads.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A graph prepared for training by backpropagation: one sample at a time (the graph's batch size is
 * 1), FP32, each node a {@link Steps.Step} with a forward kernel and a backward kernel that
 * accumulates the gradients of its floating inputs.
 *
 * <p>Design: reverse-mode differentiation over the IR's node list. The forward pass stores every
 * value (LeNet-sized graphs hold a few hundred kilobytes); the backward pass walks the nodes in
 * reverse and adds each node's input gradients ({@code +=}, so a value read by several nodes sums
 * their contributions). The loss is softmax cross-entropy on the graph's single output, the logits:
 * {@code L = −log softmax(z)_y}, {@code ∂L/∂z = softmax(z) − onehot(y)}. Parameters are the graph's
 * {@code PARAMETER} values; buffers and constants are fixed. Ops without a backward kernel fail at
 * construction naming the node and the op.
 */
public final class TrainableGraph {
  final Graph graph;
  final Map<ValueId, Integer> index = new HashMap<>();
  final int[] size;
  final float[][] shared;
  final boolean[] needsGrad;
  final boolean[] isParameter;
  final int[] parameters;
  final Steps.Step[] steps;
  final int input;
  final int output;
  final int[] inputDims;

  /**
   * Rounding applied in place to each value a step produces (by value slot; null entries and a null
   * array mean exact FP32): how activations are held in a number format during evaluation.
   */
  volatile java.util.function.Consumer<float[]>[] activationRounding;

  /**
   * Prepares {@code graph} with initial values {@code weights} (copied; the copies are trained).
   *
   * @throws IllegalArgumentException for a graph that is not one input → one output with batch 1,
   *     or a node whose op has no backward kernel
   */
  public TrainableGraph(Graph graph, Weights weights) {
    this.graph = graph;
    List<Value> values = graph.values();
    int n = values.size();
    size = new int[n];
    shared = new float[n][];
    needsGrad = new boolean[n];
    isParameter = new boolean[n];
    List<Integer> params = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Value v = values.get(i);
      index.put(v.id(), i);
      size[i] = Math.toIntExact(v.type().shape().size());
      boolean floating = !v.type().dtype().isIntegral();
      switch (v.kind()) {
        case PARAMETER, BUFFER -> {
          shared[i] = floats(weights.get(v.id()), v.id());
          if (v.kind() == ValueKind.PARAMETER && floating) {
            isParameter[i] = true;
            needsGrad[i] = true;
            params.add(i);
          }
        }
        case INPUT, ACTIVATION -> needsGrad[i] = floating;
      }
    }
    parameters = params.stream().mapToInt(Integer::intValue).toArray();
    if (graph.inputs().size() != 1 || graph.outputs().size() != 1) {
      throw new IllegalArgumentException(
          graph.name()
              + ": training needs one input and one output (the logits), got "
              + graph.inputs().size()
              + " inputs and "
              + graph.outputs().size()
              + " outputs");
    }
    Value in = graph.inputs().get(0);
    if (in.type().dtype() != DType.F32 || in.type().shape().dim(0) != 1) {
      throw new IllegalArgumentException(
          graph.name()
              + ": input '"
              + in.id().name()
              + "' must be f32 with batch 1, got "
              + in.type());
    }
    input = index.get(in.id());
    output = index.get(graph.outputs().get(0));
    inputDims = in.type().shape().toArray();
    List<Node> nodes = graph.nodes();
    steps = new Steps.Step[nodes.size()];
    for (int s = 0; s < steps.length; s++) {
      steps[s] = Steps.of(this, s, nodes.get(s));
    }
  }

  private static float[] floats(Tensor t, ValueId id) {
    if (t == null) {
      throw new IllegalArgumentException("no initial value for '" + id.name() + "'");
    }
    if (t.dtype() == DType.F32) {
      return t.floats().clone();
    }
    double[] d = t.toDoubleArray();
    float[] f = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      f[i] = (float) d[i];
    }
    return f;
  }

  /** The graph being trained. */
  public Graph graph() {
    return graph;
  }

  int valueCount() {
    return size.length;
  }

  int slot(ValueId id) {
    return index.get(id);
  }

  /** Number of classes: the logits' element count. */
  public int classes() {
    return size[output];
  }

  /** Input height (rank-4 inputs) or 1. */
  int inputHeight() {
    return inputDims.length == 4 ? inputDims[2] : 1;
  }

  /** Input width (rank-4 inputs) or the element count. */
  int inputWidth() {
    return inputDims.length == 4 ? inputDims[3] : size[input];
  }

  /** Number of trainable scalars. */
  public long parameterCount() {
    long c = 0;
    for (int p : parameters) {
      c += size[p];
    }
    return c;
  }

  /** A fresh workspace for one thread. */
  Workspace workspace() {
    return new Workspace(this);
  }

  /** Runs the forward pass on the input already in {@code w.val[input]}; returns the logits. */
  float[] forward(Workspace w) {
    java.util.function.Consumer<float[]>[] round = activationRounding;
    if (round != null && round[input] != null) {
      round[input].accept(w.val[input]);
    }
    for (Steps.Step s : steps) {
      s.forward(w);
      if (round != null && round[s.out] != null) {
        round[s.out].accept(w.val[s.out]);
      }
    }
    return w.val[output];
  }

  /**
   * Holds every floating activation (the input and each step's output) in a number format from now
   * on; {@code null} restores exact FP32. The function receives a value's slot and returns the
   * in-place rounding for it, or null to leave that value exact.
   */
  @SuppressWarnings("unchecked")
  void roundActivations(java.util.function.IntFunction<java.util.function.Consumer<float[]>> f) {
    if (f == null) {
      activationRounding = null;
      return;
    }
    java.util.function.Consumer<float[]>[] r = new java.util.function.Consumer[size.length];
    r[input] = f.apply(input);
    for (Steps.Step s : steps) {
      if (needsGrad[s.out]) {
        r[s.out] = f.apply(s.out);
      }
    }
    activationRounding = r;
  }

  /** A copy with the same graph and the given parameter values (by parameter slot). */
  TrainableGraph withParameters(java.util.Map<Integer, float[]> values) {
    Weights w = weights();
    for (java.util.Map.Entry<Integer, float[]> e : values.entrySet()) {
      Value v = graph.values().get(e.getKey());
      w.put(v.id(), Tensor.of(v.type().shape(), e.getValue().clone()));
    }
    return new TrainableGraph(graph, w);
  }

  /** The current values of every parameter, by slot (copies). */
  java.util.Map<Integer, float[]> parameterValues() {
    java.util.Map<Integer, float[]> m = new java.util.LinkedHashMap<>();
    for (int p : parameters) {
      m.put(p, shared[p].clone());
    }
    return m;
  }

  /** Name of the value in {@code slot}. */
  String name(int slot) {
    return graph.values().get(slot).id().name();
  }

  /** Shape of the value in {@code slot}. */
  int[] dims(int slot) {
    return graph.values().get(slot).type().shape().toArray();
  }

  /**
   * Forward and backward pass for one example with label {@code label}, adding its parameter
   * gradients to {@code w}; returns the example's loss. The input gradient is left in {@code
   * w.grad[input]}.
   */
  double forwardBackward(Workspace w, int label) {
    return forwardBackward(w, (z, dz) -> softmaxCrossEntropy(z, label, dz), null);
  }

  /** A per-example loss: returns {@code L(z)} and writes {@code ∂L/∂z} into {@code dz}. */
  interface Loss {
    double of(float[] z, float[] dz);
  }

  /**
   * Forward and backward pass under {@code loss}; with {@code round} non-null, {@code ∂L/∂z} and,
   * after each node's backward kernel, the gradients of its non-parameter inputs are rounded in
   * place (gradient arithmetic in a number format). Parameter gradients accumulate unrounded.
   */
  double forwardBackward(Workspace w, Loss loss, java.util.function.Consumer<float[]> round) {
    float[] z = forward(w);
    w.zeroActivationGradients(this);
    double l = loss.of(z, w.grad[output]);
    if (round != null) {
      round.accept(w.grad[output]);
    }
    for (int s = steps.length - 1; s >= 0; s--) {
      steps[s].backward(w);
      if (round != null) {
        for (int i : steps[s].in) {
          if (w.grad[i] != null && !isParameter[i]) {
            round.accept(w.grad[i]);
          }
        }
      }
    }
    return l;
  }

  /**
   * {@code −log softmax(z)_label}, computed stably in double; writes {@code softmax(z) −
   * onehot(label)} into {@code dz}.
   */
  static double softmaxCrossEntropy(float[] z, int label, float[] dz) {
    double max = Double.NEGATIVE_INFINITY;
    for (float v : z) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (float v : z) {
      sum += Math.exp(v - max);
    }
    double logSum = Math.log(sum) + max;
    for (int k = 0; k < z.length; k++) {
      dz[k] = (float) (Math.exp(z[k] - logSum) - (k == label ? 1 : 0));
    }
    return logSum - z[label];
  }

  /** Index of the largest logit (the first on ties). */
  static int argmax(float[] z) {
    int best = 0;
    for (int k = 1; k < z.length; k++) {
      if (z[k] > z[best]) {
        best = k;
      }
    }
    return best;
  }

  /** The current parameter and buffer values, as weights for the reference executor. */
  public Weights weights() {
    Weights w = new Weights();
    for (Value v : graph.values()) {
      if (v.kind() == ValueKind.PARAMETER || v.kind() == ValueKind.BUFFER) {
        int i = index.get(v.id());
        if (v.type().dtype() == DType.F32) {
          w.put(v.id(), Tensor.of(v.type().shape(), shared[i].clone()));
        } else {
          long[] l = new long[size[i]];
          for (int k = 0; k < l.length; k++) {
            l[k] = (long) shared[i][k];
          }
          w.put(v.id(), Tensor.of(v.type().shape(), l));
        }
      }
    }
    return w;
  }

  /** The current values as ONNX initializers (for {@code OnnxExporter}). */
  public Map<ValueId, InitializerData> initializers() {
    Map<ValueId, InitializerData> m = new LinkedHashMap<>();
    for (Map.Entry<ValueId, Tensor> e : weights().asMap().entrySet()) {
      Tensor t = e.getValue();
      List<Integer> dims = t.shape().dims();
      m.put(
          e.getKey(),
          t.dtype() == DType.F32
              ? InitializerData.ofFloats(dims, t.floats())
              : InitializerData.ofLongs(dims, t.longs()));
    }
    return m;
  }

  /** Name of each parameter, in slot order (for reports). */
  List<String> parameterNames() {
    List<String> names = new ArrayList<>();
    for (int p : parameters) {
      names.add(graph.values().get(p).id().name());
    }
    return names;
  }

  /**
   * Writes the graph with its current weights as an ONNX model (opens in Netron and ONNX Runtime);
   * inputs are standardized images as {@link Dataset#fill} makes them.
   */
  public void save(java.nio.file.Path file) {
    dev.silica.workloads.onnx.OnnxExporter.write(graph, initializers(), file);
  }

  /** A model saved by {@link #save} (or any ONNX classifier with all its initializers). */
  public static TrainableGraph load(java.nio.file.Path file) {
    dev.silica.workloads.onnx.ImportedModel m = dev.silica.workloads.onnx.OnnxImporter.read(file);
    return new TrainableGraph(m.graph(), m.weights());
  }
}
