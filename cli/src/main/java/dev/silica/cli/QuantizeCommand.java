package dev.silica.cli;

import dev.silica.workloads.exec.RunFiles;
import dev.silica.workloads.exec.SeededInit;
import dev.silica.workloads.exec.Weights;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.Shape;
import dev.silica.workloads.ir.ValueId;
import dev.silica.workloads.onnx.ImportedModel;
import dev.silica.workloads.onnx.InitializerData;
import dev.silica.workloads.onnx.OnnxImporter;
import dev.silica.workloads.quant.Calibration;
import dev.silica.workloads.quant.NumericsPlan;
import dev.silica.workloads.quant.QuantizationReport;
import dev.silica.workloads.quant.QuantizedExecutor;
import dev.silica.workloads.tensor.Tensor;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code silica quantize MODEL --numerics PLAN}: runs a graph under a numerics plan on the
 * reference executor ({@link QuantizedExecutor}), prints per-layer formats, SQNR and max abs error
 * against FP32, and writes the quantized outputs as {@code .npy}.
 */
@Command(
    name = "quantize",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Runs a zoo model or an IR/ONNX file with weights, activations and accumulators in the"
          + " number formats of a numerics plan (bit-exact emulation; radix points and scales"
          + " calibrated on the inputs), prints each layer's formats, SQNR (dB) and max abs error"
          + " against the FP32 reference executor, and writes the quantized outputs as"
          + " OUT/<name>.npy."
    })
final class QuantizeCommand implements Runnable {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "MODEL|FILE",
      description = "A zoo model name (see 'silica zoo list') or a .sir / .onnx file.")
  String source;

  @Option(
      names = "--numerics",
      required = true,
      paramLabel = "PLAN",
      description =
          "The plan: a spec such as int8, fp16, bf16, q8.8, fixed16, int8-per-channel,"
              + " 'q8.8,conv1=q4.4', 'w=int4,a=int8,acc=int32', or a .yaml file of kind numerics.")
  String numerics;

  @Option(
      names = "--calibration",
      paramLabel = "METHOD",
      defaultValue = "max",
      description = "max (default) or percentile:P, e.g. percentile:99.99.")
  String calibration;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "0",
      description = "Seed for weights and for inputs not given (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--input",
      paramLabel = "FILE",
      split = ",",
      description =
          "An .npy file per graph input, in declaration order; calibration and evaluation both use"
              + " them (default: seeded inputs).")
  List<Path> inputs = List.of();

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      description = "Output directory (default: silica-out/quantize/<graph>).")
  Path out;

  @Option(names = "--force", description = "Overwrite .npy files that already exist in DIR.")
  boolean force;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "Worker threads (default: the available processors); results do not depend on it.")
  Integer threads;

  @Override
  public void run() {
    if (threads != null && threads < 1) {
      throw new CliException("--threads: must be >= 1, got " + threads);
    }
    Calibration cal;
    try {
      cal = Calibration.parse(calibration);
    } catch (IllegalArgumentException e) {
      throw new CliException("--calibration: " + e.getMessage());
    }
    NumericsPlan plan = NumericsPlans.load(numerics);
    Graph g = IrSources.load(source);
    plan.check(g);
    Path dir = out != null ? out : Path.of("silica-out", "quantize", g.name());
    if (!force) {
      for (ValueId o : g.outputs()) {
        Path f = dir.resolve(RunFiles.fileName(o));
        if (Files.exists(f)) {
          throw new CliException(f + " already exists; use --force to overwrite it");
        }
      }
    }
    QuantizationReport r;
    try (QuantizedExecutor q =
        threads == null ? new QuantizedExecutor() : new QuantizedExecutor(threads)) {
      Weights w = weights(g);
      Map<ValueId, Tensor> in =
          inputs.isEmpty() ? SeededInit.inputs(g, seed) : RunFiles.readInputs(g, inputs);
      r = q.run(g, w, plan, cal, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Path> files;
    try {
      files = RunFiles.writeOutputs(dir, r.outputs());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PrintWriter pw = spec.commandLine().getOut();
    pw.printf(
        Locale.ROOT,
        "%s under numerics '%s', calibration %s, seed %d%n",
        g.name(),
        plan.spec(),
        cal.spec(),
        seed);
    Table t =
        new Table(
            "layer",
            "op",
            "weight_format",
            "activation_format",
            "accumulator_format",
            "arithmetic",
            "sqnr_db",
            "max_abs_error");
    for (QuantizationReport.LayerReport row : r.layers()) {
      t.row(
          row.layer(),
          row.op(),
          row.weightFormat(),
          row.activationFormat(),
          row.accumulatorFormat(),
          row.arithmetic(),
          db(row.sqnrDb()),
          String.format(Locale.ROOT, "%.3e", row.maxAbsError()));
    }
    pw.print(t.text());
    int i = 0;
    for (Map.Entry<ValueId, Tensor> e : r.outputs().entrySet()) {
      Tensor y = e.getValue();
      pw.printf(
          Locale.ROOT,
          "%s: %s%s sqnr_db=%s -> %s%n",
          e.getKey(),
          y.dtype().text(),
          y.shape(),
          db(r.outputSqnrDb(e.getKey())),
          files.get(i++));
    }
    pw.flush();
  }

  /**
   * Seeded weights, overwritten by the initializers an ONNX file carries (so an imported model runs
   * with its trained weights).
   */
  private Weights weights(Graph g) {
    Weights w = SeededInit.forGraph(g, seed);
    String file = source.startsWith("onnx:") ? source.substring(5) : source;
    if (!file.endsWith(".onnx") || !Files.isRegularFile(Path.of(file))) {
      return w;
    }
    ImportedModel m = OnnxImporter.read(Path.of(file));
    for (Map.Entry<ValueId, InitializerData> e : m.initializers().entrySet()) {
      InitializerData d = e.getValue();
      Shape shape = g.type(e.getKey()).shape();
      Tensor t =
          d.floats() != null
              ? Tensor.of(shape, d.floats())
              : d.doubles() != null ? Tensor.of(shape, d.doubles()) : Tensor.of(shape, d.longs());
      w.put(e.getKey(), t);
    }
    return w;
  }

  private static String db(double v) {
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
