package dev.silica.simulator;

/** What an accelerator model can do; sweeps and smoke tests filter models by these. */
public enum Capability {
  /** Closed-form per-layer cycles and counts (fast enough for sweeps). */
  ANALYTICAL,
  /** A component-level model advanced cycle by cycle. */
  CYCLE_STEPPED,
  /** Computes output values in the hardware's number formats. */
  FUNCTIONAL,
  /** Skips zero weights (compressed weight storage). */
  SPARSE_WEIGHTS,
  /** Skips zero activations. */
  SPARSE_ACTIVATIONS,
  /** Runs convolutions. */
  CONVOLUTION,
  /** Runs matrix products and fully connected layers. */
  MATRIX_MULTIPLY,
  /** Runs recurrent layers (LSTM, GRU, RNN). */
  RECURRENT
}
