package dev.silica.numerics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Ternary (TWN, TTQ) and binary weights. */
class TernaryBinaryTest {
  // mean|w| = (0.1 + 0.2 + 0.3 + 0.4 + 1.0 + 2.0) / 6 = 4.0 / 6 = 0.6667.
  private static final float[] W = {0.1f, -0.2f, 0.3f, -0.4f, 1.0f, -2.0f};

  @Test
  void twnThresholdAndScale() {
    // Δ = 0.7 * 0.6667 = 0.46667; kept |w| > Δ: 1.0 and 2.0, so α = 1.5.
    Ternary t = Ternary.twn(W);
    assertThat((double) t.threshold()).isCloseTo(0.7 * 4.0 / 6, within(1e-6));
    assertThat(t.positiveScale()).isEqualTo(1.5f);
    assertThat(t.negativeScale()).isEqualTo(1.5f);
    float[] expected = {0, 0, 0, 0, 1.5f, -1.5f};
    for (int i = 0; i < W.length; i++) {
      assertThat(t.quantize(W[i])).isEqualTo(expected[i]);
    }
    assertThat(t.name()).startsWith("ternary(delta=");
  }

  @Test
  void ttqThresholdAndScales() {
    // t = 0.1: Δ = 0.1 * max|w| = 0.2. Kept positives: 0.3, 1.0 (mean 0.65); negatives: -0.4, -2.0
    // (mean magnitude 1.2). -0.2 is not below -Δ, so it becomes 0.
    Ternary init = Ternary.ttqInitial(W, 0.1);
    assertThat(init.threshold()).isEqualTo(0.2f);
    assertThat((double) init.positiveScale()).isCloseTo(0.65, within(1e-6));
    assertThat((double) init.negativeScale()).isCloseTo(1.2, within(1e-6));
    Ternary trained = Ternary.ttq(W, 0.1, 0.8f, 1.1f);
    float[] expected = {0, 0, 0.8f, -1.1f, 0.8f, -1.1f};
    for (int i = 0; i < W.length; i++) {
      assertThat(trained.quantize(W[i])).isEqualTo(expected[i]);
    }
  }

  @Test
  void ternaryCodesAndUnitFormat() {
    Ternary u = Ternary.UNIT;
    assertThat(u.name()).isEqualTo("ternary");
    assertThat(u.bitWidth()).isEqualTo(2);
    // Codes: 0 → 0b00, +1 → 0b01, -1 → 0b11; all 3 x 3 combinations of products are {-1, 0, 1}.
    assertThat(u.encode(0.7f)).isEqualTo(0b01);
    assertThat(u.encode(-0.7f)).isEqualTo(0b11);
    assertThat(u.encode(0.5f)).isEqualTo(0b00);
    assertThat(u.encode(Float.NaN)).isEqualTo(0b00);
    for (long a : new long[] {0b00, 0b01, 0b11}) {
      for (long b : new long[] {0b00, 0b01, 0b11}) {
        float product = u.decode(a) * u.decode(b) + 0f; // + 0f turns -0 into +0
        assertThat(product).isIn(-1f, 0f, 1f);
        assertThat(u.quantize(product)).isEqualTo(product);
      }
    }
    assertThatThrownBy(() -> u.decode(0b10))
        .hasMessage("numeric format 'ternary': code must be one of 0b00, 0b01, 0b11, got 0b10");
  }

  @Test
  void binaryScaleIsMeanMagnitude() {
    Binary b = Binary.fit(W);
    assertThat((double) b.alpha()).isCloseTo(4.0 / 6, within(1e-6));
    assertThat(b.quantize(-0.01f)).isEqualTo(-b.alpha());
    assertThat(b.quantize(0f)).isEqualTo(b.alpha());
    assertThat(b.quantize(-0f)).isEqualTo(b.alpha());
    assertThat(b.encode(-3f)).isEqualTo(1);
    assertThat(Binary.UNIT.name()).isEqualTo("binary");
    assertThat(Binary.UNIT.bitWidth()).isEqualTo(1);
  }

  @Test
  void badWeights() {
    assertThatThrownBy(() -> Ternary.twn(new float[0]))
        .hasMessage("ternary twn: weights must be non-empty, got 0 values");
    assertThatThrownBy(() -> Binary.fit(new float[] {1f, Float.NaN}))
        .hasMessage("binary fit: weight 1 must be finite, got NaN");
    assertThatThrownBy(() -> Ternary.ttq(W, 1.5, 1f, 1f))
        .hasMessage("ternary ttq: threshold factor t must be in [0, 1], got 1.5");
  }
}
