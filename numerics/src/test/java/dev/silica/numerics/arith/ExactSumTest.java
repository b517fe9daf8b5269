package dev.silica.numerics.arith;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Round-to-odd addition against {@link BigDecimal}: the result r must satisfy: r == exact when the
 * sum is representable, otherwise r has an odd last bit and lies strictly between the two doubles
 * that bracket the exact sum, i.e. {@code |r| = trunc(|exact|) with its last bit set}.
 */
class ExactSumTest {

  @ParameterizedTest(name = "seed={0}")
  @ValueSource(longs = {5, 6, 7})
  void roundToOddMatchesBigDecimal(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 20_000; i++) {
      // Float operands with exponents far apart make most sums inexact in double.
      double a = Math.scalb((double) (float) random.nextDouble(-1, 1), random.nextInt(-140, 120));
      double b = Math.scalb((double) (float) random.nextDouble(-1, 1), random.nextInt(-140, 120));
      double r = ExactSum.roundToOdd(a, b);
      BigDecimal exact = new BigDecimal(a).add(new BigDecimal(b));
      BigDecimal got = new BigDecimal(r);
      if (got.compareTo(exact) == 0) {
        continue;
      }
      assertThat(Double.doubleToRawLongBits(r) & 1).as("odd %s + %s", a, b).isEqualTo(1);
      // trunc(exact) is the neighbour of r toward zero, or r itself when r was already below.
      double towardZero = r > 0 ? Math.nextDown(r) : Math.nextUp(r);
      BigDecimal lo = new BigDecimal(Math.min(r, towardZero));
      BigDecimal hi = new BigDecimal(Math.max(r, towardZero));
      BigDecimal awayFromZero = new BigDecimal(r > 0 ? Math.nextUp(r) : Math.nextDown(r));
      boolean between =
          (exact.compareTo(lo) > 0 && exact.compareTo(hi) < 0)
              || (exact.compareTo(got) * Math.signum(r) > 0
                  && exact.compareTo(awayFromZero) * Math.signum(r) < 0);
      assertThat(between).as("%s + %s = %s, got %s", a, b, exact, r).isTrue();
    }
  }
}
