package dev.silica.accelerators.tpu;

/**
 * The non-zero fractions of one layer's two matrix operands, for {@link
 * SystolicArrayModel#withOperandDensities zero gating}: {@code input} of the streamed activations
 * (e.g. measured on a test set), {@code weight} of the stationary weights (e.g. after pruning).
 *
 * @param input non-zero fraction of the layer's input activations, in [0, 1]
 * @param weight non-zero fraction of the layer's weights, in [0, 1]
 */
public record OperandDensity(double input, double weight) {
  public OperandDensity {
    if (!(input >= 0 && input <= 1)) {
      throw new IllegalArgumentException("input density must be in [0, 1], got " + input);
    }
    if (!(weight >= 0 && weight <= 1)) {
      throw new IllegalArgumentException("weight density must be in [0, 1], got " + weight);
    }
  }

  /**
   * The expected fraction of MACs with both operands non-zero, {@code input · weight}: the zeros of
   * the two operands are taken as independent (a pruned weight is no likelier to meet a zero
   * activation than a kept one).
   */
  public double nonZeroProducts() {
    return input * weight;
  }
}
