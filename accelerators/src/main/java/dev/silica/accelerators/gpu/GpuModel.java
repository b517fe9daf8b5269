package dev.silica.accelerators.gpu;

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
 * A GPU, analytical tier: GEMMs and implicit-GEMM convolutions as CTA tiles quantized into waves
 * over the SMs, memory-bound kernels at achievable bandwidth, plus a launch overhead per kernel
 * (gpu-cpu-specs §1.4, the NVIDIA matrix-multiplication guide's model as LLMCompass and Calculon
 * use it).
 *
 * <h2>GEMM {@code C[M,N] = A[M,K]·B[K,N]}, {@code I} instances, {@code b} bytes per element</h2>
 *
 * <pre>
 * Tk        = 64 B / b                         (K step of a CTA: 16 fp32, 32 fp16, 64 fp8/int8)
 * K_pad     = ⌈K/Tk⌉·Tk                        η_k   = K / K_pad
 * C         = ⌈M/Tm⌉·⌈N/Tn⌉·I CTAs              η_tile = M·N·I / (C·Tm·Tn)
 * B         = CTAs per SM from {@link Occupancy}: 256 threads, Tm·Tn/256 + 32 registers per thread
 *             (fp32 accumulators + addressing, U), 2·(Tm + Tn)·Tk·b bytes of shared memory (double
 *             buffered tiles); a tile with B = 0 cannot run on this part
 * W         = ⌈C / (S·B)⌉ waves,   η_wave = C / (W·S·B)   (reported)
 * t_tile    = 2·Tm·Tn·K_pad / (F_SM · e_kernel),  F_SM = 2 · MACs/SM/clock · f
 * t_compute = ⌈C/S⌉ · t_tile                   (CTAs resident together share the SM's math
 *                                               units, so the busiest SM's ⌈C/S⌉ tiles set the time:
 *                                               109 CTAs on 108 SMs cost 2 tiles' time)
 * L2 → SM   = b·(M·K_pad·⌈N/Tn⌉ + K_pad·N·⌈M/Tm⌉)·I + b·M·N·I  (no reuse between CTAs below L2)
 * DRAM      = A: M·K·⌈N/Nw⌉ unless A is resident in L2; B: K·N·⌈M/Mw⌉ per instance, K·N when it
 *             fits in half the L2; C: M·N unless resident. A wave's output block is Mw × Nw =
 *             min(M, Tm·q) × min(N, Tn·q), q = ⌈√(S·B)⌉ (the CTAs of a wave share their A rows and
 *             B columns through L2)
 * t         = max(t_compute, L2 bytes / BW_L2, DRAM bytes / (BW · e_bw)) + t_launch
 * </pre>
 *
 * <p>The tile is the candidate (256×128 … 32×32) with the least {@code t}, as cuBLAS's heuristics
 * pick one. Tensor-core formats run at the tensor MAC rate, others on the CUDA cores. Split-K,
 * Stream-K and persistent kernels (which remove most of the wave tail) are not modelled.
 *
 * <p><b>Convolution</b>: implicit GEMM (cuDNN): the im2col view's tiles with only the raw input
 * counted as DRAM traffic (gpu-cpu-specs §3.4). Winograd and FFT algorithms are not modelled.
 *
 * <p><b>GEMV</b> ({@code M < 8} or {@code N < 8}: below the smallest tensor-core fragment) runs on
 * the CUDA cores: {@code t = max(MACs / (S · lanes · f · e_kernel), bytes / (BW · e_bw)) +
 * t_launch}; with the weights in DRAM it is bandwidth bound, and its time scales with the weight
 * bytes.
 *
 * <p><b>CSRMV / CSRMM</b> (cuSPARSE): the CSR arrays, X and Y cross DRAM once (unless resident), a
 * gathered X row per non-zero crosses L2; compute on the CUDA cores with a warp per row at batch 1
 * (lane efficiency {@code a / (32·⌈a/32⌉)}, {@code a} = non-zeros per row) or lanes over the batch
 * columns above. <b>Element-wise</b> kernels: their operands once at L2 and DRAM (unless resident),
 * one CUDA-core operation per element operation.
 *
 * <p><b>Residency</b>: an activation tensor of at most half the L2 stays there between kernels;
 * weights start in DRAM.
 *
 * <h2>Energy</h2>
 *
 * <p>{@code mac.<format>} per MAC executed (tile padding included) on {@code sm}; one {@code
 * instruction} per warp instruction (a tensor-core instruction is 16×8×16 = 2048 MACs, a CUDA-core
 * FMA 32; plus one per 128 B loaded); register-file reads (3 per CUDA-core MAC, 3 bits per
 * tensor-core MAC); shared-memory reads of twice the L2 traffic (staging and fragment loads);
 * 128-byte L2 reads; DRAM bits. Horowitz 45 nm scaled to the part's node. Static and board power
 * are not modelled.
 */
public final class GpuModel implements AcceleratorModel {
  /** Candidate CTA tiles (Tm × Tn), largest first. */
  static final int[][] TILES = {
    {256, 128}, {128, 256}, {128, 128}, {128, 64}, {64, 128}, {64, 64}, {64, 32}, {32, 64}, {32, 32}
  };

  static final int THREADS = 256;
  static final int EXTRA_REGS = 32;
  static final int GEMV_LIMIT = 8;

  private final GpuConfig config;
  private final MathFormat format;
  private final EnergyTable[] tables;

  public GpuModel(GpuConfig config) {
    this(config, MathFormat.FP32);
  }

  private GpuModel(GpuConfig config, MathFormat format) {
    this.config = Objects.requireNonNull(config, "config");
    this.format = Objects.requireNonNull(format, "format");
    config.macsPerSmPerClock(format); // rejects unsupported formats
    this.tables = Tables.at(config.energyNodeNm());
  }

  /** This GPU computing in {@code f}; unsupported formats are rejected listing the valid ones. */
  public GpuModel withFormat(MathFormat f) {
    return new GpuModel(config, f);
  }

  public GpuConfig config() {
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
    return Feasibility.feasible();
  }

  @Override
  public RunResult run(Graph graph, RunOptions options) {
    Map<String, Object> echo = config.toMap();
    echo.put("numerics", format.key());
    return DeviceRuns.run(
        this,
        graph,
        options,
        config.clockHz(),
        n -> layer(n.name(), n.op().kind(), analyze(graph, n, 1)),
        Functional.gpu(format),
        echo,
        tables);
  }

  /** The kernels of node {@code n} priced at {@code batchScale} times the graph's batch. */
  public List<KernelTime> analyze(Graph g, Node n, long batchScale) {
    List<KernelTime> out = new ArrayList<>();
    for (Kernel k : Lowering.lower(g, n, batchScale)) {
      out.add(price(k));
    }
    return out;
  }

  public LayerResult layer(String node, String kind, List<KernelTime> kernels) {
    return DeviceRuns.layer(node, kind, kernels, config.clockHz(), config.peakMacsPerCycle(format));
  }

  /** One kernel's time on this GPU. */
  public KernelTime price(Kernel k) {
    return switch (k) {
      case Kernel.Gemm g -> gemm(g, g.aElements(), "gemm");
      case Kernel.Conv c -> gemm(c.asGemm(), c.inputElements(), "implicit-gemm");
      case Kernel.Spmv s -> spmv(s);
      case Kernel.Stream s -> stream(s);
    };
  }

  /** The tile a GEMM would use and its quantization factors. */
  public record TileChoice(
      int tm,
      int tn,
      int tk,
      int ctasPerSm,
      long ctas,
      long waves,
      double etaWave,
      double etaTile,
      double etaK) {}

  /** The fastest feasible tile for {@code g} (null for GEMV-shaped products). */
  public TileChoice tile(Kernel.Gemm g) {
    KernelTime best = null;
    TileChoice bestChoice = null;
    for (int[] t : TILES) {
      TileChoice c = choice(g, t[0], t[1]);
      if (c == null) {
        continue;
      }
      KernelTime kt = tiled(g, g.aElements(), "gemm", c);
      if (best == null || kt.seconds() < best.seconds()) {
        best = kt;
        bestChoice = c;
      }
    }
    return bestChoice;
  }

  /** {@code g} priced with a fixed tile (tests). */
  KernelTime priceWithTile(Kernel.Gemm g, int tm, int tn) {
    return tiled(g, g.aElements(), "gemm", Objects.requireNonNull(choice(g, tm, tn), "tile"));
  }

  // ---- kernels ----

  private double clock() {
    return config.clockHz();
  }

  private double launch() {
    return config.launchOverheadUs() * 1e-6;
  }

  /** CUDA-core MACs per SM per clock in this format: the FP32 lanes, or fewer (FP64). */
  private long vectorMacs() {
    return Math.min(config.simtMacsPerSmPerClock(), config.macsPerSmPerClock(format));
  }

  private boolean resident(long elements) {
    return elements * format.bytes() <= config.l2Bytes() / 2;
  }

  /** The tile {@code tm × tn} for {@code g}, or null when no CTA of it fits an SM. */
  TileChoice choice(Kernel.Gemm g, int tm, int tn) {
    int b = format.bytes();
    int tk = Math.max(1, 64 / b);
    int regs = tm * tn / THREADS + EXTRA_REGS;
    int smem = 2 * (tm + tn) * tk * b;
    int ctasPerSm = config.occupancy().ctasPerSm(THREADS, regs, smem);
    if (ctasPerSm == 0) {
      return null;
    }
    long ctas = ceil(g.m(), tm) * ceil(g.n(), tn) * g.instances();
    long slots = (long) config.sms() * ctasPerSm;
    long waves = ceil(ctas, slots);
    long kPad = ceil(g.k(), tk) * tk;
    return new TileChoice(
        tm,
        tn,
        tk,
        ctasPerSm,
        ctas,
        waves,
        (double) ctas / (waves * slots),
        (double) g.m() * g.n() * g.instances() / ((double) ctas * tm * tn),
        (double) g.k() / kPad);
  }

  private KernelTime gemm(Kernel.Gemm g, long aDram, String label) {
    if (g.m() < GEMV_LIMIT || g.n() < GEMV_LIMIT) {
      return gemv(g, aDram, label);
    }
    KernelTime best = null;
    for (int[] t : TILES) {
      TileChoice c = choice(g, t[0], t[1]);
      if (c == null) {
        continue;
      }
      KernelTime kt = tiled(g, aDram, label, c);
      if (best == null || kt.seconds() < best.seconds()) {
        best = kt;
      }
    }
    if (best == null) {
      throw new IllegalStateException(name() + ": no GEMM tile fits an SM of " + config);
    }
    return best;
  }

  private KernelTime tiled(Kernel.Gemm g, long aDram, String label, TileChoice c) {
    long b = format.bytes();
    long m = g.m();
    long n = g.n();
    long k = g.k();
    long inst = g.instances();
    long kPad = ceil(k, c.tk()) * c.tk();
    long macsSm = config.macsPerSmPerClock(format);
    double tTile = (double) c.tm() * c.tn() * kPad / (macsSm * clock() * config.gemmEfficiency());
    double compute = ceil(c.ctas(), config.sms()) * tTile;
    long l2 = b * ((m * kPad * ceil(n, c.tn()) + kPad * n * ceil(m, c.tm())) * inst + m * n * inst);
    long q = (long) Math.ceil(Math.sqrt((double) config.sms() * c.ctasPerSm()));
    long mw = Math.min(m, c.tm() * q);
    long nw = Math.min(n, c.tn() * q);
    long dramRead = resident(aDram) ? 0 : aDram * ceil(n, nw);
    long kn = k * n;
    if (kn * b <= config.l2Bytes() / 2) {
      dramRead += g.bElements();
    } else {
      dramRead += kn * inst * ceil(m, mw);
    }
    long cE = m * n * inst;
    long dramWrite = resident(cE) ? 0 : cE;
    long padded = c.ctas() * c.tm() * c.tn() * kPad;
    String desc =
        String.format(
            Locale.ROOT,
            "%s %dx%dx%d%s tile %dx%d ctas %d waves %d",
            label,
            m,
            n,
            k,
            inst > 1 ? " x" + inst : "",
            c.tm(),
            c.tn(),
            c.ctas(),
            c.waves());
    boolean tensor = config.tensorFormats().contains(format);
    return finish(desc, compute, l2, dramRead * b, dramWrite * b, g.macs(), padded, tensor, 0);
  }

  private KernelTime gemv(Kernel.Gemm g, long aDram, String label) {
    long b = format.bytes();
    long lanes = vectorMacs();
    double compute =
        (double) g.macs() / ((double) config.sms() * lanes * clock() * config.gemmEfficiency());
    long kn = g.k() * g.n();
    long weights = g.sharedWeights() && resident(kn) ? kn : kn * g.instances();
    long cE = g.m() * g.n() * g.instances();
    long l2 = b * (g.aElements() + kn * g.instances() + cE);
    long dramRead = (resident(aDram) ? 0 : aDram) + weights;
    long dramWrite = resident(cE) ? 0 : cE;
    String desc =
        String.format(
            Locale.ROOT,
            "%s(gemv) %dx%dx%d%s",
            label,
            g.m(),
            g.n(),
            g.k(),
            g.instances() > 1 ? " x" + g.instances() : "");
    return finish(desc, compute, l2, dramRead * b, dramWrite * b, g.macs(), g.macs(), false, 0);
  }

  private KernelTime spmv(Kernel.Spmv s) {
    long b = format.bytes();
    double laneEff;
    if (s.batch() == 1) {
      double a = Math.max(1.0, (double) s.nnz() / s.rows());
      laneEff = a / (32 * Math.ceil(a / 32));
    } else {
      laneEff = s.batch() / (32 * Math.ceil(s.batch() / 32.0));
    }
    double compute = (double) s.macs() / ((double) config.sms() * vectorMacs() * clock() * laneEff);
    long csr = s.csrBytes(format);
    long x = s.cols() * s.batch();
    long y = s.rows() * s.batch();
    long l2 = csr + b * (s.nnz() * s.batch() + y);
    long dramRead = csr + (resident(x) ? 0 : x * b);
    long dramWrite = resident(y) ? 0 : y * b;
    String desc =
        String.format(
            Locale.ROOT, "csrmv %dx%d nnz %d batch %d", s.rows(), s.cols(), s.nnz(), s.batch());
    return finish(desc, compute, l2, dramRead, dramWrite, s.macs(), s.macs(), false, 0);
  }

  private KernelTime stream(Kernel.Stream s) {
    long b = format.bytes();
    long work = s.ops() + s.macs();
    double compute = (double) work / ((double) config.sms() * vectorMacs() * clock());
    long l2 = b * (s.readElements() + s.writeElements());
    long dramRead = resident(s.readElements()) ? 0 : s.readElements() * b;
    long dramWrite = resident(s.writeElements()) ? 0 : s.writeElements() * b;
    return finish(s.name(), compute, l2, dramRead, dramWrite, s.macs(), s.macs(), false, s.ops());
  }

  private KernelTime finish(
      String desc,
      double compute,
      long l2,
      long dramRead,
      long dramWrite,
      long macs,
      long paddedMacs,
      boolean tensor,
      long ops) {
    ActionCounts a = new ActionCounts();
    if (paddedMacs > 0) {
      a.add("sm", Action.mac(format.key()), paddedMacs);
    }
    if (ops > 0) {
      a.add("sm", Action.of("add.fp32"), ops);
    }
    long instr = ceil(paddedMacs, tensor ? 2048 : 32) + ceil(ops, 32) + ceil(l2, 128);
    a.add("sm", Action.INSTRUCTION, instr);
    a.add(
        "register_file",
        Action.regfileRead(32),
        tensor ? ceil(paddedMacs * 3, 32) : 3 * paddedMacs + ops);
    a.add(
        "shared_memory", Action.sramRead(config.occupancy().smemPerSm(), 1024), ceil(2 * l2, 128));
    a.add("l2", Action.sramRead(config.l2Bytes(), 1024), ceil(l2, 128));
    a.add("dram", Action.DRAM_READ_BITS, dramRead * 8);
    a.add("dram", Action.DRAM_WRITE_BITS, dramWrite * 8);
    List<KernelTime.Traffic> t =
        List.of(
            new KernelTime.Traffic("l2", l2, config.l2BytesPerS()),
            new KernelTime.Traffic("dram", dramRead + dramWrite, config.dramBytesPerS()));
    return new KernelTime(desc, compute, t, launch(), macs, 2 * macs + ops, a);
  }

  static long ceil(long a, long b) {
    return (a + b - 1) / b;
  }
}
