package dev.silica.accelerators.tpu;

import java.util.Locale;

/**
 * Number formats of the array's operands and MACs. Integer formats accumulate in int32, floating
 * formats in fp32 (TPU v1: 8-bit products into 32-bit accumulators, papers-inputs §2.1).
 */
public enum OperandFormat {
  INT8(8, false),
  INT16(16, false),
  FP16(16, true),
  BF16(16, true),
  FP32(32, true);

  private final int bits;
  private final boolean floating;

  OperandFormat(int bits, boolean floating) {
    this.bits = bits;
    this.floating = floating;
  }

  public int bits() {
    return bits;
  }

  /** Bytes per element. */
  public int bytes() {
    return bits / 8;
  }

  public boolean isFloating() {
    return floating;
  }

  /** The accumulator format: int32 for integers, fp32 for floating point. */
  public String accumulatorKey() {
    return floating ? "fp32" : "int32";
  }

  /** The lower-case name used in specs and action keys, e.g. {@code int8}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
