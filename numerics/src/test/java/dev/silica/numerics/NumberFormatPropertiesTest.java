package dev.silica.numerics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded properties of every format: {@code decode(encode(x)) == quantize(x)}, quantize is
 * idempotent and monotone (non-decreasing), saturation never leaves the range, and the documented
 * round-to-nearest error bound holds.
 */
class NumberFormatPropertiesTest {

  static final List<NumberFormat> FORMATS =
      List.of(
          FloatingPoint.FP32,
          FloatingPoint.FP16,
          FloatingPoint.BF16,
          FloatingPoint.FP8_E4M3,
          FloatingPoint.FP8_E5M2,
          FloatingPoint.FP8_E4M3.withOverflow(Overflow.SATURATE),
          FixedPoint.q(8, 8),
          FixedPoint.uq(4, 4),
          FixedPoint.q(16, 16),
          FixedPoint.q(4, 4).withOverflow(Overflow.WRAP),
          IntegerFormat.INT8,
          IntegerFormat.UINT8.withAffine(0.05f, 100),
          IntegerFormat.INT4,
          Ternary.UNIT,
          new Ternary(0.3f, 0.7f, 0.9f),
          Binary.UNIT);

  static Stream<Arguments> cases() {
    return Stream.iterate(0, i -> i + 1)
        .limit(FORMATS.size())
        .map(i -> Arguments.of(1000L + i, FORMATS.get(i)));
  }

  /** Values spread over many magnitudes, both signs, with some exact zeros. */
  static float sample(SplittableRandom random) {
    float x = (float) (random.nextDouble(-1, 1) * Math.pow(2, random.nextInt(-30, 20)));
    return random.nextInt(50) == 0 ? 0f : x;
  }

  @ParameterizedTest(name = "seed={0} {1}")
  @MethodSource("cases")
  void roundTripAndIdempotence(long seed, NumberFormat format) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 20_000; i++) {
      float x = sample(random);
      float q = format.quantize(x);
      // floatToIntBits: all NaNs compare equal (E4M3 overflows to NaN).
      assertThat(Float.floatToIntBits(format.decode(format.encode(x))))
          .isEqualTo(Float.floatToIntBits(q));
      if (!Float.isNaN(q)) {
        assertThat(format.quantize(q)).as("%s: quantize(%s) = %s", format, x, q).isEqualTo(q);
      }
    }
  }

  @ParameterizedTest(name = "seed={0} {1}")
  @MethodSource("cases")
  void quantizeIsMonotone(long seed, NumberFormat format) {
    if (format instanceof FixedPoint f && f.overflow() == Overflow.WRAP) {
      return; // wrap-around is deliberately not monotone
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 20_000; i++) {
      float x = sample(random);
      float y = sample(random);
      float lo = Math.min(x, y);
      float hi = Math.max(x, y);
      float qlo = format.quantize(lo);
      float qhi = format.quantize(hi);
      if (!Float.isNaN(qlo) && !Float.isNaN(qhi)) {
        assertThat(qlo).as("%s: q(%s) <= q(%s)", format, lo, hi).isLessThanOrEqualTo(qhi);
      }
    }
  }

  @ParameterizedTest(name = "seed={0} {1}")
  @MethodSource("cases")
  void nearestEvenErrorBound(long seed, NumberFormat format) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 20_000; i++) {
      float x = sample(random);
      double error = Math.abs((double) format.quantize(x) - x);
      switch (format) {
        case FloatingPoint f -> {
          double ax = Math.abs(x);
          if (ax >= f.minNormal() && ax <= f.maxFinite()) {
            // |error| <= 2^-(M+1) |x| for normal results.
            assertThat(error).isLessThanOrEqualTo(Math.scalb(ax, -(f.mantissaBits() + 1)));
          } else if (ax < f.minNormal()) {
            // Subnormal range: at most half the smallest subnormal.
            assertThat(error).isLessThanOrEqualTo(f.minSubnormal() / 2);
          }
        }
        case FixedPoint f -> {
          double ulp = f.ulp();
          double raw = x / ulp;
          if (raw >= f.minRaw() && raw <= f.maxRaw() && f.bitWidth() <= 24) {
            assertThat(error).isLessThanOrEqualTo(ulp / 2);
          }
        }
        case IntegerFormat f -> {
          double q = (double) x / f.scale() + f.zeroPoint();
          if (q >= f.minValue() && q <= f.maxValue()) {
            assertThat(error).isLessThanOrEqualTo(f.scale() * 0.5001);
          }
        }
        case Ternary t -> assertThat(t.quantize(x)).isIn(0f, t.positiveScale(), -t.negativeScale());
        case Binary b -> assertThat(Math.abs(b.quantize(x))).isEqualTo(b.alpha());
      }
    }
  }

  @ParameterizedTest(name = "seed={0} {1}")
  @MethodSource("cases")
  void saturationStaysInRange(long seed, NumberFormat format) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 2_000; i++) {
      float big = (float) Math.scalb(random.nextDouble(1, 2), random.nextInt(20, 127));
      float signed = random.nextBoolean() ? big : -big;
      float q = format.quantize(signed);
      switch (format) {
        case FixedPoint f when f.overflow() == Overflow.SATURATE ->
            assertThat(q).isEqualTo(f.decode(f.rawToBits(signed > 0 ? f.maxRaw() : f.minRaw())));
        case IntegerFormat f ->
            assertThat(q).isEqualTo(f.dequantize(signed > 0 ? f.maxValue() : f.minValue()));
        case FloatingPoint f when f.overflow() == Overflow.SATURATE ->
            assertThat((double) Math.abs(q)).isEqualTo(f.maxFinite());
        default -> {}
      }
    }
  }
}
