package dev.silica.numerics;

import java.util.function.Supplier;

/** Allocation-free equality checks for hot loops over millions of cases (AssertJ is too slow). */
final class Expect {
  private Expect() {}

  static void equal(long actual, long expected, Supplier<String> what) {
    if (actual != expected) {
      throw new AssertionError(what.get() + ": expected " + expected + ", got " + actual);
    }
  }
}
