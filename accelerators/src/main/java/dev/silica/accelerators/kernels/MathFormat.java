package dev.silica.accelerators.kernels;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The number format a CPU or GPU kernel computes in, as {@code --numerics} names it: the storage
 * width of its operands (what memory traffic counts) and the MAC action its energy is priced by.
 *
 * <p>Storage: FP64 8 bytes, FP32 and TF32 4 bytes (TF32 is an FP32 value multiplied with a 10-bit
 * significand on tensor cores), FP16 and BF16 2 bytes, FP8 (E4M3) and INT8 1 byte. Outputs are
 * stored in the same format (an FP16 GEMM writes FP16 after accumulating in FP32).
 */
public enum MathFormat {
  FP64("fp64", 8),
  FP32("fp32", 4),
  TF32("tf32", 4),
  FP16("fp16", 2),
  BF16("bf16", 2),
  FP8("fp8", 1),
  INT8("int8", 1);

  private final String key;
  private final int bytes;

  MathFormat(String key, int bytes) {
    this.key = key;
    this.bytes = bytes;
  }

  /** The lower-case name used on the command line and in action keys. */
  public String key() {
    return key;
  }

  /** Bytes per stored element. */
  public int bytes() {
    return bytes;
  }

  /** The energy action of one MAC in this format: {@code mac.<key>}. */
  public String macAction() {
    return "mac." + key;
  }

  /**
   * The format called {@code name} (case-insensitive).
   *
   * @throws IllegalArgumentException listing the valid names
   */
  public static MathFormat parse(String name) {
    for (MathFormat f : values()) {
      if (f.key.equals(name.toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "numerics: unknown format '"
            + name
            + "' (expected one of: "
            + Arrays.stream(values()).map(MathFormat::key).collect(Collectors.joining(", "))
            + ")");
  }
}
