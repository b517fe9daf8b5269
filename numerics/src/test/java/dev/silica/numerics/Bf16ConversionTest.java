package dev.silica.numerics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * BF16 against a reference written differently from the production encoder: the classic bit trick
 * {@code (bits + 0x7FFF + ((bits >> 16) & 1)) >>> 16} (round half to even on the raw pattern, whose
 * carry walks into the exponent and on to infinity exactly as IEEE requires), and, for a sample, a
 * {@link BigDecimal} rounding to 8 significant bits. The default run checks 2^24 seeded patterns
 * and all boundaries; {@link Bf16ExhaustiveTest} ({@code -P slow}) checks all 2^32.
 */
class Bf16ConversionTest {

  /** Reference BF16 bits of a float pattern (NaN: quiet, sign and top 7 fraction bits kept). */
  static int reference(int bits) {
    if ((bits & 0x7F80_0000) == 0x7F80_0000 && (bits & 0x7F_FFFF) != 0) {
      return (bits >>> 16) | 0x0040;
    }
    return (bits + 0x7FFF + ((bits >>> 16) & 1)) >>> 16;
  }

  static void assertMatches(int bits) {
    int expected = reference(bits);
    int actual = Bf16.fromFloat(Float.intBitsToFloat(bits)) & 0xFFFF;
    if (expected != actual) {
      throw new AssertionError(
          String.format("bf16(0x%08X): expected 0x%04X, got 0x%04X", bits, expected, actual));
    }
  }

  @Test
  void sampledFloatPatternsMatchReference() {
    // Seed 1616: 2^24 random 32-bit patterns.
    SplittableRandom random = new SplittableRandom(1616);
    for (int i = 0; i < 1 << 24; i++) {
      assertMatches(random.nextInt());
    }
  }

  @Test
  void boundaryPatternsMatchReference() {
    // For every BF16 pattern h: the float h << 16, the midpoint to the next (low half 0x8000), and
    // their neighbours; all ties, carries into the exponent and the overflow edge are among them.
    for (int h = 0; h < 1 << 16; h++) {
      int base = h << 16;
      for (int low : new int[] {0, 1, 0x7FFF, 0x8000, 0x8001, 0xFFFF}) {
        assertMatches(base | low);
      }
      assertMatches(base - 1);
    }
  }

  @Test
  void sampledFiniteValuesMatchBigDecimal() {
    // Seed 7: random finite floats in the normal range, rounded by BigDecimal to 8 significant
    // binary digits (1 implicit + 7 stored), half-even. A second, arithmetic-free reference.
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      int bits =
          random.nextInt(0x0100_0000, 0x7F00_0000) | (random.nextBoolean() ? 0x8000_0000 : 0);
      float x = Float.intBitsToFloat(bits);
      int e = Math.getExponent(x);
      BigDecimal ulp = new BigDecimal(Math.scalb(1.0, e - 7));
      BigDecimal rounded =
          new BigDecimal(x)
              .divide(ulp, MathContext.UNLIMITED)
              .setScale(0, RoundingMode.HALF_EVEN)
              .multiply(ulp);
      assertThat(Bf16.toFloat(Bf16.fromFloat(x)))
          .as("0x%08X", bits)
          .isEqualTo(rounded.floatValue());
    }
  }

  @Test
  void allPatternsDecodeToUpperHalfOfFloat() {
    for (int h = 0; h < 1 << 16; h++) {
      int expected = h << 16;
      if ((h & 0x7F80) == 0x7F80 && (h & 0x7F) != 0) {
        expected |= 0x40_0000; // NaN decodes quiet
      }
      assertThat(Float.floatToRawIntBits(Bf16.toFloat((short) h)))
          .as("bf16 0x%04X", h)
          .isEqualTo(expected)
          .isEqualTo(Float.floatToRawIntBits(FloatingPoint.BF16.decode(h)));
    }
  }

  @Test
  void documentedValues() {
    // Largest finite (2 - 2^-7) * 2^127; overflow threshold 2^128 - 2^119 (max + half an ulp).
    assertThat(FloatingPoint.BF16.maxFinite()).isEqualTo(Math.scalb(2 - 0x1p-7, 127));
    float belowThreshold = Math.nextDown((float) (0x1p128 - 0x1p119));
    assertThat(Bf16.toFloat(Bf16.fromFloat(belowThreshold))).isEqualTo(3.3895314e38f);
    assertThat(Bf16.toFloat(Bf16.fromFloat(Float.MAX_VALUE))).isEqualTo(Float.POSITIVE_INFINITY);
    assertThat(FloatingPoint.BF16.minSubnormal()).isEqualTo(0x1p-133);
  }
}
