package dev.silica.simulator.spec;

import java.util.Locale;

/** The kinds of spec file; each file names its kind in its {@code kind:} key. */
public enum SpecKind {
  /** An accelerator: model name, optional preset, overrides. */
  ACCELERATOR,
  /** Energy per action and area per component, each entry with its source. */
  ENERGY_TABLE,
  /** A design-space sweep: base spec, axes, objectives. */
  SWEEP,
  /** A per-layer number-format plan. */
  NUMERICS,
  /** Silica action keys mapped onto the components and actions of Accelergy's ERT and ART. */
  ACCELERGY_MAPPING;

  /** The name as written in files: {@code energy_table}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
