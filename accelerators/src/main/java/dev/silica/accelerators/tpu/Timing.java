package dev.silica.accelerators.tpu;

/**
 * Which cycle convention the analytical tier uses; see {@link SystolicArrayModel}'s design comment.
 */
public enum Timing {
  /**
   * SCALE-Sim v2 as it computes: OS folds take {@code T + R + C - 2} cycles and a layer reports
   * {@code folds · L - 1} cycles (the index of its last cycle).
   */
  SCALESIM_V2,
  /**
   * SCALE-Sim's two acknowledged bugs fixed: OS folds take {@code 2R + C + T - 2} (the R cycles
   * that shift the outputs out, scale-sim-v3#4) and a layer takes {@code folds · L} cycles
   * (SCALE-Sim#125).
   */
  CORRECTED
}
