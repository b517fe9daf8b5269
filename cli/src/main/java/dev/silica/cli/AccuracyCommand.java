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
          + " adversarial examples, activation sparsity, and draws its first-layer filters."
          + " Training studies (--study ttq, mixed-precision, distillation, adversarial) train"
          + " for --epochs and compare each recipe with its baseline.",
      "Studies that retrain (retrain-pruning, sharing-finetune, deep-compression, dsd) run only"
          + " when named; --epochs sets the retraining per phase."
    })
final class AccuracyCommand implements Runnable {
  static final List<String> STUDIES =
      List.of("formats", "pruning", "sharing", "fgsm", "sparsity", "filters", "pareto", "all");

  // Training studies (not part of "all": each trains for --epochs).
  static final List<String> TRAINING_STUDIES =
      List.of("ttq", "mixed-precision", "distillation", "adversarial");

  /**
   * Studies that retrain (minutes per epoch on LeNet-5): run only when named, not by {@code all}.
   */
  static final List<String> RETRAINING_STUDIES =
      List.of(
          CompressionStudies.RETRAIN_PRUNING,
          CompressionStudies.SHARING_FINETUNE,
          CompressionStudies.DEEP_COMPRESSION,
          CompressionStudies.DSD);

  /** Adam learning rate of the retraining studies unless {@code --lr} says otherwise. */
  static final float RETRAIN_LR = 1e-4f;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "MODEL", description = "A trained model (.onnx, all initializers).")
  Path model;

  @Option(
      names = "--study",
      defaultValue = "all",
      paramLabel = "NAME",
      description =
          "formats, pruning, sharing, fgsm, sparsity, filters, pareto (accuracy vs energy per"
              + " inference on the tpu-v1 and EIE models) or all (default); training"
              + " studies (run for --epochs): ttq (trained ternary quantization fine-tuned from"
              + " MODEL), mixed-precision (FP16 with/without FP32 master weights vs FP32, from"
              + " scratch), distillation (MODEL teaches a fresh student), adversarial (FGSM"
              + " adversarial fine-tuning of MODEL); studies that"
              + " retrain: retrain-pruning (50..95% with and without"
              + " iterative retraining), sharing-finetune (k-means 2..8 bits with and without"
              + " centroid fine-tuning), deep-compression (prune 50/70/80/90% with retraining,"
              + " 5-bit sharing with fine-tuning, Huffman: accuracy and storage ratio per"
              + " stage), dsd (Dense-Sparse-Dense vs as many epochs of plain training).")
  String study;

  @Option(
      names = "--epochs",
      paramLabel = "N",
      description =
          "Training budget: epochs of the training studies, epochs per retraining phase (each"
              + " pruning step, each fine-tuning, each DSD phase) of the retraining studies"
              + " (default: 1).")
  Integer epochs;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "N",
      description = "Seed of the training studies (default: 1).")
  long seed;

  @Option(
      names = "--lr",
      paramLabel = "R",
      description =
          "Learning rate of the training and retraining studies (default: the study's own;"
              + " Adam at 1e-4 for retraining).")
  Float lr;

  @Option(
      names = "--student",
      paramLabel = "ZOO",
      description =
          "Zoo model trained from scratch by mixed-precision (default lenet-300-100) and"
              + " distillation (default lenet5).")
  String student;

  @Option(
      names = "--ttq-model",
      paramLabel = "FILE",
      description = "A TTQ model (from --study ttq) added to the adversarial study's FGSM sweep.")
  Path ttqModel;

  @Option(
      names = "--train-limit",
      paramLabel = "N",
      description = "Train on the first N training images only (quick runs).")
  Integer trainLimit;

  @Option(
      names = "--save",
      paramLabel = "FILE.onnx",
      description = "deep-compression: write the pruned, shared, fine-tuned model as ONNX.")
  Path save;

  @Option(
      names = "--variant",
      paramLabel = "NAME=FILE.onnx",
      description =
          "pareto: add a retrained model (e.g. from --study ttq or deep-compression --save) as a"
              + " variant; repeatable.")
  Map<String, Path> extraVariants = new java.util.LinkedHashMap<>();

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
      description =
          "Write <study>.csv with its chart <study>.png/.svg (and filters.png, pareto.csv,"
              + " pareto.png) into DIR.")
  Path report;

  @Override
  public void run() {
    if (TRAINING_STUDIES.contains(study)) {
      new AccuracyTrainingStudies(this).run();
      return;
    }
    if (!STUDIES.contains(study) && !RETRAINING_STUDIES.contains(study)) {
      throw new CliException(
          "--study: unknown study '"
              + study
              + "' (expected one of: "
              + String.join(", ", STUDIES)
              + ", "
              + String.join(", ", TRAINING_STUDIES)
              + ", "
              + String.join(", ", RETRAINING_STUDIES)
              + ")");
    }
    checkRetrainingOptions();
    for (Map.Entry<String, Path> e : extraVariants.entrySet()) {
      if (!Files.isRegularFile(e.getValue())) {
        throw new CliException("--variant: " + e.getKey() + ": no such file: " + e.getValue());
      }
    }
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
      sparsityChart(out, s);
    }
    if (all || study.equals("pareto")) {
      pareto(out, net, train, test, t);
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
    if (epochs != null && epochs < 0) {
      throw new CliException("--epochs: must be >= 0, got " + epochs);
    }
    if (lr != null && !(lr > 0)) {
      throw new CliException("--lr: must be > 0, got " + lr);
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
    int phaseEpochs = epochs == null ? 1 : epochs;
    float retrainLr = lr == null ? RETRAIN_LR : lr;
    Retraining.Recipe recipe = new Retraining.Recipe(phaseEpochs, 64, retrainLr, seed, t);
    out.printf(
        Locale.ROOT,
        "retraining on %s (%,d images): %d epoch(s) per phase, batch 64, adam(lr=%s), seed %d%n",
        tr.name(),
        tr.count(),
        phaseEpochs,
        retrainLr,
        seed);
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

  void rows(PrintWriter out, String name, List<Row> rows) {
    out.println(name + ":");
    StringBuilder csv = new StringBuilder("study,variant,accuracy,delta_pp\n");
    int width = Math.max(22, rows.stream().mapToInt(r -> r.variant().length()).max().orElse(0));
    for (Row r : rows) {
      out.printf(
          Locale.ROOT,
          "  %-" + width + "s %7.2f%%  %+7.2f pp%n",
          r.variant(),
          100 * r.accuracy(),
          r.deltaPp());
      csv.append(
          String.format(
              Locale.ROOT, "%s,%s,%.6f,%.4f%n", r.study(), r.variant(), r.accuracy(), r.deltaPp()));
    }
    out.flush();
    write(name + ".csv", csv.toString());
    chart(out, name, rows);
  }

  /** {@code sparsity.png}/{@code .svg}: the zero fraction of each activation, as bars. */
  private void sparsityChart(PrintWriter out, Map<String, Double> zeroFraction) {
    if (report == null || zeroFraction.isEmpty()) {
      return;
    }
    Map<String, Double> pct = new java.util.LinkedHashMap<>();
    zeroFraction.forEach((k, v) -> pct.put(k, 100 * v));
    var chart =
        dev.silica.reports.charts.Charts.bars(
            "Activation sparsity on " + model.getFileName(),
            "activation (node output)",
            "zero elements (%)",
            pct);
    int width = Math.max(900, 36 * pct.size());
    try {
      Files.createDirectories(report);
      out.println(
          "wrote "
              + dev.silica.reports.charts.ChartImage.png(
                  chart, width, 560, report.resolve("sparsity.png")));
      Path svg =
          Files.writeString(
              report.resolve("sparsity.svg"),
              dev.silica.reports.charts.ChartImage.svg(chart, width, 560, "sparsity"),
              StandardCharsets.UTF_8);
      out.println("wrote " + svg);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The study's chart next to its CSV ({@link AccuracyCharts}). */
  private void chart(PrintWriter out, String name, List<Row> rows) {
    if (report == null || rows.isEmpty()) {
      return;
    }
    for (Path f : AccuracyCharts.write(report, name, rows)) {
      out.println("wrote " + f);
    }
    out.flush();
  }

  /** Accuracy vs energy per inference of each variant ({@link AccuracyEnergy}). */
  private void pareto(
      PrintWriter out, TrainableGraph net, Dataset train, Dataset test, int threads) {
    List<dev.silica.workloads.train.HardwareVariants.Variant> variants =
        new ArrayList<>(dev.silica.workloads.train.HardwareVariants.standard(net, train, threads));
    for (Map.Entry<String, Path> e : extraVariants.entrySet()) {
      variants.add(
          dev.silica.workloads.train.HardwareVariants.trained(
              e.getKey(), TrainableGraph.load(e.getValue())));
    }
    List<AccuracyEnergy.Point> points = AccuracyEnergy.measure(variants, test, threads);
    out.printf(
        Locale.ROOT,
        "pareto: energy per inference (pJ) on %s (zero-gated; whole network) and on EIE (FC layers"
            + " only, measured densities)%n",
        AccuracyEnergy.TPU_PRESET);
    out.printf(
        Locale.ROOT,
        "  %-18s %5s %5s %8s %14s %14s %14s  front%n",
        "variant",
        "wbits",
        "arith",
        "acc",
        "tpu_pj",
        "tpu_ungated_pj",
        "eie_fc_pj");
    for (AccuracyEnergy.Point p : points) {
      out.printf(
          Locale.ROOT,
          "  %-18s %5d %5s %7.2f%% %,14.0f %,14.0f %,14.0f  %s%s%n",
          p.variant(),
          p.weightBits(),
          p.arithmetic(),
          100 * p.accuracy(),
          p.tpuEnergyPj(),
          p.tpuUngatedEnergyPj(),
          p.eieFcEnergyPj(),
          p.tpuFront() ? "tpu " : "",
          p.eieFront() ? "eie" : "");
    }
    double assumed =
        AccuracyEnergy.energy(
            AccuracyEnergy.eieAssumed(points.get(0).layers())
                .run(net.graph(), dev.silica.simulator.RunOptions.defaults()));
    out.printf(
        Locale.ROOT,
        "  EIE FC layers with the plan's assumed densities (%.0f %% weights, 100 %% activations):"
            + " %,.0f pJ%n",
        100 * dev.silica.accelerators.eie.EieModel.DEFAULT_WEIGHT_DENSITY,
        assumed);
    if (report != null) {
      for (Path f : AccuracyEnergy.write(report, points)) {
        out.println("wrote " + f);
      }
    }
    out.flush();
  }

  void write(String file, String text) {
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
