package dev.silica.workloads.train;

import dev.silica.numerics.Binary;
import dev.silica.numerics.FixedPoint;
import dev.silica.numerics.IntegerFormat;
import dev.silica.numerics.NumberFormat;
import dev.silica.numerics.Ternary;
import dev.silica.numerics.compress.MagnitudePruning;
import dev.silica.numerics.compress.WeightSharing;
import dev.silica.numerics.quant.AffineQuantizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Accuracy of a trained classifier under the seed notes' efficient methods, measured on real test
 * data: number formats, pruning, weight sharing, adversarial examples, and the activation sparsity
 * that zero-skipping engines exploit.
 *
 * <p>Conventions (the same in every study):
 *
 * <ul>
 *   <li><b>Weights</b> are the parameters of rank ≥ 2 with more than one element per output unit
 *       (convolution kernels, fully connected matrices); <b>biases</b> and per-channel scales
 *       (LeNet-5's S2/S4 coefficients) are not pruned, shared or binarized, and are held in the
 *       activation format.
 *   <li><b>Post-training formats.</b> {@code fp16}, {@code bf16}, {@code fp8e4m3}, {@code fp8e5m2}:
 *       weights, biases and every activation (the input and each node's output) rounded to nearest
 *       even, computation in FP32 between roundings. {@code int8}: weights symmetric per tensor
 *       ({@code scale = max|w|/127}) or per output channel, activations symmetric per tensor with
 *       {@code scale = max|a|/127} from calibration. {@code qW} (fixed point of W bits): per layer,
 *       the radix point is chosen from the calibrated maximum magnitude, as the seed notes put it
 *       ("gather the statistics for weight and activation and choose proper radix point"): {@code m
 *       = max(1, ⌈log2 max|x|⌉ + 1)} integer bits including the sign, {@code n = W − m} fraction
 *       bits, saturating. {@code ternary} (TWN: {@code Δ = 0.7·mean|w|}, {@code α = mean} of the
 *       kept {@code |w|}) and {@code binary} ({@code α = mean|w|}) quantize weights only,
 *       activations stay FP32, as in those papers.
 *   <li><b>Calibration</b> runs the FP32 model on the first {@value #CALIBRATION} training images
 *       and records each activation's maximum magnitude.
 *   <li><b>Pruning</b> keeps the largest-magnitude {@code 1 − ratio} of each weight tensor; without
 *       retraining here (iterative pruning with retraining: {@link Retraining}, {@link
 *       CompressionStudies}).
 *   <li><b>Weight sharing</b>: k-means with linear initialization, {@code 2^bits} centroids per
 *       layer (Deep Compression §3), no centroid fine-tuning (with it: {@link Retraining}).
 *   <li><b>FGSM</b> (Goodfellow et al. 2015): {@code x̃ = clip(x + ε·sign(∇ₓJ))} with ε on the
 *       {@code [0, 1]} pixel scale and clipping to valid pixels; the gradient is the variant's own
 *       (white box). For formats, gradients pass the rounding straight through.
 * </ul>
 */
public final class AccuracyStudies {
  private AccuracyStudies() {}

  /** Training images used for calibration. */
  public static final int CALIBRATION = 512;

  /** One measured variant. */
  public record Row(String study, String variant, double accuracy, double baseline) {
    /** Accuracy change against FP32, in percentage points. */
    public double deltaPp() {
      return 100 * (accuracy - baseline);
    }
  }

  /** The formats of the number-format study, in table order. */
  public static final List<String> FORMATS =
      List.of(
          "fp32",
          "fp16",
          "bf16",
          "fp8e4m3",
          "fp8e5m2",
          "int8",
          "int8-per-channel",
          "q16",
          "q12",
          "q8",
          "q6",
          "q4",
          "ternary",
          "binary");

  /** Accuracy of {@code net} on {@code test} (weights as they are, FP32 activations). */
  public static double accuracy(TrainableGraph net, Dataset test, int threads) {
    try (Trainer t = new Trainer(net, threads)) {
      return t.evaluate(test).accuracy();
    }
  }

  /** Accuracy of each format of {@link #FORMATS}. */
  public static List<Row> formats(
      TrainableGraph net, Dataset calibration, Dataset test, int threads) {
    double[] maxAbs = calibrate(net, calibration, threads);
    double base = accuracy(net, test, threads);
    List<Row> rows = new ArrayList<>();
    for (String f : FORMATS) {
      double acc = f.equals("fp32") ? base : accuracy(quantized(net, f, maxAbs), test, threads);
      rows.add(new Row("formats", f, acc, base));
    }
    return rows;
  }

  /**
   * {@code net} with weights and activations in {@code format} (one of {@link #FORMATS}), using the
   * calibration maxima {@code maxAbs} by value slot.
   */
  public static TrainableGraph quantized(TrainableGraph net, String format, double[] maxAbs) {
    Map<Integer, float[]> p = net.parameterValues();
    Map<Integer, float[]> q = new LinkedHashMap<>();
    UnaryOperator<float[]> weightRule;
    java.util.function.IntFunction<Consumer<float[]>> activations;
    switch (format) {
      case "fp32" -> {
        return net;
      }
      case "fp16", "bf16", "fp8e4m3", "fp8e5m2" -> {
        NumberFormat nf = NumberFormat.parse(format);
        for (var e : p.entrySet()) {
          q.put(e.getKey(), round(e.getValue(), nf));
        }
        TrainableGraph out = net.withParameters(q);
        out.roundActivations(slot -> x -> roundInPlace(x, nf));
        return out;
      }
      case "int8", "int8-per-channel" -> {
        boolean perChannel = format.endsWith("per-channel");
        for (var e : p.entrySet()) {
          int[] dims = net.dims(e.getKey());
          float[] w = e.getValue();
          if (isWeight(net, e.getKey())) {
            AffineQuantizer aq =
                perChannel
                    ? AffineQuantizer.symmetric(IntegerFormat.INT8, w, dims, 0)
                    : AffineQuantizer.symmetric(IntegerFormat.INT8, w);
            q.put(e.getKey(), aq.fakeQuantize(w, dims));
          } else {
            q.put(e.getKey(), w);
          }
        }
        TrainableGraph out = net.withParameters(q);
        out.roundActivations(slot -> {
          float scale = (float) (Math.max(maxAbs[slot], 1e-30) / 127);
          NumberFormat nf = IntegerFormat.INT8.withAffine(scale, 0);
          return x -> roundInPlace(x, nf);
        });
        return out;
      }
      case "ternary", "binary" -> {
        for (var e : p.entrySet()) {
          float[] w = e.getValue();
          if (isWeight(net, e.getKey())) {
            NumberFormat nf = format.equals("ternary") ? Ternary.twn(w) : Binary.fit(w);
            q.put(e.getKey(), round(w, nf));
          } else {
            q.put(e.getKey(), w);
          }
        }
        return net.withParameters(q);
      }
      default -> {
        if (!format.matches("q\\d+")) {
          throw new IllegalArgumentException(
              "formats: unknown format '" + format + "' (expected one of: " + FORMATS + ")");
        }
        int width = Integer.parseInt(format.substring(1));
        if (width < 2 || width > FixedPoint.MAX_WIDTH) {
          throw new IllegalArgumentException(
              "formats: '" + format + "': width must be 2..32 bits, got " + width);
        }
        for (var e : p.entrySet()) {
          float[] w = e.getValue();
          q.put(e.getKey(), round(w, radix(width, maxAbs(w))));
        }
        TrainableGraph out = net.withParameters(q);
        out.roundActivations(slot -> {
          NumberFormat nf = radix(width, maxAbs[slot]);
          return x -> roundInPlace(x, nf);
        });
        return out;
      }
    }
  }

  /** The signed fixed-point format of {@code width} bits whose range just holds {@code maxAbs}. */
  public static FixedPoint radix(int width, double maxAbs) {
    int m = maxAbs > 0 ? (int) Math.ceil(Math.log(maxAbs) / Math.log(2)) + 1 : 1;
    m = Math.max(1, Math.min(width, m));
    return FixedPoint.q(m, width - m);
  }

  /** Maximum magnitude of each activation slot over the calibration images (FP32). */
  public static double[] calibrate(TrainableGraph net, Dataset data, int threads) {
    Dataset d = data.head(CALIBRATION);
    double[] max = new double[net.valueCount()];
    Workspace w = net.workspace();
    float[] x = w.val[net.input];
    for (int i = 0; i < d.count(); i++) {
      d.fill(i, x, net.inputHeight(), net.inputWidth());
      net.forward(w);
      for (int s = 0; s < max.length; s++) {
        if (net.needsGrad[s] && !net.isParameter[s]) {
          max[s] = Math.max(max[s], maxAbs(w.val[s]));
        }
      }
    }
    return max;
  }

  /** Accuracy after magnitude pruning each weight tensor by each ratio (no retraining). */
  public static List<Row> pruning(
      TrainableGraph net, Dataset test, List<Double> ratios, int threads) {
    double base = accuracy(net, test, threads);
    List<Row> rows = new ArrayList<>();
    for (double r : ratios) {
      rows.add(
          new Row(
              "pruning",
              String.format(java.util.Locale.ROOT, "%.0f%%", 100 * r),
              accuracy(pruned(net, r), test, threads),
              base));
    }
    return rows;
  }

  /** {@code net} with the smallest-magnitude {@code ratio} of each weight tensor set to zero. */
  public static TrainableGraph pruned(TrainableGraph net, double ratio) {
    Map<Integer, float[]> q = new LinkedHashMap<>();
    for (var e : net.parameterValues().entrySet()) {
      float[] w = e.getValue();
      q.put(
          e.getKey(),
          isWeight(net, e.getKey()) ? MagnitudePruning.byKeepRatio(w, 1 - ratio).apply(w) : w);
    }
    return net.withParameters(q);
  }

  /**
   * Accuracy with each weight tensor replaced by its k-means codebook of {@code 2^bits} entries.
   */
  public static List<Row> weightSharing(
      TrainableGraph net, Dataset test, List<Integer> bits, long seed, int threads) {
    double base = accuracy(net, test, threads);
    List<Row> rows = new ArrayList<>();
    for (int b : bits) {
      rows.add(
          new Row(
              "weight-sharing", b + " bits", accuracy(shared(net, b, seed), test, threads), base));
    }
    return rows;
  }

  /**
   * {@code net} with each weight tensor replaced by its k-means codebook of {@code 2^bits} entries
   * (linear initialization, no fine-tuning).
   */
  public static TrainableGraph shared(TrainableGraph net, int bits, long seed) {
    Map<Integer, float[]> q = new LinkedHashMap<>();
    for (var e : net.parameterValues().entrySet()) {
      float[] w = e.getValue();
      if (!isWeight(net, e.getKey())) {
        q.put(e.getKey(), w);
        continue;
      }
      WeightSharing.Result r =
          WeightSharing.cluster(w, Math.min(1 << bits, w.length), WeightSharing.Init.LINEAR, seed);
      float[] s = new float[w.length];
      for (int i = 0; i < s.length; i++) {
        s[i] = (float) r.value(i);
      }
      q.put(e.getKey(), s);
    }
    return net.withParameters(q);
  }

  /**
   * FGSM accuracy of {@code net} for each ε (pixel scale): each test image is perturbed by ε times
   * the sign of the loss gradient with respect to it, clipped to valid pixels, then classified.
   */
  public static List<Row> fgsm(
      String variant, TrainableGraph net, Dataset test, List<Double> epsilons, double baseline) {
    List<Row> rows = new ArrayList<>();
    Workspace w = net.workspace();
    w.training = false;
    int h = net.inputHeight();
    int wd = net.inputWidth();
    float lo = -test.mean() / test.std();
    float hi = (1 - test.mean()) / test.std();
    float[] clean = new float[h * wd];
    for (double eps : epsilons) {
      float step = (float) (eps / test.std());
      int correct = 0;
      for (int i = 0; i < test.count(); i++) {
        test.fill(i, clean, h, wd);
        float[] x = w.val[net.input];
        System.arraycopy(clean, 0, x, 0, clean.length);
        int label = test.label(i);
        if (eps > 0) {
          net.forwardBackward(w, label);
          float[] g = w.grad[net.input];
          for (int k = 0; k < clean.length; k++) {
            float s = g[k] > 0 ? step : g[k] < 0 ? -step : 0f;
            x[k] = Math.min(hi, Math.max(lo, clean[k] + s));
          }
        }
        if (TrainableGraph.argmax(net.forward(w)) == label) {
          correct++;
        }
      }
      rows.add(
          new Row(
              "fgsm",
              variant + " eps=" + eps,
              (double) correct / Math.max(1, test.count()),
              baseline));
    }
    return rows;
  }

  /**
   * Fraction of exactly-zero elements of each activation (node outputs) over {@code data}, by node
   * output name, in graph order: what EIE's zero skipping and sparse dataflows exploit.
   */
  public static Map<String, Double> activationSparsity(TrainableGraph net, Dataset data) {
    long[] zeros = new long[net.valueCount()];
    long[] total = new long[net.valueCount()];
    Workspace w = net.workspace();
    float[] x = w.val[net.input];
    for (int i = 0; i < data.count(); i++) {
      data.fill(i, x, net.inputHeight(), net.inputWidth());
      net.forward(w);
      for (Steps.Step s : net.steps) {
        float[] v = w.val[s.out];
        int z = 0;
        for (float f : v) {
          if (f == 0f) {
            z++;
          }
        }
        zeros[s.out] += z;
        total[s.out] += v.length;
      }
    }
    Map<String, Double> m = new LinkedHashMap<>();
    for (Steps.Step s : net.steps) {
      m.put(net.name(s.out), (double) zeros[s.out] / Math.max(1, total[s.out]));
    }
    return m;
  }

  /**
   * The first convolution's filters as a grayscale image: one tile per (output, input channel)
   * pair, each scaled to its own min..max, {@code scale} pixels per weight, one-pixel gaps.
   */
  public static java.awt.image.BufferedImage firstLayerFilters(TrainableGraph net, int scale) {
    for (Steps.Step s : net.steps) {
      if (s instanceof Steps.Conv c) {
        float[] w = net.shared[s.in[1]];
        int tiles = c.m * c.cg;
        int cols = (int) Math.ceil(Math.sqrt(tiles));
        int rows = (tiles + cols - 1) / cols;
        int tw = c.kw * scale + 1;
        int th = c.kh * scale + 1;
        var img =
            new java.awt.image.BufferedImage(
                cols * tw + 1, rows * th + 1, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        var r = img.getRaster();
        for (int t = 0; t < tiles; t++) {
          int off = t * c.kh * c.kw;
          float mn = Float.POSITIVE_INFINITY;
          float mx = Float.NEGATIVE_INFINITY;
          for (int k = 0; k < c.kh * c.kw; k++) {
            mn = Math.min(mn, w[off + k]);
            mx = Math.max(mx, w[off + k]);
          }
          float span = mx > mn ? mx - mn : 1f;
          int x0 = (t % cols) * tw + 1;
          int y0 = (t / cols) * th + 1;
          for (int i = 0; i < c.kh * scale; i++) {
            for (int j = 0; j < c.kw * scale; j++) {
              float v = w[off + (i / scale) * c.kw + j / scale];
              r.setSample(x0 + j, y0 + i, 0, Math.round(255 * (v - mn) / span));
            }
          }
        }
        return img;
      }
    }
    throw new IllegalArgumentException(net.graph().name() + ": has no convolution to draw");
  }

  /**
   * Whether parameter {@code slot} is a weight: rank ≥ 2 with more than one element per output
   * unit. A per-channel scale (LeNet-5's S2/S4 coefficients, a depthwise 1×1 kernel over one input)
   * is treated like a bias: pruning or binarizing it would switch a whole feature map off.
   */
  static boolean isWeight(TrainableGraph net, int slot) {
    int[] d = net.dims(slot);
    return d.length >= 2 && net.size[slot] / d[0] > 1;
  }

  private static float[] round(float[] w, NumberFormat nf) {
    float[] q = w.clone();
    roundInPlace(q, nf);
    return q;
  }

  private static void roundInPlace(float[] x, NumberFormat nf) {
    for (int i = 0; i < x.length; i++) {
      x[i] = nf.quantize(x[i]);
    }
  }

  private static double maxAbs(float[] x) {
    double m = 0;
    for (float v : x) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }
}
