package dev.silica.workloads.compress;

import dev.silica.numerics.compress.HuffmanCode;
import dev.silica.numerics.compress.MagnitudePruning;
import dev.silica.numerics.compress.RelativeIndexSparse;
import dev.silica.numerics.compress.WeightSharing;
import dev.silica.workloads.exec.SeededInit;
import dev.silica.workloads.exec.Weights;
import dev.silica.workloads.ir.Conv2d;
import dev.silica.workloads.ir.Gemm;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.Node;
import dev.silica.workloads.ir.ValueId;
import dev.silica.workloads.zoo.Zoo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Storage of a model's weights under Deep Compression (Han, Mao, Dally, ICLR 2016, "DC"; pruning
 * from Han et al., NIPS 2015, "LWC"; papers-inputs §3), per layer and in total.
 *
 * <h2>Pipeline per layer (conv and fully connected weights)</h2>
 *
 * <ol>
 *   <li><b>Prune</b> by magnitude to the profile's keep ratio: {@code a = round(p·n)} non-zeros
 *       ({@link MagnitudePruning#byKeepRatio}).
 *   <li><b>Sparse index</b>: the layer's weight tensor, flattened row-major, is one stream of
 *       relative indexes of {@code idx} bits with filler zeros (DC Fig. 2; {@link
 *       RelativeIndexSparse}); a zero run of {@code z} costs {@code ⌊z/2^idx⌋} fillers, so the
 *       stored entries are {@code e = a + f}. Real positions from pruning seeded weights are used;
 *       those weights are i.i.d., so the runs are geometric and {@code E[f]/a ≈ (1−p)^{2^idx}/(1 −
 *       (1−p)^{2^idx})}. Row/column pointers of CSR/CSC are not counted (DC's per-layer figures do
 *       not mention them; they would add {@code (rows+1)·32} bits, &lt; 0.1% here).
 *   <li><b>Quantize</b>: k-means with {@code k = 2^b} clusters on the kept weights ({@link
 *       WeightSharing}, linear init), codebook {@code k·32} bits.
 *   <li><b>Huffman</b>: canonical codes built on the actual symbol counts of the layer, one code
 *       for the weight indices (the {@code k} clusters plus one symbol for filler zeros) and one
 *       for the relative indexes ({@code 2^idx} symbols); payload bits exact, code tables not
 *       counted (≤ (2^b + 1 + 2^idx)·5 bits per layer).
 * </ol>
 *
 * <h2>Bits (per layer; totals are sums)</h2>
 *
 * <pre>
 *   dense   = 32·n
 *   pruned  = e·(32 + idx)                      (32-bit values, relative index)
 *   P+Q     = e·(b + idx) + 2^b·32              (each entry, fillers included: b-bit cluster index)
 *   P+Q+H   = H(weight symbols) + H(index symbols) + 2^b·32
 * </pre>
 *
 * <p><b>Biases</b> are kept dense at 32 bits in every column (added to numerator and denominator).
 * DC's per-layer "compress rate" columns and their totals cover weights only; the {@code
 * *WeightsOnly} ratios follow that convention. The effect of counting biases is small for the
 * ImageNet nets (AlexNet P+Q 25.4x vs 25.5x, VGG-16 32.1x vs 32.2x) but not for the LeNets, whose
 * compressed weights are so small that 410/580 dense biases add about 5% (LeNet-300-100 31.0x vs
 * 32.5x, LeNet-5 31.8x vs 33.1x).
 *
 * <p>The ratios of P+Q follow from keep ratios, bit widths and index overhead alone (the weight
 * values matter only through the positions, which for i.i.d. weights are uniformly random).
 *
 * <h2>Huffman on seeded weights</h2>
 *
 * <p>Huffman gains depend on the weight distribution. Seeded weights are uniform on {@code
 * ±1/√fan_in} (PyTorch's default init), so magnitude pruning to a keep ratio {@code p} leaves two
 * narrow bands {@code [(1−p)·B, B]} at the ends of the range, while trained weights are peaked
 * around zero with long tails (DC Fig. 5). With DC's linear init (centroids evenly over {@code
 * [min, max]}), only the centroids falling into the bands get members ({@code usedClusters}: 4 of
 * 32 in AlexNet's fc6), so the weight symbols have a low entropy and Huffman shrinks them far below
 * {@code b} bits; this is an artefact of the hard edges of the uniform distribution, not DC's
 * mechanism. {@code pqhDensityBits} repeats the Huffman column with density (CDF) init, which
 * populates every cluster nearly equally: then the weight symbols barely compress and only the
 * geometric relative indexes do. The two figures bracket what Huffman can gain on untrained
 * weights.
 */
public final class StorageReport {
  private final String model;
  private final List<LayerReport> layers;

  private StorageReport(String model, List<LayerReport> layers) {
    this.model = model;
    this.layers = List.copyOf(layers);
  }

  /** Bits of one layer in each column. */
  public record LayerReport(
      String layer,
      long weights,
      long biases,
      long nonZeros,
      long fillers,
      int weightBits,
      int indexBits,
      long denseBits,
      long prunedBits,
      long pqBits,
      long pqhBits,
      long pqhDensityBits,
      int usedClusters,
      double huffmanWeightBitsPerEntry,
      double huffmanIndexBitsPerEntry) {
    /** Stored entries {@code a + f}. */
    public long entries() {
      return nonZeros + fillers;
    }

    /** P+Q size as a fraction of dense, weights only (DC's "Compress rate" column). */
    public double pqRate() {
      return (double) (pqBits - 32 * biases) / (denseBits - 32 * biases);
    }

    /** P+Q+H size as a fraction of dense, weights only. */
    public double pqhRate() {
      return (double) (pqhBits - 32 * biases) / (denseBits - 32 * biases);
    }
  }

  /** Totals over layers. */
  public record Totals(
      long weights,
      long biases,
      long nonZeros,
      long fillers,
      long denseBits,
      long prunedBits,
      long pqBits,
      long pqhBits,
      long pqhDensityBits) {
    /** {@code dense / x}, biases included. */
    public double ratio(long bits) {
      return (double) denseBits / bits;
    }

    public double prunedRatio() {
      return ratio(prunedBits);
    }

    public double pqRatio() {
      return ratio(pqBits);
    }

    public double pqhRatio() {
      return ratio(pqhBits);
    }

    /** P+Q+H ratio with k-means' density (CDF) init instead of linear. */
    public double pqhDensityRatio() {
      return ratio(pqhDensityBits);
    }

    /** P+Q ratio without biases. */
    public double pqRatioWeightsOnly() {
      return (double) (denseBits - 32 * biases) / (pqBits - 32 * biases);
    }

    /** P+Q+H ratio without biases. */
    public double pqhRatioWeightsOnly() {
      return (double) (denseBits - 32 * biases) / (pqhBits - 32 * biases);
    }

    /** Weight-count reduction of pruning, {@code weights / nonZeros}. */
    public double pruneRate() {
      return (double) weights / nonZeros;
    }
  }

  /** The model's name. */
  public String model() {
    return model;
  }

  /** Per-layer rows in graph order. */
  public List<LayerReport> layers() {
    return layers;
  }

  /** Sums over layers. */
  public Totals totals() {
    long n = 0, bi = 0, a = 0, f = 0, d = 0, p = 0, q = 0, h = 0, hd = 0;
    for (LayerReport l : layers) {
      n += l.weights();
      bi += l.biases();
      a += l.nonZeros();
      f += l.fillers();
      d += l.denseBits();
      p += l.prunedBits();
      q += l.pqBits();
      h += l.pqhBits();
      hd += l.pqhDensityBits();
    }
    return new Totals(n, bi, a, f, d, p, q, h, hd);
  }

  /**
   * The report of zoo model {@code model} under its deep-compression profile, on seeded weights.
   */
  public static StorageReport deepCompression(String model, long seed) {
    Graph g = Zoo.build(model);
    return of(g, CompressionProfile.deepCompression(model), SeededInit.forGraph(g, seed), seed);
  }

  /**
   * The report of every conv and fully connected layer of {@code g} (nodes with a {@link Conv2d} or
   * {@link Gemm} op and weight operand 1) under {@code profile}, on {@code weights}; {@code seed}
   * only feeds k-means' random init (unused with the linear init used here).
   */
  public static StorageReport of(Graph g, CompressionProfile profile, Weights weights, long seed) {
    List<LayerReport> rows = new ArrayList<>();
    for (Node node : g.nodes()) {
      if (!(node.op() instanceof Conv2d || node.op() instanceof Gemm)) {
        continue;
      }
      ValueId wId = node.inputs().get(1);
      if (!weights.contains(wId)) {
        continue;
      }
      long biases = 0;
      if (node.inputs().size() > 2 && weights.contains(node.inputs().get(2))) {
        biases = weights.get(node.inputs().get(2)).size();
      }
      rows.add(
          layer(node.name(), weights.get(wId).floats(), biases, profile.layer(node.name()), seed));
    }
    return new StorageReport(g.name(), rows);
  }

  /** One layer's report for weights {@code w}. */
  public static LayerReport layer(
      String name, float[] w, long biases, CompressionProfile.LayerSpec spec, long seed) {
    int b = spec.weightBits();
    int k = 1 << b;
    MagnitudePruning.Result pr = MagnitudePruning.byKeepRatio(w, spec.keepRatio());
    boolean[] mask = pr.mask();
    float[] kept = new float[pr.kept()];
    int j = 0;
    for (int i = 0; i < w.length; i++) {
      if (mask[i]) {
        kept[j++] = w[i];
      }
    }
    long[] clusterCounts = WeightSharing.cluster(kept, k, WeightSharing.Init.LINEAR, seed).counts();
    long[] densityCounts =
        WeightSharing.cluster(kept, k, WeightSharing.Init.DENSITY, seed).counts();
    return account(name, w.length, biases, mask, clusterCounts, densityCounts, b, spec.indexBits());
  }

  /**
   * One layer's report for weights that are already pruned and shared, as retraining leaves them
   * (zeros are the pruned weights, the at most {@code 2^weightBits} distinct non-zero values are
   * the clusters): the same accounting as {@link #layer} on the weights' own mask and clusters,
   * with no pruning or k-means of its own. {@code pqhDensityBits} equals {@code pqhBits} (there is
   * no second initialization to compare).
   *
   * @throws IllegalArgumentException when {@code w} has more than {@code 2^weightBits} distinct
   *     non-zero values
   */
  public static LayerReport sharedLayer(
      String name, float[] w, long biases, int weightBits, int indexBits) {
    int k = 1 << weightBits;
    boolean[] mask = new boolean[w.length];
    java.util.TreeMap<Float, Integer> clusters = new java.util.TreeMap<>();
    for (int i = 0; i < w.length; i++) {
      if (w[i] != 0f) {
        mask[i] = true;
        clusters.putIfAbsent(w[i], clusters.size());
      }
    }
    if (clusters.size() > k) {
      throw new IllegalArgumentException(
          name
              + ": "
              + clusters.size()
              + " distinct non-zero weights do not fit "
              + weightBits
              + "-bit cluster indices");
    }
    long[] counts = new long[k];
    for (float v : w) {
      if (v != 0f) {
        counts[clusters.get(v)]++;
      }
    }
    return account(name, w.length, biases, mask, counts, null, weightBits, indexBits);
  }

  /**
   * The columns of one layer of {@code n} weights with kept positions {@code mask} and {@code 2^b}
   * clusters of sizes {@code clusterCounts} ({@code densityCounts}: the same with density init, or
   * null for none).
   */
  private static LayerReport account(
      String name,
      int n,
      long biases,
      boolean[] mask,
      long[] clusterCounts,
      long[] densityCounts,
      int b,
      int idx) {
    int k = 1 << b;
    long[] af = RelativeIndexSparse.countStream(mask, idx);
    long a = af[0];
    long f = af[1];
    long e = a + f;
    long[] weightSymbols = java.util.Arrays.copyOf(clusterCounts, k + 1);
    weightSymbols[k] = f; // filler zeros: one extra symbol
    long[] indexSymbols = RelativeIndexSparse.relativeIndexCounts(mask, idx);
    long hw = huffmanBits(weightSymbols);
    long hi = huffmanBits(indexSymbols);
    long hwDensity = hw;
    if (densityCounts != null) {
      long[] densitySymbols = java.util.Arrays.copyOf(densityCounts, k + 1);
      densitySymbols[k] = f;
      hwDensity = huffmanBits(densitySymbols);
    }
    int used = 0;
    for (long c : clusterCounts) {
      used += c > 0 ? 1 : 0;
    }
    long codebook = (long) k * 32;
    long bias = 32 * biases;
    long dense = 32L * n + bias;
    long pruned = e * (32 + idx) + bias;
    long pq = e * (b + idx) + codebook + bias;
    long pqh = hw + hi + codebook + bias;
    long pqhDensity = hwDensity + hi + codebook + bias;
    return new LayerReport(
        name,
        n,
        biases,
        a,
        f,
        b,
        idx,
        dense,
        pruned,
        pq,
        pqh,
        pqhDensity,
        used,
        (double) hw / e,
        (double) hi / e);
  }

  private static long huffmanBits(long[] counts) {
    return java.util.Arrays.stream(counts).sum() == 0
        ? 0
        : HuffmanCode.fromCounts(counts).encodedBits(counts);
  }

  /** A text table: per layer and total. */
  public String toTable() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%s%n", model));
    sb.append(
        String.format(
            Locale.ROOT,
            "%-10s %11s %7s %8s %4s %4s %5s %8s %8s %6s %6s%n",
            "layer",
            "weights",
            "keep%",
            "fill/nz",
            "b",
            "idx",
            "used",
            "P+Q%",
            "P+Q+H%",
            "Hw",
            "Hidx"));
    for (LayerReport l : layers) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%-10s %11d %7.2f %8.3f %4d %4d %5d %8.2f %8.2f %6.2f %6.2f%n",
              l.layer(),
              l.weights(),
              100.0 * l.nonZeros() / l.weights(),
              (double) l.fillers() / l.nonZeros(),
              l.weightBits(),
              l.indexBits(),
              l.usedClusters(),
              100 * l.pqRate(),
              100 * l.pqhRate(),
              l.huffmanWeightBitsPerEntry(),
              l.huffmanIndexBitsPerEntry()));
    }
    Totals t = totals();
    sb.append(
        String.format(
            Locale.ROOT,
            "total: %d weights + %d biases, dense %.3f MB, pruned %.2fx (%.2fx by count), P+Q %.2fx (weights only %.2fx), P+Q+H %.2fx (weights only %.2fx; density init %.2fx)%n",
            t.weights(),
            t.biases(),
            t.denseBits() / 8e6,
            t.prunedRatio(),
            t.pruneRate(),
            t.pqRatio(),
            t.pqRatioWeightsOnly(),
            t.pqhRatio(),
            t.pqhRatioWeightsOnly(),
            t.pqhDensityRatio()));
    return sb.toString();
  }
}
