package dev.silica.numerics.arith;

import dev.silica.numerics.Binary;
import dev.silica.numerics.Checks;
import dev.silica.numerics.FixedPoint;
import dev.silica.numerics.FloatingPoint;
import dev.silica.numerics.IntegerFormat;
import dev.silica.numerics.NumberFormat;
import dev.silica.numerics.Overflow;
import dev.silica.numerics.Rounder;
import dev.silica.numerics.Rounding;
import dev.silica.numerics.Ternary;

/**
 * A multiply-accumulate unit with its own operand, product and accumulator formats, bit-exact.
 *
 * <h2>Model</h2>
 *
 * <pre>
 * p   = P( A(a) × B(b) )        the exact product of the operand values, converted once to the
 *                               product format P (rounding + overflow of P)
 * acc = C( acc + p )            the exact sum, converted once to the accumulator format C
 * </pre>
 *
 * <p>Each step rounds exactly once with the unit's {@link Rounder} and applies the target format's
 * {@link Overflow} rule, so the three formats model where a datapath loses precision:
 *
 * <ul>
 *   <li><b>Floating point</b>, e.g. {@link #tensorCoreFp16()}: FP16 × FP16 → FP32 product (exact:
 *       11 + 11 significand bits fit in 24) → FP32 accumulate, as NVIDIA tensor cores do in "FP32
 *       accumulate" mode (modelled with one IEEE rounding per addition; real tensor cores add
 *       several products in one step and may truncate, which this model does not capture). The
 *       exact product of two operands of at most 24 significand bits is formed in a double; the
 *       exact sum is formed by rounding the double sum to odd (TwoSum error term), which makes the
 *       final rounding to any format of at most 24 significand bits correct in every mode.
 *   <li><b>Integer</b>, e.g. {@link #int8()}: {@code (qa - zpa) × (qb - zpb)} exactly (ONNX {@code
 *       MatMulInteger}), saturated or wrapped to the product width, then added in the accumulator
 *       width (INT32 wraps like a register unless a saturating format is given). Scales are not
 *       applied: the real value of the accumulator is {@code acc × scaleA × scaleB}, left to the
 *       requantization step. Product and accumulator formats must have zero point 0.
 *   <li><b>Fixed point</b>: {@code Qa.b × Qc.d} is exactly {@code Q(a+c).(b+d)}; it is rounded to
 *       the product format's fraction bits, then aligned with the accumulator and rounded to the
 *       accumulator's fraction bits, each with saturation or wrap of that format.
 * </ul>
 *
 * <p>Operands and results are bit patterns as produced by {@link NumberFormat#encode(float)} (low
 * {@code bitWidth} bits). Widths are limited so that every exact intermediate fits a long: integer
 * operand widths add up to at most 62, fixed-point products and aligned sums to at most 62 bits.
 * Ternary and binary operands are rejected (their MACs are sign selections, not multiplies).
 *
 * <p>Inner loops ({@code dot}) work on primitive arrays; operand formats of at most 16 bits decode
 * through tables. The FP32-product, FP32-accumulator, nearest-even case runs on Java {@code float}
 * arithmetic, which is IEEE binary32 with round-to-nearest-even, and is tested against the general
 * path.
 *
 * <p>A Mac is immutable apart from the state of a stochastic {@link Rounder}; such a Mac is not
 * thread-safe.
 */
public final class Mac {
  private final NumberFormat operandA;
  private final NumberFormat operandB;
  private final NumberFormat product;
  private final NumberFormat accumulator;
  private final Rounder rounder;
  private final Engine engine;

  private Mac(
      NumberFormat operandA,
      NumberFormat operandB,
      NumberFormat product,
      NumberFormat accumulator,
      Rounder rounder,
      boolean allowFastPath) {
    this.operandA = operandA;
    this.operandB = operandB;
    this.product = product;
    this.accumulator = accumulator;
    this.rounder = rounder;
    this.engine = engine(allowFastPath);
  }

  /** A unit with one operand format for both inputs and nearest-even rounding. */
  public static Mac of(NumberFormat operand, NumberFormat product, NumberFormat accumulator) {
    return new Mac(operand, operand, product, accumulator, Rounder.NEAREST_EVEN, true);
  }

  /**
   * A unit with two operand formats (e.g. int4 weights × int8 activations) and the given rounding
   * for the product and accumulator conversions.
   *
   * @throws IllegalArgumentException when the formats mix families, are ternary or binary, or
   *     exceed the width limits
   */
  public static Mac of(
      NumberFormat operandA,
      NumberFormat operandB,
      NumberFormat product,
      NumberFormat accumulator,
      Rounder rounder) {
    return new Mac(operandA, operandB, product, accumulator, rounder, true);
  }

  /** The same unit without the float fast path; for testing the fast path against it. */
  static Mac general(
      NumberFormat operandA,
      NumberFormat operandB,
      NumberFormat product,
      NumberFormat accumulator,
      Rounder rounder) {
    return new Mac(operandA, operandB, product, accumulator, rounder, false);
  }

  /** FP16 × FP16 → FP32 product → FP32 accumulator, nearest-even (tensor-core FP32 accumulate). */
  public static Mac tensorCoreFp16() {
    return of(FloatingPoint.FP16, FloatingPoint.FP32, FloatingPoint.FP32);
  }

  /** BF16 × BF16 → FP32 → FP32, nearest-even. */
  public static Mac tensorCoreBf16() {
    return of(FloatingPoint.BF16, FloatingPoint.FP32, FloatingPoint.FP32);
  }

  /**
   * INT8 × INT8 → INT16 product (never saturates for zero point 0) → INT32 wrapping accumulator.
   */
  public static Mac int8() {
    return of(IntegerFormat.INT8, IntegerFormat.INT16, IntegerFormat.INT32);
  }

  /** Operand A's format. */
  public NumberFormat operandA() {
    return operandA;
  }

  /** Operand B's format. */
  public NumberFormat operandB() {
    return operandB;
  }

  /** The product format. */
  public NumberFormat product() {
    return product;
  }

  /** The accumulator format. */
  public NumberFormat accumulator() {
    return accumulator;
  }

  /** The rounder of the product and accumulator conversions. */
  public Rounder rounder() {
    return rounder;
  }

  /** {@code P(A(a) × B(b))}: the product's bits. */
  public long multiply(long a, long b) {
    return engine.multiply(a, b);
  }

  /** {@code C(acc + p)}: the new accumulator bits. */
  public long add(long acc, long productBits) {
    return engine.add(acc, productBits);
  }

  /** {@code C(acc + P(A(a) × B(b)))}. */
  public long mac(long acc, long a, long b) {
    return engine.add(acc, engine.multiply(a, b));
  }

  /** The accumulator's encoding of zero (+0 for floating point). */
  public long zero() {
    return 0;
  }

  /** The exact real value of accumulator bits (integer accumulators: the integer). */
  public double value(long accBits) {
    return switch (accumulator) {
      case FloatingPoint f -> f.decodeDouble(accBits);
      case FixedPoint f -> f.decodeDouble(accBits);
      case IntegerFormat f -> f.bitsToInteger(accBits);
      case Ternary t -> t.decode(accBits);
      case Binary b -> b.decode(accBits);
    };
  }

  /** {@code Σ a[i] × b[i]} accumulated in order onto {@code acc}; 16-bit operand patterns. */
  public long dot(short[] a, short[] b, long acc) {
    requireSameLength(a.length, b.length);
    return dot(a, 0, 1, b, 0, 1, a.length, acc);
  }

  /**
   * Strided dot product over {@code short} patterns (FP16, BF16, int16, Q formats up to 16 bits):
   * {@code a[aOffset + i*aStride] × b[bOffset + i*bStride]} for {@code i < n}, in order.
   */
  public long dot(
      short[] a, int aOffset, int aStride, short[] b, int bOffset, int bStride, int n, long acc) {
    return engine.dot16(a, aOffset, aStride, b, bOffset, bStride, n, acc);
  }

  /** {@code Σ a[i] × b[i]} over byte patterns (int8, uint8, int4, FP8, Q formats up to 8 bits). */
  public long dot(byte[] a, byte[] b, long acc) {
    requireSameLength(a.length, b.length);
    long result = acc;
    for (int i = 0; i < a.length; i++) {
      result = engine.add(result, engine.multiply(a[i] & 0xFFL, b[i] & 0xFFL));
    }
    return result;
  }

  /** {@code Σ a[i] × b[i]} over int patterns (any operand format up to 32 bits). */
  public long dot(int[] a, int[] b, long acc) {
    requireSameLength(a.length, b.length);
    long result = acc;
    for (int i = 0; i < a.length; i++) {
      result = engine.add(result, engine.multiply(a[i] & 0xFFFF_FFFFL, b[i] & 0xFFFF_FFFFL));
    }
    return result;
  }

  private static void requireSameLength(int a, int b) {
    Checks.require(a == b, "mac dot", "operand lengths", "be equal (a has " + a + ")", b);
  }

  @Override
  public String toString() {
    return "mac("
        + operandA.name()
        + " x "
        + operandB.name()
        + " -> "
        + product.name()
        + " -> "
        + accumulator.name()
        + ", "
        + rounder
        + ")";
  }

  private Engine engine(boolean allowFastPath) {
    String where = "mac(" + operandA.name() + " x " + operandB.name() + ")";
    if (operandA instanceof FloatingPoint fa
        && operandB instanceof FloatingPoint fb
        && product instanceof FloatingPoint fp
        && accumulator instanceof FloatingPoint fc) {
      if (allowFastPath
          && fp.equals(FloatingPoint.FP32)
          && fc.equals(FloatingPoint.FP32)
          && rounder.mode() == Rounding.NEAREST_EVEN) {
        return new Fp32Engine(fa, fb);
      }
      return new FloatEngine(fa, fb, fp, fc, rounder);
    }
    if (operandA instanceof IntegerFormat fa
        && operandB instanceof IntegerFormat fb
        && product instanceof IntegerFormat fp
        && accumulator instanceof IntegerFormat fc) {
      Checks.require(
          fa.bits() + fb.bits() <= 62,
          where,
          "operand widths",
          "add up to at most 62 bits",
          fa.bits() + fb.bits());
      Checks.require(fp.zeroPoint() == 0, where, "product zero point", "be 0", fp.zeroPoint());
      Checks.require(fc.zeroPoint() == 0, where, "accumulator zero point", "be 0", fc.zeroPoint());
      return new IntegerEngine(fa, fb, fp, fc);
    }
    if (operandA instanceof FixedPoint fa
        && operandB instanceof FixedPoint fb
        && product instanceof FixedPoint fp
        && accumulator instanceof FixedPoint fc) {
      Checks.require(
          fa.bitWidth() + fb.bitWidth() <= 62,
          where,
          "operand widths",
          "add up to at most 62 bits",
          fa.bitWidth() + fb.bitWidth());
      int aligned = Math.max(fp.fractionBits(), fc.fractionBits());
      int sumBits =
          Math.max(
                  fp.bitWidth() + aligned - fp.fractionBits(),
                  fc.bitWidth() + aligned - fc.fractionBits())
              + 1;
      Checks.require(
          sumBits <= 62, where, "aligned accumulator sum width", "be at most 62 bits", sumBits);
      return new FixedEngine(fa, fb, fp, fc, rounder);
    }
    throw new IllegalArgumentException(
        where
            + ": formats must all be floating point, all integer or all fixed point, got "
            + operandA.name()
            + " x "
            + operandB.name()
            + " -> "
            + product.name()
            + " -> "
            + accumulator.name());
  }

  /**
   * Per-family arithmetic, chosen once at construction so that the inner loops dispatch on one
   * monomorphic call site.
   *
   * <p>Contract: {@code multiply} takes two operand bit patterns (bits above the operand width are
   * ignored) and returns the product format's bits; {@code add} takes accumulator and product bits
   * and returns accumulator bits. Neither may keep state other than the rounder's random stream.
   */
  private abstract static class Engine {
    /** {@code P(A(a) × B(b))} as product-format bits. */
    abstract long multiply(long a, long b);

    /** {@code C(acc + p)} as accumulator-format bits. */
    abstract long add(long acc, long p);

    /** The generic strided loop; engines with a faster exact formulation override it. */
    long dot16(
        short[] a, int aOffset, int aStride, short[] b, int bOffset, int bStride, int n, long acc) {
      long result = acc;
      for (int i = 0, ia = aOffset, ib = bOffset; i < n; i++, ia += aStride, ib += bStride) {
        result = add(result, multiply(a[ia] & 0xFFFFL, b[ib] & 0xFFFFL));
      }
      return result;
    }
  }

  /**
   * Decodes a floating-point operand, through a table when it has at most 16 bits (256 KiB for
   * FP16/BF16, 1 KiB for FP8), otherwise through {@link FloatingPoint#decode(long)}.
   */
  private static final class FloatDecoder {
    private final FloatingPoint format;
    private final float[] table;

    FloatDecoder(FloatingPoint format) {
      this.format = format;
      if (format.bitWidth() <= 16) {
        table = new float[1 << format.bitWidth()];
        for (int i = 0; i < table.length; i++) {
          table[i] = format.decode(i);
        }
      } else {
        table = null;
      }
    }

    float decode(long bits) {
      return table != null ? table[(int) bits & (table.length - 1)] : format.decode(bits);
    }
  }

  /**
   * FP32 product and accumulator, nearest-even: plain Java float arithmetic.
   *
   * <p>Java's {@code float *} and {@code float +} are IEEE 754 binary32 operations with
   * round-to-nearest-even and gradual underflow (strict semantics since Java 17), which is exactly
   * "round the exact product to FP32, then round the exact sum to FP32". The only visible
   * difference from {@link FloatEngine} is the payload of a NaN result.
   */
  private static final class Fp32Engine extends Engine {
    private final FloatDecoder a;
    private final FloatDecoder b;

    Fp32Engine(FloatingPoint fa, FloatingPoint fb) {
      a = new FloatDecoder(fa);
      b = new FloatDecoder(fb);
    }

    @Override
    long multiply(long x, long y) {
      return Float.floatToRawIntBits(a.decode(x) * b.decode(y)) & 0xFFFF_FFFFL;
    }

    @Override
    long add(long acc, long p) {
      float sum = Float.intBitsToFloat((int) acc) + Float.intBitsToFloat((int) p);
      return Float.floatToRawIntBits(sum) & 0xFFFF_FFFFL;
    }

    @Override
    long dot16(
        short[] x, int xOffset, int xStride, short[] y, int yOffset, int yStride, int n, long acc) {
      float sum = Float.intBitsToFloat((int) acc);
      for (int i = 0, ix = xOffset, iy = yOffset; i < n; i++, ix += xStride, iy += yStride) {
        float p = a.decode(x[ix] & 0xFFFF) * b.decode(y[iy] & 0xFFFF);
        sum += p;
      }
      return Float.floatToRawIntBits(sum) & 0xFFFF_FFFFL;
    }
  }

  /**
   * General floating point: exact product in double, exact sum rounded to odd, one rounding.
   *
   * <p>The product of two operands with at most 24 significand bits has at most 48 and an exponent
   * within [-298, 256], so the double product is exact; {@link ExactSum#roundToOdd} keeps enough of
   * the sum that the single rounding to the accumulator format (at most 24 bits) is correct in
   * every mode.
   */
  private static final class FloatEngine extends Engine {
    private final FloatDecoder a;
    private final FloatDecoder b;
    private final FloatingPoint product;
    private final FloatingPoint accumulator;
    private final Rounder rounder;

    FloatEngine(
        FloatingPoint fa,
        FloatingPoint fb,
        FloatingPoint product,
        FloatingPoint accumulator,
        Rounder rounder) {
      this.a = new FloatDecoder(fa);
      this.b = new FloatDecoder(fb);
      this.product = product;
      this.accumulator = accumulator;
      this.rounder = rounder;
    }

    @Override
    long multiply(long x, long y) {
      // At most 24 + 24 significand bits and exponents within ±300: exact in a double.
      double p = (double) a.decode(x) * (double) b.decode(y);
      return product.encode(p, rounder);
    }

    @Override
    long add(long acc, long p) {
      double x = accumulator.decodeDouble(acc);
      double y = product.decodeDouble(p);
      double sum = ExactSum.roundToOdd(x, y);
      if (sum == 0
          && rounder.mode() == Rounding.DOWN
          && !(isPositiveZero(x) && isPositiveZero(y))) {
        // IEEE 754 §6.3: an exact zero sum is -0 under roundTowardNegative (+0 + +0 stays +0).
        sum = -0.0;
      }
      return accumulator.encode(sum, rounder);
    }
  }

  private static boolean isPositiveZero(double v) {
    return Double.doubleToRawLongBits(v) == 0;
  }

  /**
   * Integer MAC: exact long products of zero-point-corrected values.
   *
   * <p>{@code |qa - zpa| <= 2^Na} and {@code |qb - zpb| <= 2^Nb} with {@code Na + Nb <= 62}, so the
   * product is exact in a long; the sum of a product and an accumulator of at most 32 bits each is
   * too. Overflow is then the target format's rule applied to the exact integer.
   */
  private static final class IntegerEngine extends Engine {
    private final IntegerFormat a;
    private final IntegerFormat b;
    private final IntegerFormat product;
    private final IntegerFormat accumulator;

    IntegerEngine(
        IntegerFormat a, IntegerFormat b, IntegerFormat product, IntegerFormat accumulator) {
      this.a = a;
      this.b = b;
      this.product = product;
      this.accumulator = accumulator;
    }

    @Override
    long multiply(long x, long y) {
      long exact = (a.bitsToInteger(x) - a.zeroPoint()) * (b.bitsToInteger(y) - b.zeroPoint());
      return product.integerToBits(product.overflowInteger(exact));
    }

    @Override
    long add(long acc, long p) {
      long exact = accumulator.bitsToInteger(acc) + product.bitsToInteger(p);
      return accumulator.integerToBits(accumulator.overflowInteger(exact));
    }
  }

  /**
   * Fixed-point MAC: exact products and aligned sums in a long, one rounding per step.
   *
   * <p>Product: raw integers multiply exactly into {@code na + nb} fraction bits, then {@link
   * FixedPoint#fromFixed} rounds to the product format's fraction bits and saturates or wraps. Sum:
   * accumulator and product are shifted left to the larger of their fraction counts (exact, the
   * width was checked at construction), added, and converted back to the accumulator's fraction
   * bits with one rounding and its overflow rule.
   */
  private static final class FixedEngine extends Engine {
    private final FixedPoint a;
    private final FixedPoint b;
    private final FixedPoint product;
    private final FixedPoint accumulator;
    private final Rounder rounder;
    private final int aligned;

    FixedEngine(
        FixedPoint a, FixedPoint b, FixedPoint product, FixedPoint accumulator, Rounder rounder) {
      this.a = a;
      this.b = b;
      this.product = product;
      this.accumulator = accumulator;
      this.rounder = rounder;
      this.aligned = Math.max(product.fractionBits(), accumulator.fractionBits());
    }

    @Override
    long multiply(long x, long y) {
      long exact = a.bitsToRaw(x) * b.bitsToRaw(y);
      long raw = product.fromFixed(exact, a.fractionBits() + b.fractionBits(), rounder);
      return product.rawToBits(raw);
    }

    @Override
    long add(long acc, long p) {
      long sum =
          (accumulator.bitsToRaw(acc) << (aligned - accumulator.fractionBits()))
              + (product.bitsToRaw(p) << (aligned - product.fractionBits()));
      return accumulator.rawToBits(accumulator.fromFixed(sum, aligned, rounder));
    }
  }
}
