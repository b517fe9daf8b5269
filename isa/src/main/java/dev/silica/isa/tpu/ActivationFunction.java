package dev.silica.isa.tpu;

import java.util.Locale;

/** The nonlinearities of the activation unit ("ReLU, Sigmoid, ...", Jouppi et al. §2). */
public enum ActivationFunction {
  /** Identity: accumulators are only requantized to 8 bits. */
  NONE,
  /** max(0, x). */
  RELU,
  /** 1 / (1 + e^-x). */
  SIGMOID,
  /** Hyperbolic tangent. */
  TANH;

  /** The text-form spelling: {@code none}, {@code relu}, {@code sigmoid}, {@code tanh}. */
  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }
}
