package dev.silica.cli;

import dev.silica.workloads.exec.Precision;
import dev.silica.workloads.exec.ReferenceExecutor;
import dev.silica.workloads.exec.RunFiles;
import dev.silica.workloads.exec.SeededInit;
import dev.silica.workloads.exec.Weights;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.ValueId;
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
 * {@code silica run MODEL|FILE}: runs a graph on the reference executor and writes its outputs as
 * NumPy {@code .npy} files. Weights are an ONNX file's initializers, and the seeded PyTorch-style
 * initialization for everything a file does not carry (zoo models, IR text); inputs come from
 * {@code --input} files or the same seed.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Runs a zoo model or an IR file on the reference executor (golden outputs) and writes each"
          + " output as OUT/<name>.npy. Weights are an ONNX file's initializers, else seeded"
          + " (PyTorch-style defaults); inputs are"
          + " read from --input files (one .npy per graph input, in declaration order) or seeded."
    })
final class RunCommand implements Runnable {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "MODEL|FILE",
      description = "A zoo model name (see 'silica zoo list') or a path to a .sir file.")
  String source;

  @Option(
      names = "--input",
      paramLabel = "FILE",
      split = ",",
      description =
          "An .npy file per graph input, in declaration order (repeat or comma-separate).")
  List<Path> inputs = List.of();

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "0",
      description = "Seed for weights and for inputs not given (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--precision",
      paramLabel = "P",
      defaultValue = "fp32",
      description = "fp32 (default) or fp64 (the oracle precision).")
  String precision;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      description = "Output directory (default: silica-out/run/<graph>).")
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
    Precision p =
        switch (precision.toLowerCase(Locale.ROOT)) {
          case "fp32" -> Precision.FP32;
          case "fp64" -> Precision.FP64;
          default ->
              throw new CliException("--precision: must be fp32 or fp64, got '" + precision + "'");
        };
    if (threads != null && threads < 1) {
      throw new CliException("--threads: must be >= 1, got " + threads);
    }
    IrSources.Source src = IrSources.loadSource(source);
    Graph g = src.graph();
    Path dir = out != null ? out : Path.of("silica-out", "run", g.name());
    if (!force) {
      for (ValueId o : g.outputs()) {
        Path f = dir.resolve(RunFiles.fileName(o));
        if (Files.exists(f)) {
          throw new CliException(f + " already exists; use --force to overwrite it");
        }
      }
    }
    Map<ValueId, Tensor> outputs;
    try (ReferenceExecutor exec =
        threads == null ? new ReferenceExecutor(p) : new ReferenceExecutor(p, threads)) {
      Weights w = src.weights(seed);
      Map<ValueId, Tensor> in =
          inputs.isEmpty() ? SeededInit.inputs(g, seed) : RunFiles.readInputs(g, inputs);
      outputs = exec.run(g, in, w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Path> files;
    try {
      files = RunFiles.writeOutputs(dir, outputs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PrintWriter pw = spec.commandLine().getOut();
    int i = 0;
    for (Map.Entry<ValueId, Tensor> e : outputs.entrySet()) {
      Tensor t = e.getValue();
      pw.printf(
          Locale.ROOT, "%s: %s%s -> %s%n", e.getKey(), t.dtype().text(), t.shape(), files.get(i++));
    }
    pw.flush();
  }
}
