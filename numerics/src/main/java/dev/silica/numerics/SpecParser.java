package dev.silica.numerics;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parser behind {@link NumberFormat#parse(String)}; grammar and messages are documented there.
 */
final class SpecParser {
  private static final Pattern FIXED = Pattern.compile("(u?)q(-?\\d+)\\.(-?\\d+)");
  private static final Pattern INTEGER = Pattern.compile("(u?)int(-?\\d+)");
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);

  private SpecParser() {}

  static NumberFormat parse(String spec) {
    if (spec == null) {
      throw new IllegalArgumentException("numeric format: spec must be given, got null");
    }
    String trimmed = spec.trim();
    String where = Checks.formatWhere(trimmed);
    String lower = trimmed.toLowerCase(Locale.ROOT);
    int colon = lower.indexOf(':');
    String base = colon < 0 ? lower : lower.substring(0, colon);
    Overflow overflow = colon < 0 ? null : overflow(where, lower.substring(colon + 1));
    Matcher fixed = FIXED.matcher(base);
    Matcher integer = INTEGER.matcher(base);
    if (fixed.matches()) {
      boolean signed = fixed.group(1).isEmpty();
      long m = number(fixed.group(2));
      long n = number(fixed.group(3));
      BigInteger width = new BigInteger(fixed.group(2)).add(new BigInteger(fixed.group(3)));
      if (m >= 0 && n >= 0 && width.compareTo(BigInteger.valueOf(FixedPoint.MAX_WIDTH)) > 0) {
        // Reported here with the exact sum, which may not fit a long.
        throw new IllegalArgumentException(
            Checks.message(where, "total width", "be <= 32 bits", width));
      }
      Overflow o = overflow == null ? Overflow.SATURATE : overflow;
      FixedPoint.validate(where, m, n, signed, o);
      return new FixedPoint((int) m, (int) n, signed, o);
    }
    if (integer.matches()) {
      boolean signed = integer.group(1).isEmpty();
      long bits = number(integer.group(2));
      Overflow o = overflow == null ? Overflow.SATURATE : overflow;
      IntegerFormat.validateWidth(where, bits);
      IntegerFormat.validateOverflow(where, o);
      return new IntegerFormat((int) bits, signed, 1f, 0, o);
    }
    FloatingPoint fp =
        switch (base) {
          case "fp32" -> FloatingPoint.FP32;
          case "fp16" -> FloatingPoint.FP16;
          case "bf16" -> FloatingPoint.BF16;
          case "fp8e4m3" -> FloatingPoint.FP8_E4M3;
          case "fp8e5m2" -> FloatingPoint.FP8_E5M2;
          default -> null;
        };
    if (fp != null) {
      if (overflow == null) {
        return fp;
      }
      FloatingPoint.validateOverflow(where, overflow);
      return fp.withOverflow(overflow);
    }
    if (base.equals("ternary") || base.equals("binary")) {
      Checks.require(
          overflow == null, where, "a " + base + " format", "have no overflow suffix", overflow);
      return base.equals("ternary") ? Ternary.UNIT : Binary.UNIT;
    }
    throw new IllegalArgumentException(
        where
            + ": unknown format (expected one of: "
            + String.join(", ", NumberFormat.SPEC_FORMS)
            + ")");
  }

  private static Overflow overflow(String where, String suffix) {
    for (Overflow o : Overflow.values()) {
      if (o.specName().equals(suffix)) {
        return o;
      }
    }
    throw new IllegalArgumentException(
        Checks.message(
            where, "overflow suffix", "be one of saturate, wrap, infinity", "'" + suffix + "'"));
  }

  /** A decimal integer, clamped to the long range so that huge widths still get a message. */
  private static long number(String digits) {
    BigInteger value = new BigInteger(digits);
    return value.max(LONG_MIN).min(LONG_MAX).longValue();
  }
}
