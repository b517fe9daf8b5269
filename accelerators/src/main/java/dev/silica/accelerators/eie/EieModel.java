package dev.silica.accelerators.eie;

import dev.silica.numerics.FixedPoint;
import dev.silica.numerics.Rounder;
import dev.silica.simulator.AcceleratorModel;
import dev.silica.simulator.Capability;
import dev.silica.simulator.Fidelity;
import dev.silica.simulator.RunOptions;
import dev.silica.simulator.energy.Action;
import dev.silica.simulator.energy.ActionCounts;
import dev.silica.simulator.energy.AreaBreakdown;
import dev.silica.simulator.energy.AreaTable;
import dev.silica.simulator.energy.ComponentKind;
import dev.silica.simulator.energy.EnergyTable;
import dev.silica.simulator.result.Feasibility;
import dev.silica.simulator.result.Infeasible;
import dev.silica.simulator.result.LayerResult;
import dev.silica.simulator.result.RunResult;
import dev.silica.simulator.spec.SpecKind;
import dev.silica.simulator.spec.SpecLoader;
import dev.silica.simulator.spec.SpecNode;
import dev.silica.workloads.compress.CompressionProfile;
import dev.silica.workloads.ir.Dropout;
import dev.silica.workloads.ir.Flatten;
import dev.silica.workloads.ir.Gemm;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.Gru;
import dev.silica.workloads.ir.Lstm;
import dev.silica.workloads.ir.MatMul;
import dev.silica.workloads.ir.Node;
import dev.silica.workloads.ir.Relu;
import dev.silica.workloads.ir.Reshape;
import dev.silica.workloads.ir.Rnn;
import dev.silica.workloads.ir.TensorType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * EIE, the Efficient Inference Engine of Han et al. (ISCA 2016): compressed fully connected and
 * recurrent layers on N PEs, simulated cycle by cycle ({@link EieSimulator}) with bit-exact
 * outputs.
 *
 * <h2>Design</h2>
 *
 * <p><b>Mechanism, not fitted constants.</b> Time comes out of the cycle loop over the actual
 * encoded matrix and activation vector: per-PE entry counts (with padding zeros), queue stalls and
 * load imbalance. Nothing is calibrated to the paper's measured results.
 *
 * <p><b>Lowering a graph.</b> Each {@code gemm} (weights {@code [out, in]}), {@code matmul} with a
 * constant right operand, and recurrent node becomes one layer: an FC of {@code rows = out} and
 * {@code cols = in}; an LSTM/GRU/RNN becomes its stacked gate matrix {@code [Wx; Wh; b]ᵀ} with
 * {@code rows = G·H} and {@code cols = D + H + 1} (input, previous hidden state and a constant 1
 * carrying the bias, NeuralTalk's {@code WLSTM} layout), run once per time step and batch row; the
 * gate nonlinearities are not on EIE. A ReLU that is the sole consumer of an FC is fused into its
 * PEs. Views (reshape, flatten, inference dropout) and fused ReLUs produce no layer. Anything else
 * (convolutions, pooling, softmax, ...) is {@code Infeasible}, unless a layer selection ({@link
 * #withLayers}) names only supported nodes.
 *
 * <p><b>Compression plan.</b> Weight density per node: the EIE benchmark table ({@link
 * EieBenchmark}) for its nine layers, else the Deep Compression profile of the model, else 10 %
 * (the paper's typical density, papers-inputs §1.2). Kept weights are seeded draws from the
 * survivors of magnitude pruning of the zoo's {@code U(±1/√K)} initialization at that density
 * ({@link SparseWeights#random}); the model does not read the graph's initializer values. Weight
 * sharing into 15 centroids + zero ({@link EieLowering}). Input activations are seeded vectors at
 * the benchmark's activation density (100 % for other nodes), uniform on {@code (0, 1]} (ReLU
 * outputs) or {@code [−1, 1]} (NeuralTalk's recurrent inputs), in the 16-bit activation format.
 *
 * <p><b>Measured densities.</b> {@link #withDensities} replaces both assumptions of a named node by
 * measured ones ({@link LayerDensity}: the kept weight fraction of a pruned model, the non-zero
 * input fraction measured on a test set); the weights and activations are then the same seeded
 * draws at those densities. Since EIE broadcasts only non-zero activations and each PE walks only
 * the stored entries of those columns, the multiply-accumulates of a layer are {@code ≈ rows · cols
 * · d_w · d_a} (plus padding fillers) and the activation scans are {@code cols}: energy and compute
 * cycles scale with {@code d_w · d_a}.
 *
 * <p><b>Energy</b> (priced by {@code eie-extra-45nm.yaml} and Horowitz 45 nm). Per layer:
 *
 * <pre>
 * pe.ptr_sram     2 × sram.read[ptr/2 bytes, pointer bits]    per pointer pair (even + odd bank)
 * pe.spmat_sram   sram.read[128 KB, 64 b]                     per sparse-matrix word read
 * pe.arith        regfile.read[16] (codebook) + mult.int16 + add.int16   per entry, fillers too
 * pe.act_rw       regfile.read[16] per accumulator read not bypassed and per input scanned by the
 *                 LNZD; regfile.write[16] per entry
 * pe.act_queue    regfile.write[32] per push (value + index), regfile.read[32] per pop
 * pe.act_sram     sram.read / sram.write[2 KB, 16 b] per activation loaded / stored
 * ccu.lnzd        lnzd.cycle × LNZD units × cycles (0.023 mW per unit at 800 MHz)
 * ccu.broadcast   noc.hop[32] per PE per broadcast
 * </pre>
 *
 * <p>Not modelled: the clock network (20 % of the paper's PE power), leakage, DRAM (the model lives
 * in SRAM; loading it is the CCU's I/O mode, outside a layer's time).
 *
 * <p><b>Area</b>: per PE the sparse-matrix SRAM, two pointer banks, the activation SRAM, a 16-bit
 * multiplier and adder, the 16 × 16-bit codebook, two 64 × 16-bit register files and the {@code
 * depth × 32}-bit queue; plus the LNZD units. SRAM area from the shared CACTI-fitted curve.
 *
 * <p><b>Feasibility</b>: a layer whose encoding overflows the 16-bit pointers or does not fit the
 * sparse-matrix, pointer or activation SRAM of a PE is {@code Infeasible} with the numbers.
 *
 * <p><b>Fidelity</b>: every tier runs the cycle loop (it takes milliseconds per layer); {@code
 * FUNCTIONAL} also returns each layer's raw 16-bit outputs ({@code int[]} by node name). {@link
 * EieSimulator#analyticalCycles} is the closed-form lower bound used in tests.
 */
public final class EieModel implements AcceleratorModel {
  private static final String EXTRA_TABLE = "dev/silica/accelerators/eie/eie-extra-45nm.yaml";

  /** The model's own price table (LNZD, register-file area), consulted before Horowitz. */
  static final class Tables {
    static final SpecNode SPEC = SpecLoader.loadResource(EXTRA_TABLE, SpecKind.ENERGY_TABLE);
    static final EnergyTable ENERGY = EnergyTable.fromSpec(SPEC);
    static final AreaTable AREA = AreaTable.fromSpec(SPEC);
  }

  /** Weight density for nodes neither the benchmark table nor a profile covers. */
  public static final double DEFAULT_WEIGHT_DENSITY = 0.10;

  private final EieConfig config;
  private final List<String> layers;
  private final Map<String, LayerDensity> densities;

  public EieModel(EieConfig config) {
    this(config, List.of(), Map.of());
  }

  private EieModel(EieConfig config, List<String> layers, Map<String, LayerDensity> densities) {
    this.config = Objects.requireNonNull(config, "config");
    this.layers = List.copyOf(layers);
    this.densities = Map.copyOf(densities);
  }

  /** This model restricted to the named nodes (empty: every supported node). */
  public EieModel withLayers(List<String> names) {
    return new EieModel(config, names, densities);
  }

  /**
   * This model with measured weight and activation densities for the named nodes (node name →
   * densities), in place of the compression plan's; other nodes keep the plan.
   */
  public EieModel withDensities(Map<String, LayerDensity> byNode) {
    return new EieModel(config, layers, byNode);
  }

  public EieConfig config() {
    return config;
  }

  @Override
  public String name() {
    return config.name();
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(
        Capability.CYCLE_STEPPED,
        Capability.FUNCTIONAL,
        Capability.SPARSE_WEIGHTS,
        Capability.SPARSE_ACTIVATIONS,
        Capability.MATRIX_MULTIPLY,
        Capability.RECURRENT);
  }

  // ---- graph lowering ----

  /** One node as an EIE layer: matrix shape, how many input vectors, and the plan. */
  record Planned(
      Node node,
      int rows,
      int cols,
      int vectors,
      boolean relu,
      boolean bias,
      double weightDensity,
      double activationDensity,
      boolean signedInputs) {}

  private record Plan(List<Planned> layers, String problem) {}

  private Plan plan(Graph g) {
    Set<String> wanted = new LinkedHashSet<>(layers);
    Map<String, Integer> consumers = new LinkedHashMap<>();
    for (Node n : g.nodes()) {
      for (var v : n.inputs()) {
        consumers.merge(v.name(), 1, Integer::sum);
      }
    }
    Set<String> fusedRelu = new LinkedHashSet<>();
    List<Planned> out = new ArrayList<>();
    for (Node n : g.nodes()) {
      boolean selected = wanted.isEmpty() || wanted.remove(n.name());
      if (!selected) {
        continue;
      }
      List<TensorType> in = g.inputTypes(n);
      int rows;
      int cols;
      int vectors;
      boolean bias = false;
      switch (n.op()) {
        case Gemm gm -> {
          TensorType x = in.get(0);
          TensorType w = in.get(1);
          cols = gm.transA() ? x.dim(0) : x.dim(1);
          rows = gm.transB() ? w.dim(0) : w.dim(1);
          vectors = gm.transA() ? x.dim(1) : x.dim(0);
          bias = in.size() > 2;
        }
        case MatMul mm when in.get(1).rank() == 2 && g.value(n.inputs().get(1)).isInitializer() -> {
          cols = in.get(1).dim(0);
          rows = in.get(1).dim(1);
          vectors = (int) (in.get(0).size() / cols);
        }
        case Lstm r -> {
          int[] s = recurrent(in, 4, r.hiddenSize());
          rows = s[0];
          cols = s[1];
          vectors = s[2];
        }
        case Gru r -> {
          int[] s = recurrent(in, 3, r.hiddenSize());
          rows = s[0];
          cols = s[1];
          vectors = s[2];
        }
        case Rnn r -> {
          int[] s = recurrent(in, 1, r.hiddenSize());
          rows = s[0];
          cols = s[1];
          vectors = s[2];
        }
        case Relu r when fusedRelu.contains(n.inputs().get(0).name()) -> {
          continue;
        }
        case Reshape r -> {
          continue;
        }
        case Flatten r -> {
          continue;
        }
        case Dropout r -> {
          continue;
        }
        default -> {
          return new Plan(
              List.of(),
              String.format(
                  Locale.ROOT,
                  "node %s: EIE runs fully connected and recurrent layers only, not %s%s",
                  n.name(),
                  n.op().kind(),
                  layers.isEmpty() ? " (select the FC layers, e.g. --layers fc6,fc7,fc8)" : ""));
        }
      }
      boolean relu = false;
      for (Node c : g.nodes()) {
        if (c.op() instanceof Relu
            && c.inputs().get(0).equals(n.output())
            && consumers.getOrDefault(n.output().name(), 0) == 1) {
          relu = true;
          fusedRelu.add(n.output().name());
        }
      }
      EieBenchmark bm = EieBenchmark.forNode(g.name(), n.name());
      double wd;
      double ad;
      boolean signed;
      LayerDensity measured = densities.get(n.name());
      if (measured != null) {
        wd = measured.weight();
        ad = measured.activation();
        signed =
            bm != null ? bm.signedInputs() : !(n.op() instanceof Gemm || n.op() instanceof MatMul);
      } else if (bm != null) {
        wd = bm.weightDensity();
        ad = bm.activationDensity();
        signed = bm.signedInputs();
      } else {
        wd = profileDensity(g.name(), n.name());
        ad = 1.0;
        signed = !(n.op() instanceof Gemm || n.op() instanceof MatMul);
      }
      out.add(new Planned(n, rows, cols, Math.max(1, vectors), relu, bias, wd, ad, signed));
    }
    if (!wanted.isEmpty()) {
      List<String> names = g.nodes().stream().map(Node::name).toList();
      return new Plan(
          List.of(),
          "--layers: no node named "
              + String.join(", ", wanted)
              + " in "
              + g.name()
              + " (nodes: "
              + String.join(", ", names.subList(0, Math.min(40, names.size())))
              + (names.size() > 40 ? ", ..." : "")
              + ")");
    }
    return new Plan(out, null);
  }

  private static int[] recurrent(List<TensorType> in, int gates, int hidden) {
    TensorType x = in.get(0);
    return new int[] {gates * hidden, x.dim(2) + hidden + 1, x.dim(0) * x.dim(1)};
  }

  private static double profileDensity(String model, String node) {
    String m = model.replace('_', '-');
    if (CompressionProfile.DEEP_COMPRESSION_MODELS.contains(m)) {
      CompressionProfile p = CompressionProfile.deepCompression(m);
      if (p.layers().containsKey(node)) {
        return p.layer(node).keepRatio();
      }
    }
    return DEFAULT_WEIGHT_DENSITY;
  }

  /** Lowers a planned node (seeded weights at its density). */
  EncodedLayer lower(Planned p, long seed) {
    long s = seed * 1_000_003L + p.node().name().hashCode();
    SparseWeights w =
        SparseWeights.random(p.rows(), p.cols(), p.weightDensity(), 1 / Math.sqrt(p.cols()), s);
    float[] bias = null;
    if (p.bias()) {
      SplittableRandom r = new SplittableRandom(s ^ 0x5DEECE66DL);
      bias = new float[p.rows()];
      double bound = 1 / Math.sqrt(p.cols());
      for (int i = 0; i < bias.length; i++) {
        bias[i] = (float) ((2 * r.nextDouble() - 1) * bound);
      }
    }
    return EieLowering.lower(
        p.node().name(), w, config, EieLowering.DEFAULT_SHARED_WEIGHTS, s, p.relu(), bias);
  }

  @Override
  public Feasibility check(Graph graph) {
    Plan plan = plan(graph);
    if (plan.problem() != null) {
      return Feasibility.infeasible(plan.problem());
    }
    for (Planned p : plan.layers()) {
      String problem = lower(p, 1).problem(config);
      if (problem != null) {
        return Feasibility.infeasible(problem);
      }
    }
    return Feasibility.feasible();
  }

  @Override
  public RunResult run(Graph graph, RunOptions options) {
    Map<String, Object> echo = config.toMap();
    if (!layers.isEmpty()) {
      echo.put("layers", String.join(",", layers));
    }
    if (!densities.isEmpty()) {
      echo.put(
          "measured_density_layers", String.join(",", new java.util.TreeSet<>(densities.keySet())));
    }
    echo.put("fidelity", "cycle_stepped");
    Plan plan = plan(graph);
    String problem = plan.problem();
    List<EncodedLayer> lowered = new ArrayList<>();
    for (int i = 0; problem == null && i < plan.layers().size(); i++) {
      EncodedLayer l = lower(plan.layers().get(i), options.seed());
      problem = l.problem(config);
      lowered.add(l);
    }
    if (problem != null) {
      RunResult r = RunResult.infeasible(graph.name(), name(), config.clockHz(), problem, echo);
      options.listener().onRunEnd(r);
      return r;
    }
    List<LayerResult> results = new ArrayList<>();
    Map<String, Object> outputs = new LinkedHashMap<>();
    boolean functional = options.fidelity() == Fidelity.FUNCTIONAL;
    for (int i = 0; i < lowered.size(); i++) {
      Planned p = plan.layers().get(i);
      EncodedLayer l = lowered.get(i);
      options.listener().onLayerStart(i, p.node());
      List<EieLayerRun> runs = new ArrayList<>();
      for (int v = 0; v < p.vectors(); v++) {
        int[] act =
            activations(
                p.cols(),
                p.activationDensity(),
                p.signedInputs(),
                config,
                options.seed() * 7919L + v * 31L + p.node().name().hashCode());
        EieLayerRun run = EieSimulator.run(l, act, config, functional);
        runs.add(run);
        if (functional) {
          outputs.put(
              p.vectors() == 1 ? p.node().name() : p.node().name() + "#" + v, run.outputs());
        }
      }
      LayerResult lr = layerResult(p.node().name(), p.node().op().kind(), runs);
      results.add(lr);
      options.listener().onLayerEnd(i, lr);
    }
    RunResult r = result(graph.name(), results, outputs, echo);
    options.listener().onRunEnd(r);
    return r;
  }

  /** A feasible result of {@code layers}, priced with this model's tables. */
  public RunResult result(
      String model,
      List<LayerResult> layerResults,
      Map<String, Object> outputs,
      Map<String, Object> echo) {
    RunResult.Builder b = RunResult.builder(model, name(), config.clockHz());
    layerResults.forEach(b::layer);
    return b.energyTables(Tables.ENERGY, EnergyTable.horowitz45nm())
        .area(areaItems(), Tables.AREA, AreaTable.horowitz45nm())
        .config(echo)
        .outputs(outputs)
        .build();
  }

  /** Seeded input activations: non-zero with probability {@code density}, raw 16-bit format. */
  public static int[] activations(int n, double density, boolean signed, EieConfig cfg, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    FixedPoint af = FixedPoint.q(16 - cfg.activationFractionBits(), cfg.activationFractionBits());
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      if (density >= 1 || r.nextDouble() < density) {
        double v = signed ? 2 * r.nextDouble() - 1 : r.nextDouble();
        int raw = (int) af.toRaw((float) v, Rounder.NEAREST_EVEN);
        a[i] = raw == 0 ? (signed && v < 0 ? -1 : 1) : raw;
      }
    }
    return a;
  }

  /** One layer result from one or more runs of the same layer (e.g. LSTM time steps). */
  public LayerResult layerResult(String node, String opKind, List<EieLayerRun> runs) {
    long compute = 0;
    long fill = 0;
    long io = 0;
    long macs = 0;
    ActionCounts counts = new ActionCounts();
    for (EieLayerRun r : runs) {
      compute += r.computeCycles();
      fill += r.fillDrainCycles();
      io += r.ioCycles();
      macs += r.macs();
      addActions(counts, r);
    }
    Map<String, Long> breakdown = new LinkedHashMap<>();
    breakdown.put(LayerResult.COMPUTE, compute);
    breakdown.put(LayerResult.FILL_DRAIN, fill);
    breakdown.put("io", io);
    return LayerResult.of(node, opKind, breakdown, macs, config.pes(), counts);
  }

  private void addActions(ActionCounts c, EieLayerRun r) {
    int bank = (int) (config.ptrSramBytes() / 2);
    add(c, "pe.ptr_sram", Action.sramRead(bank, config.pointerBits()), 2 * r.pointerReads());
    add(
        c,
        "pe.spmat_sram",
        Action.sramRead(config.spmatSramBytes(), config.spmatWidthBits()),
        r.spmatReads());
    add(c, "pe.arith", Action.regfileRead(16), r.entries());
    add(c, "pe.arith", Action.of("mult.int16"), r.entries());
    add(c, "pe.arith", Action.of("add.int16"), r.entries());
    add(c, "pe.act_rw", Action.regfileRead(16), r.accumulatorReads() + r.activationsScanned());
    add(c, "pe.act_rw", Action.regfileWrite(16), r.entries());
    add(c, "pe.act_queue", Action.regfileWrite(32), r.queuePushes());
    add(c, "pe.act_queue", Action.regfileRead(32), r.pointerReads());
    if (config.actSramBytes() > 0) {
      add(c, "pe.act_sram", Action.sramRead(config.actSramBytes(), 16), r.actSramReads());
      add(c, "pe.act_sram", Action.sramWrite(config.actSramBytes(), 16), r.actSramWrites());
    }
    add(c, "ccu.lnzd", Action.of("lnzd.cycle"), (long) config.lnzdUnits() * r.cycles());
    add(c, "ccu.broadcast", Action.nocHop(32), r.queuePushes());
  }

  private static void add(ActionCounts c, String component, Action a, long n) {
    if (n > 0) {
      c.add(component, a, n);
    }
  }

  /** The design's components (see the class comment). */
  public List<AreaBreakdown.Item> areaItems() {
    long n = config.pes();
    List<AreaBreakdown.Item> items = new ArrayList<>();
    items.add(
        new AreaBreakdown.Item(
            "pe.spmat_sram",
            ComponentKind.sram(config.spmatSramBytes(), config.spmatWidthBits()),
            n));
    items.add(
        new AreaBreakdown.Item(
            "pe.ptr_sram",
            ComponentKind.sram(config.ptrSramBytes() / 2, config.pointerBits()),
            2 * n));
    if (config.actSramBytes() > 0) {
      items.add(
          new AreaBreakdown.Item("pe.act_sram", ComponentKind.sram(config.actSramBytes(), 16), n));
    }
    items.add(new AreaBreakdown.Item("pe.arith", ComponentKind.of("mult.int16"), n));
    items.add(new AreaBreakdown.Item("pe.arith", ComponentKind.of("add.int16"), n));
    items.add(new AreaBreakdown.Item("pe.arith", storage(16L * 16), n));
    items.add(new AreaBreakdown.Item("pe.act_rw", storage(2L * config.regfileEntries() * 16), n));
    items.add(new AreaBreakdown.Item("pe.act_queue", storage(32L * config.fifoDepth()), n));
    if (config.lnzdUnits() > 0) {
      items.add(new AreaBreakdown.Item("ccu.lnzd", ComponentKind.of("lnzd"), config.lnzdUnits()));
    }
    return items;
  }

  private static ComponentKind storage(long bits) {
    return ComponentKind.of("regfile.storage", Map.of("width_bits", bits));
  }

  /** Whether {@code r} is infeasible, and why (null when feasible). */
  static String reason(RunResult r) {
    return r.feasibility() instanceof Infeasible inf ? inf.reason() : null;
  }

  @Override
  public String toString() {
    return "EieModel[" + config + "]";
  }
}
