package dev.silica.cli;

import dev.silica.workloads.train.AccuracyStudies;
import dev.silica.workloads.train.AccuracyStudies.Row;
import dev.silica.workloads.train.CompressionStudies;
import dev.silica.workloads.train.Dataset;
import dev.silica.workloads.train.Retraining;
import dev.silica.workloads.train.TrainableGraph;
import dev.silica.workloads.train.Trainer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code silica accuracy MODEL.onnx --study NAME}: accuracy of a trained Fashion-MNIST classifier
 * under number formats, pruning, weight sharing and FGSM attacks, its activation sparsity, and its
 * first-layer filters; see {@link AccuracyStudies} for the exact recipes.
 */
@Command(
    name = "accuracy",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Measures a trained classifier (e.g. from 'silica train') on the Fashion-MNIST test set"
          + " under the efficient methods: number formats, pruning, k-means weight sharing, FGSM"
          + " adversarial examples, activation sparsity, and draws its first-layer filters.",
      "Studies that retrain (retrain-pruning, sharing-finetune, deep-compression, dsd) run only"
          + " when named; --epochs sets the retraining per phase."
    })
final class AccuracyCommand implements Runnable {
  static final List<String> STUDIES =
      List.of("formats", "pruning", "sharing", "fgsm", "sparsity", "filters", "all");

  /**
   * Studies that retrain (minutes per epoch on LeNet-5): run only when named, not by {@code all}.
   */
  static final List<String> RETRAINING_STUDIES =
      List.of(
          CompressionStudies.RETRAIN_PRUNING,
          CompressionStudies.SHARING_FINETUNE,
          CompressionStudies.DEEP_COMPRESSION,
          CompressionStudies.DSD);

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "MODEL", description = "A trained model (.onnx, all initializers).")
  Path model;

  @Option(
      names = "--study",
      defaultValue = "all",
      paramLabel = "NAME",
      description =
          "formats, pruning, sharing, fgsm, sparsity, filters or all (default); studies that"
              + " retrain (not part of all): retrain-pruning (50..95% with and without"
              + " iterative retraining), sharing-finetune (k-means 2..8 bits with and without"
              + " centroid fine-tuning), deep-compression (prune 50/70/80/90% with retraining,"
              + " 5-bit sharing with fine-tuning, Huffman: accuracy and storage ratio per"
              + " stage), dsd (Dense-Sparse-Dense vs as many epochs of plain training).")
  String study;

  @Option(
      names = "--epochs",
      defaultValue = "1",
      paramLabel = "N",
      description =
          "Retraining studies: epochs per retraining phase (each pruning step, each"
              + " fine-tuning, each DSD phase); default: ${DEFAULT-VALUE}.")
  int epochs;

  @Option(
      names = "--retrain-lr",
      defaultValue = "1e-4",
      paramLabel = "R",
      description = "Retraining studies: Adam learning rate (default: ${DEFAULT-VALUE}).")
  float retrainLr;

  @Option(
      names = "--train-limit",
      paramLabel = "N",
      description = "Retraining studies: retrain on the first N training images only.")
  Integer trainLimit;

  @Option(
      names = "--save",
      paramLabel = "FILE.onnx",
      description = "deep-compression: write the pruned, shared, fine-tuned model as ONNX.")
  Path save;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Fashion-MNIST directory.")
  Path dataDir;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "Use the first N test images only (quick runs).")
  Integer limit;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads.")
  Integer threads;

  @Option(
      names = {"-r", "--report"},
      paramLabel = "DIR",
      description = "Write <study>.csv files (and filters.png) into DIR.")
  Path report;

  @Override
  public void run() {
    if (!STUDIES.contains(study) && !RETRAINING_STUDIES.contains(study)) {
      throw new CliException(
          "--study: unknown study '"
              + study
              + "' (expected one of: "
              + String.join(", ", STUDIES)
              + ", "
              + String.join(", ", RETRAINING_STUDIES)
              + ")");
    }
    checkRetrainingOptions();
    if (!Files.isRegularFile(model)) {
      throw new UncheckedIOException(new java.nio.file.NoSuchFileException(model.toString()));
    }
    TrainableGraph net = TrainableGraph.load(model);
    Path dir = dataDir == null ? Dataset.FASHION_MNIST_DIR : dataDir;
    Dataset train = Dataset.fashionMnist(dir, Dataset.Split.TRAIN);
    Dataset test = Dataset.fashionMnist(dir, Dataset.Split.TEST);
    if (limit != null) {
      test = test.head(limit);
    }
    int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    PrintWriter out = spec.commandLine().getOut();
    boolean all = study.equals("all");
    double base = AccuracyStudies.accuracy(net, test, t);
    out.printf(
        Locale.ROOT,
        "%s on %s (%,d images): FP32 accuracy %.2f%%%n",
        net.graph().name(),
        test.name(),
        test.count(),
        100 * base);
    if (all || study.equals("formats")) {
      rows(out, "formats", AccuracyStudies.formats(net, train, test, t));
    }
    if (all || study.equals("pruning")) {
      rows(
          out, "pruning", AccuracyStudies.pruning(net, test, List.of(0.5, 0.7, 0.8, 0.9, 0.95), t));
    }
    if (all || study.equals("sharing")) {
      rows(
          out,
          "sharing",
          AccuracyStudies.weightSharing(net, test, List.of(2, 3, 4, 5, 6, 8), 1, t));
    }
    if (all || study.equals("fgsm")) {
      List<Double> eps = List.of(0.0, 0.01, 0.02, 0.05, 0.1);
      double[] maxAbs = AccuracyStudies.calibrate(net, train, t);
      List<Row> r = new ArrayList<>(AccuracyStudies.fgsm("fp32", net, test, eps, base));
      r.addAll(
          AccuracyStudies.fgsm(
              "int8", AccuracyStudies.quantized(net, "int8-per-channel", maxAbs), test, eps, base));
      r.addAll(
          AccuracyStudies.fgsm(
              "ternary", AccuracyStudies.quantized(net, "ternary", maxAbs), test, eps, base));
      r.addAll(
          AccuracyStudies.fgsm("pruned-90%", AccuracyStudies.pruned(net, 0.9), test, eps, base));
      rows(out, "fgsm", r);
    }
    if (all || study.equals("sparsity")) {
      Map<String, Double> s = AccuracyStudies.activationSparsity(net, test);
      StringBuilder csv = new StringBuilder("value,zero_fraction\n");
      out.println("activation sparsity (fraction of zeros):");
      s.forEach((k, v) -> {
        out.printf(Locale.ROOT, "  %-24s %6.2f%%%n", k, 100 * v);
        csv.append(k).append(',').append(String.format(Locale.ROOT, "%.6f", v)).append('\n');
      });
      write("sparsity.csv", csv.toString());
    }
    if ((all || study.equals("filters")) && report != null) {
      try {
        Files.createDirectories(report);
        javax.imageio.ImageIO.write(
            AccuracyStudies.firstLayerFilters(net, 8),
            "png",
            report.resolve("filters.png").toFile());
        out.println("wrote " + report.resolve("filters.png"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (RETRAINING_STUDIES.contains(study)) {
      retrainingStudy(out, net, train, test, t);
    }
    out.flush();
  }

  // --- retraining studies (retrain-pruning, sharing-finetune, deep-compression, dsd) ---

  private void checkRetrainingOptions() {
    if (epochs < 0) {
      throw new CliException("--epochs: must be >= 0, got " + epochs);
    }
    if (!(retrainLr > 0)) {
      throw new CliException("--retrain-lr: must be > 0, got " + retrainLr);
    }
    if (trainLimit != null && trainLimit < 1) {
      throw new CliException("--train-limit: must be >= 1, got " + trainLimit);
    }
    if (save != null && !study.equals(CompressionStudies.DEEP_COMPRESSION)) {
      throw new CliException("--save: only with --study deep-compression, got --study " + study);
    }
  }

  private void retrainingStudy(
      PrintWriter out, TrainableGraph net, Dataset train, Dataset test, int t) {
    Dataset tr = trainLimit == null ? train : train.head(trainLimit);
    Retraining.Recipe recipe = new Retraining.Recipe(epochs, 64, retrainLr, 1, t);
    out.printf(
        Locale.ROOT,
        "retraining on %s (%,d images): %d epoch(s) per phase, batch 64, adam(lr=%s), seed 1%n",
        tr.name(),
        tr.count(),
        epochs,
        retrainLr);
    out.flush();
    Trainer.Listener progress =
        new Trainer.Listener() {
          @Override
          public void epoch(Trainer.Epoch e) {
            out.printf(
                Locale.ROOT,
                "  retrained epoch %d: loss %.4f  train accuracy %.2f%%  test accuracy %.2f%%  %.1f s%n",
                e.epoch(),
                e.trainLoss(),
                100 * e.trainAccuracy(),
                100 * e.testAccuracy(),
                e.seconds());
            out.flush();
          }
        };
    switch (study) {
      case CompressionStudies.RETRAIN_PRUNING ->
          rows(
              out,
              study,
              CompressionStudies.retrainPruning(
                  net, tr, test, List.of(0.5, 0.7, 0.8, 0.9, 0.95), recipe, progress));
      case CompressionStudies.SHARING_FINETUNE ->
          rows(
              out,
              study,
              CompressionStudies.sharingFineTune(
                  net, tr, test, List.of(2, 3, 4, 5, 6, 8), recipe, progress));
      case CompressionStudies.DSD ->
          rows(out, study, CompressionStudies.dsd(net, tr, test, 0.5, recipe, progress));
      default -> deepCompression(out, net, tr, test, recipe, progress);
    }
  }

  private void deepCompression(
      PrintWriter out,
      TrainableGraph net,
      Dataset train,
      Dataset test,
      Retraining.Recipe recipe,
      Trainer.Listener progress) {
    CompressionStudies.Pipeline p =
        CompressionStudies.deepCompression(
            net, train, test, List.of(0.5, 0.7, 0.8, 0.9), 5, recipe, progress);
    rows(out, study, p.rows());
    StringBuilder csv =
        new StringBuilder("stage,accuracy,weight_sparsity,storage_bits,ratio,ratio_weights_only\n");
    out.printf(
        Locale.ROOT,
        "  %-32s %8s %9s %12s %8s %13s%n",
        "stage",
        "accuracy",
        "sparsity",
        "storage_bits",
        "ratio",
        "ratio_weights");
    for (CompressionStudies.Stage s : p.stages()) {
      out.printf(
          Locale.ROOT,
          "  %-32s %7.2f%% %8.2f%% %12d %7.2fx %12.2fx%n",
          s.name(),
          100 * s.accuracy(),
          100 * s.sparsity(),
          s.bits(),
          s.ratio(),
          s.ratioWeightsOnly());
      csv.append(
          String.format(
              Locale.ROOT,
              "%s,%.6f,%.6f,%d,%.4f,%.4f%n",
              s.name(),
              s.accuracy(),
              s.sparsity(),
              s.bits(),
              s.ratio(),
              s.ratioWeightsOnly()));
    }
    write("deep-compression-storage.csv", csv.toString());
    if (save != null) {
      p.compressed().save(save);
      out.println("wrote " + save);
    }
  }

  private void rows(PrintWriter out, String name, List<Row> rows) {
    out.println(name + ":");
    StringBuilder csv = new StringBuilder("study,variant,accuracy,delta_pp\n");
    for (Row r : rows) {
      out.printf(
          Locale.ROOT,
          "  %-22s %7.2f%%  %+7.2f pp%n",
          r.variant(),
          100 * r.accuracy(),
          r.deltaPp());
      csv.append(
          String.format(
              Locale.ROOT, "%s,%s,%.6f,%.4f%n", r.study(), r.variant(), r.accuracy(), r.deltaPp()));
    }
    out.flush();
    write(name + ".csv", csv.toString());
  }

  private void write(String file, String text) {
    if (report == null) {
      return;
    }
    try {
      Files.createDirectories(report);
      Files.writeString(report.resolve(file), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
