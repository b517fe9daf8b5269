package dev.silica.numerics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every deterministic rounding mode of every FP format of at most 16 bits against {@link
 * FloatOracle}, which enumerates the format's values from the definition and picks a neighbour;
 * plus stochastic rounding's determinism, support and unbiasedness.
 */
class RoundingModesTest {

  static Stream<Arguments> cases() {
    List<FloatingPoint> formats =
        List.of(
            FloatingPoint.FP16,
            FloatingPoint.BF16,
            FloatingPoint.FP8_E4M3,
            FloatingPoint.FP8_E5M2,
            FloatingPoint.FP16.withOverflow(Overflow.SATURATE),
            FloatingPoint.FP8_E4M3.withOverflow(Overflow.SATURATE),
            // Non-standard widths exercise the generic encoder: FP4-like E2M1, FP6-like E3M2, a
            // 16-bit E6M9, and a FINITE_NAN E5M3.
            new FloatingPoint(2, 1, FloatingPoint.Specials.IEEE, Overflow.INFINITY),
            new FloatingPoint(3, 2, FloatingPoint.Specials.IEEE, Overflow.SATURATE),
            new FloatingPoint(6, 9, FloatingPoint.Specials.IEEE, Overflow.INFINITY),
            new FloatingPoint(5, 3, FloatingPoint.Specials.FINITE_NAN, Overflow.INFINITY));
    Stream.Builder<Arguments> b = Stream.builder();
    long seed = 100;
    for (FloatingPoint f : formats) {
      for (Rounding mode : Rounding.values()) {
        if (mode != Rounding.STOCHASTIC) {
          b.add(Arguments.of(seed++, f, mode));
        }
      }
    }
    return b.build();
  }

  /** Random float whose magnitude lies within (or just beyond) the format's range. */
  static float randomInRange(SplittableRandom random, FloatingPoint format) {
    int minExp = format.minExponent() - format.mantissaBits() - 2;
    int maxExp = format.maxExponent() + 2;
    int exp = random.nextInt(minExp, maxExp + 1);
    float significand = 1f + random.nextInt(1 << 23) * 0x1p-23f;
    float x = Math.scalb(significand, exp);
    return random.nextBoolean() ? -x : x;
  }

  @ParameterizedTest(name = "seed={0} {1} {2}")
  @MethodSource("cases")
  void deterministicModesMatchOracle(long seed, FloatingPoint format, Rounding mode) {
    FloatOracle oracle = new FloatOracle(format);
    Rounder rounder = Rounder.of(mode);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 50_000; i++) {
      float x = randomInRange(random, format);
      assertThat(format.encode(x, rounder))
          .as("%s %s(%s)", mode, format, x)
          .isEqualTo(oracle.encode(x, mode));
    }
    // Every value and every midpoint between neighbours, with a float ulp either side.
    for (int k = 0; k < oracle.maxCode(); k++) {
      double mid = (oracle.value(k) + oracle.value(k + 1)) / 2;
      for (double v : new double[] {oracle.value(k), mid}) {
        float f = (float) v;
        for (float g : new float[] {Math.nextDown(f), f, Math.nextUp(f), -f}) {
          Expect.equal(
              format.encode(g, rounder),
              oracle.encode(g, mode),
              () -> mode + " " + format + "(" + g + ")");
        }
      }
    }
    for (float special :
        new float[] {
          Float.POSITIVE_INFINITY,
          Float.NEGATIVE_INFINITY,
          Float.MAX_VALUE,
          -Float.MAX_VALUE,
          0f,
          -0f
        }) {
      assertThat(format.encode(special, rounder))
          .as("%s %s(%s)", mode, format, special)
          .isEqualTo(oracle.encode(special, mode));
    }
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void stochasticRoundingIsDeterministicGivenSeedAndPicksANeighbour(long seed) {
    FloatingPoint format = FloatingPoint.FP16;
    FloatOracle oracle = new FloatOracle(format);
    Rounder first = Rounder.stochastic(seed);
    Rounder second = Rounder.stochastic(seed);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 50_000; i++) {
      float x = randomInRange(random, format);
      long a = format.encode(x, first);
      long b = format.encode(x, second);
      assertThat(a).isEqualTo(b);
      long down = oracle.encode(x, Rounding.TOWARD_ZERO);
      long away = oracle.encode(x, x < 0 ? Rounding.DOWN : Rounding.UP);
      assertThat(a).as("sr(%s)", x).isIn(down, away);
    }
  }

  static Stream<Long> seeds() {
    return Stream.of(1L, 2L, 3L);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void stochasticRoundingIsUnbiased(long seed) {
    // 1 + 0.3 ulp in FP16 (ulp 2^-10): up with probability 0.3. Over n = 200000 draws the count's
    // standard deviation is sqrt(n p (1-p)) ~ 205; allow 6 sigma.
    Rounder rounder = Rounder.stochastic(seed);
    float x = 1f + 0.3f * 0x1p-10f;
    int n = 200_000;
    int up = 0;
    for (int i = 0; i < n; i++) {
      if (FloatingPoint.FP16.quantize(x, rounder) > 1f) {
        up++;
      }
    }
    assertThat((double) up).isCloseTo(0.3 * n, org.assertj.core.data.Offset.offset(6 * 205.0));
    // Fixed point: x = 0.25 + 0.6 * 2^-8 in Q8.8 has the same property with p = 0.6.
    FixedPoint q = FixedPoint.q(8, 8);
    float y = 0.25f + 0.6f * 0x1p-8f;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += q.quantize(y, rounder);
    }
    assertThat(sum / n)
        .isCloseTo(y, org.assertj.core.data.Offset.offset(6 * 0x1p-8 * 0.49 / Math.sqrt(n)));
  }
}
