package dev.silica.cli;

import dev.silica.workloads.train.Dataset;
import dev.silica.workloads.train.Optimizer;
import dev.silica.workloads.train.TrainableGraph;
import dev.silica.workloads.train.Trainer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code silica train --model lenet5 --dataset fashion-mnist --epochs N --out FILE}: trains a model
 * by backpropagation on Fashion-MNIST, printing progress, and saves it as ONNX.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Trains a zoo model (or a .sir/.onnx classifier) on Fashion-MNIST by backpropagation,"
          + " deterministically for a seed, prints loss and accuracy as it goes, and saves the"
          + " trained model as ONNX."
    })
final class TrainCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(
      names = {"-m", "--model"},
      required = true,
      paramLabel = "MODEL",
      description = "A zoo model (e.g. lenet5, lenet-300-100) or a .sir/.onnx file.")
  String model;

  @Option(
      names = "--dataset",
      defaultValue = "fashion-mnist",
      paramLabel = "NAME",
      description = "The data set (default: ${DEFAULT-VALUE}; the only one so far).")
  String dataset;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Directory of the four *-ubyte.gz files (default: Debian's"
              + " /usr/share/datasets/fashion-mnist).")
  Path dataDir;

  @Option(names = "--epochs", defaultValue = "10", paramLabel = "N", description = "Epochs.")
  int epochs;

  @Option(names = "--batch", defaultValue = "64", paramLabel = "N", description = "Minibatch.")
  int batch;

  @Option(
      names = "--optimizer",
      defaultValue = "adam",
      paramLabel = "adam|sgd",
      description = "adam (Kingma and Ba) or sgd (momentum 0.9); default: ${DEFAULT-VALUE}.")
  String optimizer;

  @Option(
      names = "--lr",
      paramLabel = "RATE",
      description = "Learning rate (default: 0.001 for adam, 0.01 for sgd).")
  Float lr;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Seed.")
  long seed;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads (default: all cores; results do not depend on it).")
  Integer threads;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "Train on the first N training examples only (quick runs).")
  Integer limit;

  @Option(
      names = {"-o", "--out"},
      required = true,
      paramLabel = "FILE",
      description = "Where to save the trained model (.onnx).")
  Path out;

  @Option(names = "--force", description = "Overwrite --out if it exists.")
  boolean force;

  @Override
  public void run() {
    if (!dataset.equals("fashion-mnist")) {
      throw new CliException(
          "--dataset: unknown data set '" + dataset + "' (expected one of: fashion-mnist)");
    }
    if (!out.getFileName().toString().endsWith(".onnx")) {
      throw new CliException("--out: must name an .onnx file, got '" + out + "'");
    }
    if (Files.exists(out) && !force) {
      throw new CliException("--out: " + out + " exists (pass --force to overwrite it)");
    }
    Optimizer opt =
        switch (optimizer) {
          case "adam" -> new Optimizer.Adam(lr == null ? 1e-3f : lr);
          case "sgd" -> new Optimizer.Sgd(lr == null ? 0.01f : lr, 0.9f, 0f);
          default ->
              throw new CliException("--optimizer: must be adam or sgd, got '" + optimizer + "'");
        };
    int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    Trainer.Config cfg;
    try {
      cfg = new Trainer.Config(epochs, batch, seed, t);
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage());
    }
    Path dir = dataDir == null ? Dataset.FASHION_MNIST_DIR : dataDir;
    Dataset train = Dataset.fashionMnist(dir, Dataset.Split.TRAIN);
    Dataset test = Dataset.fashionMnist(dir, Dataset.Split.TEST);
    if (limit != null) {
      train = train.head(limit);
    }
    IrSources.Source src = IrSources.loadSource(model);
    TrainableGraph net = new TrainableGraph(src.graph(), src.weights(seed));
    PrintWriter o = spec.commandLine().getOut();
    o.printf(
        Locale.ROOT,
        "training %s (%,d parameters) on %s: %,d examples, %d epochs, batch %d, %s, seed %d,"
            + " %d threads%n",
        net.graph().name(),
        net.parameterCount(),
        train.name(),
        train.count(),
        epochs,
        batch,
        opt.describe(),
        seed,
        t);
    o.flush();
    try (Trainer trainer = new Trainer(net, t)) {
      trainer.train(train, test, opt, cfg, progress(o, epochs));
    }
    Path parent = out.toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    net.save(out);
    o.println("wrote " + out);
    o.flush();
  }

  /**
   * Progress on the terminal: a line per tenth of an epoch (running loss and accuracy) and one per
   * epoch (with test accuracy and seconds); also used by the training studies of {@code silica
   * accuracy}.
   */
  static Trainer.Listener progress(PrintWriter o, int epochs) {
    return new Trainer.Listener() {
      @Override
      public void batch(int epoch, int b, int batches, double loss, double accuracy) {
        if (b % Math.max(1, batches / 10) == 0 && b != batches) {
          o.printf(
              Locale.ROOT,
              "  epoch %d/%d  batch %d/%d  loss %.4f  train accuracy %.2f%%%n",
              epoch,
              epochs,
              b,
              batches,
              loss,
              100 * accuracy);
          o.flush();
        }
      }

      @Override
      public void epoch(Trainer.Epoch e) {
        o.printf(
            Locale.ROOT,
            "epoch %d/%d  loss %.4f  train accuracy %.2f%%  test accuracy %.2f%%  %.1f s%n",
            e.epoch(),
            epochs,
            e.trainLoss(),
            100 * e.trainAccuracy(),
            100 * e.testAccuracy(),
            e.seconds());
        o.flush();
      }
    };
  }
}
