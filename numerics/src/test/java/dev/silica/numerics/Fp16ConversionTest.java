package dev.silica.numerics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * FP16 against the JDK's {@link Float#floatToFloat16} / {@link Float#float16ToFloat} (JDK 20+), a
 * free bit-exact oracle. This default-run class checks 2^24 seeded float patterns plus every
 * boundary; {@link Fp16ExhaustiveTest} ({@code -P slow}) checks all 2^32.
 */
class Fp16ConversionTest {

  /**
   * Non-NaN: bit-identical to the JDK. NaN: the JDK leaves the payload unspecified (its F16C
   * intrinsic quiets, its Java code folds bits), so both must be NaN of the same sign and ours must
   * follow the documented rule: quiet bit set, top 10 float fraction bits kept.
   */
  static void assertSameAsJdk(int floatBits) {
    float x = Float.intBitsToFloat(floatBits);
    short jdk = Float.floatToFloat16(x);
    short actual = Fp16.fromFloat(x);
    short expected = jdk;
    if (Float.isNaN(x)) {
      expected = (short) ((floatBits >>> 16 & 0x8000) | 0x7E00 | (floatBits >>> 13 & 0x3FF));
      if (!Float.isNaN(Float.float16ToFloat(jdk)) || (jdk & 0x8000) != (expected & 0x8000)) {
        throw new AssertionError(String.format("jdk fp16(0x%08X) = 0x%04X", floatBits, jdk));
      }
    }
    if (expected != actual) {
      throw new AssertionError(
          String.format(
              "fp16(%s = 0x%08X): expected 0x%04X, got 0x%04X", x, floatBits, expected, actual));
    }
  }

  @Test
  void sampledFloatPatternsMatchJdk() {
    // Seed 16: 2^24 uniformly random 32-bit patterns, covering every exponent about 2^16 times.
    SplittableRandom random = new SplittableRandom(16);
    for (int i = 0; i < 1 << 24; i++) {
      assertSameAsJdk(random.nextInt());
    }
  }

  @Test
  void boundaryPatternsMatchJdk() {
    // Every FP16 value, the float midpoints between neighbours and one float ulp either side of
    // each: the inputs where rounding, subnormal, overflow and tie decisions change.
    int checked = 0;
    for (int h = 0; h < 1 << 16; h++) {
      float v = Float.float16ToFloat((short) h);
      if (Float.isNaN(v)) {
        continue;
      }
      int bits = Float.floatToRawIntBits(v);
      for (int d = -2; d <= 2; d++) {
        assertSameAsJdk(bits + d);
        checked++;
      }
      float next = Float.float16ToFloat((short) (h + 1));
      if (!Float.isNaN(next) && Float.isFinite(v) && Float.isFinite(next)) {
        int mid = Float.floatToRawIntBits((v + next) / 2);
        for (int d = -1; d <= 1; d++) {
          assertSameAsJdk(mid + d);
          checked++;
        }
      }
    }
    // Overflow threshold 65520 = 65504 + 16 (half an ulp at the top), Inf, NaNs, zeros.
    float[] specials = {
      65504f,
      65519.996f,
      65520f,
      65536f,
      Float.MAX_VALUE,
      Float.POSITIVE_INFINITY,
      Float.MIN_VALUE,
      0x1p-24f,
      0x1p-25f,
      0x1.000002p-25f,
      0x1p-26f,
      0x1p-14f,
      0f,
      -0f
    };
    for (float s : specials) {
      assertSameAsJdk(Float.floatToRawIntBits(s));
      assertSameAsJdk(Float.floatToRawIntBits(-s));
    }
    int[] nans = {0x7FC00000, 0x7F800001, 0x7FBFFFFF, 0xFFC00001, 0x7FC01000, 0x7F802000};
    for (int n : nans) {
      assertSameAsJdk(n);
    }
    assertThat(checked).isGreaterThan(5 * 63_000);
  }

  @Test
  void allHalfPatternsDecodeLikeJdk() {
    for (int h = 0; h < 1 << 16; h++) {
      float jdk = Float.float16ToFloat((short) h);
      float actual = Fp16.toFloat((short) h);
      float generic = FloatingPoint.FP16.decode(h);
      int expected = Float.floatToRawIntBits(jdk);
      if (Float.isNaN(jdk)) {
        // Quiet NaN, same sign, the 10 fraction bits shifted to the top of the float fraction.
        expected = (h & 0x8000) << 16 | 0x7FC0_0000 | (h & 0x3FF) << 13;
      }
      assertThat(Float.floatToRawIntBits(actual))
          .as("fp16 0x%04X", h)
          .isEqualTo(expected)
          .isEqualTo(Float.floatToRawIntBits(generic));
    }
  }

  @Test
  void documentedValues() {
    // 65504 = (2 - 2^-10) * 2^15 is the largest finite value; 2^-24 the smallest subnormal.
    assertThat(FloatingPoint.FP16.maxFinite()).isEqualTo(65504.0);
    assertThat(FloatingPoint.FP16.minSubnormal()).isEqualTo(0x1p-24);
    assertThat(FloatingPoint.FP16.minNormal()).isEqualTo(0x1p-14);
    assertThat(Fp16.fromFloat(1f)).isEqualTo((short) 0x3C00);
    assertThat(Fp16.fromFloat(-2f)).isEqualTo((short) 0xC000);
    assertThat(Fp16.fromFloat(-0f)).isEqualTo((short) 0x8000);
    // 1 + 2^-11 is the tie between 1 and 1 + 2^-10: ties to the even significand, 1.
    assertThat(Fp16.fromFloat(1f + 0x1p-11f)).isEqualTo((short) 0x3C00);
    // 1 + 3 * 2^-11 ties between 1 + 2^-10 (odd) and 1 + 2^-9 (even): up.
    assertThat(Fp16.fromFloat(1f + 3 * 0x1p-11f)).isEqualTo((short) 0x3C02);
  }

  @Test
  void arrayHelpersRoundTrip() {
    float[] values = {0f, -0f, 1f, 65504f, 1e-8f, -3.14159f};
    short[] half = Fp16.fromFloats(values);
    float[] back = Fp16.toFloats(half);
    for (int i = 0; i < values.length; i++) {
      assertThat(half[i]).isEqualTo(Float.floatToFloat16(values[i]));
      assertThat(back[i]).isEqualTo(Float.float16ToFloat(half[i]));
    }
    short[] bf = Bf16.fromFloats(values);
    assertThat(Bf16.toFloats(bf)[2]).isEqualTo(1f);
  }
}
