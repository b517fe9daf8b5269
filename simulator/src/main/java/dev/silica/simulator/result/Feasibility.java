package dev.silica.simulator.result;

/**
 * Whether a model can run a graph: a value, not an exception (Timeloop's {@code EvalStatus}). An
 * unsupported op or a tile that cannot fit is {@link Infeasible}; sweeps record it and go on.
 */
public sealed interface Feasibility permits Feasible, Infeasible {
  /** The single feasible value. */
  static Feasibility feasible() {
    return Feasible.INSTANCE;
  }

  /**
   * An infeasible verdict with its reason, e.g. {@code layer conv5: weight tile 294912 B exceeds
   * weight SRAM 262144 B}.
   */
  static Feasibility infeasible(String reason) {
    return new Infeasible(reason);
  }

  default boolean isFeasible() {
    return this instanceof Feasible;
  }
}
