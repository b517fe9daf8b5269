package dev.silica.isa.tpu;

import java.util.Locale;

/**
 * What a {@link Sync} waits for. The paper lists "two kinds of sync" without defining them (Jouppi
 * et al. §2); these two are our reading, chosen because the decoupled Read_Weights and the host DMA
 * are the only work that runs behind the issue stage.
 */
public enum SyncKind {
  /** Wait until earlier Read_Host_Memory and Write_Host_Memory transfers have completed. */
  HOST,
  /** Wait until every earlier instruction, decoupled Read_Weights included, has completed. */
  ALL;

  /** The text-form spelling: {@code host}, {@code all}. */
  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }
}
