package dev.silica.cli;

import java.util.Locale;

/**
 * Number formatting for everything the command line prints. All output uses {@link Locale#ROOT}, so
 * it is the same on every machine: exact counts with {@code ,} grouping ({@code 138,357,544}),
 * counts in decimal SI units ({@code 15.47 G}) and byte sizes in binary IEC units ({@code 58.13
 * MiB}).
 */
final class Units {
  private static final String[] SI = {"", " k", " M", " G", " T", " P", " E"};
  private static final String[] IEC = {" B", " KiB", " MiB", " GiB", " TiB", " PiB", " EiB"};

  private Units() {}

  /** {@code 138357544} → {@code 138,357,544}. */
  static String exact(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /**
   * A count in decimal SI units with two decimals: {@code 15470264320} → {@code 15.47 G}; counts
   * under 1000 print exactly.
   */
  static String count(long n) {
    return scaled(n, 1000, SI, "");
  }

  /** A byte size in binary units with two decimals: {@code 60950432} → {@code 58.13 MiB}. */
  static String bytes(long n) {
    return scaled(n, 1024, IEC, " B");
  }

  /** {@code 138.36 M (138,357,544)}: the scaled value, then the exact one when they differ. */
  static String countWithExact(long n) {
    String scaled = count(n);
    return Math.abs(n) < 1000 ? scaled : scaled + " (" + exact(n) + ")";
  }

  /** {@code 58.13 MiB (60,950,432 B)}. */
  static String bytesWithExact(long n) {
    return Math.abs(n) < 1024 ? bytes(n) : bytes(n) + " (" + exact(n) + " B)";
  }

  private static String scaled(long n, int base, String[] units, String smallUnit) {
    if (Math.abs(n) < base) {
      return n + smallUnit;
    }
    double v = n;
    int u = 0;
    while (Math.abs(v) >= base && u < units.length - 1) {
      v /= base;
      u++;
    }
    // 999.995 k rounds to "1000.00 k"; move it to the next unit so the mantissa stays below base.
    if (Math.abs(v) >= base - 0.005 && u < units.length - 1) {
      v /= base;
      u++;
    }
    return String.format(Locale.ROOT, "%.2f%s", v, units[u]);
  }
}
