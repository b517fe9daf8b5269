package dev.silica.numerics;

import java.util.Locale;

/**
 * Precondition helpers and the one place where this module's error messages are worded.
 *
 * <p>Messages follow the project style {@code <where>: <what> must <rule>, got <value>}, formatted
 * with {@link Locale#ROOT}, for example {@code numeric format 'q5.40': total width must be <= 32
 * bits, got 45}. Tests pin these messages, so change them here deliberately.
 */
public final class Checks {
  private Checks() {}

  /** The {@code <where>} prefix used for a number format: {@code numeric format 'q8.8'}. */
  public static String formatWhere(String spec) {
    return "numeric format '" + spec + "'";
  }

  /**
   * Throws {@link IllegalArgumentException} with {@code <where>: <what> must <rule>, got <value>}
   * when {@code ok} is false.
   */
  public static void require(boolean ok, String where, String what, String rule, Object got) {
    if (!ok) {
      throw new IllegalArgumentException(message(where, what, rule, got));
    }
  }

  /** Formats {@code <where>: <what> must <rule>, got <value>}. */
  public static String message(String where, String what, String rule, Object got) {
    return String.format(Locale.ROOT, "%s: %s must %s, got %s", where, what, rule, got);
  }
}
