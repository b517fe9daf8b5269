package dev.silica.workloads.ir;

/**
 * A user error in a graph: a shape mismatch, a bad attribute, an unknown value. The message names
 * where ({@code conv3: weight channels 64 != input channels 32}); the text parser prefixes it with
 * {@code file:line:col}.
 */
public class IrException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public IrException(String message) {
    super(message);
  }

  public IrException(String message, Throwable cause) {
    super(message, cause);
  }
}
