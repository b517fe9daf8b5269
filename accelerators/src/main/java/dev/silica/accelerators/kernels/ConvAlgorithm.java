package dev.silica.accelerators.kernels;

import java.util.Locale;

/** How a CPU runs a convolution; {@link #AUTO} takes the fastest that applies. */
public enum ConvAlgorithm {
  AUTO,
  IM2COL,
  DIRECT,
  WINOGRAD;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
