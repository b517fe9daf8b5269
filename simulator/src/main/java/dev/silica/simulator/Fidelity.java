package dev.silica.simulator;

/** Which of the three fidelity tiers a run uses. */
public enum Fidelity {
  /** Closed-form per layer: folds, tiles, waves, roofline. */
  ANALYTICAL,
  /** Component-level, advanced cycle by cycle; slow, for small layers and tests. */
  CYCLE_STEPPED,
  /** Analytical or cycle-stepped timing plus the actual output values. */
  FUNCTIONAL
}
