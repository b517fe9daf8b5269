package dev.silica.simulator.stats;

/**
 * A long counter for the hot path: a plain field increment, read only when a snapshot is taken.
 * Created by {@link StatsScope#counter(Metric)}. Not thread-safe: one counter belongs to one run.
 */
public final class Counter {
  private long value;

  Counter() {}

  public void increment() {
    value++;
  }

  /** Adds {@code n} (which may be any value; invariants reject negative totals later). */
  public void add(long n) {
    value += n;
  }

  public long value() {
    return value;
  }
}
