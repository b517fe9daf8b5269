package dev.silica.simulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Per-run choices that are not part of the accelerator's configuration.
 *
 * @param fidelity the tier to run at
 * @param listener observer of the run ({@link SimulationListener#NONE} for none)
 * @param seed seed for anything random a model does (synthetic sparsity, generated inputs)
 * @param inputs functional inputs by graph input name (opaque here; used by {@link
 *     Fidelity#FUNCTIONAL})
 */
public record RunOptions(
    Fidelity fidelity, SimulationListener listener, long seed, Map<String, Object> inputs) {
  public RunOptions {
    Objects.requireNonNull(fidelity, "fidelity");
    Objects.requireNonNull(listener, "listener");
    inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
  }

  /** Analytical, no listener, seed 1, no inputs. */
  public static RunOptions defaults() {
    return new RunOptions(Fidelity.ANALYTICAL, SimulationListener.NONE, 1L, Map.of());
  }

  public RunOptions withFidelity(Fidelity f) {
    return new RunOptions(f, listener, seed, inputs);
  }

  public RunOptions withListener(SimulationListener l) {
    return new RunOptions(fidelity, l, seed, inputs);
  }

  public RunOptions withSeed(long s) {
    return new RunOptions(fidelity, listener, s, inputs);
  }

  public RunOptions withInputs(Map<String, Object> in) {
    return new RunOptions(fidelity, listener, seed, in);
  }
}
