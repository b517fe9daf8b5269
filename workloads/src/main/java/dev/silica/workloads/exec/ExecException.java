package dev.silica.workloads.exec;

/**
 * A graph cannot run on the data it was given: a missing or mistyped input or weight, or an index
 * out of range. The message starts with the node or value at fault.
 */
public final class ExecException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public ExecException(String message) {
    super(message);
  }
}
