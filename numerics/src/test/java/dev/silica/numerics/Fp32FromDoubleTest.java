package dev.silica.numerics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * FP32 from double (the rounding the MAC applies to FP32 accumulations), against Java's own
 * double-to-float cast (IEEE round-to-nearest-even) and, for the directed modes, that cast stepped
 * one float toward the required direction when it went the other way.
 */
class Fp32FromDoubleTest {

  static float reference(double d, Rounding mode) {
    float nearest = (float) d;
    if ((double) nearest == d || Double.isNaN(d)) {
      return nearest;
    }
    boolean roundedUp = (double) nearest > d; // +Inf counts as above
    return switch (mode) {
      case NEAREST_EVEN -> nearest;
      case UP -> roundedUp ? nearest : Math.nextUp(nearest);
      case DOWN -> roundedUp ? Math.nextDown(nearest) : nearest;
      case TOWARD_ZERO ->
          d > 0
              ? (roundedUp ? Math.nextDown(nearest) : nearest)
              : (roundedUp ? nearest : Math.nextUp(nearest));
      case STOCHASTIC -> throw new IllegalArgumentException();
    };
  }

  @ParameterizedTest(name = "seed={0}")
  @ValueSource(longs = {91, 92})
  void allModesMatchReference(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (Rounding mode :
        new Rounding[] {Rounding.NEAREST_EVEN, Rounding.TOWARD_ZERO, Rounding.DOWN, Rounding.UP}) {
      Rounder rounder = Rounder.of(mode);
      for (int i = 0; i < 100_000; i++) {
        // Exponents across subnormal, normal and overflow ranges of binary32.
        double d = Math.scalb(random.nextDouble(-2, 2), random.nextInt(-160, 132));
        float expected = reference(d, mode);
        float actual = FloatingPoint.FP32.decode(FloatingPoint.FP32.encode(d, rounder));
        if (Float.floatToRawIntBits(actual) != Float.floatToRawIntBits(expected)) {
          throw new AssertionError(
              mode + " fp32(" + d + "): expected " + expected + ", got " + actual);
        }
      }
    }
    // Float inputs are exact in FP32 under every mode.
    assertThat(FloatingPoint.FP32.quantize(0.1f, Rounder.UP)).isEqualTo(0.1f);
    assertThat(FloatingPoint.FP32.round(1e300, Rounder.TOWARD_ZERO)).isEqualTo(Float.MAX_VALUE);
    assertThat(FloatingPoint.FP32.round(-1e300, Rounder.NEAREST_EVEN))
        .isEqualTo(Double.NEGATIVE_INFINITY);
  }
}
