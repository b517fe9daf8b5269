package dev.silica.accelerators.eie;

import dev.silica.simulator.energy.AreaBreakdown;
import dev.silica.simulator.energy.EnergyBreakdown;
import dev.silica.simulator.result.LayerResult;
import dev.silica.simulator.result.RunResult;
import dev.silica.simulator.result.SimInvariants;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The EIE paper's studies as data (Han et al., ISCA 2016, Table III/IV, Fig. 8, 11–13; the PE
 * breakdown of Table II): the nine benchmark layers at the paper's densities with seeded weights
 * and activations, load balance against FIFO depth, and speedup, padding and load balance against
 * PE count. Every row comes from a full cycle-level run; every run passes {@link SimInvariants}.
 *
 * <p>A layer that does not fit the configuration (VGG-6's 25,089 column pointers need 50 KB of the
 * 32 KB pointer SRAM, and its entries per PE overflow 16-bit pointers) is reported with the reason
 * and then run on the same design with pointers just wide enough and a pointer SRAM just large
 * enough (the {@code note} column says so).
 */
public final class EieStudy {
  /** FIFO depths of Fig. 8. */
  public static final int[] FIFO_DEPTHS = {1, 2, 4, 8, 16, 32, 64, 128, 256};

  /** PE counts of Fig. 11–13. */
  public static final int[] PE_COUNTS = {1, 2, 4, 8, 16, 32, 64, 128, 256};

  private EieStudy() {}

  /** One benchmark layer's figures. */
  public record LayerRow(
      String layer,
      String config,
      long cycles,
      double timeUs,
      double gops,
      long paddingZeros,
      double loadBalance,
      double energyUj,
      double framesPerS,
      long macs,
      double denseGops,
      double paddingFraction,
      double macPctOfDense,
      String note) {}

  /** A lowered benchmark with its input vector and the configuration it fits. */
  public record Prepared(
      EieBenchmark bench, EncodedLayer layer, int[] act, EieConfig cfg, String note) {}

  /** Lowers benchmark {@code b} for {@code cfg} with seeded weights and activations. */
  public static Prepared prepare(EieBenchmark b, EieConfig cfg, long seed) {
    long s = seed * 1_000_003L + b.id().hashCode();
    SparseWeights w =
        SparseWeights.random(
            b.outputs(), b.inputs(), b.weightDensity(), 1 / Math.sqrt(b.inputs()), s);
    EncodedLayer l =
        EieLowering.lower(b.id(), w, cfg, EieLowering.DEFAULT_SHARED_WEIGHTS, s, b.relu(), null);
    int[] act =
        EieModel.activations(b.inputs(), b.activationDensity(), b.signedInputs(), cfg, s + 1);
    return fit(b, l, act, cfg);
  }

  /** {@code p} re-encoded for {@code cfg}. */
  public static Prepared reencode(Prepared p, EieConfig cfg) {
    return fit(p.bench(), EieLowering.reencode(p.layer(), cfg), p.act(), cfg);
  }

  private static Prepared fit(EieBenchmark b, EncodedLayer l, int[] actIn, EieConfig cfg) {
    String problem = l.problem(cfg);
    if (problem == null) {
      return new Prepared(b, l, actIn, cfg, "");
    }
    long most = 0;
    long spmat = 0;
    for (int k = 0; k < l.pes(); k++) {
      spmat = Math.max(spmat, l.entries(k) * EieConfig.ENTRY_BITS / 8);
    }
    for (byte[] e : l.ent()) {
      most = Math.max(most, e.length);
    }
    int bits = Math.max(cfg.pointerBits(), 64 - Long.numberOfLeadingZeros(most));
    long ptr =
        Math.max(cfg.ptrSramBytes(), Math.ceilDiv((long) l.batches() * (l.cols() + 1) * bits, 8));
    long words =
        (l.cols() > cfg.registerFileCapacity() ? Math.ceilDiv(l.cols(), l.pes()) : 0)
            + (l.rows() > cfg.registerFileCapacity() ? Math.ceilDiv(l.rows(), l.pes()) : 0);
    long act = Math.max(cfg.actSramBytes(), 2 * words);
    spmat = Math.max(cfg.spmatSramBytes(), spmat);
    EieConfig relaxed = cfg.withMemories(spmat, bits, ptr, act);
    String still = l.problem(relaxed);
    if (still != null) {
      throw new IllegalStateException(b.id() + ": relaxed memories still do not fit: " + still);
    }
    List<String> changes = new ArrayList<>();
    if (bits != cfg.pointerBits()) {
      changes.add(bits + "-bit pointers");
    }
    if (ptr != cfg.ptrSramBytes()) {
      changes.add(ptr + " B pointer SRAM");
    }
    if (spmat != cfg.spmatSramBytes()) {
      changes.add(spmat + " B sparse-matrix SRAM");
    }
    if (act != cfg.actSramBytes()) {
      changes.add(act + " B activation SRAM");
    }
    String note =
        "infeasible as configured (" + problem + "); run with " + String.join(", ", changes);
    return new Prepared(b, l, actIn, relaxed, note);
  }

  /** Runs a prepared layer and checks the invariants of its result. */
  public static RunResult run(Prepared p, EieLayerRun[] out) {
    EieModel model = new EieModel(p.cfg());
    EieLayerRun r = EieSimulator.run(p.layer(), p.act(), p.cfg(), false);
    if (out != null) {
      out[0] = r;
    }
    LayerResult lr = model.layerResult(p.bench().id(), "gemm", List.of(r));
    Map<String, Object> echo = p.cfg().toMap();
    echo.put("layer", p.bench().id());
    return SimInvariants.check(model.result(p.bench().id(), List.of(lr), Map.of(), echo));
  }

  /** The figures of one prepared layer. */
  public static LayerRow row(Prepared p) {
    EieLayerRun[] r = new EieLayerRun[1];
    RunResult res = run(p, r);
    EieLayerRun run = r[0];
    double s = res.timeSeconds();
    return new LayerRow(
        p.bench().id(),
        p.cfg().name(),
        run.cycles(),
        s * 1e6,
        2.0 * run.macs() / s / 1e9,
        run.paddingEntries(),
        run.loadBalance(p.cfg().pes()),
        res.energyPj() / 1e6,
        1 / s,
        run.macs(),
        2.0 * p.bench().denseMacs() / s / 1e9,
        run.paddingFraction(),
        100.0 * run.macs() / p.bench().denseMacs(),
        p.note());
  }

  /** Per-layer figures for the nine benchmarks on {@code cfg}. */
  public static List<LayerRow> layers(EieConfig cfg, long seed, int scaleDown) {
    List<LayerRow> out = new ArrayList<>();
    for (EieBenchmark b : EieBenchmark.ALL) {
      out.add(row(prepare(scaleDown > 1 ? b.scaled(scaleDown) : b, cfg, seed)));
    }
    return out;
  }

  /** One point of the FIFO-depth sweep. */
  public record FifoRow(String layer, int fifoDepth, long cycles, double loadBalance) {}

  /** Load balance against FIFO depth (Fig. 8) on {@code cfg}'s PE count. */
  public static List<FifoRow> fifoDepth(EieConfig cfg, long seed, int scaleDown, int[] depths) {
    List<FifoRow> out = new ArrayList<>();
    for (EieBenchmark b : EieBenchmark.ALL) {
      Prepared p = prepare(scaleDown > 1 ? b.scaled(scaleDown) : b, cfg, seed);
      for (int d : depths) {
        EieConfig c = p.cfg().withFifoDepth(d);
        EieLayerRun r = EieSimulator.run(p.layer(), p.act(), c, false);
        out.add(new FifoRow(b.id(), d, r.cycles(), r.loadBalance(c.pes())));
      }
    }
    return out;
  }

  /** One point of the PE sweep. */
  public record PeRow(
      String layer,
      int pes,
      long cycles,
      double speedup,
      long paddingZeros,
      double paddingFraction,
      double loadBalance,
      String note) {}

  /** Speedup, padding and load balance against PE count (Fig. 11–13). */
  public static List<PeRow> peScaling(EieConfig cfg, long seed, int scaleDown, int[] pes) {
    List<PeRow> out = new ArrayList<>();
    for (EieBenchmark b : EieBenchmark.ALL) {
      EieBenchmark bb = scaleDown > 1 ? b.scaled(scaleDown) : b;
      Prepared base = prepare(bb, cfg.withPes(pes[0]), seed);
      long first = 0;
      for (int n : pes) {
        Prepared p =
            n == pes[0] ? base : reencode(base, cfg.withPes(n).withFifoDepth(cfg.fifoDepth()));
        EieLayerRun r = EieSimulator.run(p.layer(), p.act(), p.cfg(), false);
        if (n == pes[0]) {
          first = r.cycles();
        }
        out.add(
            new PeRow(
                b.id(),
                n,
                r.cycles(),
                (double) first / r.cycles(),
                r.paddingEntries(),
                r.paddingFraction(),
                r.loadBalance(n),
                p.note()));
      }
    }
    return out;
  }

  /** One module of the PE breakdown: the paper's Table II beside the model. */
  public record BreakdownRow(
      String module,
      double paperPowerMw,
      double modelPowerMw,
      double paperAreaUm2,
      double modelAreaUm2) {}

  /**
   * The per-PE power and area by module, the model's (energy of the nine layers over their time,
   * per PE) beside S-EIE Table II (papers-inputs §1.6 [V]). The paper's totals include the clock
   * network, leakage and filler cells, which the model does not have.
   */
  public static List<BreakdownRow> peBreakdown(EieConfig cfg, long seed, int scaleDown) {
    Map<String, Double> energy = new LinkedHashMap<>();
    double seconds = 0;
    AreaBreakdown area = null;
    for (EieBenchmark b : EieBenchmark.ALL) {
      Prepared p = prepare(scaleDown > 1 ? b.scaled(scaleDown) : b, cfg, seed);
      RunResult r = run(p, null);
      seconds += r.timeSeconds();
      for (EnergyBreakdown.Row row : r.energy().rows()) {
        energy.merge(module(row.component()), row.energyPj(), Double::sum);
      }
      if (p.note().isEmpty()) {
        area = r.area();
      }
    }
    Map<String, Double> areas = new LinkedHashMap<>();
    for (AreaBreakdown.Row row : area.rows()) {
      areas.merge(module(row.instance()), row.areaUm2(), Double::sum);
    }
    int n = cfg.pes();
    double totalE = 0;
    double totalA = 0;
    List<BreakdownRow> out = new ArrayList<>();
    // papers-inputs §1.6 (S-EIE Table II, 45 nm, one PE): module power mW and area um^2 [V]
    String[] modules = {"Act queue", "PtrRead", "SpmatRead", "ArithmUnit", "ActRW", "LNZD (CCU)"};
    double[] paperMw = {0.112, 1.807, 4.955, 1.162, 1.122, Double.NaN};
    double[] paperUm2 = {758, 121_849, 469_412, 3_110, 18_934, Double.NaN};
    for (int i = 0; i < modules.length; i++) {
      double e = energy.getOrDefault(modules[i], 0.0);
      double a = areas.getOrDefault(modules[i], 0.0);
      totalE += e;
      totalA += a;
      out.add(
          new BreakdownRow(
              modules[i], paperMw[i], e * 1e-12 / seconds / n * 1e3, paperUm2[i], a / n));
    }
    // papers-inputs §1.6: PE total 9.157 mW, 638,024 um^2 (incl. clock 1.874 mW, filler cells)
    out.add(
        new BreakdownRow("Total", 9.157, totalE * 1e-12 / seconds / n * 1e3, 638_024, totalA / n));
    return out;
  }

  private static String module(String component) {
    return switch (component) {
      case "pe.act_queue" -> "Act queue";
      case "pe.ptr_sram" -> "PtrRead";
      case "pe.spmat_sram" -> "SpmatRead";
      case "pe.arith" -> "ArithmUnit";
      case "pe.act_rw", "pe.act_sram" -> "ActRW";
      default -> "LNZD (CCU)";
    };
  }

  // ---- CSV ----

  /** All four studies. */
  public record Results(
      List<LayerRow> layers, List<FifoRow> fifo, List<PeRow> pes, List<BreakdownRow> breakdown) {}

  /** Runs all four studies on {@code cfg} (the PE sweep varies N, the FIFO sweep the depth). */
  public static Results runAll(EieConfig cfg, long seed, int scaleDown) {
    return new Results(
        layers(cfg, seed, scaleDown),
        fifoDepth(cfg, seed, scaleDown, FIFO_DEPTHS),
        peScaling(cfg, seed, scaleDown, PE_COUNTS),
        peBreakdown(cfg, seed, scaleDown));
  }

  /** Writes layers.csv, fifo-depth.csv, pe-scaling.csv and pe-breakdown.csv into {@code dir}. */
  public static List<Path> write(Path dir, Results r) throws IOException {
    Files.createDirectories(dir);
    List<Path> out = new ArrayList<>();
    out.add(write(dir.resolve("layers.csv"), layersCsv(r.layers())));
    out.add(write(dir.resolve("fifo-depth.csv"), fifoCsv(r.fifo())));
    out.add(write(dir.resolve("pe-scaling.csv"), peCsv(r.pes())));
    out.add(write(dir.resolve("pe-breakdown.csv"), breakdownCsv(r.breakdown())));
    return out;
  }

  /** {@link #runAll} then {@link #write}. */
  public static List<Path> writeAll(Path dir, EieConfig cfg, long seed, int scaleDown)
      throws IOException {
    return write(dir, runAll(cfg, seed, scaleDown));
  }

  private static Path write(Path p, String text) throws IOException {
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  public static String layersCsv(List<LayerRow> rows) {
    StringBuilder b =
        new StringBuilder(
            "layer,cycles,time_us,gops,padding_zeros,load_balance,energy_uj,frames_per_s,config,macs,"
                + "dense_equivalent_gops,padding_fraction,mac_pct_of_dense,note\n");
    for (LayerRow r : rows) {
      b.append(
          String.format(
              Locale.ROOT,
              "%s,%d,%.3f,%.2f,%d,%.4f,%.3f,%.1f,%s,%d,%.1f,%.4f,%.2f,%s%n",
              r.layer(),
              r.cycles(),
              r.timeUs(),
              r.gops(),
              r.paddingZeros(),
              r.loadBalance(),
              r.energyUj(),
              r.framesPerS(),
              r.config(),
              r.macs(),
              r.denseGops(),
              r.paddingFraction(),
              r.macPctOfDense(),
              csv(r.note())));
    }
    return b.toString();
  }

  public static String fifoCsv(List<FifoRow> rows) {
    StringBuilder b = new StringBuilder("layer,fifo_depth,cycles,load_balance\n");
    for (FifoRow r : rows) {
      b.append(
          String.format(
              Locale.ROOT,
              "%s,%d,%d,%.4f%n",
              r.layer(),
              r.fifoDepth(),
              r.cycles(),
              r.loadBalance()));
    }
    return b.toString();
  }

  public static String peCsv(List<PeRow> rows) {
    StringBuilder b =
        new StringBuilder(
            "layer,pes,cycles,speedup,padding_zeros,padding_fraction,load_balance,note\n");
    for (PeRow r : rows) {
      b.append(
          String.format(
              Locale.ROOT,
              "%s,%d,%d,%.3f,%d,%.4f,%.4f,%s%n",
              r.layer(),
              r.pes(),
              r.cycles(),
              r.speedup(),
              r.paddingZeros(),
              r.paddingFraction(),
              r.loadBalance(),
              csv(r.note())));
    }
    return b.toString();
  }

  public static String breakdownCsv(List<BreakdownRow> rows) {
    StringBuilder b =
        new StringBuilder("module,paper_power_mw,model_power_mw,paper_area_um2,model_area_um2\n");
    for (BreakdownRow r : rows) {
      b.append(
          String.format(
              Locale.ROOT,
              "%s,%s,%.4f,%s,%.1f%n",
              r.module(),
              num(r.paperPowerMw()),
              r.modelPowerMw(),
              num(r.paperAreaUm2()),
              r.modelAreaUm2()));
    }
    return b.toString();
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%s", v);
  }

  private static String csv(String s) {
    return s.isEmpty() ? "" : "\"" + s.replace("\"", "\"\"") + "\"";
  }
}
