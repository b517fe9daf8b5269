package dev.silica.accelerators.cpu;

import dev.silica.accelerators.kernels.ConvAlgorithm;
import dev.silica.accelerators.kernels.DeviceRuns;
import dev.silica.accelerators.kernels.Functional;
import dev.silica.accelerators.kernels.Kernel;
import dev.silica.accelerators.kernels.KernelTime;
import dev.silica.accelerators.kernels.Lowering;
import dev.silica.accelerators.kernels.MathFormat;
import dev.silica.accelerators.kernels.Tables;
import dev.silica.simulator.AcceleratorModel;
import dev.silica.simulator.Capability;
import dev.silica.simulator.RunOptions;
import dev.silica.simulator.energy.Action;
import dev.silica.simulator.energy.ActionCounts;
import dev.silica.simulator.energy.EnergyTable;
import dev.silica.simulator.result.Feasibility;
import dev.silica.simulator.result.LayerResult;
import dev.silica.simulator.result.RunResult;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.Node;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A multicore CPU with SIMD FMA units and a three-level cache, analytical tier: per kernel the
 * slower of compute and each memory level's traffic, plus fork/join overhead.
 *
 * <h2>Time of a kernel</h2>
 *
 * <pre>
 * t = max(t_compute, bytes_L1 / BW_L1, bytes_L2 / BW_L2, bytes_L3 / BW_L3, bytes_DRAM / BW_DRAM) + t_sync
 * BW_Li = bytes/cycle/core · cores · f     BW_DRAM = peak · dram_efficiency
 * </pre>
 *
 * <p><b>GEMM, Goto/BLIS</b> (gpu-cpu-specs §3.3) with blocking {@code mr, nr, mc, kc, nc} for
 * {@code C[M,N] += A[M,K]·B[K,N]}, {@code I} instances, {@code b} bytes per element:
 *
 * <pre>
 * micro-tiles  T = ⌈M/mr⌉ · ⌈N/nr⌉ · I        (an edge tile costs a full one)
 * t_tile       = K · mr · nr / (MACs/cycle/core · e_gemm) cycles
 * t_compute    = ⌈T / cores⌉ · t_tile / f      (tiles spread over cores: the CPU's wave quantization)
 * L1 → regs    b · (MK·⌈N/nr⌉ + KN·⌈M/mr⌉ + 2MN·⌈K/kc⌉)   A micro-panels per nr column, B micro-panel per mr row
 * L2 → L1      b · (MK·⌈N/nr⌉ + KN·⌈M/mc⌉ + 2MN·⌈K/kc⌉)   A block from L2 per nr column; B micro-panels per mc block
 * L3 → L2      b · (A_src·⌈N/nc⌉ + KN·⌈M/mc⌉ + 2MN·⌈K/kc⌉) A packed once per nc panel
 * DRAM         A: A_src·⌈N/nc⌉ unless A is resident; B: K·N (weights start cold, read once, or per
 *              instance unless shared and resident); C: M·N written unless resident, plus
 *              2·M·N·(⌈K/kc⌉ − 1) partial sums when C does not fit the L3 either
 * </pre>
 *
 * where {@code A_src} is what A is packed from: the A matrix itself, the explicit im2col matrix, or
 * for a direct convolution the raw input. <b>Resident:</b> an activation tensor of at most half the
 * L3 stays there between kernels (the previous layer wrote it); weights always come from DRAM (a
 * cold start per inference, as in batch-1 serving).
 *
 * <p><b>GEMV</b> ({@code M = 1} or {@code N = 1}, MKL's gemv path): {@code t_compute = MACs /
 * (cores · MACs/cycle/core · e_gemm) / f}; every operand crosses every level once. With the matrix
 * in DRAM this is bandwidth bound: {@code t ≈ K·N·b / BW_DRAM}, so time scales with the weight
 * bytes and a batch of N vectors costs about the same as one until the compute term takes over.
 *
 * <p><b>Convolution</b>: im2col (a stream kernel writes the {@code K × M} matrix, duplicating each
 * input element up to {@code kh·kw} times, then the GEMM packs from it), direct (the same
 * micro-kernel over an implicit im2col: the GEMM's terms with {@code A_src} = the raw input),
 * Winograd F(2×2, 3×3) for 3×3 stride-1 ungrouped layers (papers-inputs §6.2: 16 GEMMs of {@code P
 * × C_out × C_in} over {@code P = N·⌈Ho/2⌉·⌈Wo/2⌉} tiles, 32 adds per tile and channel for the data
 * transform, 24 for the inverse; filters pre-transformed, so 16/9 as many weights are read). {@link
 * ConvAlgorithm#AUTO} takes the fastest.
 *
 * <p><b>CSRMV / CSRMM</b> (MKL's sparse kernels, {@code Y = W·X}, W in CSR, batch columns): per
 * non-zero, 2 scalar loads (value, column index) plus {@code v = ⌈batch/lanes⌉} vector loads of the
 * X row and {@code v} FMAs: {@code cycles/nnz = max((2 + v) / load ports, v / FMA ports)}, rows
 * split evenly over the cores. Traffic: the CSR arrays, a gathered X row per non-zero (cached
 * levels), Y; DRAM: CSR arrays, X and Y unless resident. Zero activations are not skipped.
 *
 * <p><b>Element-wise, pooling, normalisation</b>: {@code (ops + MACs) / (cores · FMA ports · fp32
 * lanes)} cycles against reading and writing every element once at every level.
 *
 * <h2>Energy</h2>
 *
 * <p>Actions: {@code mac.<format>} per MAC and {@code instruction} per issued instruction (vector
 * FMAs including edge-tile padding, vector loads = L1 bytes / vector bytes, scalar sparse loads) on
 * {@code core}; a 64-byte {@code sram.read} at each cache level per line of its traffic; {@code
 * dram.read.bits}/{@code dram.write.bits}. Priced by Horowitz 45 nm (70 pJ per instruction,
 * gpu-cpu-specs §4.1) and the format estimates, scaled to the preset's node. Leakage and
 * uncore/static power are not modelled (an {@code E ≤ TDP · t} bound is reported by the studies).
 *
 * <h2>Assumptions</h2>
 *
 * <p>One format for operands and outputs (fp16/bf16 on cores without native arithmetic compute at
 * the fp32 rate, storage halves the bytes); blocking is the fp32 blocking for every format; no
 * hyper-threading gain; no AVX frequency drop beyond the preset's sustained clock; transcendental
 * functions cost one vector operation.
 */
public final class CpuModel implements AcceleratorModel {
  private final CpuConfig config;
  private final MathFormat format;
  private final ConvAlgorithm convAlgorithm;
  private final EnergyTable[] tables;

  public CpuModel(CpuConfig config) {
    this(config, MathFormat.FP32, ConvAlgorithm.AUTO);
  }

  private CpuModel(CpuConfig config, MathFormat format, ConvAlgorithm conv) {
    this.config = Objects.requireNonNull(config, "config");
    this.format = Objects.requireNonNull(format, "format");
    this.convAlgorithm = Objects.requireNonNull(conv, "conv");
    config.macsPerCyclePerCore(format); // rejects formats without CPU instructions
    this.tables = Tables.at(config.energyNodeNm());
  }

  /** This CPU computing in {@code f}; TF32 and FP8 are rejected (no CPU instructions). */
  public CpuModel withFormat(MathFormat f) {
    return new CpuModel(config, f, convAlgorithm);
  }

  /** This CPU with a fixed convolution algorithm. */
  public CpuModel withConvAlgorithm(ConvAlgorithm a) {
    return new CpuModel(config, format, a);
  }

  public CpuConfig config() {
    return config;
  }

  public MathFormat format() {
    return format;
  }

  @Override
  public String name() {
    return config.name();
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(
        Capability.ANALYTICAL,
        Capability.FUNCTIONAL,
        Capability.CONVOLUTION,
        Capability.MATRIX_MULTIPLY,
        Capability.RECURRENT,
        Capability.SPARSE_WEIGHTS);
  }

  @Override
  public Feasibility check(Graph graph) {
    return Feasibility.feasible(); // every op lowers to a kernel; memory is not bounded here
  }

  @Override
  public RunResult run(Graph graph, RunOptions options) {
    Map<String, Object> echo = config.toMap();
    echo.put("numerics", format.key());
    echo.put("conv_algorithm", convAlgorithm.key());
    return DeviceRuns.run(
        this,
        graph,
        options,
        config.clockHz(),
        n -> layer(n.name(), n.op().kind(), analyze(graph, n, 1)),
        Functional.cpu(format),
        echo,
        tables);
  }

  /** The kernels of node {@code n} priced at {@code batchScale} times the graph's batch. */
  public List<KernelTime> analyze(Graph g, Node n, long batchScale) {
    List<KernelTime> out = new ArrayList<>();
    for (Kernel k : Lowering.lower(g, n, batchScale)) {
      out.addAll(price(k));
    }
    return out;
  }

  /** A layer result from priced kernels. */
  public LayerResult layer(String node, String kind, List<KernelTime> kernels) {
    return DeviceRuns.layer(node, kind, kernels, config.clockHz(), config.peakMacsPerCycle(format));
  }

  /** The kernels one descriptor runs as (a convolution may be im2col + GEMM). */
  public List<KernelTime> price(Kernel k) {
    return switch (k) {
      case Kernel.Gemm g -> List.of(gemm(g, g.m() * g.k() * g.instances(), "gemm"));
      case Kernel.Conv c -> conv(c);
      case Kernel.Spmv s -> List.of(spmv(s));
      case Kernel.Stream s -> List.of(stream(s));
    };
  }

  // ---- kernels ----

  private boolean resident(long elements) {
    return elements * format.bytes() <= config.l3().bytes() / 2;
  }

  private double f() {
    return config.clockHz();
  }

  private double sync() {
    return config.syncOverheadUs() * 1e-6;
  }

  private KernelTime gemm(Kernel.Gemm g, long aSrc, String label) {
    long m = g.m();
    long n = g.n();
    long k = g.k();
    long inst = g.instances();
    if (m == 1 || n == 1) {
      return gemv(g, label);
    }
    long b = format.bytes();
    var bl = config.blocking();
    long perCore = config.macsPerCyclePerCore(format);
    long tiles = ceil(m, bl.mr()) * ceil(n, bl.nr()) * inst;
    double tileCycles = (double) k * bl.mr() * bl.nr() / perCore / config.gemmEfficiency();
    long waves = ceil(tiles, config.cores());
    double compute = waves * tileCycles / f();
    long nJ = ceil(n, bl.nc());
    long nKc = ceil(k, bl.kc());
    long nIc = ceil(m, bl.mc());
    long nJr = ceil(n, bl.nr());
    long nIr = ceil(m, bl.mr());
    long aE = m * k * inst;
    long kn = k * n * inst;
    long cE = m * n * inst;
    long cTraffic = 2 * cE * nKc;
    long l1 = b * (aE * nJr + kn * nIr + cTraffic);
    long l2 = b * (aE * nJr + kn * nIc + cTraffic);
    long l3 = b * (aSrc * nJ + kn * nIc + cTraffic);
    long dramRead = resident(aSrc) ? 0 : aSrc * nJ;
    dramRead += g.sharedWeights() && resident(k * n) ? k * n : g.bElements();
    long dramWrite = 0;
    if (!resident(cE)) {
      dramWrite = cE * nKc;
      dramRead += cE * (nKc - 1);
    }
    long paddedMacs = tiles * bl.mr() * bl.nr() * k;
    long instructions =
        ceil(paddedMacs, perCore / config.fmaUnits()) + l1 / (config.simdBits() / 8);
    String desc =
        String.format(
            Locale.ROOT,
            "%s %dx%dx%d%s micro-tiles %d waves %d",
            label,
            m,
            n,
            k,
            inst > 1 ? " x" + inst : "",
            tiles,
            waves);
    return finish(
        desc, compute, l1, l2, l3, dramRead * b, dramWrite * b, g.macs(), instructions, 0);
  }

  private KernelTime gemv(Kernel.Gemm g, String label) {
    long b = format.bytes();
    long k = g.k();
    long n = g.n();
    long perCore = config.macsPerCyclePerCore(format);
    double compute =
        (double) g.macs() / ((double) perCore * config.cores() * config.gemmEfficiency()) / f();
    long aE = g.m() * k * g.instances();
    long kn = k * n * g.instances();
    long cE = g.m() * n * g.instances();
    long cached = b * (aE + kn + cE);
    long dramRead = (resident(aE) ? 0 : aE) + (g.sharedWeights() && resident(k * n) ? k * n : kn);
    long dramWrite = resident(cE) ? 0 : cE;
    long instructions =
        ceil(g.macs(), perCore / config.fmaUnits()) + cached / (config.simdBits() / 8);
    String desc =
        String.format(
            Locale.ROOT,
            "%s(gemv) %dx%dx%d%s",
            label,
            g.m(),
            n,
            k,
            g.instances() > 1 ? " x" + g.instances() : "");
    return finish(
        desc,
        compute,
        cached,
        cached,
        cached,
        dramRead * b,
        dramWrite * b,
        g.macs(),
        instructions,
        0);
  }

  private List<KernelTime> conv(Kernel.Conv c) {
    List<List<KernelTime>> options = new ArrayList<>();
    Kernel.Gemm gg = c.asGemm();
    boolean pointwise = c.kh() == 1 && c.kw() == 1 && c.strideH() == 1 && c.strideW() == 1;
    if (convAlgorithm == ConvAlgorithm.AUTO || convAlgorithm == ConvAlgorithm.DIRECT) {
      options.add(List.of(gemm(gg, c.inputElements(), "direct")));
    }
    if (convAlgorithm == ConvAlgorithm.AUTO || convAlgorithm == ConvAlgorithm.IM2COL) {
      if (pointwise) {
        options.add(List.of(gemm(gg, c.inputElements(), "gemm(1x1)")));
      } else {
        long cols = c.im2colElements();
        options.add(
            List.of(
                stream(new Kernel.Stream("im2col", c.inputElements(), cols, 0, 0)),
                gemm(gg, cols, "im2col+gemm")));
      }
    }
    if ((convAlgorithm == ConvAlgorithm.AUTO || convAlgorithm == ConvAlgorithm.WINOGRAD)
        && c.winogradEligible()) {
      long p = c.batch() * ceil(c.ho(), 2) * ceil(c.wo(), 2);
      long tin = 16 * p * c.cin();
      long tout = 16 * p * c.cout();
      options.add(
          List.of(
              stream(
                  new Kernel.Stream("winograd.input", c.inputElements(), tin, 32 * p * c.cin(), 0)),
              gemm(new Kernel.Gemm(p, c.cout(), c.cin(), 16, false), tin, "winograd.gemm"),
              stream(
                  new Kernel.Stream(
                      "winograd.output", tout, c.outputElements(), 24 * p * c.cout(), 0))));
    }
    if (options.isEmpty()) { // WINOGRAD asked for on a layer it does not apply to
      options.add(List.of(gemm(gg, c.inputElements(), "direct")));
    }
    List<KernelTime> best = null;
    double bestS = Double.POSITIVE_INFINITY;
    for (List<KernelTime> o : options) {
      double s = 0;
      for (KernelTime kt : o) {
        s += kt.seconds();
      }
      if (s < bestS) {
        bestS = s;
        best = o;
      }
    }
    return best;
  }

  private KernelTime spmv(Kernel.Spmv s) {
    long b = format.bytes();
    long lanes = Math.max(1, config.macsPerCyclePerCore(format) / config.fmaUnits());
    long v = ceil(s.batch(), lanes);
    double cyclesPerNnz = Math.max((2.0 + v) / config.loadPorts(), (double) v / config.fmaUnits());
    double compute = s.nnz() * cyclesPerNnz / config.cores() / f();
    long csr = s.csrBytes(format);
    long x = s.cols() * s.batch();
    long y = s.rows() * s.batch();
    long cached = csr + b * (s.nnz() * s.batch() + y);
    long dramRead = csr + (resident(x) ? 0 : x * b);
    long dramWrite = resident(y) ? 0 : y * b;
    long instructions = s.nnz() * (2 + 2 * v);
    String desc =
        String.format(
            Locale.ROOT, "csrmv %dx%d nnz %d batch %d", s.rows(), s.cols(), s.nnz(), s.batch());
    return finish(
        desc, compute, cached, cached, cached, dramRead, dramWrite, s.macs(), instructions, 0);
  }

  private KernelTime stream(Kernel.Stream s) {
    long b = format.bytes();
    long lanes =
        Math.min(config.simdBits() / 32, config.macsPerCyclePerCore(format) / config.fmaUnits());
    long work = s.ops() + s.macs();
    double compute = (double) work / ((double) config.cores() * config.fmaUnits() * lanes) / f();
    long bytes = b * (s.readElements() + s.writeElements());
    long dramRead = resident(s.readElements()) ? 0 : s.readElements() * b;
    long dramWrite = resident(s.writeElements()) ? 0 : s.writeElements() * b;
    long instructions = ceil(work, lanes) + bytes / (config.simdBits() / 8);
    return finish(
        s.name(),
        compute,
        bytes,
        bytes,
        bytes,
        dramRead,
        dramWrite,
        s.macs(),
        instructions,
        s.ops());
  }

  private KernelTime finish(
      String desc,
      double compute,
      long l1,
      long l2,
      long l3,
      long dramRead,
      long dramWrite,
      long macs,
      long instructions,
      long ops) {
    ActionCounts a = new ActionCounts();
    if (macs > 0) {
      a.add("core", Action.mac(format.key()), macs);
    }
    if (ops > 0) {
      a.add("core", Action.of("add.fp32"), ops);
    }
    a.add("core", Action.INSTRUCTION, instructions);
    a.add("l1", Action.sramRead(config.l1().bytes(), 512), ceil(l1, 64));
    a.add("l2", Action.sramRead(config.l2().bytes(), 512), ceil(l2, 64));
    a.add("l3", Action.sramRead(config.l3().bytes(), 512), ceil(l3, 64));
    a.add("dram", Action.DRAM_READ_BITS, dramRead * 8);
    a.add("dram", Action.DRAM_WRITE_BITS, dramWrite * 8);
    List<KernelTime.Traffic> t =
        List.of(
            new KernelTime.Traffic("l1", l1, config.cacheBytesPerS(config.l1())),
            new KernelTime.Traffic("l2", l2, config.cacheBytesPerS(config.l2())),
            new KernelTime.Traffic("l3", l3, config.cacheBytesPerS(config.l3())),
            new KernelTime.Traffic("dram", dramRead + dramWrite, config.dramBytesPerS()));
    return new KernelTime(desc, compute, t, sync(), macs, 2 * macs + ops, a);
  }

  static long ceil(long a, long b) {
    return (a + b - 1) / b;
  }
}
