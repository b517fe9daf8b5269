package dev.silica.cli;

import dev.silica.accelerators.Accelerators;
import dev.silica.accelerators.eie.EieModel;
import dev.silica.accelerators.tpu.OperandFormat;
import dev.silica.accelerators.tpu.ScaleSimComputeReport;
import dev.silica.accelerators.tpu.ScaleSimConfig;
import dev.silica.accelerators.tpu.SystolicArrayModel;
import dev.silica.isa.tpu.TpuDisassembler;
import dev.silica.reports.CsvRenderer;
import dev.silica.reports.HtmlReport;
import dev.silica.reports.JsonRenderer;
import dev.silica.reports.RunReport;
import dev.silica.reports.TextTableRenderer;
import dev.silica.simulator.AcceleratorModel;
import dev.silica.simulator.Fidelity;
import dev.silica.simulator.RunOptions;
import dev.silica.simulator.energy.accelergy.AccelergyBreakdown;
import dev.silica.simulator.energy.accelergy.AccelergyTableSet;
import dev.silica.simulator.energy.accelergy.EnergyTableSet;
import dev.silica.simulator.energy.accelergy.EnergyTables;
import dev.silica.simulator.result.RunResult;
import dev.silica.simulator.result.SimInvariants;
import dev.silica.simulator.spec.SpecKind;
import dev.silica.simulator.spec.SpecLoader;
import dev.silica.workloads.exec.RunFiles;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.ValueId;
import dev.silica.workloads.tensor.Tensor;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code silica simulate --model M --accelerator A [--energy-table NAME|FILE] [--report DIR]}: runs
 * a workload on an accelerator model (analytical tier) and prints the per-layer table and totals,
 * the energy table used, Silica's energy breakdown and the same energy in Accelergy's shape
 * (component, action, count, pJ/action, energy, share; in Accelergy's own component and action
 * names when the table came from an Accelergy ERT). With {@code --report} it also writes the HTML
 * report with its charts, the CSV tables, JSON and {@code <stem>-accelergy.csv}.
 *
 * <p>Without {@code --energy-table} the model's own tables price the run (Horowitz 45 nm, after any
 * model-specific entries); with it, the chosen set alone prices every action.
 *
 * <p>On a systolic array {@code --report} also writes {@code <stem>-compute-report.csv}
 * (SCALE-Sim's COMPUTE_REPORT columns, then ours). {@code --fidelity cycle_stepped} steps the PE
 * array (small layers); {@code --numerics int8|fp16|bf16} runs the functional tier in that format
 * and prints (and with {@code --report} writes as .npy) the graph outputs; {@code --emit-isa FILE}
 * writes the TPU instruction program.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Simulates a workload on an accelerator: cycles, time, utilization, energy and area per"
          + " layer and in total. An infeasible design prints its reason."
    })
final class SimulateCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(
      names = {"-m", "--model"},
      required = true,
      paramLabel = "WORKLOAD",
      description =
          "A zoo model, a .sir/.onnx/.csv file, or zoo:NAME, ir:FILE, onnx:FILE, scalesim:FILE,"
              + " gemm:M,N,K, gemv:M,N.")
  String model;

  @Option(
      names = {"-a", "--accelerator"},
      required = true,
      paramLabel = "ACCEL",
      description =
          "A preset (tpu-v1, eyeriss-like, scalesim-google, scalesim-scale, ws-16x16-int8, eie-64,"
              + " eie-256, i7-5930k, xeon-e5-2699v3, xeon-platinum-8480, host, gtx-580,"
              + " titan-x-maxwell, tegra-k1, k80, v100, a100, h100, h200), an accelerator spec"
              + " (.yaml) or scalesim:FILE.cfg.")
  String accelerator;

  @Option(
      names = {"-r", "--report"},
      paramLabel = "DIR",
      description =
          "Also write DIR/<model>-<accelerator>.html (charts), .csv tables, .json and"
              + " -accelergy.csv (the Accelergy-shaped energy breakdown).")
  Path report;

  @Option(
      names = "--batch",
      paramLabel = "N",
      description = "Batch of a gemm:M,N,K or gemv:M,N workload (default 1).")
  Integer batch;

  @Option(
      names = "--energy-table",
      paramLabel = "NAME|FILE",
      description =
          "Energy and area tables: horowitz-45nm (default), accelergy-45nm, or a file"
              + " (kind: energy_table, or kind: accelergy_mapping naming an Accelergy ERT/ART).")
  String energyTable;

  @Option(
      names = "--fidelity",
      paramLabel = "TIER",
      description =
          "analytical (default), cycle_stepped (PE-level array, small layers) or functional.")
  String fidelity;

  @Option(
      names = "--numerics",
      paramLabel = "FORMAT",
      description =
          "On a systolic array int8, fp16 or bf16: run the functional tier with every array"
              + " operand in that format and report the outputs. On a CPU or GPU model the"
              + " compute format: fp64, fp32, tf32, fp16, bf16, fp8, int8.")
  String numerics;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Seed of the weights and inputs of a functional run (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--emit-isa",
      paramLabel = "FILE",
      description = "Write the TPU instruction program (text form) to FILE (systolic arrays, ws).")
  Path emitIsa;

  @Option(
      names = "--layers",
      paramLabel = "NODES",
      split = ",",
      description =
          "Simulate only these nodes (comma-separated), e.g. the FC layers on eie-64:"
              + " --layers fc6,fc7,fc8.")
  java.util.List<String> layers;

  /** The workload and result of the last {@link #run()}, for {@link Simulation}; null before. */
  Graph graph;

  RunResult result;

  @Override
  public void run() {
    AcceleratorModel accel = accelerator(accelerator);
    Fidelity fid = fidelity();
    if (numerics != null && !(accel instanceof SystolicArrayModel)) {
      accel = KernelWorkloads.withNumerics(accel, numerics);
    } else if (numerics != null) {
      OperandFormat f =
          switch (numerics.toLowerCase(Locale.ROOT)) {
            case "int8" -> OperandFormat.INT8;
            case "fp16" -> OperandFormat.FP16;
            case "bf16" -> OperandFormat.BF16;
            default ->
                throw new CliException(
                    "--numerics: must be one of int8, fp16, bf16, got '" + numerics + "'");
          };
      accel = new SystolicArrayModel(systolic(accel, "--numerics").config().withFormats(f, f, f));
      fid = Fidelity.FUNCTIONAL;
    }
    if (layers != null && !layers.isEmpty()) {
      if (!(accel instanceof EieModel eie)) {
        throw new CliException(
            "--layers: accelerator "
                + accel.name()
                + " runs whole graphs; layer selection is"
                + " supported on eie-* accelerators");
      }
      accel = eie.withLayers(layers);
    }
    Graph g;
    if (KernelWorkloads.isShorthand(model)) {
      g = KernelWorkloads.parse(model, batch == null ? 1 : batch);
    } else if (batch != null) {
      throw new CliException("--batch: applies to gemm:M,N,K and gemv:M,N workloads, got " + model);
    } else {
      g = IrSources.load(model);
    }
    String tableName = energyTable == null ? EnergyTables.DEFAULT : energyTable;
    EnergyTableSet tables = EnergyTables.named(tableName);
    Optional<AccelergyTableSet> accelergy = EnergyTables.accelergy(tableName);
    if (emitIsa != null) {
      String text = TpuDisassembler.print(systolic(accel, "--emit-isa").program(g));
      try {
        Files.writeString(emitIsa, text, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    RunResult result = accel.run(g, RunOptions.defaults().withFidelity(fid).withSeed(seed));
    SimInvariants.check(result);
    if (energyTable != null) {
      result = SimInvariants.check(tables.price(result));
    }
    RunReport r = RunReport.of(result);
    this.graph = g;
    this.result = result;
    PrintWriter out = spec.commandLine().getOut();
    out.print(TextTableRenderer.render(r));
    String achieved = KernelWorkloads.achieved(accel, result);
    if (achieved != null) {
      out.println(achieved);
    }
    AccelergyBreakdown shaped = null;
    if (result.isFeasible()) {
      out.println();
      out.println(
          "Energy table: "
              + tables.name()
              + " ("
              + (energyTable == null ? "default, with the model's own entries first" : "selected")
              + "; "
              + tables.origin()
              + ")");
      shaped =
          accelergy.isPresent()
              ? AccelergyBreakdown.inAccelergyTerms(result.totals().actions(), accelergy.get())
              : AccelergyBreakdown.of(result.energy());
      out.println();
      out.println(
          "Energy in Accelergy's shape ("
              + (accelergy.isPresent()
                  ? "Accelergy components and actions of " + accelergy.get().ert().name()
                  : "Silica components and actions")
              + ")");
      out.print(accelergyTable(shaped).text());
    }
    if (report != null) {
      String stem = (g.name() + "-" + accel.name()).replaceAll("[^A-Za-z0-9._-]", "_");
      try {
        Files.createDirectories(report);
        HtmlReport.Output html = HtmlReport.write(r, report, stem);
        CsvRenderer.write(r, report, stem);
        if (shaped != null) {
          shaped.writeCsv(report.resolve(stem + "-accelergy.csv"));
        }
        Files.writeString(
            report.resolve(stem + ".json"), JsonRenderer.render(r), StandardCharsets.UTF_8);
        out.println("wrote " + html.html() + " (and its charts, CSV tables and JSON)");
        if (accel instanceof SystolicArrayModel sam && result.isFeasible()) {
          Path csv = report.resolve(stem + "-compute-report.csv");
          Files.writeString(csv, ScaleSimComputeReport.csv(sam.analyze(g)), StandardCharsets.UTF_8);
          out.println("wrote " + csv + " (SCALE-Sim COMPUTE_REPORT columns, then ours)");
        }
        if (!outputs(result).isEmpty()) {
          for (Path p : RunFiles.writeOutputs(report, outputs(result))) {
            out.println("wrote " + p);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (fid == Fidelity.FUNCTIONAL && result.isFeasible()) {
      SystolicArrayModel sam = systolic(accel, "--fidelity functional");
      out.printf(
          Locale.ROOT, "functional outputs (%s on the array):%n", sam.config().macFormat().key());
      for (Map.Entry<ValueId, Tensor> e : outputs(result).entrySet()) {
        out.printf(
            Locale.ROOT,
            "  %s: %s%s%n",
            e.getKey(),
            e.getValue().dtype().text(),
            e.getValue().shape());
      }
      Object fp32 = result.outputs().get(SystolicArrayModel.FP32_NODES_KEY);
      if (fp32 != null) {
        out.println("  products run in fp32 on the reference kernels: " + fp32);
      }
    }
    if (emitIsa != null) {
      out.println("wrote " + emitIsa);
    }
    out.flush();
  }

  /** Rows of {@code b} as a text table: exact counts and prices, energy to 7 digits. */
  private static Table accelergyTable(AccelergyBreakdown b) {
    Table t =
        new Table(
            "component",
            "action",
            "count",
            "pj_per_action",
            "energy_pj",
            "share_percent",
            "silica_component",
            "silica_action");
    for (AccelergyBreakdown.Row row : b.rows()) {
      t.row(
          row.component(),
          row.action(),
          number(row.count()),
          number(row.pjPerAction()),
          String.format(Locale.ROOT, "%.7g", row.energyPj()),
          String.format(Locale.ROOT, "%.2f", 100 * row.share()),
          row.silicaComponent(),
          row.silicaAction());
    }
    t.row("total", "", "", "", String.format(Locale.ROOT, "%.7g", b.totalPj()), "100.00", "", "");
    return t;
  }

  /** A count or price to 12 significant digits, no exponent, no trailing zeros. */
  private static String number(double v) {
    return new java.math.BigDecimal(v)
        .round(new java.math.MathContext(12))
        .stripTrailingZeros()
        .toPlainString();
  }

  private Fidelity fidelity() {
    if (fidelity == null) {
      return Fidelity.ANALYTICAL;
    }
    try {
      return Fidelity.valueOf(fidelity.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CliException(
          "--fidelity: must be one of analytical, cycle_stepped, functional, got '"
              + fidelity
              + "'");
    }
  }

  private static SystolicArrayModel systolic(AcceleratorModel a, String option) {
    if (a instanceof SystolicArrayModel sam) {
      return sam;
    }
    throw new CliException(option + ": needs a systolic-array accelerator, got " + a.name());
  }

  private static Map<ValueId, Tensor> outputs(RunResult r) {
    Map<ValueId, Tensor> m = new LinkedHashMap<>();
    r.outputs()
        .forEach((k, v) -> {
          if (v instanceof Tensor t) {
            m.put(new ValueId(k), t);
          }
        });
    return m;
  }

  static AcceleratorModel accelerator(String a) {
    if (a.startsWith("scalesim:")) {
      Path cfg = Path.of(a.substring("scalesim:".length()));
      if (!Files.isRegularFile(cfg)) {
        throw new UncheckedIOException(new NoSuchFileException(cfg.toString()));
      }
      return new SystolicArrayModel(ScaleSimConfig.read(cfg));
    }
    if (a.endsWith(".yaml") || a.endsWith(".yml")) {
      Path file = Path.of(a);
      if (!Files.isRegularFile(file)) {
        throw new UncheckedIOException(new NoSuchFileException(a));
      }
      return Accelerators.fromSpec(SpecLoader.load(file, SpecKind.ACCELERATOR));
    }
    return Accelerators.create(a);
  }
}
