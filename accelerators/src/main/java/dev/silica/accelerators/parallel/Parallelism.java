package dev.silica.accelerators.parallel;

import dev.silica.accelerators.kernels.Kernel;
import dev.silica.accelerators.kernels.Lowering;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.Node;
import dev.silica.workloads.ir.Value;
import dev.silica.workloads.ir.ValueKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A graph spread over N identical devices joined by an {@link Interconnect}, three ways. The device
 * is any model that prices {@link Kernel}s (the CPU and GPU models); times per kernel come from it,
 * so every quantization effect of a smaller shard (fewer tiles, idle SMs) shows in the speedup.
 *
 * <h2>Data parallel (a training step)</h2>
 *
 * <pre>
 * t_step(N) = 3 · t_forward(⌈B/N⌉) + all-reduce(4 · parameters bytes, N)
 * </pre>
 *
 * The backward pass is taken as twice the forward (the usual 2:1 FLOP ratio of weight and input
 * gradients to the forward product, U), FP32 gradients, no overlap of the all-reduce with the
 * backward pass.
 *
 * <h2>Model parallel, layer pipeline (inference)</h2>
 *
 * <p>The nodes are cut into {@code N' = min(N, nodes)} contiguous stages that minimise the slowest
 * stage (linear partition, exact by binary search over the stage bound with greedy packing). The
 * batch B runs as {@code m = min(B, 4N)} micro-batches of {@code u = ⌈B/m⌉}; each stage boundary
 * sends its activations point to point:
 *
 * <pre>
 * t(N) = (m + N' − 1) · max_s (t_stage_s(u) + send(boundary bytes_s · u))
 * </pre>
 *
 * <h2>Model parallel, output split (AlexNet's two-GPU layout; inference)</h2>
 *
 * <p>Every GEMM and convolution computes {@code 1/N} of its output features ({@code N/N} columns,
 * {@code C_out/N} filters, groups kept whole where they divide) on each device, element-wise work
 * is split likewise, and after each such layer the devices all-gather its output so the next layer
 * sees every input feature:
 *
 * <pre>
 * t(N) = Σ_layers ( t_layer(outputs / N) + all-gather(output bytes, N) )
 * </pre>
 *
 * <p>Speedup is {@code t(1) / t(N)}, efficiency {@code speedup / N}.
 */
public final class Parallelism {
  private final Graph graph;
  private final ToDoubleFunction<Kernel> device;
  private final Interconnect link;
  private final int elementBytes;

  /**
   * @param graph the workload at batch 1 (the batch scale multiplies it)
   * @param device seconds of one kernel on one device
   * @param link the interconnect
   * @param elementBytes bytes per activation element exchanged
   */
  public Parallelism(
      Graph graph, ToDoubleFunction<Kernel> device, Interconnect link, int elementBytes) {
    this.graph = graph;
    this.device = device;
    this.link = link;
    this.elementBytes = elementBytes;
  }

  /** One strategy's time on N devices. */
  public record Point(String strategy, int devices, double seconds, double commSeconds) {}

  /** Forward time of the whole graph at {@code batch} on one device. */
  public double forwardSeconds(long batch) {
    double s = 0;
    for (Node n : graph.nodes()) {
      s += nodeSeconds(n, batch);
    }
    return s;
  }

  private double nodeSeconds(Node n, long batch) {
    double s = 0;
    for (Kernel k : Lowering.lower(graph, n, batch)) {
      s += device.applyAsDouble(k);
    }
    return s;
  }

  /** Parameters (trainable weights) of the graph. */
  public long parameters() {
    long p = 0;
    for (Value v : graph.values()) {
      if (v.kind() == ValueKind.PARAMETER) {
        p += v.type().size();
      }
    }
    return p;
  }

  /** A data-parallel training step of global batch {@code batch} on {@code n} devices. */
  public Point dataParallel(long batch, int n) {
    long shard = (batch + n - 1) / n;
    double comm = link.allReduceSeconds(4.0 * parameters(), n);
    return new Point("data", n, 3 * forwardSeconds(shard) + comm, comm);
  }

  /** A layer-pipelined forward pass of {@code batch} on {@code n} devices. */
  public Point pipeline(long batch, int n) {
    List<Node> nodes = graph.nodes();
    int stages = Math.min(n, nodes.size());
    long m = Math.min(batch, 4L * n);
    long u = (batch + m - 1) / m;
    double[] t = new double[nodes.size()];
    double[] out = new double[nodes.size()];
    for (int i = 0; i < t.length; i++) {
      t[i] = nodeSeconds(nodes.get(i), u);
      out[i] =
          link.sendSeconds((double) graph.type(nodes.get(i).output()).size() * u * elementBytes);
    }
    double bound = bestBound(t, out, stages);
    double comm = 0;
    if (stages > 1) {
      // communication share of the slowest stage: the largest boundary send
      for (double o : out) {
        comm = Math.max(comm, o);
      }
    }
    double total = (m + stages - 1) * bound;
    return new Point("pipeline", n, total, Math.min(comm, bound) * (m + stages - 1));
  }

  /** The least possible slowest-stage time packing nodes into at most {@code k} stages. */
  private static double bestBound(double[] t, double[] send, int k) {
    double lo = 0;
    double hi = 0;
    for (int i = 0; i < t.length; i++) {
      lo = Math.max(lo, t[i]);
      hi += t[i] + send[i];
    }
    for (int it = 0; it < 100; it++) {
      double mid = (lo + hi) / 2;
      if (stagesNeeded(t, send, mid) <= k) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return hi;
  }

  /** Greedy: a stage's time is its nodes plus the send of its last node's output (if not last). */
  private static int stagesNeeded(double[] t, double[] send, double bound) {
    int stages = 1;
    double cur = 0;
    for (int i = 0; i < t.length; i++) {
      boolean last = i == t.length - 1;
      double withSend = cur + t[i] + (last ? 0 : send[i]);
      if (withSend <= bound) {
        cur += t[i];
      } else {
        stages++;
        cur = t[i];
        if (cur + (last ? 0 : send[i]) > bound) {
          return Integer.MAX_VALUE;
        }
      }
    }
    return stages;
  }

  /** An output-split (tensor-parallel) forward pass of {@code batch} on {@code n} devices. */
  public Point outputSplit(long batch, int n) {
    double total = 0;
    double comm = 0;
    for (Node node : graph.nodes()) {
      List<Kernel> ks = Lowering.lower(graph, node, batch);
      if (ks.isEmpty()) {
        continue;
      }
      boolean product = false;
      for (Kernel k : ks) {
        Kernel split = split(k, n);
        product |= split != k && !(k instanceof Kernel.Stream);
        total += device.applyAsDouble(split);
      }
      if (product && n > 1) {
        double bytes = (double) graph.type(node.output()).size() * batch * elementBytes;
        double c = link.allGatherSeconds(bytes, n);
        comm += c;
        total += c;
      }
    }
    return new Point("output-split", n, total, comm);
  }

  /** {@code k} with its output features divided by {@code n} (rounded up). */
  static Kernel split(Kernel k, int n) {
    if (n == 1) {
      return k;
    }
    return switch (k) {
      case Kernel.Gemm g ->
          new Kernel.Gemm(
              g.m(), Math.max(1, ceil(g.n(), n)), g.k(), g.instances(), g.sharedWeights());
      case Kernel.Conv c -> {
        long groups = c.groups();
        long perGroup = c.cout() / groups;
        if (groups % n == 0) {
          // whole groups per device: the two-tower layers of AlexNet
          yield new Kernel.Conv(
              c.batch(),
              c.cin() / n,
              c.h(),
              c.w(),
              c.cout() / n,
              c.kh(),
              c.kw(),
              c.strideH(),
              c.strideW(),
              c.ho(),
              c.wo(),
              groups / n);
        }
        long cout = Math.max(groups, ceil(perGroup, n) * groups);
        yield new Kernel.Conv(
            c.batch(),
            c.cin(),
            c.h(),
            c.w(),
            cout,
            c.kh(),
            c.kw(),
            c.strideH(),
            c.strideW(),
            c.ho(),
            c.wo(),
            groups);
      }
      case Kernel.Spmv s ->
          new Kernel.Spmv(Math.max(1, ceil(s.rows(), n)), s.cols(), ceil(s.nnz(), n), s.batch());
      case Kernel.Stream s ->
          new Kernel.Stream(
              s.name(),
              ceil(s.readElements(), n),
              ceil(s.writeElements(), n),
              ceil(s.ops(), n),
              ceil(s.macs(), n));
    };
  }

  private static long ceil(long a, long b) {
    return (a + b - 1) / b;
  }

  /** Speedup and efficiency rows for one strategy over {@code counts} devices. */
  public List<double[]> curve(String strategy, long batch, int[] counts) {
    List<double[]> rows = new ArrayList<>();
    Point one = point(strategy, batch, 1);
    for (int n : counts) {
      Point p = point(strategy, batch, n);
      double speedup = one.seconds() / p.seconds();
      rows.add(new double[] {n, p.seconds(), p.commSeconds(), speedup, speedup / n});
    }
    return rows;
  }

  /** The named strategy: {@code data}, {@code pipeline} or {@code output-split}. */
  public Point point(String strategy, long batch, int n) {
    return switch (strategy) {
      case "data" -> dataParallel(batch, n);
      case "pipeline" -> pipeline(batch, n);
      case "output-split" -> outputSplit(batch, n);
      default ->
          throw new IllegalArgumentException(
              "strategy must be one of data, pipeline, output-split, got '" + strategy + "'");
    };
  }
}
