package dev.silica.workloads.scalesim;

import dev.silica.workloads.ir.Conv2d;
import dev.silica.workloads.ir.Gemm;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.GraphBuilder;
import dev.silica.workloads.ir.IrException;
import dev.silica.workloads.ir.Padding;
import dev.silica.workloads.ir.TensorType;
import dev.silica.workloads.ir.ValueId;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A SCALE-Sim v2 workload file: its convolution topology CSV or its GEMM ({@code M, N, K}) CSV,
 * read into graph IR and written back, so SCALE-Sim users can bring their workloads unchanged.
 *
 * <h2>The two layouts</h2>
 *
 * <p>One header row, which SCALE-Sim skips unread, then one row per layer. SCALE-Sim drops the last
 * field of every row ({@code row.split(',')[:-1]}), so <b>every row must end with a comma</b>. Text
 * after the last comma is a note SCALE-Sim ignores, and so does this reader (its own {@code
 * mobilnet_4k.csv} marks rows {@code 1,#dw}); but a number there is an error here, not a silently
 * lost value (SCALE-Sim would crash on an eight-value row, or apply a nine-value row's row stride
 * to both directions). Values are trimmed as Python trims them (no-break spaces too); blank lines
 * are skipped; a byte-order mark is ignored; all sizes are in elements (SCALE-Sim's word is one
 * byte).
 *
 * <pre>
 * Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,
 * Conv1,      224,          224,         11,            11,           3,        96,         4,
 *
 * Layer, M, N, K,
 * QKT, 1024, 1024, 64,
 * </pre>
 *
 * <ul>
 *   <li><b>Conv</b> ({@code python3 scalesim/scale.py -i conv}, the default): layer name, IFMAP
 *       height {@code H} and width {@code W}, filter height {@code R} and width {@code S}, input
 *       channels {@code C}, number of filters {@code N}, stride; an optional ninth value is the
 *       column stride (otherwise the stride is used for both). There is no padding, dilation, group
 *       or batch column: the user writes the padded IFMAP size, and the batch is 1.
 *   <li><b>GEMM</b> ({@code -i gemm}): layer name, {@code M}, {@code N}, {@code K}. SCALE-Sim turns
 *       the row into the convolution {@code IFMAP M x K, filter 1 x K, 1 channel, N filters, stride
 *       1}: {@code M} output pixels, a window of {@code K}, {@code N} filters. So {@code M} indexes
 *       the rows of the streamed IFMAP operand {@code [M, K]}, {@code N} the columns of the FILTER
 *       operand {@code [K, N]}, and the layer does {@code M·N·K} MACs.
 * </ul>
 *
 * <p>{@link #read(Path)} tells the layouts apart by the header: {@code Layer, M, N, K} is GEMM,
 * eight or nine columns whose second names the IFMAP and fourth the filter is conv; anything else
 * fails, naming both expected headers. {@link #readConv} and {@link #readGemm} choose explicitly
 * and, like SCALE-Sim, ignore the header's text.
 *
 * <h2>SCALE-Sim's conventions, as the IR reproduces them</h2>
 *
 * <ul>
 *   <li><b>Output size.</b> SCALE-Sim computes {@code P = ceil((H - R + s) / s)}, not the framework
 *       formula {@code floor((H - R) / s) + 1}. The two agree when {@code s} divides {@code H - R};
 *       otherwise SCALE-Sim has one more output row, whose last window reaches {@code (P-1)·s + R -
 *       H} rows (fewer than {@code s}) below the IFMAP, reads those as absent and still counts
 *       their MACs. AlexNet Conv1 (224, 11, stride 4) gives 55 rows where floor gives 54. The graph
 *       reproduces SCALE-Sim exactly with bottom/right zero padding of that overhang: {@code
 *       Padding.of(0, 0, overhangBottom, overhangRight)} ({@link ConvLayer#overhangBottom()}).
 *   <li><b>Depthwise.</b> There is no group column. SCALE-Sim splits a row whose name contains
 *       {@code DP} (case-sensitive) into {@code C} one-channel layers of {@code N} filters each;
 *       the graph makes that a {@code Conv2d} with {@code groups = C} and weight {@code [C·N, 1, R,
 *       S]}. Any other row is a dense convolution, so the usual hand-written depthwise row {@code
 *       Conv2, 112, 112, 3, 3, 32, 1, 1,} is simulated (and read) as 32 channels into one filter. A
 *       {@code DP} row appears in SCALE-Sim's reports as {@code C} layers, one per channel, so its
 *       report rows no longer line up one to one with the topology's rows; the GEMM layout has no
 *       such rule.
 *   <li><b>Independent layers.</b> SCALE-Sim runs each row alone from a cold start; nothing ties
 *       one row's output to the next row's input (its own {@code yolo_tiny.csv} has a layer whose
 *       channel count does not match the previous layer's filters). So each row becomes its own
 *       node with its own input {@code <node>.ifmap} ({@code [1, C, H, W]}, or {@code [M, K]} for
 *       GEMM) and weight {@code <node>.weight} ({@code [N, C, R, S]}, or {@code [K, N]}), and every
 *       node's result is a graph output. GEMM rows become {@code Gemm(transA = false, transB =
 *       false)}.
 * </ul>
 *
 * <h2>Names</h2>
 *
 * <p>Layer names are free text (SCALE-Sim's own files use {@code Test 1}, {@code 1}, {@code
 * PW-FF-L1}); graph names are identifiers. {@link #nodeName(String)} maps a layer name to a node
 * name deterministically: every character other than letters, digits, {@code _ - / :} becomes
 * {@code _} (dots too, so no node name collides with the {@code .ifmap}/{@code .weight} values),
 * and a leading {@code -} gets a {@code _} in front. {@link #nodeNames()} then makes duplicates
 * unique by appending {@code _2}, {@code _3}, ... in row order. The topology keeps the original
 * names, so {@link #toCsv()} writes them back unchanged; a graph alone carries only node names, and
 * {@link #write(Graph)} writes those.
 *
 * <h2>Writing a graph</h2>
 *
 * <p>{@link #fromGraph(Graph)} (and {@link #write(Graph)}) accept graphs made only of {@code
 * Conv2d} (one group, or depthwise when the node name contains {@code DP}; no dilation; batch 1; no
 * padding other than the overhang above), {@code Gemm} and {@code MatMul} nodes, and fail on the
 * first other node with a message naming the node and what cannot be expressed, for example {@code
 * conv3: SCALE-Sim topology has no padding column; pad 1 cannot be expressed}. A graph without
 * convolutions is written as GEMM rows, otherwise as conv rows; {@link ScaleSimExport} describes
 * how each node becomes a row, and {@link #export(Graph)}, which writes the convolution and
 * matrix-multiply layers of any network (padding folded into the IFMAP size) and lists every other
 * node it skipped, with the reason.
 *
 * <p>All errors are {@link IrException}s; parse errors start with {@code source:line:} and name the
 * column, for example {@code alexnet.csv:4: column 'Filter Height': must be a positive integer, got
 * 'x'}.
 *
 * <p>Read from scalesim-project/scale-sim-v2 at 22f88b1 ({@code scalesim/topology_utils.py}: {@code
 * load_arrays_conv}, {@code load_arrays_gemm}, {@code topo_calc_hyperparams}); the runs in {@code
 * shared/refs/scalesim/cases} confirm the output sizes (AlexNet Conv1: 3025 output pixels).
 */
public final class ScaleSimTopology {
  /** Which of SCALE-Sim's two CSV layouts. */
  public enum Format {
    /** The convolution topology ({@code -i conv}). */
    CONV,
    /** The {@code M, N, K} topology ({@code -i gemm}). */
    GEMM
  }

  private final String name;
  private final Format format;
  private final List<ScaleSimLayer> layers;

  /**
   * A topology.
   *
   * @param name the graph name it converts to (an IR identifier)
   * @param format the layout; {@link Format#CONV} holds only {@link ConvLayer}s, {@link
   *     Format#GEMM} only {@link GemmLayer}s
   * @param layers at least one
   */
  public ScaleSimTopology(String name, Format format, List<ScaleSimLayer> layers) {
    if (!ValueId.isValidName(name)) {
      throw new IrException("topology name must be an identifier, got '" + name + "'");
    }
    this.name = name;
    this.format = Objects.requireNonNull(format, "format");
    this.layers = List.copyOf(layers);
    if (this.layers.isEmpty()) {
      throw new IrException(name + ": a SCALE-Sim topology needs at least one layer");
    }
    Class<?> kind = format == Format.CONV ? ConvLayer.class : GemmLayer.class;
    for (ScaleSimLayer l : this.layers) {
      if (!kind.isInstance(l)) {
        throw new IrException(
            name + ": " + l.name() + ": a " + format + " topology cannot hold a " + l);
      }
    }
  }

  public String name() {
    return name;
  }

  public Format format() {
    return format;
  }

  /** The rows, in file order. */
  public List<ScaleSimLayer> layers() {
    return layers;
  }

  /** SCALE-Sim's MACs summed over the rows. */
  public long macs() {
    return layers.stream().mapToLong(ScaleSimLayer::macs).sum();
  }

  // ---- reading ----

  /** Reads a topology file, choosing the layout from its header row. */
  public static ScaleSimTopology parse(Path file) {
    return parse(file, null);
  }

  /** Reads a topology from {@code in}; {@code sourceName} prefixes messages and names the graph. */
  public static ScaleSimTopology parse(Reader in, String sourceName) {
    return TopologyCsv.read(in, sourceName, null);
  }

  /** Reads a topology file in the given layout (the header's text is not checked). */
  public static ScaleSimTopology parse(Path file, Format format) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return TopologyCsv.read(r, file.toString(), format);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  /** Reads a topology from {@code in} in the given layout. */
  public static ScaleSimTopology parse(Reader in, String sourceName, Format format) {
    return TopologyCsv.read(in, sourceName, Objects.requireNonNull(format, "format"));
  }

  /** Reads a conv or GEMM topology file, told apart by its header row, into a graph. */
  public static Graph read(Path file) {
    return parse(file).toGraph();
  }

  /** Reads a conv or GEMM topology, told apart by its header row, into a graph. */
  public static Graph read(Reader in, String sourceName) {
    return parse(in, sourceName).toGraph();
  }

  /** Reads a convolution topology file into one {@code Conv2d} per row. */
  public static Graph readConv(Path file) {
    return parse(file, Format.CONV).toGraph();
  }

  /** Reads a convolution topology into one {@code Conv2d} per row. */
  public static Graph readConv(Reader in, String sourceName) {
    return parse(in, sourceName, Format.CONV).toGraph();
  }

  /** Reads a GEMM topology file into one {@code Gemm} per row. */
  public static Graph readGemm(Path file) {
    return parse(file, Format.GEMM).toGraph();
  }

  /** Reads a GEMM topology into one {@code Gemm} per row. */
  public static Graph readGemm(Reader in, String sourceName) {
    return parse(in, sourceName, Format.GEMM).toGraph();
  }

  // ---- the graph ----

  /**
   * The node name of a layer name: characters other than letters, digits and {@code _ - / :} become
   * {@code _}, and a leading {@code -} is prefixed with {@code _}. {@code Test 1} becomes {@code
   * Test_1}; a valid name without dots is unchanged.
   */
  public static String nodeName(String layerName) {
    StringBuilder b = new StringBuilder(layerName.length() + 1);
    for (int i = 0; i < layerName.length(); i++) {
      char ch = layerName.charAt(i);
      boolean ok =
          (ch >= 'a' && ch <= 'z')
              || (ch >= 'A' && ch <= 'Z')
              || (ch >= '0' && ch <= '9')
              || ch == '_'
              || ch == '-'
              || ch == '/'
              || ch == ':';
      b.append(ok ? ch : '_');
    }
    if (b.isEmpty() || b.charAt(0) == '-') {
      b.insert(0, '_');
    }
    return b.toString();
  }

  /**
   * The node name of each row, in row order: {@link #nodeName(String)} of its layer name, with
   * {@code _2}, {@code _3}, ... appended to a name already taken by an earlier row.
   */
  public List<String> nodeNames() {
    Set<String> taken = new HashSet<>();
    List<String> names = new ArrayList<>(layers.size());
    for (ScaleSimLayer l : layers) {
      String base = nodeName(l.name());
      String n = base;
      for (int k = 2; !taken.add(n); k++) {
        n = base + "_" + k;
      }
      names.add(n);
    }
    return names;
  }

  /**
   * The graph SCALE-Sim simulates: one independent node per row, each with its own input and
   * weight, every result a graph output (see the class comment).
   */
  public Graph toGraph() {
    GraphBuilder g = new GraphBuilder(name);
    List<String> nodes = nodeNames();
    List<ValueId> outs = new ArrayList<>(layers.size());
    for (int i = 0; i < layers.size(); i++) {
      String node = nodes.get(i);
      switch (layers.get(i)) {
        case ConvLayer c -> {
          ValueId x =
              g.input(
                  node + ".ifmap",
                  TensorType.f32(1, c.channels(), c.ifmapHeight(), c.ifmapWidth()));
          int groups = c.depthwise() ? c.channels() : 1;
          int outChannels = Math.toIntExact(c.n());
          ValueId w =
              g.parameter(
                  node + ".weight",
                  TensorType.f32(
                      outChannels, c.channels() / groups, c.filterHeight(), c.filterWidth()));
          Conv2d op =
              new Conv2d(
                  c.strideHeight(),
                  c.strideWidth(),
                  Padding.of(0, 0, c.overhangBottom(), c.overhangRight()),
                  1,
                  1,
                  groups);
          outs.add(g.apply(node, op, x, w));
        }
        case GemmLayer m -> {
          ValueId a = g.input(node + ".ifmap", TensorType.f32((int) m.m(), (int) m.k()));
          ValueId b = g.parameter(node + ".weight", TensorType.f32((int) m.k(), (int) m.n()));
          outs.add(g.apply(node, new Gemm(false, false, 1f, 1f), a, b));
        }
      }
    }
    return g.output(outs.toArray(ValueId[]::new)).build();
  }

  // ---- writing ----

  /** The CSV text, with the original layer names; every row ends with a comma. */
  public String toCsv() {
    return TopologyCsv.write(this);
  }

  /** Writes {@link #toCsv()} to {@code file}. */
  public void write(Path file) {
    try {
      Files.writeString(file, toCsv(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The topology of a graph made only of convolution, {@code Gemm} and {@code MatMul} nodes, in
   * GEMM layout when it has no convolution and conv layout otherwise.
   *
   * @throws IrException naming the first node SCALE-Sim cannot express and why
   */
  public static ScaleSimTopology fromGraph(Graph g) {
    return GraphExport.strict(g, null);
  }

  /** Like {@link #fromGraph(Graph)}, in the given layout. */
  public static ScaleSimTopology fromGraph(Graph g, Format format) {
    return GraphExport.strict(g, Objects.requireNonNull(format, "format"));
  }

  /** SCALE-Sim CSV text of {@link #fromGraph(Graph)}; layer names are the node names. */
  public static String write(Graph g) {
    return fromGraph(g).toCsv();
  }

  /** Writes {@link #write(Graph)} to {@code file}. */
  public static void write(Graph g, Path file) {
    fromGraph(g).write(file);
  }

  /**
   * The convolution and matrix-multiply layers of any network in SCALE-Sim form (conv layout when
   * it has a convolution), as SCALE-Sim users prepare them by hand, with every node that has no
   * SCALE-Sim row listed with the reason; see {@link ScaleSimExport}.
   */
  public static ScaleSimExport export(Graph g) {
    return GraphExport.export(g, null);
  }

  /** Like {@link #export(Graph)}, in the given layout. */
  public static ScaleSimExport export(Graph g, Format format) {
    return GraphExport.export(g, Objects.requireNonNull(format, "format"));
  }

  /** The graph name for a source: its file name without directory and extension, sanitised. */
  static String graphName(String source) {
    String base = source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
    int dot = base.lastIndexOf('.');
    if (dot > 0) {
      base = base.substring(0, dot);
    }
    return base.isEmpty() ? "scalesim" : nodeName(base);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScaleSimTopology t
        && name.equals(t.name)
        && format == t.format
        && layers.equals(t.layers);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, format, layers);
  }

  @Override
  public String toString() {
    return "ScaleSimTopology[" + name + ", " + format + ", " + layers.size() + " layers]";
  }
}
