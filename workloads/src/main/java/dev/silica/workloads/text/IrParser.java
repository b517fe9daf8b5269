package dev.silica.workloads.text;

import dev.silica.workloads.ir.Graph;

/** Parses the IR text form. */
public final class IrParser {
  private IrParser() {}

  /**
   * Parses {@code text}; {@code source} (a file name) prefixes error messages as {@code
   * source:line:col: message}.
   *
   * @throws dev.silica.workloads.ir.IrException on any syntax or graph error
   */
  public static Graph parse(String text, String source) {
    throw new UnsupportedOperationException("IrParser not written yet");
  }
}
