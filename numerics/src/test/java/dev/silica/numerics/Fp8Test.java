package dev.silica.numerics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * FP8 E4M3 and E5M2 (OCP 8-bit Floating Point Specification, rev 1.0, 2023): every one of the 256
 * patterns decoded and compared with the spec's value formula, and the encoding of a dense sweep of
 * floats compared with a brute-force nearest-even search over the 256 values.
 */
class Fp8Test {
  private static final FloatingPoint E4M3 = FloatingPoint.FP8_E4M3;
  private static final FloatingPoint E5M2 = FloatingPoint.FP8_E5M2;
  private static final double[] E4M3_VALUES = new double[128];
  private static final double[] E5M2_VALUES = new double[128];

  static {
    for (int code = 0; code < 128; code++) {
      E4M3_VALUES[code] = specValue(code, 4, 3, true);
      E5M2_VALUES[code] = specValue(code, 5, 2, false);
    }
  }

  /**
   * The spec's formula: bias 7 (E4M3) / 15 (E5M2); {@code e == 0}: {@code (-1)^s 2^(1-bias) (0 +
   * m/2^M)}; else {@code (-1)^s 2^(e-bias) (1 + m/2^M)}. Specials: E4M3 has only {@code S.1111.111}
   * = NaN; E5M2 has {@code S.11111.00} = ±Inf and {@code S.11111.{01,10,11}} = NaN.
   */
  static double specValue(int bits, int exponentBits, int mantissaBits, boolean e4m3) {
    int sign = bits >> 7 & 1;
    int e = bits >> mantissaBits & ((1 << exponentBits) - 1);
    int m = bits & ((1 << mantissaBits) - 1);
    int bias = (1 << (exponentBits - 1)) - 1;
    int allOnes = (1 << exponentBits) - 1;
    double s = sign == 1 ? -1 : 1;
    if (e4m3 && e == allOnes && m == 7) {
      return Double.NaN;
    }
    if (!e4m3 && e == allOnes) {
      return m == 0 ? s * Double.POSITIVE_INFINITY : Double.NaN;
    }
    double fraction = (double) m / (1 << mantissaBits);
    return e == 0
        ? s * Math.pow(2, 1 - bias) * fraction
        : s * Math.pow(2, e - bias) * (1 + fraction);
  }

  @Test
  void e4m3DecodesAll256PatternsPerSpec() {
    for (int bits = 0; bits < 256; bits++) {
      double expected = specValue(bits, 4, 3, true);
      double actual = E4M3.decode(bits);
      if (Double.isNaN(expected)) {
        assertThat(actual).as("e4m3 0x%02X", bits).isNaN();
        continue;
      }
      assertThat(actual).as("e4m3 0x%02X", bits).isEqualTo(expected);
      if (expected == 0) {
        assertThat(Math.copySign(1.0, actual)).isEqualTo(bits >= 128 ? -1.0 : 1.0);
      }
    }
    // OCP table: max normal S.1111.110 = 448, min normal S.0001.000 = 2^-6, min subnormal 2^-9.
    assertThat(E4M3.decode(0x7E)).isEqualTo(448f);
    assertThat(E4M3.decode(0x08)).isEqualTo(0x1p-6f);
    assertThat(E4M3.decode(0x01)).isEqualTo(0x1p-9f);
    assertThat(E4M3.decode(0x7F)).isNaN();
    assertThat(E4M3.decode(0xFF)).isNaN();
    assertThat(E4M3.maxFinite()).isEqualTo(448.0);
  }

  @Test
  void e5m2DecodesAll256PatternsPerSpec() {
    for (int bits = 0; bits < 256; bits++) {
      double expected = specValue(bits, 5, 2, false);
      double actual = E5M2.decode(bits);
      if (Double.isNaN(expected)) {
        assertThat(actual).as("e5m2 0x%02X", bits).isNaN();
        continue;
      }
      assertThat(actual).as("e5m2 0x%02X", bits).isEqualTo(expected);
    }
    // OCP table: max normal S.11110.11 = 57344, min normal 2^-14, min subnormal 2^-16.
    assertThat(E5M2.decode(0x7B)).isEqualTo(57344f);
    assertThat(E5M2.decode(0x04)).isEqualTo(0x1p-14f);
    assertThat(E5M2.decode(0x01)).isEqualTo(0x1p-16f);
    assertThat(E5M2.decode(0x7C)).isEqualTo(Float.POSITIVE_INFINITY);
    assertThat(E5M2.decode(0xFC)).isEqualTo(Float.NEGATIVE_INFINITY);
    assertThat(E5M2.maxFinite()).isEqualTo(57344.0);
  }

  /**
   * Brute force: the finite pattern nearest to x (ties to the even pattern, i.e. even mantissa
   * LSB). Past {@code max + ulp(max)/2} the result overflows (E4M3 → NaN 0x7F, E5M2 → Inf 0x7C), or
   * clamps to max when saturating; at exactly that tie the even neighbour wins, which is max for
   * E4M3 (mantissa 110) and the would-be {@code 2^16} = overflow for E5M2 (max has mantissa 11).
   * Zero keeps the sign of x.
   */
  static int bruteForce(float x, FloatingPoint format, boolean e4m3) {
    double a = Math.abs((double) x);
    int sign = Float.floatToRawIntBits(x) < 0 ? 0x80 : 0;
    boolean saturate = format.overflow() == Overflow.SATURATE;
    double max = format.maxFinite();
    double halfUlpAtMax = e4m3 ? 16 : 4096;
    int maxCode = e4m3 ? 0x7E : 0x7B;
    if (a > max + halfUlpAtMax || (!e4m3 && a == max + halfUlpAtMax)) {
      return sign | (saturate ? maxCode : e4m3 ? 0x7F : 0x7C);
    }
    double[] values = e4m3 ? E4M3_VALUES : E5M2_VALUES;
    int best = -1;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int code = 0; code < 128; code++) {
      double v = values[code];
      if (!Double.isFinite(v)) {
        continue;
      }
      double d = Math.abs(a - v);
      if (d < bestDistance || (d == bestDistance && (code & 1) == 0)) {
        best = code;
        bestDistance = d;
      }
    }
    return sign | best;
  }

  private static void sweep(FloatingPoint format, boolean e4m3) {
    // Every float whose pattern is a multiple of 4099 up to 2^17 (~295,000 values, about 1000 per
    // binade, covering every exponent from the subnormals up to 2^17), plus every FP8 value, every
    // midpoint between neighbours and one float ulp around both.
    int checked = 0;
    for (long bits = 0; bits <= Float.floatToRawIntBits(0x1p17f); bits += 4099) {
      float x = Float.intBitsToFloat((int) bits);
      check(format, e4m3, x);
      check(format, e4m3, -x);
      checked += 2;
    }
    for (int code = 0; code < 127; code++) {
      double v = specValue(code, format.exponentBits(), format.mantissaBits(), e4m3);
      double next = specValue(code + 1, format.exponentBits(), format.mantissaBits(), e4m3);
      if (!Double.isFinite(v)) {
        continue;
      }
      for (double p : new double[] {v, (v + (Double.isFinite(next) ? next : v)) / 2}) {
        float f = (float) p;
        for (float g : new float[] {Math.nextDown(f), f, Math.nextUp(f)}) {
          check(format, e4m3, g);
          check(format, e4m3, -g);
          checked += 2;
        }
      }
    }
    assertThat(checked).isGreaterThan(100_000);
  }

  private static void check(FloatingPoint format, boolean e4m3, float x) {
    int expected = bruteForce(x, format, e4m3);
    long actual = format.encode(x);
    if (actual != expected) {
      throw new AssertionError(
          String.format("%s(%s): expected 0x%02X, got 0x%02X", format, x, expected, actual));
    }
  }

  @Test
  void e4m3EncodeMatchesBruteForceNearestEven() {
    sweep(E4M3, true);
    sweep(E4M3.withOverflow(Overflow.SATURATE), true);
  }

  @Test
  void e5m2EncodeMatchesBruteForceNearestEven() {
    sweep(E5M2, false);
    sweep(E5M2.withOverflow(Overflow.SATURATE), false);
  }

  @Test
  void specialInputs() {
    // E4M3 has no infinity: Inf and NaN become NaN (0x7F / 0xFF), or ±448 when saturating.
    assertThat(E4M3.encode(Float.POSITIVE_INFINITY)).isEqualTo(0x7F);
    assertThat(E4M3.encode(Float.NEGATIVE_INFINITY)).isEqualTo(0xFF);
    assertThat(E4M3.encode(Float.NaN)).isEqualTo(0x7F);
    assertThat(E4M3.withOverflow(Overflow.SATURATE).encode(Float.NEGATIVE_INFINITY))
        .isEqualTo(0xFE);
    // 464 = 448 + 16 is the tie between 448 (mantissa 110, even) and the would-be 480 (111, odd):
    // nearest-even keeps 448; anything above 464 overflows to NaN.
    assertThat(E4M3.encode(464f)).isEqualTo(0x7E);
    assertThat(E4M3.encode(Math.nextUp(464f))).isEqualTo(0x7F);
    assertThat(E5M2.encode(Float.NEGATIVE_INFINITY)).isEqualTo(0xFC);
    assertThat(E5M2.isNaN(E5M2.encode(Float.NaN))).isTrue();
    assertThat(E5M2.encode(61439.996f)).isEqualTo(0x7B);
    assertThat(E5M2.encode(61440f)).isEqualTo(0x7C);
    // Round toward zero never overflows to Inf (IEEE 754 §7.4).
    assertThat(E5M2.encode(1e9f, Rounder.TOWARD_ZERO)).isEqualTo(0x7B);
    assertThat(E5M2.encode(-1e9f, Rounder.DOWN)).isEqualTo(0xFC);
    assertThat(E5M2.encode(-1e9f, Rounder.UP)).isEqualTo(0xFB);
  }
}
