package dev.silica.workloads.compress;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-layer compression settings for one model: keep ratio (pruning), weight bits (k-means with
 * {@code k = 2^bits} shared values) and relative-index bits.
 *
 * <p>{@link #deepCompression(String)} holds the published settings of Han et al.: keep ratios from
 * LWC Tables 2–5 ("Weights%"), weight and index bits from DC Tables 2–5 (P+Q columns), as
 * transcribed in papers-inputs §3.2–3.4. Layer names are the zoo's node names.
 */
public record CompressionProfile(String name, Map<String, LayerSpec> layers) {
  /** Settings of one layer. */
  public record LayerSpec(double keepRatio, int weightBits, int indexBits) {
    public LayerSpec {
      if (!(keepRatio > 0 && keepRatio <= 1)) {
        throw new IllegalArgumentException(
            "profile: keep ratio must be in (0, 1], got " + keepRatio);
      }
      if (weightBits < 1 || weightBits > 16 || indexBits < 1 || indexBits > 16) {
        throw new IllegalArgumentException(
            "profile: weight and index bits must be in [1, 16], got "
                + weightBits
                + ", "
                + indexBits);
      }
    }
  }

  public CompressionProfile {
    layers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(layers));
  }

  /** The spec of {@code layer}, or an error listing the profile's layers. */
  public LayerSpec layer(String layer) {
    LayerSpec s = layers.get(layer);
    if (s == null) {
      throw new IllegalArgumentException(
          "profile "
              + name
              + ": no settings for layer "
              + layer
              + " (expected one of: "
              + layers.keySet()
              + ")");
    }
    return s;
  }

  /** Models with a {@code deep-compression} profile. */
  public static final java.util.List<String> DEEP_COMPRESSION_MODELS =
      java.util.List.of("alexnet", "vgg16", "lenet-300-100", "lenet5-caffe");

  /**
   * The published Deep Compression settings for {@code model} (one of {@link
   * #DEEP_COMPRESSION_MODELS}).
   */
  public static CompressionProfile deepCompression(String model) {
    Map<String, LayerSpec> m = new LinkedHashMap<>();
    switch (model) {
      case "alexnet" -> {
        // papers-inputs §3.3: LWC Table 4 Weights% ; DC Table 4: 8-bit CONV, 5-bit FC, 4-bit index
        put(m, "conv1", 0.84, 8, 4);
        put(m, "conv2", 0.38, 8, 4);
        put(m, "conv3", 0.35, 8, 4);
        put(m, "conv4", 0.37, 8, 4);
        put(m, "conv5", 0.37, 8, 4);
        put(m, "fc6", 0.09, 5, 4);
        put(m, "fc7", 0.09, 5, 4);
        put(m, "fc8", 0.25, 5, 4);
      }
      case "vgg16" -> {
        // papers-inputs §3.4: LWC Table 5 Weights% ; DC Table 5: 8-bit CONV, 5-bit FC, 5-bit index
        double[] conv = {
          0.58, 0.22, 0.34, 0.36, 0.53, 0.24, 0.42, 0.32, 0.27, 0.34, 0.35, 0.29, 0.36
        };
        String[] names = {
          "conv1_1", "conv1_2", "conv2_1", "conv2_2", "conv3_1", "conv3_2", "conv3_3", "conv4_1",
          "conv4_2", "conv4_3", "conv5_1", "conv5_2", "conv5_3"
        };
        for (int i = 0; i < names.length; i++) {
          put(m, names[i], conv[i], 8, 5);
        }
        put(m, "fc6", 0.04, 5, 5);
        put(m, "fc7", 0.04, 5, 5);
        put(m, "fc8", 0.23, 5, 5);
      }
      case "lenet-300-100" -> {
        // papers-inputs §3.2: LWC Table 2 ; DC Table 2: 6-bit weights, 5-bit index
        put(m, "ip1", 0.08, 6, 5);
        put(m, "ip2", 0.09, 6, 5);
        put(m, "ip3", 0.26, 6, 5);
      }
      case "lenet5-caffe" -> {
        // papers-inputs §3.2: LWC Table 3 ; DC Table 3: 8-bit CONV, 5-bit FC, 5-bit index
        put(m, "conv1", 0.66, 8, 5);
        put(m, "conv2", 0.12, 8, 5);
        put(m, "ip1", 0.08, 5, 5);
        put(m, "ip2", 0.19, 5, 5);
      }
      default ->
          throw new IllegalArgumentException(
              "profile deep-compression: model must be one of "
                  + DEEP_COMPRESSION_MODELS
                  + ", got "
                  + model);
    }
    return new CompressionProfile("deep-compression", m);
  }

  private static void put(Map<String, LayerSpec> m, String layer, double keep, int bits, int idx) {
    m.put(layer, new LayerSpec(keep, bits, idx));
  }
}
