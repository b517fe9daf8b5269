package dev.silica.cli;

import dev.silica.workloads.exec.SeededInit;
import dev.silica.workloads.exec.Weights;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.onnx.ImportedModel;
import dev.silica.workloads.onnx.OnnxImporter;
import dev.silica.workloads.scalesim.ScaleSimTopology;
import dev.silica.workloads.text.IrParser;
import dev.silica.workloads.zoo.Zoo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where commands get a graph from: a zoo model name, a {@code .sir} file, an ONNX model or a
 * SCALE-Sim topology CSV. Prefixes make the kind explicit: {@code zoo:resnet50}, {@code
 * ir:net.sir}, {@code onnx:model.onnx}, {@code scalesim:alexnet.csv}; without one, an existing file
 * is read by its extension and anything else names a zoo model.
 */
final class IrSources {
  private IrSources() {}

  /**
   * Parses the IR file {@code file}; parse errors name it as the user wrote it ({@code net.sir:3:7:
   * ...}).
   *
   * @throws UncheckedIOException wrapping the I/O error when it cannot be read
   * @throws dev.silica.workloads.ir.IrException when it is not a valid graph
   */
  static Graph parseFile(String file) {
    Path path = Path.of(file);
    if (Files.isDirectory(path)) {
      throw new CliException(file + ": is a directory, expected an IR file (.sir)");
    }
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException | AccessDeniedException e) {
      throw new UncheckedIOException(e); // reported with the path by Errors
    } catch (IOException e) {
      throw new CliException("cannot read " + file + ": " + e.getMessage());
    }
    return IrParser.parse(text, file);
  }

  /**
   * A graph from {@code modelOrFile}: an existing file is parsed; otherwise it names a zoo model.
   * An argument that looks like a path ({@code /} or {@code .sir}) and does not exist is reported
   * as a missing file, anything else as an unknown model listing the valid names.
   */
  static Graph load(String modelOrFile) {
    return loadSource(modelOrFile).graph();
  }

  /**
   * A workload and the weights its file carries: ONNX initializers; none for zoo models, IR text
   * and SCALE-Sim topologies.
   */
  record Source(Graph graph, ImportedModel onnx) {
    /** The file's weights; seeded ones only for what the file does not carry. */
    Weights weights(long seed) {
      return onnx == null ? SeededInit.forGraph(graph, seed) : onnx.weights(seed);
    }
  }

  /** As {@link #load}, keeping an ONNX file's initializers. */
  static Source loadSource(String modelOrFile) {
    int colon = modelOrFile.indexOf(':');
    if (colon > 1) { // a workload prefix (zoo:, ir:, onnx:, scalesim:), not a drive letter
      String kind = modelOrFile.substring(0, colon);
      String rest = modelOrFile.substring(colon + 1);
      switch (kind) {
        case "zoo" -> {
          return new Source(Zoo.build(rest), null);
        }
        case "ir" -> {
          return new Source(parseFile(rest), null);
        }
        case "onnx" -> {
          ImportedModel m = OnnxImporter.read(existing(rest));
          return new Source(m.graph(), m);
        }
        case "scalesim" -> {
          return new Source(ScaleSimTopology.read(existing(rest)), null);
        }
        case "gemm", "gemv" -> {
          return new Source(KernelWorkloads.parse(modelOrFile, 1), null);
        }
        default -> {
          // not a prefix: a file or model name that contains ':'
        }
      }
    }
    if (Files.exists(Path.of(modelOrFile))) {
      if (modelOrFile.endsWith(".onnx")) {
        ImportedModel m = OnnxImporter.read(Path.of(modelOrFile));
        return new Source(m.graph(), m);
      }
      if (modelOrFile.endsWith(".csv")) {
        return new Source(ScaleSimTopology.read(Path.of(modelOrFile)), null);
      }
      // a directory fails in the read, with its own message
      return new Source(parseFile(modelOrFile), null);
    }
    if (looksLikePath(modelOrFile)) {
      throw new UncheckedIOException(new NoSuchFileException(modelOrFile));
    }
    if (!Zoo.names().contains(modelOrFile.toLowerCase(Locale.ROOT))) {
      throw new CliException(
          "'"
              + modelOrFile
              + "' is neither a file nor a zoo model (models: "
              + String.join(", ", Zoo.names())
              + ")");
    }
    return new Source(Zoo.build(modelOrFile), null);
  }

  private static Path existing(String file) {
    Path p = Path.of(file);
    if (!Files.isRegularFile(p)) {
      throw new UncheckedIOException(new NoSuchFileException(file));
    }
    return p;
  }

  private static boolean looksLikePath(String s) {
    return s.contains("/") || s.contains(java.io.File.separator) || s.endsWith(".sir");
  }
}
