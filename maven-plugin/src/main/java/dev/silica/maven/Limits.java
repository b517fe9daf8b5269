package dev.silica.maven;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Limits on a run's {@link Metrics}: upper bounds ({@code max...}) and lower bounds ({@code
 * min...}), each named by its configuration parameter and checked against one metric.
 *
 * <p>A metric above its maximum or below its minimum is a <b>breach</b>; a limit on a metric the
 * run does not have is <b>unchecked</b> and fails as well (a missing number is never a pass). A
 * limit equal to the metric holds. {@link #check} returns every problem, one line each, in the
 * order the limits were added.
 */
public final class Limits {

  /** One limit: the parameter that set it, the metric it bounds, the bound and its direction. */
  public record Limit(String parameter, String metric, double bound, boolean upper) {

    /** Whether {@code value} is within this limit. */
    public boolean holds(double value) {
      return upper ? value <= bound : value >= bound;
    }
  }

  private final List<Limit> limits = new ArrayList<>();

  /** Adds an upper bound when {@code bound} is set (non-null); returns this. */
  public Limits max(String parameter, String metric, Double bound) {
    return add(parameter, metric, bound, true);
  }

  /** Adds a lower bound when {@code bound} is set (non-null); returns this. */
  public Limits min(String parameter, String metric, Double bound) {
    return add(parameter, metric, bound, false);
  }

  private Limits add(String parameter, String metric, Double bound, boolean upper) {
    if (bound != null) {
      if (bound.isNaN()) {
        throw new IllegalArgumentException(parameter + ": must be a number, got NaN");
      }
      limits.add(new Limit(parameter, metric, bound, upper));
    }
    return this;
  }

  /** The limits set, in the order they were added. */
  public List<Limit> limits() {
    return List.copyOf(limits);
  }

  /**
   * Checks every limit against {@code m}.
   *
   * @return one line per limit: {@code metric = value (maxX = bound): ok}, or its problem
   */
  public Map<Limit, Outcome> check(Metrics m) {
    Map<Limit, Outcome> out = new LinkedHashMap<>();
    for (Limit l : limits) {
      Double v = m.values().get(l.metric());
      if (v == null) {
        out.put(
            l,
            new Outcome(
                false,
                l.parameter()
                    + " = "
                    + number(l.bound())
                    + " cannot be checked: "
                    + l.metric()
                    + " is missing ("
                    + m.missing().getOrDefault(l.metric(), "not computed")
                    + ")"));
      } else if (!l.holds(v)) {
        out.put(
            l,
            new Outcome(
                false,
                l.metric()
                    + " = "
                    + number(v)
                    + (l.upper() ? " exceeds " : " is below ")
                    + l.parameter()
                    + " = "
                    + number(l.bound())));
      } else {
        out.put(
            l,
            new Outcome(
                true,
                l.metric()
                    + " = "
                    + number(v)
                    + (l.upper() ? " <= " : " >= ")
                    + l.parameter()
                    + " = "
                    + number(l.bound())));
      }
    }
    return out;
  }

  /**
   * What checking one limit found.
   *
   * @param passed whether the limit holds
   * @param message the metric, its value and the limit; for an unchecked limit, why
   */
  public record Outcome(boolean passed, String message) {}

  /** {@code v} to 6 significant digits, without exponent or trailing zeros. */
  static String number(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.toString(v);
    }
    return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
  }
}
