package dev.silica.numerics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.numerics.arith.Mac;
import org.junit.jupiter.api.Test;

/** Runs the usage example of {@link NumberFormat}'s class comment, line for line. */
class NumericsUserGuideTest {

  @Test
  void usageExample() {
    NumberFormat q = NumberFormat.parse("q8.8");
    float y = q.quantize(3.14159f);
    long bits = q.encode(-1f);
    float h = FloatingPoint.FP16.quantize(0.1f);
    long up = FloatingPoint.FP16.encode(0.1f, Rounder.UP);
    float[] a = {1f, 2f, 3f};
    float[] b = {0.5f, 0.25f, 2f};
    Mac mac = Mac.tensorCoreFp16();
    long acc = mac.dot(Fp16.fromFloats(a), Fp16.fromFloats(b), mac.zero());

    // 3.14159 * 256 = 804.25 → 804; 804 / 256 = 3.140625.
    assertThat(y).isEqualTo(3.140625f);
    // -1 in Q8.8 is -256 = 0xFF00 in 16-bit two's complement.
    assertThat(bits).isEqualTo(0xFF00L);
    // 0.1 lies between FP16 0x2E66 (0.099975586) and 0x2E67 (0.10003662), nearer the first.
    assertThat(h).isEqualTo(0.099975586f);
    assertThat(up).isEqualTo(0x2E67L);
    assertThat(FloatingPoint.FP16.decode(up)).isEqualTo(0.10003662f);
    // 1 * 0.5 + 2 * 0.25 + 3 * 2 = 7, exact in every step.
    assertThat(mac.value(acc)).isEqualTo(7.0);
  }
}
