package dev.silica.simulator;

import dev.silica.simulator.result.Feasibility;
import dev.silica.simulator.result.RunResult;
import dev.silica.workloads.ir.Graph;
import java.util.Set;

/**
 * A hardware model that runs graphs: a TPU-style systolic array, EIE, a CPU, a GPU.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li><b>Immutable.</b> A model is built once from one validated configuration and never changes;
 *       all per-run state (counters, buffers, the cycle) lives in a run object created inside
 *       {@link #run}. One model may run several graphs concurrently from different threads.
 *   <li><b>Who calls.</b> The CLI, sweeps and tests: first {@link #check}, then {@link #run} only
 *       on a {@code Feasible} verdict.
 *   <li><b>{@link #check} decides, {@link #run} does not re-decide.</b> {@code check} returns
 *       {@code Infeasible(reason)} for an unsupported op or a tile that cannot fit; it never throws
 *       for those. {@code run} on a graph {@code check} rejects returns {@link
 *       RunResult#infeasible} with the same reason.
 *   <li><b>What a run returns.</b> One {@link dev.silica.simulator.result.LayerResult} per
 *       simulated node in execution order, action counts for the energy model, the resolved
 *       configuration echo; the result satisfies {@link
 *       dev.silica.simulator.result.SimInvariants#check}.
 *   <li><b>Listener.</b> {@code run} calls {@code options.listener()}'s hooks in order (see {@link
 *       SimulationListener}).
 *   <li><b>Must never</b> mutate the graph, read global mutable state, use unseeded randomness or
 *       wall-clock time in a result, or swallow an {@code IllegalStateException}.
 * </ul>
 */
public interface AcceleratorModel {
  /** The configuration's name, e.g. {@code tpu-v1} or {@code eie-64}. */
  String name();

  /** What this model can do. */
  Set<Capability> capabilities();

  /** Whether {@code graph} can run on this configuration; a value, never an exception. */
  Feasibility check(Graph graph);

  /** Simulates {@code graph}; per-run state lives in a run object, never in the model. */
  RunResult run(Graph graph, RunOptions options);

  /** {@link #run(Graph, RunOptions)} with {@link RunOptions#defaults()}. */
  default RunResult run(Graph graph) {
    return run(graph, RunOptions.defaults());
  }
}
