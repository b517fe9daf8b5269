package dev.silica.simulator.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded properties of the built-in table and the energy model (seed in the display name). */
class EnergyPropertiesTest {
  private static final EnergyTable H = EnergyTable.horowitz45nm();

  static LongStream seeds() {
    return LongStream.of(1, 2, 3, 2024, 99991);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void sramEnergyGrowsWithCapacityAndWidth(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < 200; i++) {
      long c = 1024L << r.nextInt(12); // 1 KiB .. 2 MiB
      int w = 8 << r.nextInt(5); // 8 .. 128 bits
      double e = H.energyPj(Action.sramRead(c, w));
      assertThat(H.energyPj(Action.sramRead(c * 2, w)))
          .as("seed %d: C=%d W=%d", seed, c, w)
          .isGreaterThan(e);
      assertThat(H.energyPj(Action.sramRead(c, w * 2)))
          .as("seed %d: C=%d W=%d", seed, c, w)
          .isGreaterThan(e);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void integerArithmeticGrowsWithWidth(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < 100; i++) {
      int n = 2 + r.nextInt(62);
      for (String op : new String[] {"add.int", "mult.int", "mac.int"}) {
        assertThat(H.energyPj(Action.of(op + (n + 1))))
            .as("seed %d: %s%d", seed, op, n)
            .isGreaterThanOrEqualTo(H.energyPj(Action.of(op + n)));
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void energyIsTheSumOfCountTimesPrice(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Action[] actions = {
      Action.mac("int8"),
      Action.mac("fp16"),
      Action.sramRead(65536, 64),
      Action.DRAM_READ_BITS,
      Action.nocHop(32)
    };
    ActionCounts counts = new ActionCounts();
    double expected = 0;
    for (int i = 0; i < 50; i++) {
      Action a = actions[r.nextInt(actions.length)];
      long n = r.nextLong(1_000_000);
      counts.add("c" + r.nextInt(4), a, n);
      expected += n * H.energyPj(a);
    }
    EnergyBreakdown b = EnergyModel.evaluate(counts, H);
    assertThat(b.totalPj()).isCloseTo(expected, within(1e-9 * expected));
    assertThat(b.byComponent().values().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(b.totalPj(), within(1e-9 * expected));
  }
}
