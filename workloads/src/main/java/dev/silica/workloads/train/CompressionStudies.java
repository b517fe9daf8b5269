package dev.silica.workloads.train;

import dev.silica.workloads.compress.CompressionProfile;
import dev.silica.workloads.compress.StorageReport;
import dev.silica.workloads.train.AccuracyStudies.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The retraining studies of {@code silica accuracy}: pruning with and without retraining, weight
 * sharing with and without centroid fine-tuning, the Deep Compression pipeline with its storage,
 * and Dense-Sparse-Dense training against plain training. The recipes are {@link Retraining}'s;
 * each study returns {@link Row}s (accuracy against the input model's FP32 accuracy).
 *
 * <h2>Storage (Deep Compression)</h2>
 *
 * <p>Bits per stage come from {@link StorageReport}'s accounting applied to the model's actual
 * weights (no re-pruning, no re-clustering): each weight tensor flattened to one stream of {@code
 * idx}-bit relative indexes with filler zeros, and
 *
 * <pre>
 *   dense        32·n
 *   pruned       e·(32 + idx)                 e = non-zeros + fillers
 *   P+Q          e·(b + idx) + 2^b·32         b-bit cluster index per entry, 32-bit codebook
 *   P+Q+H        Huffman(cluster symbols and filler) + Huffman(relative indexes) + 2^b·32
 * </pre>
 *
 * <p>Biases and the S2/S4 coefficients (every parameter that is not a weight) stay dense, 32 bits
 * each, in every stage. {@code ratio} is dense bits over the stage's bits, all parameters counted;
 * {@code ratioWeightsOnly} counts the weight tensors only (DC's convention for its tables).
 */
public final class CompressionStudies {
  private CompressionStudies() {}

  /** Relative-index bits of the storage accounting (DC Table 2's LeNet-5 uses 5). */
  public static final int INDEX_BITS = 5;

  /** Study names, as {@code silica accuracy --study} takes them. */
  public static final String RETRAIN_PRUNING = "retrain-pruning";

  public static final String SHARING_FINETUNE = "sharing-finetune";
  public static final String DEEP_COMPRESSION = "deep-compression";
  public static final String DSD = "dsd";

  /**
   * Pruning to each of {@code sparsities} (increasing) one-shot from {@code net} without
   * retraining, and iteratively with retraining (one {@link Retraining#iterativePruning} run
   * through all of them, so the row at 90% has been through the 50%, 70%, ... steps); three rows
   * per sparsity: without retraining, pruned before this step's retraining, with retraining. {@code
   * net} is not modified.
   */
  public static List<Row> retrainPruning(
      TrainableGraph net,
      Dataset train,
      Dataset test,
      List<Double> sparsities,
      Retraining.Recipe recipe,
      Trainer.Listener listener) {
    double base = AccuracyStudies.accuracy(net, test, recipe.threads());
    TrainableGraph copy = copy(net);
    List<Retraining.PruneStep> steps =
        Retraining.iterativePruning(copy, train, test, sparsities, recipe, listener, null);
    List<Row> rows = new ArrayList<>();
    for (Retraining.PruneStep s : steps) {
      TrainableGraph oneShot = copy(net);
      Retraining.magnitudeMasks(oneShot, Retraining.keepRatios(oneShot, s.targetSparsity()), null)
          .apply(oneShot);
      String p = percent(s.targetSparsity());
      rows.add(
          new Row(
              RETRAIN_PRUNING,
              p + " without retraining",
              AccuracyStudies.accuracy(oneShot, test, recipe.threads()),
              base));
      rows.add(
          new Row(RETRAIN_PRUNING, p + " iterative before retraining", s.prunedAccuracy(), base));
      rows.add(new Row(RETRAIN_PRUNING, p + " with retraining", s.retrainedAccuracy(), base));
    }
    return rows;
  }

  /**
   * k-means weight sharing of every weight tensor at each of {@code bits}, before and after
   * centroid fine-tuning ({@link Retraining.Shared}); each width starts from {@code net} (not
   * modified).
   */
  public static List<Row> sharingFineTune(
      TrainableGraph net,
      Dataset train,
      Dataset test,
      List<Integer> bits,
      Retraining.Recipe recipe,
      Trainer.Listener listener) {
    double base = AccuracyStudies.accuracy(net, test, recipe.threads());
    List<Row> rows = new ArrayList<>();
    for (int b : bits) {
      TrainableGraph s = copy(net);
      Retraining.Shared shared = Retraining.share(s, b, null);
      double before = AccuracyStudies.accuracy(s, test, recipe.threads());
      double after =
          Retraining.last(Retraining.fineTune(s, shared, train, test, recipe, 0, listener), before);
      rows.add(new Row(SHARING_FINETUNE, b + " bits k-means", before, base));
      rows.add(new Row(SHARING_FINETUNE, b + " bits fine-tuned", after, base));
    }
    return rows;
  }

  /** One stage of the Deep Compression pipeline ({@code name} has no comma: it is a CSV field). */
  public record Stage(
      String name,
      double accuracy,
      double sparsity,
      long bits,
      double ratio,
      double ratioWeightsOnly) {}

  /**
   * The pipeline's stages and the final (pruned, shared, fine-tuned) model.
   *
   * @param baseline the input model's accuracy
   * @param steps the pruning steps
   * @param compressed the final model (Huffman coding is lossless: its weights are the P+Q ones)
   */
  public record Pipeline(
      double baseline,
      List<Stage> stages,
      List<Retraining.PruneStep> steps,
      TrainableGraph compressed) {
    /** One row per stage. */
    public List<Row> rows() {
      List<Row> r = new ArrayList<>();
      for (Stage s : stages) {
        r.add(
            new Row(
                DEEP_COMPRESSION,
                String.format(Locale.ROOT, "%s (%.1fx)", s.name(), s.ratio()),
                s.accuracy(),
                baseline));
      }
      return r;
    }

    /** The final stage (P+Q+H). */
    public Stage last() {
      return stages.get(stages.size() - 1);
    }
  }

  /**
   * Deep Compression on {@code net} (not modified): iterative pruning with retraining through
   * {@code sparsities}, k-means sharing of the kept weights at {@code bits} with centroid
   * fine-tuning, then Huffman coding; accuracy and storage after each stage.
   */
  public static Pipeline deepCompression(
      TrainableGraph net,
      Dataset train,
      Dataset test,
      List<Double> sparsities,
      int bits,
      Retraining.Recipe recipe,
      Trainer.Listener listener) {
    double base = AccuracyStudies.accuracy(net, test, recipe.threads());
    List<Stage> stages = new ArrayList<>();
    stages.add(new Stage("fp32", base, Retraining.sparsity(net), denseBits(net), 1, 1));
    TrainableGraph c = copy(net);
    Retraining.Masked[] mask = new Retraining.Masked[1];
    List<Retraining.PruneStep> steps =
        Retraining.iterativePruning(
            c,
            train,
            test,
            sparsities,
            recipe,
            listener,
            (s, m) -> {
              mask[0] = m;
              stages.add(
                  withBits(
                      net,
                      new Stage(
                          "pruned " + percent(s.targetSparsity()) + " retrained",
                          s.retrainedAccuracy(),
                          s.sparsity(),
                          0,
                          0,
                          0),
                      storage(c, bits, Column.PRUNED)));
            });
    Retraining.Shared shared = Retraining.share(c, bits, mask[0]);
    double kmeans = AccuracyStudies.accuracy(c, test, recipe.threads());
    long[] pq = storage(c, bits, Column.PQ);
    stages.add(
        withBits(
            net,
            new Stage(bits + "-bit shared k-means", kmeans, Retraining.sparsity(c), 0, 0, 0),
            pq));
    double tuned =
        Retraining.last(
            Retraining.fineTune(c, shared, train, test, recipe, sparsities.size(), listener),
            kmeans);
    stages.add(
        withBits(
            net,
            new Stage(bits + "-bit shared fine-tuned", tuned, Retraining.sparsity(c), 0, 0, 0),
            storage(c, bits, Column.PQ)));
    stages.add(
        withBits(
            net,
            new Stage("+ Huffman", tuned, Retraining.sparsity(c), 0, 0, 0),
            storage(c, bits, Column.PQH)));
    return new Pipeline(base, stages, steps, c);
  }

  /** Rows of a {@link Retraining#dsd} run. */
  public static List<Row> dsd(
      TrainableGraph net,
      Dataset train,
      Dataset test,
      double sparsity,
      Retraining.Recipe recipe,
      Trainer.Listener listener) {
    Retraining.DsdResult r = Retraining.dsd(net, train, test, sparsity, recipe, listener);
    int e = recipe.epochs();
    String p = percent(sparsity);
    return List.of(
        new Row(DSD, "dense (start)", r.dense(), r.dense()),
        new Row(DSD, "pruned " + p + " (no retraining)", r.pruned(), r.dense()),
        new Row(DSD, "sparse " + p + " +" + e + " epochs", r.sparse(), r.dense()),
        new Row(DSD, "dsd re-dense +" + 2 * e + " epochs", r.redense(), r.dense()),
        new Row(DSD, "plain +" + e + " epochs", r.controlFirst(), r.dense()),
        new Row(DSD, "plain +" + 2 * e + " epochs", r.control(), r.dense()));
  }

  private enum Column {
    PRUNED,
    PQ,
    PQH
  }

  /**
   * {@code {bits, weightBits}}: the storage of {@code net}'s parameters in {@code column}, all
   * parameters and weight tensors only.
   */
  private static long[] storage(TrainableGraph net, int bits, Column column) {
    long weights = 0;
    int[] ws = Retraining.weightSlots(net);
    for (int p : ws) {
      float[] w = net.shared[p];
      StorageReport.LayerReport l =
          column == Column.PRUNED
              ? StorageReport.layer(
                  net.name(p),
                  w,
                  0,
                  new CompressionProfile.LayerSpec(
                      Math.max(1e-9, nonZeros(w) / (double) w.length), bits, INDEX_BITS),
                  0)
              : StorageReport.sharedLayer(net.name(p), w, 0, bits, INDEX_BITS);
      weights +=
          switch (column) {
            case PRUNED -> l.prunedBits();
            case PQ -> l.pqBits();
            case PQH -> l.pqhBits();
          };
    }
    return new long[] {weights + 32 * otherParameters(net), weights};
  }

  private static Stage withBits(TrainableGraph net, Stage s, long[] bits) {
    long dense = denseBits(net);
    long denseWeights = dense - 32 * otherParameters(net);
    return new Stage(
        s.name(),
        s.accuracy(),
        s.sparsity(),
        bits[0],
        (double) dense / bits[0],
        (double) denseWeights / bits[1]);
  }

  private static long denseBits(TrainableGraph net) {
    return 32 * net.parameterCount();
  }

  private static long otherParameters(TrainableGraph net) {
    long n = net.parameterCount();
    for (int p : Retraining.weightSlots(net)) {
      n -= net.size[p];
    }
    return n;
  }

  private static int nonZeros(float[] w) {
    int n = 0;
    for (float v : w) {
      n += v != 0f ? 1 : 0;
    }
    return n;
  }

  static TrainableGraph copy(TrainableGraph net) {
    return net.withParameters(net.parameterValues());
  }

  static String percent(double r) {
    return String.format(Locale.ROOT, "%.0f%%", 100 * r);
  }
}
