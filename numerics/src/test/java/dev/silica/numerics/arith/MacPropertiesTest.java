package dev.silica.numerics.arith;

import dev.silica.numerics.FixedPoint;
import dev.silica.numerics.FloatOracle;
import dev.silica.numerics.FloatingPoint;
import dev.silica.numerics.IntegerFormat;
import dev.silica.numerics.Overflow;
import dev.silica.numerics.Rounder;
import dev.silica.numerics.Rounding;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random MAC configurations (widths, signedness, zero points, saturate or wrap, rounding mode)
 * against a BigInteger model of the same datapath: {@code acc = C(acc + P(a × b))}, with C and P
 * written here from their definitions (clamp, or reduce modulo {@code 2^w} into the signed or
 * unsigned range; round with {@link BigDecimal#setScale}).
 */
class MacPropertiesTest {

  static LongStream seeds() {
    return LongStream.rangeClosed(201, 212);
  }

  /** Saturate to, or wrap into, the range of a {@code width}-bit integer. */
  static BigInteger overflow(BigInteger v, int width, boolean signed, boolean saturate) {
    BigInteger min = signed ? BigInteger.ONE.shiftLeft(width - 1).negate() : BigInteger.ZERO;
    BigInteger max =
        signed
            ? BigInteger.ONE.shiftLeft(width - 1).subtract(BigInteger.ONE)
            : BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
    if (saturate) {
      return v.max(min).min(max);
    }
    BigInteger modulus = BigInteger.ONE.shiftLeft(width);
    BigInteger r = v.mod(modulus);
    return r.compareTo(max) > 0 ? r.subtract(modulus) : r;
  }

  static IntegerFormat randomInteger(SplittableRandom random, int minBits, int maxBits) {
    int bits = random.nextInt(minBits, maxBits + 1);
    IntegerFormat f = IntegerFormat.of(bits, random.nextBoolean());
    return random.nextBoolean() ? f : f.withOverflow(Overflow.WRAP);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void integerMacMatchesBigIntegerModel(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    IntegerFormat a = randomInteger(random, 2, 16);
    IntegerFormat b = randomInteger(random, 2, 16);
    a = a.withAffine(1f, random.nextLong(a.minValue(), a.maxValue() + 1));
    b = b.withAffine(1f, random.nextLong(b.minValue(), b.maxValue() + 1));
    IntegerFormat p = randomInteger(random, 4, 32);
    IntegerFormat c = randomInteger(random, 4, 32);
    Mac mac = Mac.of(a, b, p, c, Rounder.NEAREST_EVEN);
    long acc = 0;
    BigInteger model = BigInteger.ZERO;
    for (int i = 0; i < 2000; i++) {
      long qa = random.nextLong(a.minValue(), a.maxValue() + 1);
      long qb = random.nextLong(b.minValue(), b.maxValue() + 1);
      acc = mac.mac(acc, a.integerToBits(qa), b.integerToBits(qb));
      BigInteger product =
          BigInteger.valueOf(qa - a.zeroPoint()).multiply(BigInteger.valueOf(qb - b.zeroPoint()));
      product = overflow(product, p.bits(), p.signed(), p.overflow() == Overflow.SATURATE);
      model = overflow(model.add(product), c.bits(), c.signed(), c.overflow() == Overflow.SATURATE);
      if (c.bitsToInteger(acc) != model.longValueExact()) {
        throw new AssertionError(
            mac + " step " + i + ": expected " + model + ", got " + c.bitsToInteger(acc));
      }
    }
  }

  static FixedPoint randomFixed(SplittableRandom random, int maxWidth) {
    boolean signed = random.nextBoolean();
    int width = random.nextInt(2, maxWidth + 1);
    int fraction = random.nextInt(0, width);
    FixedPoint f = new FixedPoint(width - fraction, fraction, signed, Overflow.SATURATE);
    return random.nextBoolean() ? f : f.withOverflow(Overflow.WRAP);
  }

  static BigInteger round(BigInteger v, int shift, Rounding mode) {
    if (shift <= 0) {
      return v.shiftLeft(-shift);
    }
    RoundingMode javaMode =
        switch (mode) {
          case NEAREST_EVEN -> RoundingMode.HALF_EVEN;
          case TOWARD_ZERO -> RoundingMode.DOWN;
          case DOWN -> RoundingMode.FLOOR;
          case UP -> RoundingMode.CEILING;
          case STOCHASTIC -> throw new IllegalArgumentException();
        };
    return new BigDecimal(v)
        .divide(new BigDecimal(BigInteger.ONE.shiftLeft(shift)))
        .setScale(0, javaMode)
        .toBigIntegerExact();
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void fixedPointMacMatchesBigIntegerModel(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    FixedPoint a = randomFixed(random, 16);
    FixedPoint b = randomFixed(random, 16);
    FixedPoint p = randomFixed(random, 32);
    FixedPoint c = randomFixed(random, 32);
    Rounding mode = Rounding.values()[random.nextInt(4)];
    Mac mac = Mac.of(a, b, p, c, Rounder.of(mode));
    long acc = 0;
    BigInteger model = BigInteger.ZERO;
    for (int i = 0; i < 2000; i++) {
      long ra = random.nextLong(a.minRaw(), a.maxRaw() + 1);
      long rb = random.nextLong(b.minRaw(), b.maxRaw() + 1);
      acc = mac.mac(acc, a.rawToBits(ra), b.rawToBits(rb));
      // Product: exact with na + nb fraction bits, rounded to np, then P's overflow.
      BigInteger product = BigInteger.valueOf(ra).multiply(BigInteger.valueOf(rb));
      product = round(product, a.fractionBits() + b.fractionBits() - p.fractionBits(), mode);
      product = overflow(product, p.bitWidth(), p.signed(), p.overflow() == Overflow.SATURATE);
      // Sum: align both to max(np, nc) fraction bits, add exactly, round to nc, C's overflow.
      int f = Math.max(p.fractionBits(), c.fractionBits());
      BigInteger sum =
          model.shiftLeft(f - c.fractionBits()).add(product.shiftLeft(f - p.fractionBits()));
      model =
          overflow(
              round(sum, f - c.fractionBits(), mode),
              c.bitWidth(),
              c.signed(),
              c.overflow() == Overflow.SATURATE);
      if (c.bitsToRaw(acc) != model.longValueExact()) {
        throw new AssertionError(
            mac + " step " + i + ": expected " + model + ", got " + c.bitsToRaw(acc));
      }
    }
  }

  private static final FloatingPoint[] SMALL_FLOATS = {
    FloatingPoint.FP16,
    FloatingPoint.FP16.withOverflow(Overflow.SATURATE),
    FloatingPoint.FP8_E4M3,
    FloatingPoint.FP8_E4M3.withOverflow(Overflow.SATURATE),
    FloatingPoint.FP8_E5M2
  };

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void floatMacMatchesOracleModel(long seed) {
    // Formats of at most 16 bits with exponents within FP16's: products and sums of their values
    // are exact in double, so the model rounds each exact value once with the oracle.
    SplittableRandom random = new SplittableRandom(seed);
    FloatingPoint a = SMALL_FLOATS[random.nextInt(SMALL_FLOATS.length)];
    FloatingPoint b = SMALL_FLOATS[random.nextInt(SMALL_FLOATS.length)];
    FloatingPoint p = SMALL_FLOATS[random.nextInt(SMALL_FLOATS.length)];
    FloatingPoint c = SMALL_FLOATS[random.nextInt(SMALL_FLOATS.length)];
    Rounding mode = Rounding.values()[random.nextInt(4)];
    Mac mac = Mac.of(a, b, p, c, Rounder.of(mode));
    FloatOracle productOracle = new FloatOracle(p);
    FloatOracle accOracle = new FloatOracle(c);
    long acc = 0;
    for (int i = 0; i < 3000; i++) {
      long ca = a.encode((float) Math.scalb(random.nextDouble(-1, 1), random.nextInt(-12, 9)));
      long cb = b.encode((float) Math.scalb(random.nextDouble(-1, 1), random.nextInt(-12, 9)));
      if (a.isNaN(ca) || b.isNaN(cb)) {
        continue;
      }
      long expectedProduct = productOracle.encode(a.decodeDouble(ca) * b.decodeDouble(cb), mode);
      long product = mac.multiply(ca, cb);
      double x = c.decodeDouble(acc);
      double y = p.decodeDouble(product);
      double sum = x + y;
      boolean bothPositiveZero =
          Double.doubleToRawLongBits(x) == 0 && Double.doubleToRawLongBits(y) == 0;
      if (sum == 0 && mode == Rounding.DOWN && !bothPositiveZero) {
        sum = -0.0; // IEEE 754 §6.3: exact zero sums are -0 when rounding toward negative
      }
      long next = mac.add(acc, product);
      if (product != expectedProduct) {
        throw new AssertionError(
            mac + " product step " + i + ": expected " + expectedProduct + ", got " + product);
      }
      if (Double.isNaN(sum)) {
        if (!c.isNaN(next)) {
          throw new AssertionError(mac + " step " + i + ": expected NaN, got " + next);
        }
        acc = 0;
        continue;
      }
      long expected = accOracle.encode(sum, mode);
      if (next != expected) {
        throw new AssertionError(mac + " step " + i + ": expected " + expected + ", got " + next);
      }
      acc = c.isNaN(next) ? 0 : next;
    }
  }
}
