package dev.silica.numerics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Affine integer formats with ONNX QuantizeLinear / DequantizeLinear semantics. */
class IntegerFormatTest {

  @Test
  void onnxQuantizeLinearExample() {
    // ONNX operator docs, QuantizeLinear example: x = [0, 2, 3, 1000, -254, -1000], scale 2,
    // zero point 128, uint8 → [128, 129, 130, 255, 1, 0]. 3 / 2 = 1.5 ties to even 2 → 130;
    // 1000 / 2 + 128 = 628 saturates to 255; -254 / 2 + 128 = 1; -1000 / 2 + 128 saturates to 0.
    IntegerFormat f = IntegerFormat.UINT8.withAffine(2f, 128);
    float[] x = {0, 2, 3, 1000, -254, -1000};
    long[] expected = {128, 129, 130, 255, 1, 0};
    for (int i = 0; i < x.length; i++) {
      assertThat(f.quantizeToInteger(x[i], Rounder.NEAREST_EVEN)).isEqualTo(expected[i]);
    }
    // DequantizeLinear example: x = [0, 3, 128, 255], scale 2, zp 128 → [-256, -250, 0, 254].
    long[] q = {0, 3, 128, 255};
    float[] y = {-256, -250, 0, 254};
    for (int i = 0; i < q.length; i++) {
      assertThat(f.dequantize(q[i])).isEqualTo(y[i]);
      assertThat(f.decode(q[i])).isEqualTo(y[i]);
    }
  }

  @Test
  void int8AndInt4Ranges() {
    // int8 saturates to [-128, 127], int4 to [-8, 7]; 2.5 and -2.5 tie to even 2 and -2.
    assertThat(IntegerFormat.INT8.quantize(300f)).isEqualTo(127f);
    assertThat(IntegerFormat.INT8.quantize(-300f)).isEqualTo(-128f);
    assertThat(IntegerFormat.INT4.quantize(7.6f)).isEqualTo(7f);
    assertThat(IntegerFormat.INT4.quantize(-9f)).isEqualTo(-8f);
    assertThat(IntegerFormat.INT4.quantize(2.5f)).isEqualTo(2f);
    assertThat(IntegerFormat.INT4.quantize(-2.5f)).isEqualTo(-2f);
    assertThat(IntegerFormat.INT4.encode(-1f)).isEqualTo(0xFL);
    assertThat(IntegerFormat.INT4.decode(0xFL)).isEqualTo(-1f);
    assertThat(IntegerFormat.INT4.withOverflow(Overflow.WRAP).quantize(9f)).isEqualTo(-7f);
    assertThat(IntegerFormat.of(12, true).bitWidth()).isEqualTo(12);
    assertThat(IntegerFormat.INT8.quantize(Float.NaN)).isEqualTo(0f);
    assertThat(IntegerFormat.INT8.quantize(Float.POSITIVE_INFINITY)).isEqualTo(127f);
  }

  @Test
  void seededQuantizeMatchesBigDecimalOfFloatQuotient() {
    // Seed 21: the reference rounds the float32 quotient x / scale with BigDecimal (exact), adds
    // the zero point and clamps: the ONNX formula written out independently.
    SplittableRandom random = new SplittableRandom(21);
    for (int i = 0; i < 20_000; i++) {
      int bits = random.nextInt(2, 13);
      boolean signed = random.nextBoolean();
      IntegerFormat plain = IntegerFormat.of(bits, signed);
      long zp = random.nextLong(plain.minValue(), plain.maxValue() + 1);
      float scale = (float) Math.exp(random.nextDouble(-8, 3));
      IntegerFormat f = plain.withAffine(scale, zp);
      float x = (float) random.nextDouble(-2, 2) * scale * (1 << bits);
      Rounding mode = Rounding.values()[random.nextInt(4)];
      long expected =
          new BigDecimal(x / scale).setScale(0, FixedPointTest.javaMode(mode)).longValueExact();
      expected = Math.max(f.minValue(), Math.min(f.maxValue(), expected + zp));
      Expect.equal(
          f.quantizeToInteger(x, Rounder.of(mode)), expected, () -> mode + " " + f + "(" + x + ")");
      long q = f.quantizeToInteger(x, Rounder.NEAREST_EVEN);
      if (q > f.minValue() && q < f.maxValue()) {
        // Within range the error is at most scale / 2, plus float32 rounding of x / scale.
        assertThat((double) Math.abs(f.quantize(x) - x)).isLessThanOrEqualTo(scale * 0.5001);
      }
    }
    assertThat(new BigDecimal("2.5").setScale(0, RoundingMode.HALF_EVEN).intValue()).isEqualTo(2);
  }
}
