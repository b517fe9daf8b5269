package dev.silica.numerics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fixed point against exact long (Q4.4, exhaustive) and {@link BigDecimal} / {@link BigInteger}
 * arithmetic: conversion from floats, and products and sums through {@link FixedPoint#fromFixed}
 * (exhaustive for Q4.4 × Q4.4, seeded for wider formats), in every deterministic rounding mode and
 * both overflow modes.
 */
class FixedPointTest {

  /**
   * java.math's name for each mode: DOWN is toward zero, FLOOR toward -inf, CEILING toward +inf.
   */
  static RoundingMode javaMode(Rounding mode) {
    return switch (mode) {
      case NEAREST_EVEN -> RoundingMode.HALF_EVEN;
      case TOWARD_ZERO -> RoundingMode.DOWN;
      case DOWN -> RoundingMode.FLOOR;
      case UP -> RoundingMode.CEILING;
      case STOCHASTIC -> throw new IllegalArgumentException("deterministic modes only");
    };
  }

  /** Reference: round the exact value to n fraction bits, then saturate or wrap to w bits. */
  static long reference(BigDecimal exact, FixedPoint f, Rounding mode) {
    BigInteger k =
        exact
            .multiply(new BigDecimal(BigInteger.ONE.shiftLeft(f.fractionBits())))
            .setScale(0, javaMode(mode))
            .toBigIntegerExact();
    BigInteger min = BigInteger.valueOf(f.minRaw());
    BigInteger max = BigInteger.valueOf(f.maxRaw());
    if (f.overflow() == Overflow.SATURATE) {
      return k.max(min).min(max).longValueExact();
    }
    BigInteger modulus = BigInteger.ONE.shiftLeft(f.bitWidth());
    BigInteger wrapped = k.mod(modulus);
    if (f.signed() && wrapped.compareTo(max) > 0) {
      wrapped = wrapped.subtract(modulus);
    }
    return wrapped.longValueExact();
  }

  /**
   * Long-arithmetic reference for small formats: {@code round(v / 2^s)} from {@link Math#floorDiv}
   * and {@link Math#floorMod}, then saturate or wrap by plain comparison and modular arithmetic.
   */
  static long referenceLong(long v, int valueFractionBits, FixedPoint f, Rounding mode) {
    int s = valueFractionBits - f.fractionBits();
    long k;
    if (s <= 0) {
      k = v << -s;
    } else {
      long d = 1L << s;
      long floor = Math.floorDiv(v, d);
      long r = Math.floorMod(v, d);
      k =
          switch (mode) {
            case DOWN -> floor;
            case UP -> r == 0 ? floor : floor + 1;
            case TOWARD_ZERO -> v / d;
            case NEAREST_EVEN -> 2 * r > d || (2 * r == d && (floor & 1) != 0) ? floor + 1 : floor;
            case STOCHASTIC -> throw new IllegalArgumentException();
          };
    }
    if (f.overflow() == Overflow.SATURATE) {
      return Math.max(f.minRaw(), Math.min(f.maxRaw(), k));
    }
    long modulus = 1L << f.bitWidth();
    long wrapped = Math.floorMod(k, modulus);
    return f.signed() && wrapped > f.maxRaw() ? wrapped - modulus : wrapped;
  }

  static BigDecimal exactValue(long raw, int fractionBits) {
    return new BigDecimal(BigInteger.valueOf(raw))
        .divide(new BigDecimal(BigInteger.ONE.shiftLeft(fractionBits)));
  }

  @Test
  void longReferenceAgreesWithBigDecimalReference() {
    // The two references are independent; check them against each other on Q4.4 products.
    FixedPoint t = FixedPoint.q(3, 2).withOverflow(Overflow.WRAP);
    for (Rounding mode :
        new Rounding[] {Rounding.NEAREST_EVEN, Rounding.TOWARD_ZERO, Rounding.DOWN, Rounding.UP}) {
      for (long v = -16384; v <= 16384; v += 7) {
        assertThat(referenceLong(v, 8, t, mode)).isEqualTo(reference(exactValue(v, 8), t, mode));
      }
    }
  }

  @Test
  void q44ProductsAndSumsExhaustive() {
    // All 256 x 256 Q4.4 operand pairs; product exactly Q8.8, rounded into Q4.4 and UQ3.2 (fewer
    // fraction bits: rounding; fewer integer bits: overflow); sums into Q4.4 (overflow only) and
    // Q5.2; each in 4 modes and 2 overflow modes.
    FixedPoint q44 = FixedPoint.q(4, 4);
    FixedPoint[] targets = {
      FixedPoint.q(4, 4),
      FixedPoint.q(4, 4).withOverflow(Overflow.WRAP),
      FixedPoint.uq(3, 2),
      FixedPoint.uq(3, 2).withOverflow(Overflow.WRAP),
      FixedPoint.q(5, 2),
      FixedPoint.q(8, 8)
    };
    int checked = 0;
    for (Rounding mode :
        new Rounding[] {Rounding.NEAREST_EVEN, Rounding.TOWARD_ZERO, Rounding.DOWN, Rounding.UP}) {
      Rounder rounder = Rounder.of(mode);
      for (long a = q44.minRaw(); a <= q44.maxRaw(); a++) {
        for (long b = q44.minRaw(); b <= q44.maxRaw(); b++) {
          for (FixedPoint t : targets) {
            long x = a;
            long y = b;
            Expect.equal(
                t.fromFixed(a * b, 8, rounder),
                referenceLong(a * b, 8, t, mode),
                () -> mode + " " + t + ": " + x + " * " + y + " / 2^8");
            Expect.equal(
                t.fromFixed(a + b, 4, rounder),
                referenceLong(a + b, 4, t, mode),
                () -> mode + " " + t + ": " + x + " + " + y + " / 2^4");
            checked += 2;
          }
        }
      }
    }
    assertThat(checked).isEqualTo(4 * 256 * 256 * targets.length * 2);
  }

  static Stream<Arguments> wideCases() {
    return Stream.of(
        Arguments.of(11L, FixedPoint.q(16, 16), FixedPoint.q(16, 16)),
        Arguments.of(12L, FixedPoint.q(8, 8), FixedPoint.q(12, 4).withOverflow(Overflow.WRAP)),
        Arguments.of(13L, FixedPoint.uq(16, 16), FixedPoint.uq(20, 12)),
        Arguments.of(14L, FixedPoint.q(1, 31), FixedPoint.q(2, 30).withOverflow(Overflow.WRAP)),
        Arguments.of(15L, FixedPoint.q(24, 7), FixedPoint.q(32, 0)));
  }

  @ParameterizedTest(name = "seed={0} {1} -> {2}")
  @MethodSource("wideCases")
  void wideProductsAndSumsMatchBigInteger(long seed, FixedPoint operand, FixedPoint target) {
    SplittableRandom random = new SplittableRandom(seed);
    int n = operand.fractionBits();
    for (Rounding mode :
        new Rounding[] {Rounding.NEAREST_EVEN, Rounding.TOWARD_ZERO, Rounding.DOWN, Rounding.UP}) {
      Rounder rounder = Rounder.of(mode);
      for (int i = 0; i < 5_000; i++) {
        long a = random.nextLong(operand.minRaw(), operand.maxRaw() + 1);
        long b = random.nextLong(operand.minRaw(), operand.maxRaw() + 1);
        Expect.equal(
            target.fromFixed(a * b, 2 * n, rounder),
            reference(exactValue(a * b, 2 * n), target, mode),
            () -> mode + ": " + a + " * " + b);
        Expect.equal(
            target.fromFixed(a + b, n, rounder),
            reference(exactValue(a + b, n), target, mode),
            () -> mode + ": " + a + " + " + b);
      }
    }
  }

  @ParameterizedTest(name = "seed={0} {1} -> {2}")
  @MethodSource("wideCases")
  void floatConversionMatchesBigDecimal(long seed, FixedPoint unused, FixedPoint target) {
    SplittableRandom random = new SplittableRandom(seed);
    double range = Math.scalb(1.0, target.integerBits() + 1);
    for (Rounding mode :
        new Rounding[] {Rounding.NEAREST_EVEN, Rounding.TOWARD_ZERO, Rounding.DOWN, Rounding.UP}) {
      for (int i = 0; i < 5_000; i++) {
        float x = (float) random.nextDouble(-range, range);
        Expect.equal(
            target.toRaw(x, Rounder.of(mode)),
            reference(new BigDecimal(x), target, mode),
            () -> mode + " " + target + "(" + x + ")");
      }
    }
  }

  @Test
  void documentedBehaviour() {
    FixedPoint q88 = FixedPoint.q(8, 8);
    // Range [-128, 128 - 2^-8]; 0.5 * 2^-8 ties to even (0), 1.5 * 2^-8 ties to 2 * 2^-8.
    assertThat(q88.quantize(1000f)).isEqualTo(128f - 0x1p-8f);
    assertThat(q88.quantize(-1000f)).isEqualTo(-128f);
    assertThat(q88.quantize(0x1p-9f)).isEqualTo(0f);
    assertThat(q88.quantize(3 * 0x1p-9f)).isEqualTo(2 * 0x1p-8f);
    assertThat(q88.quantize(Float.NaN)).isEqualTo(0f);
    assertThat(q88.quantize(Float.NEGATIVE_INFINITY)).isEqualTo(-128f);
    // Wrap: 128 is 0x8000 in 16 bits, which reads back as -128.
    assertThat(q88.withOverflow(Overflow.WRAP).quantize(128f)).isEqualTo(-128f);
    assertThat(q88.encode(-1f)).isEqualTo(0xFF00L);
    assertThat(q88.decode(0xFF00L)).isEqualTo(-1f);
    FixedPoint uq44 = FixedPoint.uq(4, 4);
    assertThat(uq44.quantize(-3f)).isEqualTo(0f);
    assertThat(uq44.quantize(100f)).isEqualTo(16f - 0x1p-4f);
    assertThat(uq44.bitWidth()).isEqualTo(8);
    assertThat(uq44.name()).isEqualTo("uq4.4");
  }
}
