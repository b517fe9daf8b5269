package dev.silica.reports;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Number formatting for reports, always in {@link Locale#ROOT}. */
final class Fmt {
  private Fmt() {}

  /**
   * Exact, machine-readable: a {@code long} as is, a {@code double} in Java's shortest round-trip
   * form ({@code 2300.0}, {@code 1.76E-7}); NaN and infinities as {@code null} is the caller's
   * business.
   */
  static String exact(Number n) {
    if (n instanceof Double || n instanceof Float) {
      return Double.toString(n.doubleValue());
    }
    return Long.toString(n.longValue());
  }

  /**
   * For people: integers as is; other values to 4 significant digits, plain from 1e-3 up to 1e6,
   * else scientific ({@code 1.234e+09}); infinity as {@code inf}.
   */
  static String human(Number n) {
    if (!(n instanceof Double || n instanceof Float)) {
      return Long.toString(n.longValue());
    }
    double v = n.doubleValue();
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    if (a >= 1e6 || a < 1e-3) {
      return String.format(Locale.ROOT, "%.3e", v);
    }
    return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }

  /** A cell for people: numbers through {@link #human(Number)}, anything else as text. */
  static String cell(Object o) {
    if (o == null) {
      return "";
    }
    return o instanceof Number n ? human(n) : o.toString();
  }
}
