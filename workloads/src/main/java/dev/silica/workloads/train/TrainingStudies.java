package dev.silica.workloads.train;

import dev.silica.workloads.train.AccuracyStudies.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Accuracy studies that train: trained ternary quantization, mixed-precision training, distillation
 * and adversarial training, each against its baseline with the same budget. Every study is
 * deterministic for its seed (any thread count) and returns {@link Row}s; a row's {@code baseline}
 * is the accuracy the study compares against (stated per study).
 *
 * <p>Recipes (batch 64 throughout; the optimizers are stated per study):
 *
 * <ul>
 *   <li><b>ttq</b>: {@link Ttq} fine-tunes the given FP32 model for {@code epochs} epochs (Adam,
 *       default learning rate {@value #TTQ_LR}, for latent weights and scales, {@code t} = {@value
 *       Ttq#PAPER_THRESHOLD}); rows: FP32, TWN post-training, and TTQ after each epoch; baseline
 *       FP32.
 *   <li><b>mixed-precision</b>: {@link MixedPrecision} trains a zoo model from seeded
 *       initialization three ways with SGD (momentum 0.9, lr {@value #MP_LR}): FP32; FP16 with FP32
 *       master weights and dynamic loss scaling; FP16 without master weights (same loss scaling);
 *       rows: test accuracy after each epoch; baseline the FP32 run's final accuracy.
 *   <li><b>distillation</b>: {@link Distillation}: the given model is the teacher; a zoo student
 *       from seeded initialization trains on soft targets (temperature T, weight α) and, with the
 *       same seed and budget, on hard labels (Adam 0.001); rows per epoch; baseline the teacher.
 *   <li><b>adversarial</b>: {@link Adversarial} fine-tunes the given model with half of each
 *       minibatch replaced by FGSM examples (ε = {@value #ADV_EPS}, Adam, default {@value
 *       #ADV_LR}); rows: FGSM accuracy vs ε (ε = 0 is clean accuracy) for the given model, the
 *       fine-tuned one, and the given model's int8, ternary (TWN; TTQ when given) and 50% pruned
 *       versions; baseline the given model's clean accuracy.
 * </ul>
 */
public final class TrainingStudies {
  private TrainingStudies() {}

  /** Adam learning rate of TTQ fine-tuning (latent weights and scales). */
  public static final float TTQ_LR = 1e-3f;

  /** SGD learning rate of the mixed-precision runs. */
  public static final float MP_LR = 0.001f;

  /** Adam learning rate of adversarial (and clean) fine-tuning. */
  public static final float ADV_LR = 1e-4f;

  /** Adam learning rate of the distillation students (as the fixture's training). */
  public static final float DISTILL_LR = 1e-3f;

  /** FGSM ε (pixel scale) of adversarial training. */
  public static final double ADV_EPS = 0.1;

  /** Minibatch size of every study. */
  public static final int BATCH = 64;

  /** A study's rows and the model it trained last. */
  public record Result(
      List<Row> rows, TrainableGraph trained, List<Trainer.Epoch> epochs, List<String> notes) {}

  /** Copy of {@code net} with its own parameter arrays. */
  static TrainableGraph copy(TrainableGraph net) {
    return net.withParameters(net.parameterValues());
  }

  /**
   * TTQ fine-tuning of a copy of {@code fp32} for {@code epochs} epochs with Adam at {@code lr}
   * (latent weights and scales; {@link #TTQ_LR} by default); the result's model holds the ternary
   * weights.
   */
  public static Result ttq(
      TrainableGraph fp32,
      Dataset train,
      Dataset test,
      int epochs,
      float lr,
      long seed,
      int threads,
      Trainer.Listener listener) {
    double base = AccuracyStudies.accuracy(fp32, test, threads);
    List<Row> rows = new ArrayList<>();
    rows.add(new Row("ttq", "fp32", base, base));
    double[] max = AccuracyStudies.calibrate(fp32, train, threads);
    rows.add(
        new Row(
            "ttq",
            "twn post-training",
            AccuracyStudies.accuracy(
                AccuracyStudies.quantized(fp32, "ternary", max), test, threads),
            base));
    TrainableGraph net = copy(fp32);
    Ttq regime = new Ttq(net, Ttq.PAPER_THRESHOLD, new Optimizer.Adam(lr));
    rows.add(
        new Row(
            "ttq", "ttq initial (epoch 0)", AccuracyStudies.accuracy(net, test, threads), base));
    List<Trainer.Epoch> ep;
    try (Trainer tr = new Trainer(net, threads)) {
      ep =
          tr.train(
              train,
              test,
              new Optimizer.Adam(lr),
              new Trainer.Config(epochs, BATCH, seed, threads),
              listener,
              regime);
    }
    for (Trainer.Epoch e : ep) {
      rows.add(new Row("ttq", "ttq epoch " + e.epoch(), e.testAccuracy(), base));
    }
    List<String> notes = new ArrayList<>();
    for (int j = 0; j < regime.layers(); j++) {
      notes.add(
          String.format(
              Locale.ROOT,
              "%s: Wp %.5f, Wn %.5f",
              net.name(regime.slots()[j]),
              regime.wp(j),
              regime.wn(j)));
    }
    return new Result(rows, net, ep, notes);
  }

  /**
   * Mixed-precision training of zoo model {@code model} from seeded initialization: FP32, FP16 with
   * FP32 master weights and dynamic loss scaling, and FP16 without master weights (same loss
   * scaling), SGD (momentum 0.9) at {@code lr} for {@code epochs} epochs each, same seed.
   */
  public static Result mixedPrecision(
      String model,
      Dataset train,
      Dataset test,
      int epochs,
      float lr,
      long seed,
      int threads,
      Trainer.Listener listener) {
    List<Row> rows = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    String[] names = {"fp32", "fp16 master weights + loss scaling", "fp16 no master weights"};
    double base = Double.NaN;
    TrainableGraph last = null;
    List<Trainer.Epoch> lastEpochs = null;
    List<List<Trainer.Epoch>> all = new ArrayList<>();
    for (int r = 0; r < names.length; r++) {
      dev.silica.workloads.ir.Graph g = dev.silica.workloads.zoo.Zoo.build(model);
      TrainableGraph net =
          new TrainableGraph(g, dev.silica.workloads.exec.SeededInit.forGraph(g, seed));
      MixedPrecision mp =
          r == 0
              ? null
              : new MixedPrecision(
                  net,
                  r == 1 ? MixedPrecision.Mode.MASTER : MixedPrecision.Mode.NO_MASTER,
                  MP_LOSS_SCALE);
      List<Trainer.Epoch> ep;
      try (Trainer tr = new Trainer(net, threads)) {
        ep =
            tr.train(
                train,
                test,
                new Optimizer.Sgd(lr, 0.9f, 0f),
                new Trainer.Config(epochs, BATCH, seed, threads),
                listener,
                mp == null ? Trainer.PLAIN : mp);
      }
      all.add(ep);
      if (r == 0) {
        base = ep.get(ep.size() - 1).testAccuracy();
      }
      if (mp != null) {
        notes.add(
            String.format(
                Locale.ROOT,
                "%s: %.1f%% of weight updates rounded away in FP16 storage, %d steps skipped"
                    + " for overflow, final loss scale %.0f",
                names[r],
                100 * mp.lostUpdateFraction(),
                mp.skippedSteps(),
                mp.scale()));
      }
      last = net;
      lastEpochs = ep;
    }
    notes.add(
        0,
        String.format(
            Locale.ROOT,
            "model %s (%,d parameters) from seed %d, SGD lr %s momentum 0.9, initial loss scale"
                + " %.0f",
            model,
            last.parameterCount(),
            seed,
            lr,
            MP_LOSS_SCALE.initial()));
    for (int r = 0; r < names.length; r++) {
      for (Trainer.Epoch e : all.get(r)) {
        rows.add(
            new Row("mixed-precision", names[r] + " epoch " + e.epoch(), e.testAccuracy(), base));
      }
    }
    return new Result(rows, last, lastEpochs, notes);
  }

  /**
   * Dynamic loss scaling of the mixed-precision study: start at 2^15, halve on overflow, double
   * after 1,000 finite steps (our choice of the paper's "chosen number of iterations").
   */
  public static final MixedPrecision.LossScale MP_LOSS_SCALE =
      new MixedPrecision.LossScale(32768f, true, 1000);

  /**
   * Distillation temperature and soft-term weight: our choice from a one-epoch pilot on the first
   * 6,000 training images (1,000 test images; hard labels 61.9%; T=1 α=0.9 61.3%, T=2 α=0.7 55.0%,
   * T=4 α=0.5 54.2%, T=4 α=0.9 50.7%): a soft teacher slows the first epoch, so a short budget
   * takes a low temperature. Hinton et al. used higher T with longer training.
   */
  public static final float DISTILL_T = 2f;

  /** See {@link #DISTILL_T}. */
  public static final float DISTILL_ALPHA = 0.7f;

  /**
   * Distillation: {@code teacher} teaches zoo model {@code student} from seeded initialization
   * (soft targets at {@link #DISTILL_T}, weight {@link #DISTILL_ALPHA}); the same student, seed and
   * budget trains on hard labels only; Adam at {@code lr}.
   */
  public static Result distillation(
      TrainableGraph teacher,
      String student,
      Dataset train,
      Dataset test,
      int epochs,
      float lr,
      long seed,
      int threads,
      Trainer.Listener listener) {
    double base = AccuracyStudies.accuracy(teacher, test, threads);
    List<Row> rows = new ArrayList<>();
    rows.add(new Row("distillation", "teacher", base, base));
    float[] logits = Distillation.logits(teacher, train, threads);
    TrainableGraph last = null;
    List<Trainer.Epoch> lastEpochs = null;
    String[] names = {"student hard labels", "student distilled"};
    for (int r = 0; r < 2; r++) {
      dev.silica.workloads.ir.Graph g = dev.silica.workloads.zoo.Zoo.build(student);
      TrainableGraph net =
          new TrainableGraph(g, dev.silica.workloads.exec.SeededInit.forGraph(g, seed));
      Trainer.Regime regime =
          r == 0
              ? Trainer.PLAIN
              : new Distillation(logits, net.classes(), DISTILL_T, DISTILL_ALPHA);
      try (Trainer tr = new Trainer(net, threads)) {
        lastEpochs =
            tr.train(
                train,
                test,
                new Optimizer.Adam(lr),
                new Trainer.Config(epochs, BATCH, seed, threads),
                listener,
                regime);
      }
      for (Trainer.Epoch e : lastEpochs) {
        rows.add(new Row("distillation", names[r] + " epoch " + e.epoch(), e.testAccuracy(), base));
      }
      last = net;
    }
    List<String> notes =
        List.of(
            String.format(
                Locale.ROOT,
                "teacher %s (%,d parameters), student %s (%,d parameters), T=%.1f alpha=%.2f",
                teacher.graph().name(),
                teacher.parameterCount(),
                student,
                last.parameterCount(),
                DISTILL_T,
                DISTILL_ALPHA));
    return new Result(rows, last, lastEpochs, notes);
  }

  /**
   * Pruning ratio (percent) of the adversarial study's pruned variant: without retraining, LeNet-5
   * keeps useful accuracy only at light pruning (the fixture: 74.6% at 50%, 5.0% at 90% on the
   * first 1,000 test images), so the sweep uses 50%.
   */
  public static final int PRUNE_PCT = 50;

  /** The FGSM ε values (pixel scale) of the adversarial study. */
  public static final List<Double> FGSM_EPS = List.of(0.0, 0.02, 0.05, 0.1, 0.2);

  /**
   * Adversarial fine-tuning of a copy of {@code net} ({@link Adversarial}, ε = {@link #ADV_EPS},
   * Adam at {@code lr}); then FGSM sweeps over {@link #FGSM_EPS} on the given model, the
   * adversarially fine-tuned one, and the given model's int8 (per channel), TWN ternary and {@link
   * #PRUNE_PCT}% pruned (no retraining) versions, and on {@code ttq} when not null.
   */
  public static Result adversarial(
      TrainableGraph net,
      TrainableGraph ttq,
      Dataset train,
      Dataset test,
      int epochs,
      float lr,
      long seed,
      int threads,
      Trainer.Listener listener) {
    double base = AccuracyStudies.accuracy(net, test, threads);
    TrainableGraph adv = copy(net);
    List<Trainer.Epoch> ep;
    try (Trainer tr = new Trainer(adv, threads)) {
      ep =
          tr.train(
              train,
              test,
              new Optimizer.Adam(lr),
              new Trainer.Config(epochs, BATCH, seed, threads),
              listener,
              new Adversarial(ADV_EPS, train.mean(), train.std()));
    }
    double[] max = AccuracyStudies.calibrate(net, train, threads);
    List<Row> rows = new ArrayList<>();
    rows.addAll(fgsm("fp32", net, test, FGSM_EPS, base, threads));
    rows.addAll(fgsm("fp32 adversarially trained", adv, test, FGSM_EPS, base, threads));
    rows.addAll(
        fgsm(
            "int8",
            AccuracyStudies.quantized(net, "int8-per-channel", max),
            test,
            FGSM_EPS,
            base,
            threads));
    rows.addAll(
        fgsm(
            "ternary twn",
            AccuracyStudies.quantized(net, "ternary", max),
            test,
            FGSM_EPS,
            base,
            threads));
    if (ttq != null) {
      rows.addAll(fgsm("ternary ttq", ttq, test, FGSM_EPS, base, threads));
    }
    rows.addAll(
        fgsm(
            "pruned-" + PRUNE_PCT + "%",
            AccuracyStudies.pruned(net, PRUNE_PCT / 100.0),
            test,
            FGSM_EPS,
            base,
            threads));
    return new Result(rows, adv, ep, List.of());
  }

  /**
   * {@link AccuracyStudies#fgsm} with the test set cut into {@code threads} contiguous parts run in
   * parallel (each image's result does not depend on the others, so the counts are exact).
   */
  public static List<Row> fgsm(
      String variant,
      TrainableGraph net,
      Dataset test,
      List<Double> epsilons,
      double baseline,
      int threads) {
    int n = test.count();
    int parts = Math.max(1, Math.min(threads, n));
    List<java.util.concurrent.CompletableFuture<List<Row>>> fs = new ArrayList<>();
    int[] sizes = new int[parts];
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(parts);
    try {
      for (int p = 0; p < parts; p++) {
        int from = (int) ((long) n * p / parts);
        int to = (int) ((long) n * (p + 1) / parts);
        sizes[p] = to - from;
        Dataset part = slice(test, from, to);
        fs.add(
            java.util.concurrent.CompletableFuture.supplyAsync(
                () -> AccuracyStudies.fgsm(variant, net, part, epsilons, baseline), pool));
      }
      List<Row> out = new ArrayList<>();
      for (int e = 0; e < epsilons.size(); e++) {
        long correct = 0;
        for (int p = 0; p < parts; p++) {
          correct += Math.round(fs.get(p).join().get(e).accuracy() * sizes[p]);
        }
        out.add(
            new Row(
                "adversarial",
                variant + " eps=" + eps(epsilons.get(e)),
                (double) correct / Math.max(1, n),
                baseline));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  static Dataset slice(Dataset d, int from, int to) {
    int px = d.height() * d.width();
    return new Dataset(
        d.name() + "[" + from + ":" + to + "]",
        d.height(),
        d.width(),
        java.util.Arrays.copyOfRange(d.pixels(), from * px, to * px),
        java.util.Arrays.copyOfRange(d.labels(), from, to),
        d.classNames(),
        d.mean(),
        d.std());
  }

  static String eps(double e) {
    return String.format(Locale.ROOT, "%.2f", e);
  }
}
