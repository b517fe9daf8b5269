package dev.silica.cli;

import dev.silica.workloads.compress.CompressionProfile;
import dev.silica.workloads.compress.StorageReport;
import dev.silica.workloads.exec.SeededInit;
import dev.silica.workloads.exec.Weights;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.Shape;
import dev.silica.workloads.onnx.ImportedModel;
import dev.silica.workloads.onnx.OnnxImporter;
import dev.silica.workloads.zoo.Zoo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code silica compress MODEL --profile deep-compression}: the Deep Compression storage report
 * (pruning, k-means weight sharing, relative-index sparse storage, Huffman coding) per layer and in
 * total, on seeded weights.
 */
@Command(
    name = "compress",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Prunes, quantizes (k-means weight sharing) and Huffman-codes a zoo model's seeded weights"
          + " with a published profile, and prints the storage per layer and in total with the"
          + " compression ratios (P+Q and P+Q+H)."
    })
final class CompressCommand implements Runnable {
  private static final String DEEP_COMPRESSION = "deep-compression";

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "MODEL", description = "A zoo model that the profile covers.")
  String model;

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      defaultValue = DEEP_COMPRESSION,
      description =
          "The compression profile (default: ${DEFAULT-VALUE}: the per-layer pruning ratios and"
              + " bit widths of Han et al., ICLR 2016).")
  String profile;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "2016",
      description = "Seed of the weights (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--weights",
      paramLabel = "FILE.onnx",
      description =
          "Trained weights of the same model as ONNX (e.g. from silica train); by value name,"
              + " over the seeded ones.")
  Path weights;

  @Override
  public void run() {
    if (!profile.equals(DEEP_COMPRESSION)) {
      throw new CliException(
          "--profile: unknown profile '"
              + profile
              + "' (expected one of: "
              + DEEP_COMPRESSION
              + ")");
    }
    String name = Zoo.model(model).name(); // unknown models fail listing the zoo
    if (!CompressionProfile.DEEP_COMPRESSION_MODELS.contains(name)) {
      throw new CliException(
          String.format(
              Locale.ROOT,
              "%s: the %s profile covers only %s (the networks of the paper's tables)",
              name,
              DEEP_COMPRESSION,
              String.join(", ", CompressionProfile.DEEP_COMPRESSION_MODELS)));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (weights == null) {
      out.print(StorageReport.deepCompression(name, seed).toTable());
    } else {
      Graph g = Zoo.build(name);
      Weights w = trained(g, weights, seed);
      out.println("weights: " + weights + " (trained)");
      out.print(StorageReport.of(g, CompressionProfile.deepCompression(name), w, seed).toTable());
    }
    out.flush();
  }

  /** Every initializer of {@code file} by name; seeded weights of {@code g} for the rest. */
  static Weights trained(Graph g, Path file, long seed) {
    if (!java.nio.file.Files.isRegularFile(file)) {
      throw new java.io.UncheckedIOException(
          new java.nio.file.NoSuchFileException(file.toString()));
    }
    ImportedModel m = OnnxImporter.read(file);
    Weights w = SeededInit.forGraph(g, seed, id -> !m.initializers().containsKey(id));
    m.initializers()
        .forEach((id, d) -> {
          if (!g.values().stream().anyMatch(v -> v.id().equals(id) && v.isInitializer())) {
            throw new CliException(file + ": '" + id.name() + "' is not a weight of " + g.name());
          }
          Shape shape = g.type(id).shape();
          if (d.toTensor().size() != shape.size()) {
            throw new CliException(
                file + ": '" + id.name() + "' must have shape " + shape + ", got " + d.dims());
          }
          w.put(id, d.toTensor().reshape(shape));
        });
    return w;
  }
}
