package dev.silica.workloads.exec;

import dev.silica.workloads.ir.Add;
import dev.silica.workloads.ir.AvgPool;
import dev.silica.workloads.ir.BatchNorm;
import dev.silica.workloads.ir.Cast;
import dev.silica.workloads.ir.CausalMask;
import dev.silica.workloads.ir.Concat;
import dev.silica.workloads.ir.Conv2d;
import dev.silica.workloads.ir.ConvInteger;
import dev.silica.workloads.ir.ConvTranspose2d;
import dev.silica.workloads.ir.DequantizeLinear;
import dev.silica.workloads.ir.Dropout;
import dev.silica.workloads.ir.Embedding;
import dev.silica.workloads.ir.Flatten;
import dev.silica.workloads.ir.Gelu;
import dev.silica.workloads.ir.Gemm;
import dev.silica.workloads.ir.GlobalAvgPool;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.Gru;
import dev.silica.workloads.ir.LayerNorm;
import dev.silica.workloads.ir.LeakyRelu;
import dev.silica.workloads.ir.LogSoftmax;
import dev.silica.workloads.ir.Lrn;
import dev.silica.workloads.ir.Lstm;
import dev.silica.workloads.ir.MatMul;
import dev.silica.workloads.ir.MatMulInteger;
import dev.silica.workloads.ir.MaxPool;
import dev.silica.workloads.ir.MaxUnpool;
import dev.silica.workloads.ir.Mul;
import dev.silica.workloads.ir.Node;
import dev.silica.workloads.ir.OneHot;
import dev.silica.workloads.ir.PRelu;
import dev.silica.workloads.ir.QLinearConv;
import dev.silica.workloads.ir.QLinearMatMul;
import dev.silica.workloads.ir.QuantizeLinear;
import dev.silica.workloads.ir.Relu;
import dev.silica.workloads.ir.Reshape;
import dev.silica.workloads.ir.Resize;
import dev.silica.workloads.ir.Rnn;
import dev.silica.workloads.ir.Sigmoid;
import dev.silica.workloads.ir.Softmax;
import dev.silica.workloads.ir.Tanh;
import dev.silica.workloads.ir.TensorType;
import dev.silica.workloads.ir.Transpose;
import dev.silica.workloads.ir.Upsample;
import dev.silica.workloads.ir.Value;
import dev.silica.workloads.ir.ValueId;
import dev.silica.workloads.tensor.Tensor;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Deterministic random weights and inputs for a graph, following PyTorch's default initializers
 * ({@code reset_parameters} of {@code nn.Conv2d}, {@code nn.Linear}, {@code nn.BatchNorm2d}, {@code
 * nn.LayerNorm}, {@code nn.Embedding}, {@code nn.LSTM}/{@code GRU}/{@code RNN}).
 *
 * <p>Each value draws from its own {@link SplittableRandom} seeded from {@code seed} and a 64-bit
 * FNV-1a hash of the value's name, so a value's tensor does not depend on declaration order, on
 * other values or on threads. All tensors are {@code f32} (drawn in {@code double}, rounded once),
 * so FP32 and FP64 runs see the same weights.
 *
 * <p>The distribution is chosen from the first node that reads the value (graph order) and the
 * operand position there; {@code U(±b)} is uniform on {@code [-b, b)}:
 *
 * <ul>
 *   <li>a buffer with a literal: the literal;
 *   <li>{@code conv2d} weight {@code [M, C/g, R, S]} and bias: {@code U(±1/√fan_in)}, {@code fan_in
 *       = C/g·R·S}. PyTorch's Kaiming-uniform with {@code a = √5} gives the weight bound {@code
 *       √(6/((1+5)·fan_in)) = 1/√fan_in}, and its bias bound is {@code 1/√fan_in} too;
 *   <li>{@code conv_transpose2d} weight {@code [C, M/g, R, S]} and bias: the same with {@code
 *       fan_in = M/g·R·S} (PyTorch computes fan-in from dimension 1 of the weight);
 *   <li>{@code gemm} and {@code matmul} operands (weights, biases): {@code U(±1/√K)} with {@code K}
 *       the contracted dimension ({@code nn.Linear}: {@code fan_in = in_features});
 *   <li>{@code batchnorm}: scale 1, bias 0, running mean 0, running variance 1;
 *   <li>{@code layernorm}: scale 1, bias 0;
 *   <li>{@code embedding} table: {@code N(0, 1)} (Box-Muller on the value's generator);
 *   <li>{@code lstm}, {@code gru}, {@code rnn} weights and biases: {@code U(±1/√H)}; initial states
 *       declared as initializers: 0;
 *   <li>{@code prelu} slope: 0.25 ({@code nn.PReLU}'s {@code init});
 *   <li>scales of {@code quantize_linear}, {@code dequantize_linear}, {@code qlinear_matmul} and
 *       {@code qlinear_conv}: {@code 1/128} (one int8 step for values in {@code [-1, 1)});
 *   <li>integer initializers (quantized weights, zero points): 0;
 *   <li>anything else (an operand of {@code add}, {@code mul}, ... or an unused value): {@code
 *       U(±1/√fan_in)} with {@code fan_in} the product of all dimensions but the first (rank ≥ 2)
 *       or the element count (rank ≤ 1).
 * </ul>
 *
 * <p>{@link #inputs} draws floating inputs from {@code N(0, 1)} and integer inputs uniformly from
 * {@code [0, V)} with {@code V} the smallest table any {@code embedding} reading them indexes
 * ({@code [0, size)} of the output for {@code maxunpool} indices, else {@code {0}}).
 */
public final class SeededInit {
  private SeededInit() {}

  /** A distribution of initial values. */
  public sealed interface Rule {
    /** Every element {@code value}. */
    record Constant(double value) implements Rule {}

    /** Uniform on {@code [-bound, bound)}. */
    record Uniform(double bound) implements Rule {}

    /** Normal with mean 0 and standard deviation {@code std}. */
    record Normal(double std) implements Rule {}

    /** The value's literal. */
    record Literal() implements Rule {}
  }

  /** Seeded weights for every parameter and buffer of {@code g}. */
  public static Weights forGraph(Graph g, long seed) {
    return forGraph(g, seed, id -> true);
  }

  /**
   * Seeded weights for the parameters and buffers of {@code g} that {@code which} selects; each
   * draws the same tensor as in {@link #forGraph(Graph, long)}.
   */
  public static Weights forGraph(Graph g, long seed, java.util.function.Predicate<ValueId> which) {
    Map<ValueId, Use> uses = firstUses(g);
    Weights w = new Weights();
    for (Value v : g.initializers()) {
      if (which.test(v.id())) {
        w.put(v.id(), draw(v, rule(g, v, uses.get(v.id())), seed));
      }
    }
    return w;
  }

  /** The rule {@link #forGraph} applies to initializer {@code id} of {@code g}. */
  public static Rule ruleFor(Graph g, ValueId id) {
    return rule(g, g.value(id), firstUses(g).get(id));
  }

  /** Seeded tensors for every input of {@code g}, in declaration order. */
  public static Map<ValueId, Tensor> inputs(Graph g, long seed) {
    Map<ValueId, Tensor> out = new LinkedHashMap<>();
    for (Value v : g.inputs()) {
      SplittableRandom rng = generator(seed, "input:" + v.id().name());
      TensorType t = v.type();
      int n = Math.toIntExact(t.size());
      if (t.dtype().isIntegral()) {
        long bound = indexBound(g, v.id());
        long[] data = new long[n];
        for (int i = 0; i < n; i++) {
          data[i] = bound <= 1 ? 0 : rng.nextLong(bound);
        }
        out.put(v.id(), Tensor.of(t.shape(), data));
      } else {
        float[] data = new float[n];
        fillNormal(rng, data, 1);
        out.put(v.id(), Tensor.of(t.shape(), data));
      }
    }
    return out;
  }

  private record Use(Node node, int operand) {}

  private static Map<ValueId, Use> firstUses(Graph g) {
    Map<ValueId, Use> uses = new HashMap<>();
    for (Node n : g.nodes()) {
      List<ValueId> in = n.inputs();
      for (int i = 0; i < in.size(); i++) {
        uses.putIfAbsent(in.get(i), new Use(n, i));
      }
    }
    return uses;
  }

  private static long indexBound(Graph g, ValueId id) {
    long bound = Long.MAX_VALUE;
    for (Node n : g.nodes()) {
      if (n.inputs().isEmpty() || !n.inputs().contains(id)) {
        continue;
      }
      if (n.op() instanceof Embedding && n.inputs().get(0).equals(id)) {
        bound = Math.min(bound, g.type(n.inputs().get(1)).dim(0));
      } else if (n.op() instanceof OneHot h) {
        bound = Math.min(bound, h.depth());
      } else if (n.op() instanceof MaxUnpool u && n.inputs().get(1).equals(id)) {
        int[] pq = u.unpooledSize(g.type(n.inputs().get(0)));
        bound =
            Math.min(
                bound,
                g.type(n.output()).size()
                    / g.type(n.output()).dim(2)
                    / g.type(n.output()).dim(3)
                    * pq[0]
                    * pq[1]);
      }
    }
    return bound == Long.MAX_VALUE ? 1 : bound;
  }

  private static Rule rule(Graph g, Value v, Use use) {
    if (!v.literal().isEmpty()) {
      return new Rule.Literal();
    }
    TensorType t = v.type();
    if (t.dtype().isIntegral()) {
      return new Rule.Constant(0);
    }
    if (use != null) {
      Node n = use.node();
      int i = use.operand();
      Rule r =
          switch (n.op()) {
            case Conv2d c -> i >= 1 ? fanIn(g.type(n.inputs().get(1)), 1) : null;
            case ConvTranspose2d c -> i >= 1 ? fanIn(g.type(n.inputs().get(1)), 1) : null;
            case Gemm gm -> {
              TensorType a = g.type(n.inputs().get(0));
              yield uniform(gm.transA() ? a.dim(0) : a.dim(1));
            }
            case MatMul m -> uniform(g.type(n.inputs().get(0)).dim(-1));
            case BatchNorm b -> i == 1 || i == 4 ? new Rule.Constant(1) : new Rule.Constant(0);
            case LayerNorm l -> i == 1 ? new Rule.Constant(1) : new Rule.Constant(0);
            case Embedding e -> i == 1 ? new Rule.Normal(1) : null;
            case Lstm l -> recurrent(i, 4, l.hiddenSize());
            case Gru gr -> recurrent(i, 5, gr.hiddenSize());
            case Rnn rn -> recurrent(i, 4, rn.hiddenSize());
            // ops whose operands are activations, or whose initializers are constants with
            // literals (or masks and tables used as data): no PyTorch default applies
            case MaxPool x -> null;
            case AvgPool x -> null;
            case GlobalAvgPool x -> null;
            case Relu x -> null;
            case LeakyRelu x -> null;
            case Sigmoid x -> null;
            case Tanh x -> null;
            case Gelu x -> null;
            case Add x -> null;
            case Mul x -> null;
            case Concat x -> null;
            case Lrn x -> null;
            case Softmax x -> null;
            case Flatten x -> null;
            case Reshape x -> null;
            case Transpose x -> null;
            case Dropout x -> null;
            case MaxUnpool x -> null;
            case Upsample x -> null;
            case OneHot x -> null;
            case CausalMask x -> null;
            case PRelu x -> i == 1 ? new Rule.Constant(0.25) : null;
            case LogSoftmax x -> null;
            case Cast x -> null;
            case QuantizeLinear q -> i == 1 ? QUANT_SCALE : null;
            case DequantizeLinear q -> i == 1 ? QUANT_SCALE : null;
            case QLinearMatMul q -> i == 1 || i == 4 || i == 6 ? QUANT_SCALE : null;
            case QLinearConv q -> i == 1 || i == 4 || i == 6 ? QUANT_SCALE : null;
            case MatMulInteger x -> null;
            case ConvInteger x -> null;
            case Resize x -> null;
          };
      if (r != null) {
        return r;
      }
    }
    return generic(t);
  }

  /** Quantization scales: one int8 step for values in {@code [-1, 1)}. */
  private static final Rule QUANT_SCALE = new Rule.Constant(1.0 / 128);

  private static Rule recurrent(int operand, int firstState, int hidden) {
    return operand >= firstState ? new Rule.Constant(0) : uniform(hidden);
  }

  /** {@code U(±1/√fan_in)} with {@code fan_in} the product of dimensions from {@code from} on. */
  private static Rule fanIn(TensorType weight, int from) {
    long fan = 1;
    for (int d = from; d < weight.rank(); d++) {
      fan *= weight.dim(d);
    }
    return uniform(fan);
  }

  private static Rule generic(TensorType t) {
    return t.rank() >= 2 ? fanIn(t, 1) : uniform(Math.max(1, t.size()));
  }

  private static Rule uniform(long fanIn) {
    return new Rule.Uniform(1 / Math.sqrt(fanIn));
  }

  private static Tensor draw(Value v, Rule rule, long seed) {
    int n = Math.toIntExact(v.type().size());
    if (v.type().dtype().isIntegral()) {
      // an integer literal (gather indices, a connection table) keeps its values; other
      // integer initializers are 0
      long[] data = new long[n];
      if (rule instanceof Rule.Literal) {
        for (int i = 0; i < n; i++) {
          data[i] = (long) (float) v.literal().get(i);
        }
      }
      return Tensor.of(v.type().shape(), data);
    }
    float[] data = new float[n];
    SplittableRandom rng = generator(seed, v.id().name());
    switch (rule) {
      case Rule.Constant c -> java.util.Arrays.fill(data, (float) c.value());
      case Rule.Uniform u -> {
        for (int i = 0; i < n; i++) {
          data[i] = (float) ((rng.nextDouble() * 2 - 1) * u.bound());
        }
      }
      case Rule.Normal nd -> fillNormal(rng, data, nd.std());
      case Rule.Literal l -> {
        for (int i = 0; i < n; i++) {
          data[i] = v.literal().get(i);
        }
      }
    }
    return Tensor.of(v.type().shape(), data);
  }

  /** Box-Muller: pairs {@code √(-2 ln u₁)·(cos, sin)(2π u₂)} with {@code u₁ ∈ (0, 1]}. */
  private static void fillNormal(SplittableRandom rng, float[] data, double std) {
    for (int i = 0; i < data.length; i += 2) {
      double u1 = 1 - rng.nextDouble();
      double u2 = rng.nextDouble();
      double r = Math.sqrt(-2 * Math.log(u1)) * std;
      data[i] = (float) (r * Math.cos(2 * Math.PI * u2));
      if (i + 1 < data.length) {
        data[i + 1] = (float) (r * Math.sin(2 * Math.PI * u2));
      }
    }
  }

  /** The generator of one value: seeded from {@code seed} and the FNV-1a hash of {@code name}. */
  static SplittableRandom generator(long seed, String name) {
    long h = 0xcbf29ce484222325L;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xFF;
      h *= 0x100000001b3L;
    }
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ h);
  }
}
