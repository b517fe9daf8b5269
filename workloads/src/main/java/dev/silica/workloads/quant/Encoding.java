package dev.silica.workloads.quant;

import dev.silica.numerics.Binary;
import dev.silica.numerics.FixedPoint;
import dev.silica.numerics.FloatingPoint;
import dev.silica.numerics.IntegerFormat;
import dev.silica.numerics.NumberFormat;
import dev.silica.numerics.Rounder;
import dev.silica.numerics.Ternary;
import java.util.Arrays;
import java.util.Locale;

/**
 * How one tensor is stored once a {@link FormatChoice} is calibrated: a {@link NumberFormat} (the
 * format the MAC reads), plus one scale per channel for per-channel integers.
 *
 * <p>Per-tensor integers carry scale and zero point in their {@link IntegerFormat}; per-channel
 * integers use the plain format (scale 1, zero point 0) and {@link #scales}, so element {@code i}
 * of channel {@code c} is {@code q = saturate(round(x / scales[c]))} and reads back as {@code q ·
 * scales[c]} (ONNX per-axis {@code QuantizeLinear}/{@code DequantizeLinear}, float32).
 */
final class Encoding {
  static final Encoding FP32 = new Encoding(FloatingPoint.FP32, null, -1);

  private final NumberFormat format;
  private final float[] scales;
  private final int axis;

  private Encoding(NumberFormat format, float[] scales, int axis) {
    this.format = format;
    this.scales = scales;
    this.axis = axis;
  }

  static Encoding of(NumberFormat format) {
    return format.equals(FloatingPoint.FP32) ? FP32 : new Encoding(format, null, -1);
  }

  static Encoding perChannel(IntegerFormat base, float[] scales, int axis) {
    return new Encoding(base.withAffine(1f, 0), scales.clone(), axis);
  }

  /**
   * Calibrates {@code choice} for a tensor whose calibrated magnitude is {@code range} and whose
   * values lie in {@code [min, max]} (see {@link QuantizedExecutor} for the rules).
   *
   * @param values the tensor itself, needed by ternary and binary fits (weights), else ignored
   */
  static Encoding calibrate(
      FormatChoice choice, double range, double min, double max, float[] values) {
    return switch (choice) {
      case FormatChoice.Exact e -> of(e.format());
      case FormatChoice.Affine a -> of(affine(a.base(), range, min, max));
      case FormatChoice.DynamicFixed d -> of(radixPoint(d.width(), d.signed(), range));
      case FormatChoice.Fitted f -> of(f.ternary() ? Ternary.twn(values) : Binary.fit(values));
    };
  }

  /** Per-channel symmetric integer scales {@code scale_c = range_c / qmax} (1 when zero). */
  static Encoding perChannel(IntegerFormat base, double[] ranges, int axis) {
    float[] s = new float[ranges.length];
    for (int c = 0; c < s.length; c++) {
      s[c] = symmetricScale(base, ranges[c]);
    }
    return perChannel(base, s, axis);
  }

  /**
   * An affine integer for a calibrated range: signed formats are symmetric ({@code zp = 0, scale =
   * range / qmax}); unsigned formats map {@code [lo, hi] = [max(min, -range), min(max, range)]}
   * widened to contain 0 onto {@code [0, qmax]} ({@code scale = (hi - lo) / qmax}, {@code zp =
   * round(-lo / scale)}), as ONNX {@code DynamicQuantizeLinear} does with the full range.
   */
  static IntegerFormat affine(IntegerFormat base, double range, double min, double max) {
    if (base.signed()) {
      return base.withAffine(symmetricScale(base, range), 0);
    }
    double lo = Math.min(0, Math.max(min, -range));
    double hi = Math.max(0, Math.min(max, range));
    float scale = (float) ((hi - lo) / (base.maxValue() - base.minValue()));
    if (!(scale > 0) || !Float.isFinite(scale)) {
      return base.withAffine(1f, 0);
    }
    long zp = Rounder.NEAREST_EVEN.roundToInteger(-lo / scale);
    return base.withAffine(scale, Math.max(base.minValue(), Math.min(base.maxValue(), zp)));
  }

  private static float symmetricScale(IntegerFormat base, double range) {
    float s = (float) (range / base.maxValue());
    return s > 0 && Float.isFinite(s) ? s : 1f;
  }

  /**
   * The radix point for W-bit fixed point covering {@code range}: the fewest integer bits {@code m}
   * (including the sign bit when signed) with {@code 2^(m - sign) >= range}, clamped to {@code
   * [sign, W]}; the other {@code W - m} bits are fraction bits. A range of exactly {@code 2^e}
   * saturates by one step, the usual convention of dynamic fixed point.
   */
  static FixedPoint radixPoint(int width, boolean signed, double range) {
    int sign = signed ? 1 : 0;
    int e = range > 0 ? ceilLog2(range) : -width;
    int m = Math.max(sign, Math.min(width, e + sign));
    return new FixedPoint(m, width - m, signed, dev.silica.numerics.Overflow.SATURATE);
  }

  /** The smallest {@code e} with {@code 2^e >= v}, for finite {@code v > 0}. */
  static int ceilLog2(double v) {
    int e = Math.getExponent(v);
    if (e < Double.MIN_EXPONENT) { // subnormal
      return Double.MIN_EXPONENT;
    }
    return Math.scalb(1.0, e) == v ? e : e + 1;
  }

  NumberFormat format() {
    return format;
  }

  boolean isIdentity() {
    return this == FP32;
  }

  boolean perChannel() {
    return scales != null;
  }

  int axis() {
    return axis;
  }

  /**
   * The real value of one integer step in channel {@code c} for integers ({@code scale} or {@code
   * scales[c]}), 1 for every other format (the MAC's accumulator value is already real).
   */
  double scale(int c) {
    if (scales != null) {
      return scales[c];
    }
    return format instanceof IntegerFormat i ? i.scale() : 1.0;
  }

  /** The number of channels along {@link #axis} and their stride, for a tensor of {@code dims}. */
  private int[] layout(int[] dims) {
    int stride = 1;
    for (int d = axis + 1; d < dims.length; d++) {
      stride *= dims[d];
    }
    return new int[] {dims[axis], stride};
  }

  /** The channel of flat element {@code i}. */
  int channel(int i, int[] dims) {
    if (scales == null) {
      return 0;
    }
    int[] l = layout(dims);
    return (i / l[1]) % l[0];
  }

  /** Encodes every element (nearest-even) into bit patterns. */
  long[] encode(float[] x, int[] dims) {
    long[] bits = new long[x.length];
    if (scales == null) {
      for (int i = 0; i < x.length; i++) {
        bits[i] = format.encode(x[i]);
      }
      return bits;
    }
    IntegerFormat f = (IntegerFormat) format;
    int[] l = layout(dims);
    for (int i = 0; i < x.length; i++) {
      float s = scales[(i / l[1]) % l[0]];
      bits[i] = f.integerToBits(f.quantizeToInteger(x[i], s, 0, Rounder.NEAREST_EVEN));
    }
    return bits;
  }

  /** The values of bit patterns, as float. */
  float[] decode(long[] bits, int[] dims) {
    float[] y = new float[bits.length];
    if (scales == null) {
      for (int i = 0; i < y.length; i++) {
        y[i] = format.decode(bits[i]);
      }
      return y;
    }
    IntegerFormat f = (IntegerFormat) format;
    int[] l = layout(dims);
    for (int i = 0; i < y.length; i++) {
      y[i] = IntegerFormat.dequantize(f.bitsToInteger(bits[i]), scales[(i / l[1]) % l[0]], 0);
    }
    return y;
  }

  /** {@code decode(encode(x))}: the values this storage holds for {@code x}. */
  float[] quantize(float[] x, int[] dims) {
    if (isIdentity()) {
      return x.clone();
    }
    return decode(encode(x, dims), dims);
  }

  /** A short description for reports: {@code fp16}, {@code q4.12}, {@code int8(s=0.0123)}. */
  String label() {
    if (scales != null) {
      float lo = Float.MAX_VALUE;
      float hi = 0;
      for (float s : scales) {
        lo = Math.min(lo, s);
        hi = Math.max(hi, s);
      }
      IntegerFormat f = (IntegerFormat) format;
      return String.format(
          Locale.ROOT, "%s%d/ch(s=%.3g..%.3g)", f.signed() ? "int" : "uint", f.bits(), lo, hi);
    }
    return switch (format) {
      case IntegerFormat f ->
          String.format(
              Locale.ROOT,
              "%s%d(s=%.3g%s)",
              f.signed() ? "int" : "uint",
              f.bits(),
              f.scale(),
              f.zeroPoint() == 0 ? "" : ",zp=" + f.zeroPoint());
      case Ternary t ->
          String.format(
              Locale.ROOT,
              "ternary(d=%.3g,wp=%.3g,wn=%.3g)",
              t.threshold(),
              t.positiveScale(),
              t.negativeScale());
      case Binary b -> String.format(Locale.ROOT, "binary(a=%.3g)", b.alpha());
      default -> format.name();
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Encoding e
        && e.format.equals(format)
        && e.axis == axis
        && Arrays.equals(e.scales, scales);
  }

  @Override
  public int hashCode() {
    return format.hashCode() * 31 + Arrays.hashCode(scales);
  }

  @Override
  public String toString() {
    return label();
  }
}
