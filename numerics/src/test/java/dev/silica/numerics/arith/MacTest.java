package dev.silica.numerics.arith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silica.numerics.FixedPoint;
import dev.silica.numerics.FloatingPoint;
import dev.silica.numerics.Fp16;
import dev.silica.numerics.IntegerFormat;
import dev.silica.numerics.NumberFormat;
import dev.silica.numerics.Overflow;
import dev.silica.numerics.Rounder;
import dev.silica.numerics.Ternary;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The MAC unit in each family, against independent references. */
class MacTest {

  static short[] randomFp16(SplittableRandom random, int n, double range) {
    short[] v = new short[n];
    for (int i = 0; i < n; i++) {
      v[i] = Float.floatToFloat16((float) random.nextDouble(-range, range));
    }
    return v;
  }

  @ParameterizedTest(name = "seed={0}")
  @ValueSource(longs = {31, 32, 33})
  void tensorCoreFp16MatchesSequentialFloatAccumulation(long seed) {
    // Reference: products of FP16 values are exact in float (11 + 11 significand bits), and each
    // addition is one IEEE binary32 rounding: exactly Java float arithmetic.
    SplittableRandom random = new SplittableRandom(seed);
    Mac mac = Mac.tensorCoreFp16();
    for (int trial = 0; trial < 200; trial++) {
      int n = random.nextInt(1, 300);
      short[] a = randomFp16(random, n, 100);
      short[] b = randomFp16(random, n, 100);
      float expected = 0f;
      for (int i = 0; i < n; i++) {
        expected += Float.float16ToFloat(a[i]) * Float.float16ToFloat(b[i]);
      }
      long acc = mac.dot(a, b, mac.zero());
      assertThat(Float.intBitsToFloat((int) acc)).isEqualTo(expected);
      assertThat(mac.value(acc)).isEqualTo((double) expected);
    }
  }

  @ParameterizedTest(name = "seed={0}")
  @ValueSource(longs = {41, 42})
  void fastPathEqualsGeneralPath(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (FloatingPoint operand :
        new FloatingPoint[] {FloatingPoint.FP16, FloatingPoint.BF16, FloatingPoint.FP8_E4M3}) {
      Mac fast = Mac.of(operand, FloatingPoint.FP32, FloatingPoint.FP32);
      Mac general =
          Mac.general(
              operand, operand, FloatingPoint.FP32, FloatingPoint.FP32, Rounder.NEAREST_EVEN);
      for (int trial = 0; trial < 100; trial++) {
        int n = random.nextInt(1, 200);
        short[] a = new short[n];
        short[] b = new short[n];
        for (int i = 0; i < n; i++) {
          a[i] =
              (short)
                  operand.encode(
                      (float) Math.scalb(random.nextDouble(-1, 1), random.nextInt(-20, 20)));
          b[i] =
              (short)
                  operand.encode(
                      (float) Math.scalb(random.nextDouble(-1, 1), random.nextInt(-20, 20)));
        }
        float f = Float.intBitsToFloat((int) fast.dot(a, b, 0));
        float g = Float.intBitsToFloat((int) general.dot(a, b, 0));
        // Identical bits, except that a NaN's sign and payload are unspecified (E4M3 operands
        // past 448 encode as NaN); floatToIntBits maps every NaN to one pattern.
        assertThat(Float.floatToIntBits(f)).isEqualTo(Float.floatToIntBits(g));
      }
    }
  }

  @Test
  void fp16AccumulatorRoundsEveryStepAndOverflows() {
    // FP16 accumulate: 2048 + 1 is a tie in FP16 (ulp 2 above 2048) and stays 2048 (even).
    Mac mac = Mac.of(FloatingPoint.FP16, FloatingPoint.FP16, FloatingPoint.FP16);
    long acc = FloatingPoint.FP16.encode(2048f);
    long one = FloatingPoint.FP16.encode(1f);
    assertThat(mac.value(mac.mac(acc, one, one))).isEqualTo(2048.0);
    // Round up instead: 2050.
    Mac up =
        Mac.of(
            FloatingPoint.FP16,
            FloatingPoint.FP16,
            FloatingPoint.FP16,
            FloatingPoint.FP16,
            Rounder.UP);
    assertThat(up.value(up.mac(acc, one, one))).isEqualTo(2050.0);
    // 300 * 300 = 90000 > 65504: the FP16 product overflows to +Inf.
    long v300 = FloatingPoint.FP16.encode(300f);
    assertThat(mac.value(mac.multiply(v300, v300))).isEqualTo(Double.POSITIVE_INFINITY);
    // Saturating FP16 product: 65504.
    FloatingPoint sat = FloatingPoint.FP16.withOverflow(Overflow.SATURATE);
    Mac satMac = Mac.of(FloatingPoint.FP16, sat, sat);
    assertThat(satMac.value(satMac.multiply(v300, v300))).isEqualTo(65504.0);
  }

  @ParameterizedTest(name = "seed={0}")
  @ValueSource(longs = {51, 52})
  void bf16AccumulationMatchesBigDecimalPerStep(long seed) {
    // BF16 x BF16 -> FP32 product -> BF16 accumulator, nearest even: each step rounds the exact
    // BigDecimal sum to 8 significant bits.
    SplittableRandom random = new SplittableRandom(seed);
    FloatingPoint bf16 = FloatingPoint.BF16;
    Mac mac = Mac.of(bf16, bf16, FloatingPoint.FP32, bf16, Rounder.NEAREST_EVEN);
    long acc = 0;
    double reference = 0;
    for (int i = 0; i < 5000; i++) {
      long a = bf16.encode((float) random.nextDouble(-4, 4));
      long b = bf16.encode((float) random.nextDouble(-4, 4));
      acc = mac.mac(acc, a, b);
      double product = (double) bf16.decode(a) * bf16.decode(b); // exact (8 + 8 bits)
      BigDecimal exact = new BigDecimal(reference).add(new BigDecimal((float) product));
      reference = roundToBits(exact, 8);
      assertThat(mac.value(acc)).as("step %d", i).isEqualTo(reference);
    }
  }

  /** Rounds a non-zero BigDecimal to {@code bits} significant bits, half even (normal range). */
  static double roundToBits(BigDecimal x, int bits) {
    if (x.signum() == 0) {
      return 0;
    }
    int e = Math.getExponent(x.doubleValue());
    BigDecimal ulp = new BigDecimal(Math.scalb(1.0, e - bits + 1));
    BigDecimal q = x.divide(ulp).setScale(0, RoundingMode.HALF_EVEN);
    // A carry to the next binade is still exact in bits + 1 bits of the old ulp.
    return q.multiply(ulp).doubleValue();
  }

  @ParameterizedTest(name = "seed={0}")
  @ValueSource(longs = {61, 62})
  void int8DotMatchesLongArithmetic(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Mac mac = Mac.int8();
    for (int trial = 0; trial < 200; trial++) {
      int n = random.nextInt(1, 1000);
      byte[] a = new byte[n];
      byte[] b = new byte[n];
      random.nextBytes(a);
      random.nextBytes(b);
      long expected = 0;
      for (int i = 0; i < n; i++) {
        expected += a[i] * b[i];
      }
      assertThat((int) mac.dot(a, b, 0)).isEqualTo((int) expected);
      assertThat(mac.value(mac.dot(a, b, 0))).isEqualTo((double) expected);
    }
  }

  @Test
  void int32AccumulatorWrapsOrSaturates() {
    // 2^31 - 1 + 127 * 127 wraps to -2^31 + 16128 in a wrapping int32, clamps in a saturating one.
    Mac wrap = Mac.int8();
    long acc = IntegerFormat.INT32.integerToBits(Integer.MAX_VALUE);
    long q127 = IntegerFormat.INT8.encode(127f);
    assertThat(wrap.value(wrap.mac(acc, q127, q127)))
        .isEqualTo((double) (Integer.MIN_VALUE + 16128));
    IntegerFormat sat32 = IntegerFormat.INT32.withOverflow(Overflow.SATURATE);
    Mac sat = Mac.of(IntegerFormat.INT8, IntegerFormat.INT16, sat32);
    assertThat(sat.value(sat.mac(acc, q127, q127))).isEqualTo((double) Integer.MAX_VALUE);
  }

  @Test
  void zeroPointsAreSubtractedAndProductWidthModelled() {
    // uint8 with zero point 128: code 255 is +127, code 0 is -128. 127 * -128 = -16256.
    IntegerFormat u8 = IntegerFormat.UINT8.withAffine(0.1f, 128);
    Mac mac = Mac.of(u8, u8, IntegerFormat.of(17, true), IntegerFormat.INT32, Rounder.NEAREST_EVEN);
    assertThat(mac.value(mac.mac(0, 255, 0))).isEqualTo(-16256.0);
    // -128 * -128 = 16384 saturates in an int12 product to 2047.
    Mac narrow =
        Mac.of(u8, u8, IntegerFormat.of(12, true), IntegerFormat.INT32, Rounder.NEAREST_EVEN);
    assertThat(narrow.value(narrow.mac(0, 0, 0))).isEqualTo(2047.0);
    // int4 weights x int8 activations: -8 * 100 = -800.
    Mac mixed =
        Mac.of(
            IntegerFormat.INT4,
            IntegerFormat.INT8,
            IntegerFormat.INT16,
            IntegerFormat.INT32,
            Rounder.NEAREST_EVEN);
    assertThat(mixed.value(mixed.mac(0, IntegerFormat.INT4.encode(-8f), 100))).isEqualTo(-800.0);
  }

  @ParameterizedTest(name = "seed={0}")
  @ValueSource(longs = {71, 72, 73})
  void fixedPointMacMatchesBigInteger(long seed) {
    // Q8.8 x Q8.8 = exact Q16.16 product → Q12.12 product format (round nearest even, saturate)
    // → Q16.8 accumulator (round nearest even on alignment, wrap). Reference in BigInteger.
    SplittableRandom random = new SplittableRandom(seed);
    FixedPoint q88 = FixedPoint.q(8, 8);
    FixedPoint product = FixedPoint.q(12, 12);
    FixedPoint acc = FixedPoint.q(16, 8).withOverflow(Overflow.WRAP);
    Mac mac = Mac.of(q88, q88, product, acc, Rounder.NEAREST_EVEN);
    long bits = 0;
    BigInteger reference = BigInteger.ZERO;
    for (int i = 0; i < 20_000; i++) {
      long a = random.nextLong(q88.minRaw(), q88.maxRaw() + 1);
      long b = random.nextLong(q88.minRaw(), q88.maxRaw() + 1);
      bits = mac.mac(bits, q88.rawToBits(a), q88.rawToBits(b));
      // product: a*b has 16 fraction bits; to 12: divide by 2^4, half even; saturate to 24 bits.
      BigInteger p = roundHalfEven(BigInteger.valueOf(a * b), 4);
      p = p.max(BigInteger.valueOf(product.minRaw())).min(BigInteger.valueOf(product.maxRaw()));
      // sum: accumulator (8 fraction bits) aligned to 12, plus p, back to 8, then wrap to 24 bits.
      BigInteger sum = roundHalfEven(reference.shiftLeft(4).add(p), 4);
      BigInteger modulus = BigInteger.ONE.shiftLeft(24);
      sum = sum.mod(modulus);
      if (sum.testBit(23)) {
        sum = sum.subtract(modulus);
      }
      reference = sum;
      assertThat(acc.bitsToRaw(bits)).as("step %d", i).isEqualTo(reference.longValueExact());
    }
  }

  static BigInteger roundHalfEven(BigInteger v, int shift) {
    return new BigDecimal(v)
        .divide(BigDecimal.valueOf(1L << shift))
        .setScale(0, RoundingMode.HALF_EVEN)
        .toBigIntegerExact();
  }

  @Test
  void q44ExhaustiveProductsThroughTheMac() {
    // Every Q4.4 x Q4.4 product into a Q4.4 product format, truncating, saturating; checked with
    // floorDiv on the exact Q8.8 product toward zero.
    FixedPoint q44 = FixedPoint.q(4, 4);
    Mac mac = Mac.of(q44, q44, q44, FixedPoint.q(8, 4), Rounder.TOWARD_ZERO);
    for (long a = -128; a < 128; a++) {
      for (long b = -128; b < 128; b++) {
        long exact = a * b; // 8 fraction bits
        long truncated = exact / 16; // Java division truncates toward zero
        long expected = Math.max(-128, Math.min(127, truncated));
        long got = q44.bitsToRaw(mac.multiply(q44.rawToBits(a), q44.rawToBits(b)));
        if (got != expected) {
          throw new AssertionError(a + " * " + b + ": expected " + expected + ", got " + got);
        }
      }
    }
  }

  @Test
  void stochasticMacIsReproducible() {
    short[] a = randomFp16(new SplittableRandom(81), 500, 10);
    short[] b = randomFp16(new SplittableRandom(82), 500, 10);
    FloatingPoint f16 = FloatingPoint.FP16;
    long first = Mac.of(f16, f16, FloatingPoint.FP32, f16, Rounder.stochastic(9)).dot(a, b, 0);
    long second = Mac.of(f16, f16, FloatingPoint.FP32, f16, Rounder.stochastic(9)).dot(a, b, 0);
    assertThat(first).isEqualTo(second);
    assertThat(Fp16.toFloat((short) first)).isFinite();
  }

  @Test
  void stridedDot() {
    // Row-major 2 x 3 matrix, column 1 dotted with itself: 2*2 + 5*5 = 29.
    short[] m = new short[6];
    for (int i = 0; i < 6; i++) {
      m[i] = Fp16.fromFloat(i + 1);
    }
    Mac mac = Mac.tensorCoreFp16();
    assertThat(mac.value(mac.dot(m, 1, 3, m, 1, 3, 2, 0))).isEqualTo(29.0);
  }

  @Test
  void rejectsMixedFamiliesAndUnsupportedWidths() {
    NumberFormat f16 = FloatingPoint.FP16;
    assertThatThrownBy(() -> Mac.of(f16, IntegerFormat.INT32, IntegerFormat.INT32))
        .hasMessage(
            "mac(fp16 x fp16): formats must all be floating point, all integer or all fixed point,"
                + " got fp16 x fp16 -> int32:wrap -> int32:wrap");
    assertThatThrownBy(() -> Mac.of(Ternary.UNIT, IntegerFormat.INT8, IntegerFormat.INT32))
        .isInstanceOf(IllegalArgumentException.class);
    FixedPoint wide = FixedPoint.uq(32, 0);
    assertThatThrownBy(() -> Mac.of(wide, wide, wide))
        .hasMessage("mac(uq32.0 x uq32.0): operand widths must add up to at most 62 bits, got 64");
    assertThatThrownBy(() -> Mac.int8().dot(new byte[2], new byte[3], 0))
        .hasMessage("mac dot: operand lengths must be equal (a has 2), got 3");
  }

  /** The float {@code exact} rounds to, toward +inf (up) or -inf (down), found by stepping. */
  static float directed(BigDecimal exact, boolean up) {
    float f = exact.floatValue();
    if (up) {
      while (new BigDecimal(f).compareTo(exact) < 0) {
        f = Math.nextUp(f);
      }
      while (new BigDecimal(Math.nextDown(f)).compareTo(exact) >= 0) {
        f = Math.nextDown(f);
      }
    } else {
      while (new BigDecimal(f).compareTo(exact) > 0) {
        f = Math.nextDown(f);
      }
      while (new BigDecimal(Math.nextUp(f)).compareTo(exact) <= 0) {
        f = Math.nextUp(f);
      }
    }
    return f;
  }

  @ParameterizedTest(name = "seed={0}")
  @ValueSource(longs = {101, 102})
  void fp32DirectedRoundingMatchesBigDecimal(long seed) {
    // FP32 x FP32 -> FP32 -> FP32 with UP, DOWN and TOWARD_ZERO. Operand exponents 60 apart make
    // most double sums inexact, which exercises the round-to-odd step.
    SplittableRandom random = new SplittableRandom(seed);
    FloatingPoint f32 = FloatingPoint.FP32;
    for (Rounder rounder : new Rounder[] {Rounder.UP, Rounder.DOWN, Rounder.TOWARD_ZERO}) {
      Mac mac = Mac.of(f32, f32, f32, f32, rounder);
      float reference = 0f;
      long acc = 0;
      for (int i = 0; i < 3000; i++) {
        float a = (float) Math.scalb(random.nextDouble(-1, 1), random.nextInt(-30, 30));
        float b = (float) Math.scalb(random.nextDouble(-1, 1), random.nextInt(-30, 30));
        acc = mac.mac(acc, Float.floatToRawIntBits(a), Float.floatToRawIntBits(b));
        BigDecimal product = new BigDecimal(a).multiply(new BigDecimal(b));
        float p = round(product, rounder);
        reference = round(new BigDecimal(reference).add(new BigDecimal(p)), rounder);
        if (Float.intBitsToFloat((int) acc) != reference) {
          throw new AssertionError(
              rounder + " step " + i + ": expected " + reference + ", got " + mac.value(acc));
        }
      }
    }
  }

  private static float round(BigDecimal exact, Rounder rounder) {
    boolean up =
        switch (rounder.mode()) {
          case UP -> true;
          case DOWN -> false;
          case TOWARD_ZERO -> exact.signum() < 0;
          default -> throw new IllegalArgumentException();
        };
    return directed(exact, up);
  }

  @Test
  void signOfExactZeroSums() {
    // IEEE 754 §6.3: 1 + (-1) is +0 in every mode except round toward negative, where it is -0.
    FloatingPoint f16 = FloatingPoint.FP16;
    long one = f16.encode(1f);
    long minusOne = f16.encode(-1f);
    for (Rounder rounder : new Rounder[] {Rounder.NEAREST_EVEN, Rounder.UP, Rounder.TOWARD_ZERO}) {
      Mac mac = Mac.of(f16, f16, f16, f16, rounder);
      assertThat(mac.add(one, minusOne)).isEqualTo(0x0000L);
    }
    Mac down = Mac.of(f16, f16, f16, f16, Rounder.DOWN);
    assertThat(down.add(one, minusOne)).isEqualTo(0x8000L);
    assertThat(down.add(0x0000L, 0x0000L)).isEqualTo(0x0000L);
    assertThat(down.add(0x8000L, 0x0000L)).isEqualTo(0x8000L);
    // -0 + -0 is -0 in every mode.
    assertThat(Mac.of(f16, f16, f16).add(0x8000L, 0x8000L)).isEqualTo(0x8000L);
  }
}
