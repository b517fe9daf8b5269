package dev.silica.workloads.text;

import dev.silica.workloads.ir.Graph;

/** Prints a graph in the IR text form. */
public final class IrPrinter {
  private IrPrinter() {}

  /** The text form of {@code g}; {@code IrParser.parse(print(g), name).equals(g)}. */
  public static String print(Graph g) {
    throw new UnsupportedOperationException("IrPrinter not written yet");
  }
}
