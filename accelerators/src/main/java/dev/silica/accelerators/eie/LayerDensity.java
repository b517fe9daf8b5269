package dev.silica.accelerators.eie;

/**
 * Measured densities of one EIE layer, in place of the compression plan's assumptions ({@link
 * EieModel#withDensities}): the kept fraction of its weights (e.g. of a pruned model) and the
 * non-zero fraction of its input activations (e.g. measured on a test set).
 *
 * @param weight kept weight fraction, in (0, 1]
 * @param activation non-zero input-activation fraction, in [0, 1]
 */
public record LayerDensity(double weight, double activation) {
  public LayerDensity {
    if (!(weight > 0 && weight <= 1)) {
      throw new IllegalArgumentException("weight density must be in (0, 1], got " + weight);
    }
    if (!(activation >= 0 && activation <= 1)) {
      throw new IllegalArgumentException("activation density must be in [0, 1], got " + activation);
    }
  }
}
