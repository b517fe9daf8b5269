package dev.silica.numerics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * All 2^32 float bit patterns through {@link Fp16#fromFloat(float)}, compared bit for bit with
 * {@link Float#floatToFloat16} (NaNs: by the documented payload rule, see {@link
 * Fp16ConversionTest#assertSameAsJdk(int)}). Runs with {@code -P slow}; the default run checks a
 * 2^24 sample ({@link Fp16ConversionTest}).
 */
@Tag("slow")
class Fp16ExhaustiveTest {

  @Test
  void everyFloatPatternMatchesJdk() {
    AtomicLong mismatches = new AtomicLong();
    AtomicLong first = new AtomicLong(-1);
    IntStream.range(0, 1 << 16)
        .parallel()
        .forEach(high -> {
          long local = 0;
          for (int low = 0; low < 1 << 16; low++) {
            int bits = (high << 16) | low;
            float x = Float.intBitsToFloat(bits);
            if (Float.floatToFloat16(x) != Fp16.fromFloat(x)) {
              local++;
              first.compareAndSet(-1, bits & 0xFFFF_FFFFL);
            }
          }
          mismatches.addAndGet(local);
        });
    assertThat(mismatches.get()).as("mismatches; first at float bits 0x%08X", first.get()).isZero();
  }
}
