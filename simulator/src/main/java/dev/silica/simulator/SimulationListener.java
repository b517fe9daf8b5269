package dev.silica.simulator;

import dev.silica.simulator.result.LayerResult;
import dev.silica.simulator.result.RunResult;
import dev.silica.workloads.ir.Node;
import java.util.List;

/**
 * Observes a run: traces, validation hooks, progress bars. Every hook has a no-op default.
 *
 * <p>Contract: a model calls {@link #onLayerStart} before and {@link #onLayerEnd} after each layer
 * it simulates, in execution order, from the thread running {@code run}, then {@link #onRunEnd}
 * once with the final result. A listener must not mutate what it is given and must not throw to
 * steer the simulation; an exception it throws propagates out of {@code run} (never swallowed).
 */
public interface SimulationListener {
  /** A listener that does nothing. */
  SimulationListener NONE = new SimulationListener() {};

  /** Before layer {@code index} (0-based, execution order) is simulated. */
  default void onLayerStart(int index, Node node) {}

  /** After layer {@code index} is simulated. */
  default void onLayerEnd(int index, LayerResult result) {}

  /** Once, after the run, with the final (invariant-checked) result. */
  default void onRunEnd(RunResult result) {}

  /** A listener calling each of {@code listeners} in order. */
  static SimulationListener all(List<SimulationListener> listeners) {
    List<SimulationListener> copy = List.copyOf(listeners);
    return new SimulationListener() {
      @Override
      public void onLayerStart(int index, Node node) {
        copy.forEach(l -> l.onLayerStart(index, node));
      }

      @Override
      public void onLayerEnd(int index, LayerResult result) {
        copy.forEach(l -> l.onLayerEnd(index, result));
      }

      @Override
      public void onRunEnd(RunResult result) {
        copy.forEach(l -> l.onRunEnd(result));
      }
    };
  }
}
