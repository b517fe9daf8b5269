package dev.silica.numerics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The rounding core on hand-worked cases. */
class RounderTest {

  @Test
  void roundMagnitudeByMode() {
    // 0b1011 / 2^2 = 2.75; 0b1010 / 2^2 = 2.5 (tie, 2 even); 0b1110 / 2^2 = 3.5 (tie, 4 even).
    assertThat(Rounder.NEAREST_EVEN.roundMagnitude(0b1011, 2, false)).isEqualTo(3);
    assertThat(Rounder.NEAREST_EVEN.roundMagnitude(0b1010, 2, false)).isEqualTo(2);
    assertThat(Rounder.NEAREST_EVEN.roundMagnitude(0b1110, 2, false)).isEqualTo(4);
    assertThat(Rounder.TOWARD_ZERO.roundMagnitude(0b1011, 2, true)).isEqualTo(2);
    // DOWN on a negative value grows the magnitude (-2.75 → -3); on a positive one truncates.
    assertThat(Rounder.DOWN.roundMagnitude(0b1001, 2, true)).isEqualTo(3);
    assertThat(Rounder.DOWN.roundMagnitude(0b1011, 2, false)).isEqualTo(2);
    assertThat(Rounder.UP.roundMagnitude(0b1001, 2, false)).isEqualTo(3);
    assertThat(Rounder.UP.roundMagnitude(0b1000, 2, false)).isEqualTo(2);
  }

  @Test
  void hugeShiftsKeepStickyInformation() {
    // 1 / 2^100 is tiny but not zero: directed-away rounds to 1, nearest and toward-zero to 0.
    assertThat(Rounder.UP.roundMagnitude(1, 100, false)).isEqualTo(1);
    assertThat(Rounder.NEAREST_EVEN.roundMagnitude(1, 100, false)).isZero();
    assertThat(Rounder.TOWARD_ZERO.roundMagnitude(Long.MAX_VALUE, 200, false)).isZero();
    // (2^62 + 1) / 2^63 is just above one half: rounds to 1.
    assertThat(Rounder.NEAREST_EVEN.roundMagnitude((1L << 62) + 1, 63, false)).isEqualTo(1);
    assertThat(Rounder.NEAREST_EVEN.roundMagnitude(1L << 62, 63, false)).isZero();
  }

  @Test
  void roundToInteger() {
    assertThat(Rounder.NEAREST_EVEN.roundToInteger(-2.5)).isEqualTo(-2);
    assertThat(Rounder.NEAREST_EVEN.roundToInteger(-3.5)).isEqualTo(-4);
    assertThat(Rounder.DOWN.roundToInteger(-2.1)).isEqualTo(-3);
    assertThat(Rounder.UP.roundToInteger(-2.9)).isEqualTo(-2);
    assertThat(Rounder.TOWARD_ZERO.roundToInteger(2.9)).isEqualTo(2);
    assertThat(Rounder.NEAREST_EVEN.roundToInteger(0x1p40)).isEqualTo(1L << 40);
    // 2^64 + 2^12 modulo 2^64 is 2^12 (the low bits, for wrap-around).
    assertThat(Rounder.NEAREST_EVEN.roundToInteger(0x1p64 + 0x1p12)).isEqualTo(1L << 12);
    assertThatThrownBy(() -> Rounder.NEAREST_EVEN.roundToInteger(Double.NaN))
        .hasMessage("rounding: value must be finite, got NaN");
  }

  @Test
  void stochasticSplitIsDeterministic() {
    Rounder a = Rounder.stochastic(42).split();
    Rounder b = Rounder.stochastic(42).split();
    for (int i = 0; i < 1000; i++) {
      assertThat(a.roundMagnitude(i * 7L + 3, 3, false))
          .isEqualTo(b.roundMagnitude(i * 7L + 3, 3, false));
    }
    assertThat(Rounder.NEAREST_EVEN.split()).isSameAs(Rounder.NEAREST_EVEN);
    assertThat(Rounder.of(Rounding.UP)).isSameAs(Rounder.UP);
  }
}
