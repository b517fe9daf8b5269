package dev.silica.explore.exec;

import dev.silica.explore.DesignPoint;
import dev.silica.explore.PointResult;
import java.util.List;
import java.util.function.Consumer;

/**
 * Evaluates batches of design points with an evaluator bound at construction. Results reach the
 * sink in completion order, from any thread; the caller orders and deduplicates them. A point may
 * be evaluated more than once (after a cluster member leaves) but reaches the sink at least once.
 */
public interface SweepExecutor extends AutoCloseable {
  /**
   * Evaluates every point, calling {@code sink} as each finishes; returns when all have finished.
   *
   * @throws IllegalStateException when the evaluator threw for some point (after the others finish)
   */
  void evaluate(List<DesignPoint> points, Consumer<PointResult> sink) throws InterruptedException;

  /** Worker threads (or cluster-wide slots) available, a hint for batch sizes. */
  int parallelism();

  @Override
  void close();
}
