package dev.silica.isa;

import java.util.Locale;

/**
 * A user error in assembly text. The message is {@code source:line:col: detail}, line and column
 * counted from 1, the column in UTF-16 units, pointing at the token at fault.
 */
public final class AssemblyException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final int column;
  private final String detail;

  /**
   * @param source the file name or other label of the text
   * @param line 1-based line
   * @param column 1-based column in UTF-16 units
   * @param detail what is wrong, without the position prefix
   */
  public AssemblyException(String source, int line, int column, String detail) {
    super(source + ":" + line + ":" + column + ": " + detail);
    this.source = source;
    this.line = line;
    this.column = column;
    this.detail = detail;
  }

  /** The label of the text that failed to assemble. */
  public String source() {
    return source;
  }

  /** 1-based line of the fault. */
  public int line() {
    return line;
  }

  /** 1-based column of the fault, in UTF-16 units. */
  public int column() {
    return column;
  }

  /** The message without its {@code source:line:col: } prefix. */
  public String detail() {
    return detail;
  }

  /**
   * Quotes a piece of text for a message, escaping control and non-ASCII space characters as {@code
   * \\uXXXX} so that a message stays on one printable line.
   */
  public static String quote(String s) {
    StringBuilder b = new StringBuilder("'");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c) || (Character.isSpaceChar(c) && c != ' ') || c == '\uFEFF') {
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('\'').toString();
  }
}
