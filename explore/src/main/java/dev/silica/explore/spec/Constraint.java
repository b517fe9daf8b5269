package dev.silica.explore.spec;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A feasibility bound on one metric, written {@code area_mm2 <= 300}.
 *
 * @param metric metric name
 * @param op comparison
 * @param value the bound
 */
public record Constraint(String metric, Op op, double value) {
  /** Comparison operators. */
  public enum Op {
    LE("<="),
    LT("<"),
    GE(">="),
    GT(">"),
    EQ("==");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    boolean test(double a, double b) {
      return switch (this) {
        case LE -> a <= b;
        case LT -> a < b;
        case GE -> a >= b;
        case GT -> a > b;
        case EQ -> a == b;
      };
    }

    /** The operator written {@code symbol}, if any. */
    public static Optional<Op> parse(String symbol) {
      for (Op o : values()) {
        if (o.symbol.equals(symbol)) {
          return Optional.of(o);
        }
      }
      return Optional.empty();
    }
  }

  public Constraint {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(op, "op");
  }

  /** True when {@code actual} satisfies the bound. */
  public boolean test(double actual) {
    return op.test(actual, value);
  }

  /**
   * Why {@code actual} violates this bound, e.g. {@code area_mm2 = 312.5 violates area_mm2 <= 300}.
   */
  public String violation(double actual) {
    return String.format(Locale.ROOT, "%s = %s violates %s", metric, num(actual), this);
  }

  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  @Override
  public String toString() {
    return metric + " " + op.symbol + " " + num(value);
  }
}
