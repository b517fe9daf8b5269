package dev.silica.cli;

import dev.silica.workloads.train.Dataset;
import dev.silica.workloads.train.TrainableGraph;
import dev.silica.workloads.train.Trainer;
import dev.silica.workloads.train.TrainingStudies;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The training studies of {@code silica accuracy} ({@code ttq}, {@code mixed-precision}, {@code
 * distillation}, {@code adversarial}); see {@link TrainingStudies} for the recipes. Each prints
 * progress per tenth of an epoch, its rows, writes {@code <study>.csv} (and the trained model as
 * {@code <study>.onnx}) into {@code --report}.
 */
final class AccuracyTrainingStudies {
  private final AccuracyCommand c;

  AccuracyTrainingStudies(AccuracyCommand c) {
    this.c = c;
  }

  void run() {
    if (!Files.isRegularFile(c.model)) {
      throw new UncheckedIOException(new java.nio.file.NoSuchFileException(c.model.toString()));
    }
    int epochs = c.epochs == null ? 1 : c.epochs;
    if (epochs < 1) {
      throw new CliException("--epochs: must be >= 1, got " + epochs);
    }
    TrainableGraph net = TrainableGraph.load(c.model);
    Path dir = c.dataDir == null ? Dataset.FASHION_MNIST_DIR : c.dataDir;
    Dataset train = Dataset.fashionMnist(dir, Dataset.Split.TRAIN);
    Dataset test = Dataset.fashionMnist(dir, Dataset.Split.TEST);
    if (c.limit != null) {
      test = test.head(c.limit);
    }
    if (c.trainLimit != null) {
      train = train.head(c.trainLimit);
    }
    int t = c.threads == null ? Runtime.getRuntime().availableProcessors() : c.threads;
    PrintWriter out = c.spec.commandLine().getOut();
    out.printf(
        Locale.ROOT,
        "%s study of %s: %d epochs, lr %s, seed %d, %d threads, %,d training and %,d test images%n",
        c.study,
        net.graph().name(),
        epochs,
        c.lr == null ? "default" : c.lr,
        c.seed,
        t,
        train.count(),
        test.count());
    out.flush();
    Trainer.Listener progress = TrainCommand.progress(out, epochs);
    TrainingStudies.Result r =
        switch (c.study) {
          case "ttq" ->
              TrainingStudies.ttq(
                  net, train, test, epochs, lr(TrainingStudies.TTQ_LR), c.seed, t, progress);
          case "mixed-precision" ->
              TrainingStudies.mixedPrecision(
                  student("lenet-300-100"),
                  train,
                  test,
                  epochs,
                  lr(TrainingStudies.MP_LR),
                  c.seed,
                  t,
                  progress);
          case "distillation" ->
              TrainingStudies.distillation(
                  net,
                  student("lenet5"),
                  train,
                  test,
                  epochs,
                  lr(TrainingStudies.DISTILL_LR),
                  c.seed,
                  t,
                  progress);
          case "adversarial" ->
              TrainingStudies.adversarial(
                  net,
                  c.ttqModel == null ? null : TrainableGraph.load(c.ttqModel),
                  train,
                  test,
                  epochs,
                  lr(TrainingStudies.ADV_LR),
                  c.seed,
                  t,
                  progress);
          default -> throw new CliException("--study: unknown study '" + c.study + "'");
        };
    for (String note : r.notes()) {
      out.println(note);
    }
    c.rows(out, c.study, r.rows());
    if (c.report != null && r.trained() != null) {
      try {
        Files.createDirectories(c.report);
      } catch (java.io.IOException e) {
        throw new UncheckedIOException(e);
      }
      Path f = c.report.resolve(c.study + ".onnx");
      r.trained().save(f);
      out.println("wrote " + f);
    }
    out.flush();
  }

  private float lr(float studyDefault) {
    return c.lr == null ? studyDefault : c.lr;
  }

  private String student(String studyDefault) {
    return c.student == null ? studyDefault : c.student;
  }
}
