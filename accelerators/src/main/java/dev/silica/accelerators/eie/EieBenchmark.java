package dev.silica.accelerators.eie;

import java.util.List;

/**
 * One of the nine benchmark layers of EIE (Han et al., ISCA 2016, Table III; papers-inputs §1.2,
 * all [V]): size printed as (input length, output length), weight and activation density.
 *
 * @param id the paper's name, e.g. {@code Alex-6}
 * @param model the zoo model holding the layer
 * @param node the layer's node in that zoo model
 * @param inputs input length K (columns of W)
 * @param outputs output length M (rows of W)
 * @param weightDensity kept weight fraction
 * @param activationDensity non-zero input fraction
 * @param relu whether the layer's outputs pass through ReLU (AlexNet and VGG fc6/fc7)
 * @param signedInputs whether inputs take both signs (NeuralTalk's LSTM/tanh-fed layers) or are
 *     ReLU outputs (non-negative)
 */
public record EieBenchmark(
    String id,
    String model,
    String node,
    int inputs,
    int outputs,
    double weightDensity,
    double activationDensity,
    boolean relu,
    boolean signedInputs) {

  /** The nine layers in the paper's order. */
  public static final List<EieBenchmark> ALL =
      List.of(
          // papers-inputs §1.2 (S-EIE Table III): Alex-6 (9216, 4096) 9% weights, 35.1% activations
          new EieBenchmark("Alex-6", "alexnet", "fc6", 9216, 4096, 0.09, 0.351, true, false),
          // Alex-7 (4096, 4096) 9%, 35.3%
          new EieBenchmark("Alex-7", "alexnet", "fc7", 4096, 4096, 0.09, 0.353, true, false),
          // Alex-8 (4096, 1000) 25%, 37.5%
          new EieBenchmark("Alex-8", "alexnet", "fc8", 4096, 1000, 0.25, 0.375, false, false),
          // VGG-6 (25088, 4096) 4%, 18.3%
          new EieBenchmark("VGG-6", "vgg16", "fc6", 25088, 4096, 0.04, 0.183, true, false),
          // VGG-7 (4096, 4096) 4%, 37.5%
          new EieBenchmark("VGG-7", "vgg16", "fc7", 4096, 4096, 0.04, 0.375, true, false),
          // VGG-8 (4096, 1000) 23%, 41.1%
          new EieBenchmark("VGG-8", "vgg16", "fc8", 4096, 1000, 0.23, 0.411, false, false),
          // NT-We (4096, 600) 10%, 100%
          new EieBenchmark("NT-We", "neuraltalk-eie", "We", 4096, 600, 0.10, 1.0, false, false),
          // NT-Wd (600, 8791) 11%, 100%
          new EieBenchmark("NT-Wd", "neuraltalk-eie", "Wd", 600, 8791, 0.11, 1.0, false, true),
          // NT-LSTM (1201, 2400) 10%, 100%
          new EieBenchmark(
              "NT-LSTM", "neuraltalk-eie", "WLSTM", 1201, 2400, 0.10, 1.0, false, true));

  /** The benchmark called {@code id} (case-insensitive). */
  public static EieBenchmark byId(String id) {
    for (EieBenchmark b : ALL) {
      if (b.id.equalsIgnoreCase(id)) {
        return b;
      }
    }
    throw new IllegalArgumentException(
        "unknown EIE benchmark '"
            + id
            + "' (expected one of: "
            + String.join(", ", ALL.stream().map(EieBenchmark::id).toList())
            + ")");
  }

  /** The benchmark for node {@code node} of zoo model {@code model}, or null. */
  public static EieBenchmark forNode(String model, String node) {
    String m = model.replace('_', '-');
    for (EieBenchmark b : ALL) {
      if (b.model.equals(m) && b.node.equals(node)) {
        return b;
      }
    }
    return null;
  }

  /** Dense MACs {@code K · M}. */
  public long denseMacs() {
    return (long) inputs * outputs;
  }

  /** The same layer scaled down by {@code f} in both dimensions (at least 1), densities kept. */
  public EieBenchmark scaled(int f) {
    return new EieBenchmark(
        id,
        model,
        node,
        Math.max(1, inputs / f),
        Math.max(1, outputs / f),
        weightDensity,
        activationDensity,
        relu,
        signedInputs);
  }
}
