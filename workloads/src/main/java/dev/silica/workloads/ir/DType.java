package dev.silica.workloads.ir;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Element type of a tensor value in the graph IR: what the values are stored as between ops. The
 * number format a hardware model computes with is chosen separately (module {@code numerics}); this
 * is the storage type the graph declares, as ONNX's {@code elem_type} does.
 */
public enum DType {
  F32("f32", 32),
  F64("f64", 64),
  F16("f16", 16),
  BF16("bf16", 16),
  I8("i8", 8),
  U8("u8", 8),
  I32("i32", 32),
  I64("i64", 64),
  BOOL("bool", 8);

  private final String text;
  private final int bits;

  DType(String text, int bits) {
    this.text = text;
    this.bits = bits;
  }

  /** The name used in the IR text form, e.g. {@code f32}. */
  public String text() {
    return text;
  }

  /** Storage width in bits. */
  public int bits() {
    return bits;
  }

  /** Storage width in bytes. */
  public int bytes() {
    return bits / 8;
  }

  /** True for the integer and boolean types. */
  public boolean isIntegral() {
    return this == I8 || this == U8 || this == I32 || this == I64 || this == BOOL;
  }

  /**
   * Parses a text-form name.
   *
   * @throws IllegalArgumentException naming the valid types
   */
  public static DType parse(String text) {
    for (DType t : values()) {
      if (t.text.equals(text)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        String.format(
            Locale.ROOT,
            "unknown element type '%s' (expected one of: %s)",
            text,
            Arrays.stream(values()).map(DType::text).collect(Collectors.joining(", "))));
  }
}
