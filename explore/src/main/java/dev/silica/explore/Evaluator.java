package dev.silica.explore;

/**
 * Evaluates one design point. Must be pure and deterministic: the same point always yields a
 * bit-identical result, whichever thread or cluster member runs it. Exceptions are bugs and fail
 * the sweep; a configuration the model cannot build is an infeasible {@link PointResult}.
 */
@FunctionalInterface
public interface Evaluator {
  PointResult evaluate(DesignPoint point);
}
