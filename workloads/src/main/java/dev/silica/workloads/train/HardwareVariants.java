package dev.silica.workloads.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The variants of a trained classifier that the accuracy-vs-energy study puts on hardware, each
 * with the arithmetic it needs: a name, the network as evaluated (weights and activation formats),
 * its weight width, and the narrowest array arithmetic that computes it as measured.
 *
 * <p>The arithmetic rule: {@code int8} when weights and activations are both integers of at most 8
 * bits ({@code int8}, {@code int8-per-channel}, {@code q8}/{@code q6}/{@code q4}); {@code fp16} and
 * {@code bf16} for those formats; {@code fp32} otherwise — ternary, binary, pruned and k-means
 * variants keep FP32 activations (as they were measured), so a systolic array runs them with FP32
 * MACs on decoded weights. Retrained variants (pruning with retraining, TTQ, Deep Compression, ...)
 * join the study as further {@link Variant}s: the study measures their weight and activation
 * densities itself.
 */
public final class HardwareVariants {
  private HardwareVariants() {}

  /** Array arithmetics a variant may ask for. */
  public static final Set<String> ARITHMETIC = Set.of("fp32", "fp16", "bf16", "int8");

  /**
   * One variant.
   *
   * @param name label in tables and charts
   * @param net the network as evaluated
   * @param weightBits bits per stored weight (32 for FP32, the codebook index width for k-means)
   * @param arithmetic {@code fp32}, {@code fp16}, {@code bf16} or {@code int8}
   */
  public record Variant(String name, TrainableGraph net, int weightBits, String arithmetic) {
    public Variant {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(net, "net");
      if (weightBits < 1 || weightBits > 32) {
        throw new IllegalArgumentException(name + ": weight bits must be 1..32, got " + weightBits);
      }
      if (!ARITHMETIC.contains(arithmetic)) {
        throw new IllegalArgumentException(
            name + ": arithmetic must be one of fp32, fp16, bf16, int8, got '" + arithmetic + "'");
      }
    }
  }

  /**
   * The post-training variants of {@code net}: FP32, FP16, BF16, int8 per tensor and per channel,
   * fixed point Q8/Q6/Q4, TWN ternary, binary, magnitude pruning 50/70/90 % without retraining, and
   * k-means weight sharing at 8/5/4 bits without fine-tuning (recipes in {@link AccuracyStudies});
   * {@code calibration} sets the activation ranges.
   */
  public static List<Variant> standard(TrainableGraph net, Dataset calibration, int threads) {
    double[] maxAbs = AccuracyStudies.calibrate(net, calibration, threads);
    List<Variant> v = new ArrayList<>();
    v.add(new Variant("fp32", net, 32, "fp32"));
    v.add(new Variant("fp16", AccuracyStudies.quantized(net, "fp16", maxAbs), 16, "fp16"));
    v.add(new Variant("bf16", AccuracyStudies.quantized(net, "bf16", maxAbs), 16, "bf16"));
    v.add(new Variant("int8", AccuracyStudies.quantized(net, "int8", maxAbs), 8, "int8"));
    v.add(
        new Variant(
            "int8-per-channel",
            AccuracyStudies.quantized(net, "int8-per-channel", maxAbs),
            8,
            "int8"));
    for (int q : new int[] {8, 6, 4}) {
      v.add(new Variant("q" + q, AccuracyStudies.quantized(net, "q" + q, maxAbs), q, "int8"));
    }
    v.add(new Variant("ternary", AccuracyStudies.quantized(net, "ternary", maxAbs), 2, "fp32"));
    v.add(new Variant("binary", AccuracyStudies.quantized(net, "binary", maxAbs), 1, "fp32"));
    for (double r : new double[] {0.5, 0.7, 0.9}) {
      v.add(
          new Variant(
              String.format(Locale.ROOT, "pruned-%.0f%%", 100 * r),
              AccuracyStudies.pruned(net, r),
              32,
              "fp32"));
    }
    for (int b : new int[] {8, 5, 4}) {
      v.add(new Variant("kmeans-" + b + "bit", AccuracyStudies.shared(net, b, 1), b, "fp32"));
    }
    return v;
  }

  /**
   * A trained model (a retrained variant: pruned with retraining, TTQ, Deep Compression) as a
   * variant computed in FP32: its stored weight width is the index width its values need, {@code
   * ceil(log2(distinct values))} of the weight tensor with the most distinct values (a ternary
   * layer: 2 bits; 5-bit sharing plus the pruned zero: 6 bits), or 32 when a tensor has more than
   * 2^16 distinct values.
   */
  public static Variant trained(String name, TrainableGraph net) {
    int bits = 1;
    for (var e : net.parameterValues().entrySet()) {
      if (!AccuracyStudies.isWeight(net, e.getKey())) {
        continue;
      }
      java.util.Set<Float> distinct = new java.util.HashSet<>();
      for (float w : e.getValue()) {
        distinct.add(w == 0f ? 0f : w);
      }
      int n = distinct.size();
      int b = n > 1 << 16 ? 32 : Math.max(1, 32 - Integer.numberOfLeadingZeros(n - 1));
      bits = Math.max(bits, b);
    }
    return new Variant(name, net, bits, "fp32");
  }
}
