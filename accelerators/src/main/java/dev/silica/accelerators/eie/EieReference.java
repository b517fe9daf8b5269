package dev.silica.accelerators.eie;

import dev.silica.numerics.FixedPoint;
import dev.silica.numerics.Rounder;
import dev.silica.numerics.arith.Mac;

/**
 * The functional reference for an EIE layer: the fully connected product computed directly from the
 * kept weights' quantized (codebook) values with the numerics module's bit-exact {@link Mac}
 * ({@code Q(16−fa).fa} activation × {@code Q(16−fw).fw} weight → product rounded to nearest even
 * and saturated to the activation format → saturating 16-bit accumulator), summing over inputs in
 * increasing index order from the bias, then ReLU. It shares nothing with the model but the
 * quantized weights: no interleaving, no relative indexes, no fillers, no queues, and it does not
 * skip zero activations.
 */
public final class EieReference {
  private EieReference() {}

  /** The reference outputs (raw 16-bit) of {@code layer} on {@code act}. */
  public static int[] fc(EncodedLayer layer, int[] act, EieConfig cfg) {
    FixedPoint af = FixedPoint.q(16 - cfg.activationFractionBits(), cfg.activationFractionBits());
    FixedPoint wf = FixedPoint.q(16 - cfg.weightFractionBits(), cfg.weightFractionBits());
    Mac mac = Mac.of(af, wf, af, af, Rounder.NEAREST_EVEN);
    SparseWeights w = layer.weights();
    int[] raw = layer.weightRaw();
    long[] acc = new long[w.rows()];
    for (int i = 0; i < acc.length; i++) {
      acc[i] = af.rawToBits(layer.bias() == null ? 0 : layer.bias()[i]);
    }
    for (int j = 0; j < w.cols(); j++) {
      long a = af.rawToBits(act[j]);
      for (int e = w.colPtr()[j]; e < w.colPtr()[j + 1]; e++) {
        int i = w.rowIdx()[e];
        acc[i] = mac.mac(acc[i], a, wf.rawToBits(raw[e]));
      }
    }
    int[] out = new int[acc.length];
    for (int i = 0; i < out.length; i++) {
      int v = (int) af.bitsToRaw(acc[i]);
      out[i] = layer.relu() && v < 0 ? 0 : v;
    }
    return out;
  }
}
