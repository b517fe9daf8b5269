package dev.silica.workloads.onnx;

import dev.silica.workloads.ir.IrException;

/**
 * A user error while reading or writing an ONNX file: a malformed or truncated file, an op or
 * attribute Silica does not support, or a graph the exporter cannot express. The message is one
 * line and starts with the file ({@code model.onnx: node 'n3' (op Einsum): unsupported op ...}).
 */
public final class OnnxException extends IrException {
  private static final long serialVersionUID = 1L;

  public OnnxException(String message) {
    super(message);
  }

  public OnnxException(String message, Throwable cause) {
    super(message, cause);
  }
}
