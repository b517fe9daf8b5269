package dev.silica.workloads.zoo;

import dev.silica.workloads.ir.Conv2d;
import dev.silica.workloads.ir.DType;
import dev.silica.workloads.ir.Embedding;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.Reshape;
import dev.silica.workloads.ir.Shape;
import dev.silica.workloads.ir.Tanh;
import dev.silica.workloads.ir.TensorType;
import dev.silica.workloads.ir.ValueId;
import java.util.List;

/**
 * The LeNet family: LeCun's 1998 LeNet-5, and the two MNIST networks of Han et al.'s pruning and
 * Deep Compression papers (the Caffe LeNet-5 and LeNet-300-100).
 *
 * <h2>LeNet-5 (LeCun, Bottou, Bengio, Haffner, Proc. IEEE 1998, §II-B, Fig. 2, Table I)</h2>
 *
 * <p>Input {@code 1×1×32×32}. Layer by layer, as transcribed in papers-inputs §8.1:
 *
 * <ul>
 *   <li><b>C1</b>: 6 maps, 5×5 valid convolution → 28×28×6; 156 trainable parameters.
 *   <li><b>S2</b>: each unit adds its four 2×2 inputs, multiplies the sum by one trainable
 *       coefficient per map and adds one trainable bias per map → 14×14×6; 12 parameters. Here: a
 *       2×2 stride-2 average pool followed by a depthwise 1×1 convolution with bias ({@code groups
 *       = 6}), which holds exactly the coefficient and bias of each map (the average's 1/4 folds
 *       into the coefficient).
 *   <li><b>C3</b>: 16 maps, 5×5, each connected to a subset of S2's maps by Table I of the paper:
 *       maps 0–5 read the six cyclically contiguous triples of S2 maps ({@code {i, i+1, i+2} mod
 *       6}), maps 6–11 the six contiguous quadruples, maps 12–14 the discontinuous quadruples {0,1,
 *       3,4}, {1,2,4,5}, {0,2,3,5}, and map 15 all six → 10×10×16; 6·76 + 9·101 + 151 = 1,516
 *       parameters and 1,516·100 = 151,600 connections. The IR has no partial-connection
 *       convolution, so the table is built from ops it has: S2's six maps are viewed as a {@code
 *       [6, 196]} table, two {@link Embedding} gathers with constant indices copy the 18 (triples)
 *       and 36 (quadruples) input maps in table order, a grouped convolution with 6 groups of 3 and
 *       one with 9 groups of 4 compute maps 0–5 and 6–14, an ordinary convolution over all six maps
 *       computes map 15, and a concat restores the order 0–15. The gathers move data only (no MACs,
 *       no parameters).
 *   <li><b>S4</b>: as S2 on 16 maps → 5×5×16; 32 parameters.
 *   <li><b>C5</b>: 120 maps, 5×5 over all 16 S4 maps → 1×1×120; 48,120 parameters.
 *   <li><b>F6</b>: fully connected 120 → 84; 10,164 parameters.
 *   <li><b>Output</b>: 10 Euclidean RBF units over F6's 84 outputs, {@code y_i = Σ_j (x_j −
 *       w_ij)²}, 840 parameters (10×84; the transcription's "850" does not follow, as RBF units
 *       have no bias). The IR has no RBF op; it is modelled as a bias-free fully connected layer,
 *       which has the same 10×84 weights and the same 840 multiplies ({@code ‖x − w_i‖² = ‖x‖² − 2
 *       x·w_i + ‖w_i‖²}, whose only data-dependent products are {@code x·w_i}).
 * </ul>
 *
 * <p>"Units in layers up to F6 compute a dot product ... to which a bias is added ... then passed
 * through a sigmoid squashing function" (§II-B): every layer C1–F6 ends with the paper's scaled
 * hyperbolic tangent {@code A·tanh(S·a)}, {@code A = 1.7159}, {@code S = 2/3} (Appendix A),
 * modelled as {@link Tanh} (the two constants change no count). Totals: 60,840 trainable
 * parameters; the paper's 340,908 connections are MACs plus bias additions of C1, C3, C5, F6, the
 * output, and five per S2/S4 unit.
 *
 * <h2>LeNet-5, Caffe variant ({@code lenet5-caffe})</h2>
 *
 * <p>Caffe's {@code examples/mnist/lenet_train_test.prototxt}, the "LeNet-5" of Han et al. (LWC
 * Table 2, DC Table 2; papers-inputs §3.2, §8.1): input {@code 1×1×28×28}; conv1 20×5×5 → 24×24×20;
 * max pool 2×2/2; conv2 50×5×5 → 8×8×50; max pool 2×2/2; ip1 800 → 500 + ReLU; ip2 500 → 10.
 * 430,500 weights ("431K") + 580 biases, 2,293,000 MACs.
 *
 * <h2>LeNet-300-100</h2>
 *
 * <p>The fully connected MNIST network of LeCun et al. 1998 (§III-C) as used by LWC/DC: 784 → 300 →
 * 100 → 10 with ReLU (Han et al.'s Caffe model); input {@code 1×1×28×28}, flattened. 266,200
 * weights ("266K") + 410 biases.
 */
final class LeNet {
  private LeNet() {}

  /**
   * LeCun 1998, Table I: the S2 maps each C3 map reads, by C3 map. Columns 0–5 read three maps,
   * 6–14 four, 15 all six.
   */
  static final int[][] C3_CONNECTIONS = {
    {0, 1, 2},
    {1, 2, 3},
    {2, 3, 4},
    {3, 4, 5},
    {4, 5, 0},
    {5, 0, 1},
    {0, 1, 2, 3},
    {1, 2, 3, 4},
    {2, 3, 4, 5},
    {3, 4, 5, 0},
    {4, 5, 0, 1},
    {5, 0, 1, 2},
    {0, 1, 3, 4},
    {1, 2, 4, 5},
    {0, 2, 3, 5},
    {0, 1, 2, 3, 4, 5}
  };

  static Graph lenet5() {
    NetBuilder n = new NetBuilder("lenet5");
    ValueId x = n.input("image", 1, 1, 32, 32);
    x = n.op("c1_tanh", new Tanh(), n.conv("c1", x, 6, 5, 1, 0));
    x = subsample(n, "s2", x);
    x = n.op("c3_tanh", new Tanh(), c3(n, x));
    x = subsample(n, "s4", x);
    x = n.op("c5_tanh", new Tanh(), n.conv("c5", x, 120, 5, 1, 0));
    x = n.flatten("flatten", x);
    x = n.op("f6_tanh", new Tanh(), n.linear("f6", x, 84));
    return n.build(n.linear("output", x, 10, false));
  }

  /**
   * S2/S4: 2×2 stride-2 average, then one coefficient and one bias per map (a depthwise 1×1
   * convolution with bias), then the squashing function.
   */
  private static ValueId subsample(NetBuilder n, String name, ValueId x) {
    int maps = n.dim(x, 1);
    ValueId pooled = n.avgPool(name + "_pool", x, 2, 2, 0);
    ValueId scaled = n.conv(name, pooled, maps, 1, 1, Conv2d.of(1, 0, maps), true);
    return n.op(name + "_tanh", new Tanh(), scaled);
  }

  /** C3 with the partial connection table of LeCun 1998 Table I (see the class comment). */
  private static ValueId c3(NetBuilder n, ValueId s2) {
    int maps = n.dim(s2, 1);
    int h = n.dim(s2, 2);
    int w = n.dim(s2, 3);
    ValueId table = n.op("c3_maps", new Reshape(List.of(maps, h * w)), s2);
    ValueId triples = gather(n, "c3_triples", table, 0, 6, h, w);
    ValueId quads = gather(n, "c3_quads", table, 6, 15, h, w);
    ValueId a = n.conv("c3_a", triples, 6, 5, 5, Conv2d.of(1, 0, 6), true);
    ValueId b = n.conv("c3_b", quads, 9, 5, 5, Conv2d.of(1, 0, 9), true);
    ValueId c = n.conv("c3_c", s2, 1, 5, 1, 0);
    return n.concat("c3", a, b, c);
  }

  /** Copies the S2 maps that C3 maps {@code from..to-1} read, in table order. */
  private static ValueId gather(
      NetBuilder n, String name, ValueId table, int from, int to, int h, int w) {
    int count = 0;
    for (int m = from; m < to; m++) {
      count += C3_CONNECTIONS[m].length;
    }
    float[] idx = new float[count];
    int i = 0;
    for (int m = from; m < to; m++) {
      for (int s : C3_CONNECTIONS[m]) {
        idx[i++] = s;
      }
    }
    ValueId indices =
        n.graph().constant(name + ".indices", new TensorType(DType.I64, Shape.of(count)), idx);
    ValueId rows = n.op(name, new Embedding(), indices, table);
    return n.op(name + "_maps", new Reshape(List.of(1, count, h, w)), rows);
  }

  static Graph lenet5Caffe() {
    NetBuilder n = new NetBuilder("lenet5-caffe");
    ValueId x = n.input("image", 1, 1, 28, 28);
    x = n.maxPool("pool1", n.conv("conv1", x, 20, 5, 1, 0), 2, 2);
    x = n.maxPool("pool2", n.conv("conv2", x, 50, 5, 1, 0), 2, 2);
    x = n.linearRelu("ip1", n.flatten("flatten", x), 500);
    return n.build(n.linear("ip2", x, 10));
  }

  static Graph lenet300100() {
    NetBuilder n = new NetBuilder("lenet-300-100");
    ValueId x = n.flatten("flatten", n.input("image", 1, 1, 28, 28));
    x = n.linearRelu("ip1", x, 300);
    x = n.linearRelu("ip2", x, 100);
    return n.build(n.linear("ip3", x, 10));
  }
}
