package dev.silica.explore.spec;

/** How axes combine into design points. */
public enum SweepMode {
  /** Every combination of axis values; the last axis varies fastest. */
  CARTESIAN,
  /** The i-th value of every axis together; all axes must have the same length. */
  ZIP
}
