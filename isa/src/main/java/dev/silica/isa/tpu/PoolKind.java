package dev.silica.isa.tpu;

import java.util.Locale;

/** How a pooling window combines its rows. */
public enum PoolKind {
  /** Element-wise maximum. */
  MAX,
  /** Element-wise mean. */
  AVG;

  /** The text-form spelling: {@code max}, {@code avg}. */
  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }
}
