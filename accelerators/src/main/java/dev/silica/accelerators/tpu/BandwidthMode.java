package dev.silica.accelerators.tpu;

/** How DRAM bandwidth limits the array (SCALE-Sim's {@code [run_presets] InterfaceBandwidth}). */
public enum BandwidthMode {
  /**
   * Bandwidth is assumed sufficient: no read stalls, DRAM traffic is only counted (SCALE-Sim's
   * {@code CALC}, which estimates the bandwidth a stall-free run would need).
   */
  CALC,
  /**
   * The configured bandwidth limits the run: each fold's DRAM traffic overlaps the previous fold's
   * compute (double buffering), and what does not fit in that time stalls the array.
   */
  USER
}
