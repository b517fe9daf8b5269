package dev.silica.accelerators.tpu;

import dev.silica.isa.Program;
import dev.silica.isa.tpu.Activate;
import dev.silica.isa.tpu.ActivationFunction;
import dev.silica.isa.tpu.Halt;
import dev.silica.isa.tpu.MatrixMultiply;
import dev.silica.isa.tpu.PoolKind;
import dev.silica.isa.tpu.Pooling;
import dev.silica.isa.tpu.ReadHostMemory;
import dev.silica.isa.tpu.ReadWeights;
import dev.silica.isa.tpu.Sync;
import dev.silica.isa.tpu.SyncKind;
import dev.silica.isa.tpu.TpuInstr;
import dev.silica.isa.tpu.TpuIsaLimits;
import dev.silica.isa.tpu.WriteHostMemory;
import dev.silica.workloads.ir.AvgPool;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.MaxPool;
import dev.silica.workloads.ir.Node;
import dev.silica.workloads.ir.Relu;
import dev.silica.workloads.ir.Sigmoid;
import dev.silica.workloads.ir.Tanh;
import dev.silica.workloads.ir.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lowers a graph to a TPU v1 instruction {@link Program} for a weight-stationary systolic array,
 * folding every matrix product the way the analytical tier counts it.
 *
 * <h2>Machine</h2>
 *
 * <p>The ISA's array is square ({@link TpuIsaLimits}); an {@code R × C} configuration is lowered
 * for {@code N = max(R, C)} with its own capacities: Unified Buffer = the IFMAP SRAM ({@code
 * ifmap_kib · 1024 / N} rows of {@code N} bytes, at most 2^24), accumulators = the OFMAP SRAM
 * ({@code ofmap_kib · 1024 / 4N} rows of {@code N} 32-bit values, between 1 and 2^16). Every
 * emitted instruction is checked against those limits ({@link TpuIsaLimits#check}) and {@link
 * #limits} returns them so the program reassembles under the same rules. The ISA describes a
 * weight-stationary machine (Read_Weights fills the tile FIFO): output- and input-stationary
 * configurations are refused with a message.
 *
 * <h2>Program</h2>
 *
 * <pre>
 * read_host_memory                      graph inputs into the UB
 * per node, in graph order:
 *   array layer (conv2d, gemm, matmul, conv_transpose2d, lstm/gru/rnn), per product instance,
 *   per chunk of at most Q = min(accumulator rows, UB rows / 2) rows of M (batch · output pixels):
 *     per column fold (⌈N / C⌉), per row fold (⌈K / R⌉):
 *       read_weights tiles=1                         one R × C weight tile per fold
 *       matmul rows=B repeat=⌊Q'/B⌋ [accumulate]      B = min(Q', N); accumulate after row fold 0
 *       [matmul rows=Q' mod B]                       the remainder, when B does not divide Q'
 *     activate fn=none rows=B repeat=…  (+ remainder) after the last row fold: accumulators → UB
 *   relu / sigmoid / tanh:      activate fn=… over ⌈elements / N⌉ rows (chunks of at most Q)
 *   maxpool / avgpool:          activate fn=none pool=max|avg window=stride=kh·kw over the gathered
 *                               windows (kh·kw rows per output row)
 *   any other op (host work):   sync wait=all, write_host_memory of its inputs, read_host_memory
 *                               of its outputs; named in the metadata as host.I=node
 *   views (reshape, flatten, dropout): no instruction
 * write_host_memory                     graph outputs back to the host
 * halt
 * </pre>
 *
 * <p>{@code convolve} is set on the matmuls of a convolution. Addresses: UB rows are handed out
 * round-robin (a region that does not fit before the end starts again at row 0; liveness is not
 * modeled), the Weight Memory is read sequentially one tile ({@code N²} bytes) per fold, host
 * addresses grow. So the program of a product with {@code rf · cf} folds per chunk has exactly
 * {@code rf · cf} Read_Weights, {@code rf · cf · (1 or 2)} MatrixMultiply and {@code cf · (1 or 2)}
 * Activate per chunk (SystolicLoweringTest).
 */
public final class TpuLowering {
  private final SystolicArrayConfig config;
  private final TpuIsaLimits limits;
  private final int chunkRows;
  private final List<TpuInstr> out = new ArrayList<>();
  private final Map<String, String> meta = new LinkedHashMap<>();
  private long ubCursor;
  private long weightCursor;
  private long hostCursor;

  private TpuLowering(SystolicArrayConfig config) {
    this.config = config;
    this.limits = limits(config);
    this.chunkRows =
        Math.max(1, Math.min(limits.accumulatorRows(), limits.unifiedBufferRows() / 2));
  }

  /** The ISA capacities of a configuration (see the class comment). */
  public static TpuIsaLimits limits(SystolicArrayConfig config) {
    int n = Math.max(config.rows(), config.cols());
    long ubRows = Math.max(1, Math.min(1L << 24, config.ifmapSramBytes() / n));
    long accRows = Math.max(1, Math.min(1L << 16, config.ofmapSramBytes() / (4L * n)));
    return new TpuIsaLimits(
        n,
        ubRows * n,
        (int) accRows,
        4,
        TpuIsaLimits.TPU_V1.weightMemoryBytes(),
        TpuIsaLimits.TPU_V1.hostMemoryBytes());
  }

  /**
   * The program of {@code graph}.
   *
   * @param layers the analytical tier's per-node numbers ({@link SystolicArrayModel#analyze})
   * @throws IllegalArgumentException for an output- or input-stationary configuration
   */
  public static Program<TpuInstr> lower(
      SystolicArrayConfig config, Graph graph, List<LayerAnalysis> layers) {
    if (config.dataflow() != Dataflow.WS) {
      throw new IllegalArgumentException(
          config.name()
              + ": the TPU ISA is weight-stationary (read_weights fills the tile FIFO); dataflow"
              + " must be ws to emit a program, got "
              + config.dataflow().name().toLowerCase(java.util.Locale.ROOT));
    }
    TpuLowering l = new TpuLowering(config);
    l.meta.put("lowered_from", graph.name());
    l.meta.put("array", config.rows() + "x" + config.cols());
    l.meta.put("dataflow", "ws");
    long inElems = 0;
    for (Value v : graph.inputs()) {
      inElems += v.type().size();
    }
    l.hostTransfer(true, l.rowsOf(inElems));
    List<Node> nodes = graph.nodes();
    for (int i = 0; i < nodes.size(); i++) {
      l.node(graph, nodes.get(i), layers.get(i), i);
    }
    long outElems = 0;
    for (var o : graph.outputs()) {
      outElems += graph.type(o).size();
    }
    l.hostTransfer(false, l.rowsOf(outElems));
    l.emit(new Halt());
    return new Program<>(graph.name(), l.out, l.meta);
  }

  private long rowsOf(long elements) {
    return Math.max(1, Math.ceilDiv(elements, limits.arraySize()));
  }

  private void emit(TpuInstr instr) {
    limits.check(instr);
    out.add(instr);
  }

  /** A UB region of {@code rows} rows, round-robin. */
  private int ub(long rows) {
    long cap = limits.unifiedBufferRows();
    if (ubCursor + rows > cap) {
      ubCursor = 0;
    }
    int a = (int) ubCursor;
    ubCursor += rows;
    return a;
  }

  private void node(Graph g, Node n, LayerAnalysis a, int index) {
    switch (a.unit()) {
      case VIEW -> {}
      case ARRAY -> {
        boolean conv = n.op().kind().equals("conv2d");
        for (GemmShape s : a.gemms()) {
          for (long inst = 0; inst < s.count(); inst++) {
            product(s, conv);
          }
        }
      }
      case VECTOR -> vector(g, n, index);
    }
  }

  private void product(GemmShape s, boolean conv) {
    long rf = Math.ceilDiv(s.k(), config.rows());
    long cf = Math.ceilDiv(s.n(), config.cols());
    for (long m0 = 0; m0 < s.m(); m0 += chunkRows) {
      int q = (int) Math.min(chunkRows, s.m() - m0);
      for (long fc = 0; fc < cf; fc++) {
        int in = ub(q);
        for (long fr = 0; fr < rf; fr++) {
          long tile = limits.weightTileBytes();
          if (weightCursor + tile > limits.weightMemoryBytes()) {
            weightCursor = 0;
          }
          emit(new ReadWeights(weightCursor, 1, 1));
          weightCursor += tile;
          boolean acc = fr > 0;
          rows(q, (b, rep, off) -> emit(new MatrixMultiply(in + off, off, b, rep, acc, conv)));
        }
        int dst = ub(q);
        rows(
            q,
            (b, rep, off) -> emit(new Activate(off, dst + off, b, rep, ActivationFunction.NONE)));
      }
    }
  }

  /** Emits {@code q} rows as {@code B × ⌊q/B⌋} plus the remainder, B = min(q, N). */
  private void rows(int q, RowsSink sink) {
    int b = Math.min(q, limits.arraySize());
    int rep = q / b;
    sink.accept(b, rep, 0);
    int rem = q - b * rep;
    if (rem > 0) {
      sink.accept(rem, 1, b * rep);
    }
  }

  private interface RowsSink {
    void accept(int rows, int repeat, int offset);
  }

  private void vector(Graph g, Node n, int index) {
    long outElems = g.outputTypes(n).get(0).size();
    ActivationFunction fn = null;
    int window = 0;
    PoolKind pool = null;
    if (n.op() instanceof Relu) {
      fn = ActivationFunction.RELU;
    } else if (n.op() instanceof Sigmoid) {
      fn = ActivationFunction.SIGMOID;
    } else if (n.op() instanceof Tanh) {
      fn = ActivationFunction.TANH;
    } else if (n.op() instanceof MaxPool p) {
      fn = ActivationFunction.NONE;
      pool = PoolKind.MAX;
      window = p.kernelH() * p.kernelW();
    } else if (n.op() instanceof AvgPool p) {
      fn = ActivationFunction.NONE;
      pool = PoolKind.AVG;
      window = p.kernelH() * p.kernelW();
    }
    if (fn == null || (pool != null && window > chunkRows)) {
      host(g, n, index);
      return;
    }
    long outRows = rowsOf(outElems);
    int w = pool == null ? 1 : window;
    int perInstr = Math.max(1, chunkRows / w); // output rows per activate
    for (long r0 = 0; r0 < outRows; r0 += perInstr) {
      int rowsOut = (int) Math.min(perInstr, outRows - r0);
      int dst = ub(rowsOut);
      Optional<Pooling> p =
          pool == null ? Optional.empty() : Optional.of(new Pooling(pool, window, window));
      emit(new Activate(0, dst, rowsOut * w, 1, fn, p));
    }
  }

  private void host(Graph g, Node n, int index) {
    meta.put("host." + index, n.name());
    emit(new Sync(SyncKind.ALL));
    long inElems = 0;
    for (var t : g.inputTypes(n)) {
      inElems += t.size();
    }
    long outElems = 0;
    for (var t : g.outputTypes(n)) {
      outElems += t.size();
    }
    hostTransfer(false, rowsOf(inElems));
    hostTransfer(true, rowsOf(outElems));
  }

  /** DMA of {@code rows} UB rows to ({@code read == false}) or from the host, in chunks. */
  private void hostTransfer(boolean read, long rows) {
    long cap = limits.unifiedBufferRows();
    for (long r0 = 0; r0 < rows; r0 += cap) {
      int r = (int) Math.min(cap, rows - r0);
      int a = ub(r);
      emit(
          read
              ? new ReadHostMemory(hostCursor, a, r, 1)
              : new WriteHostMemory(a, hostCursor, r, 1));
      hostCursor += (long) r * limits.ubRowBytes();
    }
  }
}
