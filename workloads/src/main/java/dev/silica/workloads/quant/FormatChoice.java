package dev.silica.workloads.quant;

import dev.silica.numerics.Binary;
import dev.silica.numerics.FloatingPoint;
import dev.silica.numerics.IntegerFormat;
import dev.silica.numerics.NumberFormat;
import dev.silica.numerics.Ternary;
import java.util.Locale;

/**
 * The format a {@link NumericsPlan} assigns to one role (weights or activations) of a layer, before
 * calibration fixes its parameters.
 *
 * <ul>
 *   <li>{@link Exact}: a format with no free parameter: {@code fp32}, {@code fp16}, {@code bf16},
 *       {@code fp8e4m3}, {@code fp8e5m2} and fixed point with a stated radix point, {@code q8.8},
 *       {@code uq4.4} (any {@link NumberFormat#parse} spec without fitted parameters).
 *   <li>{@link Affine}: {@code int<N>} / {@code uint<N>}, optionally {@code -per-channel} (weights
 *       only): an ONNX {@code QuantizeLinear} integer whose scale (and, unsigned, zero point)
 *       calibration chooses.
 *   <li>{@link DynamicFixed}: {@code fixed<W>} / {@code ufixed<W>}: W-bit fixed point whose radix
 *       point calibration chooses per layer and role ("gather the statistics for weight and
 *       activation and choose proper radix point position").
 *   <li>{@link Fitted}: {@code ternary} (TWN: {@code Δ = 0.7·mean|w|}, scale = mean kept {@code
 *       |w|}) and {@code binary} ({@code α = mean|w|}), fitted to each weight tensor; weights only.
 * </ul>
 */
public sealed interface FormatChoice {
  /** The spec forms {@link #parse} accepts, as its error message lists them. */
  String FORMS =
      "fp32, fp16, bf16, fp8e4m3, fp8e5m2, q<m>.<n>, uq<m>.<n>, int<N>, uint<N>,"
          + " int<N>-per-channel, uint<N>-per-channel, fixed<W>, ufixed<W>, ternary, binary";

  /** The spec as written in a plan, e.g. {@code int8-per-channel}. */
  String spec();

  /** A format without free parameters, used as is. */
  record Exact(NumberFormat format) implements FormatChoice {
    @Override
    public String spec() {
      return format.name();
    }
  }

  /** An affine integer format; scale (and zero point when unsigned) from calibration. */
  record Affine(IntegerFormat base, boolean perChannel) implements FormatChoice {
    @Override
    public String spec() {
      return (base.signed() ? "int" : "uint")
          + base.bits()
          + (perChannel ? "-per-channel" : "")
          + (base.overflow() == dev.silica.numerics.Overflow.SATURATE
              ? ""
              : ":" + base.overflow().specName());
    }
  }

  /** W-bit fixed point, radix point from calibration. */
  record DynamicFixed(int width, boolean signed) implements FormatChoice {
    public DynamicFixed {
      int min = signed ? 2 : 1;
      if (width < min || width > 32) {
        throw new IllegalArgumentException(
            "numeric format '"
                + (signed ? "fixed" : "ufixed")
                + width
                + "': width must be in ["
                + min
                + ", 32] bits, got "
                + width);
      }
    }

    @Override
    public String spec() {
      return (signed ? "fixed" : "ufixed") + width;
    }
  }

  /** {@code ternary} (TWN) or {@code binary}, fitted to each weight tensor. */
  record Fitted(boolean ternary) implements FormatChoice {
    @Override
    public String spec() {
      return ternary ? "ternary" : "binary";
    }
  }

  /** The identity choice: FP32. */
  FormatChoice FP32 = new Exact(FloatingPoint.FP32);

  /**
   * Parses one format spec of a plan.
   *
   * @throws IllegalArgumentException naming the spec and the rule broken, or listing the valid
   *     forms
   */
  static FormatChoice parse(String spec) {
    String s = spec.trim().toLowerCase(Locale.ROOT);
    if (s.isEmpty()) {
      throw new IllegalArgumentException(
          "numeric format '': must be one of: " + FORMS + ", got an empty spec");
    }
    if (s.matches("u?fixed-?\\d+")) {
      boolean signed = !s.startsWith("u");
      return new DynamicFixed(parseWidth(spec, s.substring(signed ? 5 : 6)), signed);
    }
    boolean perChannel = false;
    String base = s;
    int colon = s.indexOf(':');
    String suffix = colon < 0 ? "" : s.substring(colon);
    String head = colon < 0 ? s : s.substring(0, colon);
    if (head.endsWith("-per-channel")) {
      perChannel = true;
      base = head.substring(0, head.length() - "-per-channel".length()) + suffix;
    }
    NumberFormat f;
    try {
      f = NumberFormat.parse(base);
    } catch (IllegalArgumentException e) {
      if (e.getMessage().contains("unknown format")) {
        throw new IllegalArgumentException(
            "numeric format '" + spec.trim() + "': unknown format (expected one of: " + FORMS + ")",
            e);
      }
      throw e;
    }
    return switch (f) {
      case IntegerFormat i -> new Affine(i, perChannel);
      case Ternary t -> notPerChannel(spec, perChannel, new Fitted(true));
      case Binary b -> notPerChannel(spec, perChannel, new Fitted(false));
      case FloatingPoint fp -> notPerChannel(spec, perChannel, new Exact(fp));
      case dev.silica.numerics.FixedPoint q -> notPerChannel(spec, perChannel, new Exact(q));
    };
  }

  private static FormatChoice notPerChannel(String spec, boolean perChannel, FormatChoice c) {
    if (perChannel) {
      throw new IllegalArgumentException(
          "numeric format '"
              + spec.trim()
              + "': -per-channel applies to int<N> and uint<N> only, got "
              + c.spec());
    }
    return c;
  }

  private static int parseWidth(String spec, String digits) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "numeric format '" + spec.trim() + "': width must be in [2, 32] bits, got " + digits);
    }
  }
}
