package dev.silica.numerics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * All 2^32 float bit patterns through {@link Bf16#fromFloat(float)} against the bit-trick reference
 * of {@link Bf16ConversionTest#reference(int)}. Runs with {@code -P slow}.
 */
@Tag("slow")
class Bf16ExhaustiveTest {

  @Test
  void everyFloatPatternMatchesReference() {
    AtomicLong mismatches = new AtomicLong();
    AtomicLong first = new AtomicLong(-1);
    IntStream.range(0, 1 << 16)
        .parallel()
        .forEach(high -> {
          long local = 0;
          for (int low = 0; low < 1 << 16; low++) {
            int bits = (high << 16) | low;
            int actual = Bf16.fromFloat(Float.intBitsToFloat(bits)) & 0xFFFF;
            if (actual != Bf16ConversionTest.reference(bits)) {
              local++;
              first.compareAndSet(-1, bits & 0xFFFF_FFFFL);
            }
          }
          mismatches.addAndGet(local);
        });
    assertThat(mismatches.get()).as("mismatches; first at float bits 0x%08X", first.get()).isZero();
  }
}
