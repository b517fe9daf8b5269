package dev.silica.workloads.ir;

/** Where a value comes from. */
public enum ValueKind {
  /** Fed by the caller at run time (an image, a token sequence). */
  INPUT,
  /** A trainable weight (an initializer counted in the parameter total). */
  PARAMETER,
  /**
   * A non-trainable initializer: batch-norm running statistics, small constants. Not counted as a
   * parameter, as torchvision's {@code parameters()} excludes buffers.
   */
  BUFFER,
  /** Produced by a node. */
  ACTIVATION
}
