package dev.silica.explore.spec;

/** How the design space is searched. */
public sealed interface Strategy {
  /** Every point of the expanded axes, in order. */
  record Grid() implements Strategy {}

  /**
   * {@code n} distinct points drawn uniformly from the expanded axes with the sweep's seed.
   *
   * @param n sample size (all points when the space is smaller)
   */
  record Random(int n) implements Strategy {
    public Random {
      if (n <= 0) {
        throw new IllegalArgumentException("n must be positive, got " + n);
      }
    }
  }

  /**
   * A seeded genetic search over axis-value indices: tournament selection, per-axis mutation,
   * elitism of the non-dominated set; evaluated generation by generation.
   *
   * @param population points per generation
   * @param generations number of generations (including the initial one)
   */
  record Evolutionary(int population, int generations) implements Strategy {
    public Evolutionary {
      if (population < 2 || generations < 1) {
        throw new IllegalArgumentException(
            "population must be >= 2 and generations >= 1, got " + population + ", " + generations);
      }
    }
  }
}
