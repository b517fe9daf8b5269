package dev.silica.workloads.zoo;

import dev.silica.workloads.ir.Add;
import dev.silica.workloads.ir.AvgPool;
import dev.silica.workloads.ir.Conv2d;
import dev.silica.workloads.ir.Gemm;
import dev.silica.workloads.ir.GlobalAvgPool;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.GraphStats;
import dev.silica.workloads.ir.MatMul;
import dev.silica.workloads.ir.MaxPool;
import dev.silica.workloads.ir.Mul;
import dev.silica.workloads.ir.Node;
import dev.silica.workloads.ir.Op;
import dev.silica.workloads.ir.Relu;
import dev.silica.workloads.ir.Sigmoid;
import dev.silica.workloads.ir.Tanh;
import dev.silica.workloads.ir.ValueId;
import java.util.ArrayList;
import java.util.List;

/**
 * Stand-ins for three of the six production applications of the TPU paper (Jouppi et al., ISCA
 * 2017, Table 1; papers-inputs §2.3): MLP0, LSTM0 and CNN0. The paper publishes only layer counts
 * by kind, the nonlinearity, the total weights, the batch size and the operational intensity, not
 * the layer widths; the widths below are the zoo's choices, picked to reproduce those columns.
 *
 * <h2>From the paper (Table 1) and from us</h2>
 *
 * <table>
 *   <caption>Published columns and our choices</caption>
 *   <tr><th>App</th><th>Paper: layers</th><th>Paper: nonlinearity, weights, ops/weight byte,
 *       batch</th><th>Ours</th></tr>
 *   <tr><td>MLP0</td><td>5 FC</td><td>ReLU, 20M, 200, 200</td><td>five FC layers 2000 → 2000,
 *       ReLU after the first four: 20,010,000 weights incl. biases</td></tr>
 *   <tr><td>LSTM0</td><td>24 FC + 34 vector = 58</td><td>sigmoid and tanh, 52M, 64, 64</td>
 *       <td>six stacked LSTM layers of 1024 units, one time step, residual connections from layer
 *       3 on: 50,356,224 weights (−3.2%)</td></tr>
 *   <tr><td>CNN0</td><td>16 conv</td><td>ReLU, 8M, 2888, 8</td><td>a Go policy network on the
 *       19×19 board: 5×5 conv 48 → 248, fourteen 3×3 convs 248 → 248, 1×1 conv 248 → 1: 8,051,073
 *       weights (+0.6%)</td></tr>
 * </table>
 *
 * <p>The paper says one of its MLPs is RankBrain, one LSTM a subset of GNM Translate and one CNN
 * AlphaGo; which app is which is our reading. The LSTM's 1024 units and residual connections follow
 * GNMT (Wu et al. 2016, from memory); the CNN's 48 input planes, 5×5 first layer, 3×3 hidden layers
 * and 1×1 output layer follow the AlphaGo policy network (Silver et al. 2016, as quoted by
 * secondary sources). Everything else (MLP0's widths, the CNN's 248 filters, one LSTM time step) is
 * ours. The filter count {@code k} is the one free width of that CNN: its weights are {@code
 * 25·48·k + 14·9·k² + k} (plus {@code 15k + 1} biases), which reaches 8M at {@code k ≈ 247}; we
 * take 248, the nearest multiple of 8 (AlphaGo's own 192 gives 4.9M, 256 gives 8.56M, 7% over).
 *
 * <h2>Operational intensity</h2>
 *
 * <p>The paper's "TPU ops / weight byte" equals the batch for every FC-only app (MLP0 200 at batch
 * 200, LSTM0 64 at 64, and CNN1's FC layers 32 at batch 32), so it counts one multiply-accumulate
 * as one op, at one byte per (8-bit) weight: {@code intensity = MACs / weight bytes}. Then
 *
 * <ul>
 *   <li>an FC layer {@code [B, in] × [in, out]} does {@code B·in·out} MACs on {@code in·out}
 *       weights: intensity {@code B};
 *   <li>a convolution reuses each weight at every output position: {@code B·H_out·W_out}.
 * </ul>
 *
 * <p>Counted with biases as weights, an FC app's intensity is {@code B · w / (w + biases)}, a hair
 * under {@code B}. CNN0's 2888 = 8 × 361 = 8 × 19²: every layer of a same-padded Go network works
 * on the 19×19 board, whatever its widths, which is what identifies CNN0 as the AlphaGo network.
 * See {@link #opsPerWeightByte}.
 *
 * <h2>Counting layers as Table 1 does</h2>
 *
 * <p>The TPU applies a nonlinearity while reading the accumulators out ({@code Activate}), so a
 * sigmoid, tanh or ReLU that directly follows a matrix product belongs to that FC or conv layer. A
 * "vector" layer is any other element-wise op: the products and sums of the LSTM cell state, the
 * tanh of the cell and the residual additions. Concatenations and reshapes are placement in the
 * Unified Buffer, not layers. {@link #layerCounts} applies these rules; each LSTM0 layer is four FC
 * layers (one per gate, each over the concatenated {@code [x, h]}) and five vector layers ({@code f
 * ⊙ c}, {@code i ⊙ g}, their sum, {@code tanh(c)}, {@code o ⊙ tanh(c)}), and layers 3 to 6 add a
 * residual sum: 6 × 4 = 24 FC and 6 × 5 + 4 = 34 vector layers.
 */
final class TpuApps {
  private TpuApps() {}

  static final int MLP0_BATCH = 200;
  static final int MLP0_WIDTH = 2000;
  static final int MLP0_LAYERS = 5;

  static final int LSTM0_BATCH = 64;
  static final int LSTM0_HIDDEN = 1024;
  static final int LSTM0_LAYERS = 6;

  /** The first layer of LSTM0 with a residual connection (GNMT starts them at the third). */
  static final int LSTM0_FIRST_RESIDUAL = 3;

  static final int CNN0_BATCH = 8;
  static final int CNN0_BOARD = 19;
  static final int CNN0_PLANES = 48;
  static final int CNN0_FILTERS = 248;
  static final int CNN0_LAYERS = 16;

  static Graph mlp0() {
    NetBuilder n = new NetBuilder("tpu_mlp0");
    ValueId x = n.input("features", MLP0_BATCH, MLP0_WIDTH);
    for (int l = 1; l < MLP0_LAYERS; l++) {
      x = n.linearRelu("fc" + l, x, MLP0_WIDTH);
    }
    return n.build(n.linear("fc" + MLP0_LAYERS, x, MLP0_WIDTH));
  }

  static Graph lstm0() {
    NetBuilder n = new NetBuilder("tpu_lstm0");
    int h = LSTM0_HIDDEN;
    ValueId x = n.input("x", LSTM0_BATCH, h);
    List<ValueId> outputs = new ArrayList<>();
    for (int l = 1; l <= LSTM0_LAYERS; l++) {
      String p = "l" + l;
      ValueId hPrev = n.input(p + ".h_prev", LSTM0_BATCH, h);
      ValueId cPrev = n.input(p + ".c_prev", LSTM0_BATCH, h);
      ValueId xh = n.concat(p + ".xh", x, hPrev);
      ValueId i = n.op(p + ".i_sigmoid", new Sigmoid(), n.linear(p + ".i", xh, h));
      ValueId f = n.op(p + ".f_sigmoid", new Sigmoid(), n.linear(p + ".f", xh, h));
      ValueId o = n.op(p + ".o_sigmoid", new Sigmoid(), n.linear(p + ".o", xh, h));
      ValueId g = n.op(p + ".g_tanh", new Tanh(), n.linear(p + ".g", xh, h));
      ValueId c =
          n.op(
              p + ".c",
              new Add(),
              n.op(p + ".f_c", new Mul(), f, cPrev),
              n.op(p + ".i_g", new Mul(), i, g));
      ValueId hNew = n.op(p + ".h", new Mul(), o, n.op(p + ".c_tanh", new Tanh(), c));
      outputs.add(hNew);
      outputs.add(c);
      x = l >= LSTM0_FIRST_RESIDUAL ? n.op(p + ".res", new Add(), hNew, x) : hNew;
    }
    if (!outputs.contains(x)) {
      outputs.addFirst(x);
    }
    return n.build(outputs.toArray(ValueId[]::new));
  }

  static Graph cnn0() {
    NetBuilder n = new NetBuilder("tpu_cnn0");
    ValueId x = n.input("board", CNN0_BATCH, CNN0_PLANES, CNN0_BOARD, CNN0_BOARD);
    x = n.convRelu("conv1", x, CNN0_FILTERS, 5, 1, 2);
    for (int l = 2; l < CNN0_LAYERS; l++) {
      x = n.convRelu("conv" + l, x, CNN0_FILTERS, 3, 1, 1);
    }
    x = n.conv("conv" + CNN0_LAYERS, x, 1, 1, 1, 0);
    return n.build(n.flatten("flatten", x));
  }

  /**
   * Table 1's "TPU ops / weight byte": MACs per weight byte at one byte per weight, every parameter
   * (biases included) counted as a weight.
   */
  static double opsPerWeightByte(GraphStats s) {
    return (double) s.macs() / s.parameters();
  }

  /**
   * Layers by Table 1's kinds.
   *
   * @param fc matrix products ({@link Gemm}, {@link MatMul})
   * @param conv convolutions
   * @param vector element-wise ops other than a nonlinearity applied to a product's result
   * @param pool pooling layers
   */
  record LayerCounts(int fc, int conv, int vector, int pool) {
    int total() {
      return fc + conv + vector + pool;
    }
  }

  /** Counts the layers of {@code g} by the rules in the class comment. */
  static LayerCounts layerCounts(Graph g) {
    int fc = 0;
    int conv = 0;
    int vector = 0;
    int pool = 0;
    for (Node node : g.nodes()) {
      Op op = node.op();
      if (isProduct(op)) {
        fc += op instanceof Conv2d ? 0 : 1;
        conv += op instanceof Conv2d ? 1 : 0;
      } else if (op instanceof MaxPool || op instanceof AvgPool || op instanceof GlobalAvgPool) {
        pool++;
      } else if (op instanceof Add || op instanceof Mul) {
        vector++;
      } else if (op instanceof Relu || op instanceof Sigmoid || op instanceof Tanh) {
        Node producer = g.producer(node.inputs().getFirst());
        vector += producer != null && isProduct(producer.op()) ? 0 : 1;
      }
    }
    return new LayerCounts(fc, conv, vector, pool);
  }

  private static boolean isProduct(Op op) {
    return op instanceof Gemm || op instanceof MatMul || op instanceof Conv2d;
  }
}
