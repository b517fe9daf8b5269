/**
 * ONNX import and export: {@link dev.silica.workloads.onnx.OnnxImporter} reads a model file into
 * the IR with its initializers ({@link dev.silica.workloads.onnx.ImportedModel}), {@link
 * dev.silica.workloads.onnx.OnnxExporter} writes any IR graph as an ONNX model (opset 17, or 20
 * with Gelu), and {@link dev.silica.workloads.onnx.OnnxTensors} reads the serialized tensors of the
 * ONNX test suites.
 *
 * <p>The wire format is declared by Silica's own minimal schema, {@code src/main/proto/
 * onnx_wire.proto}, written from the ONNX IR specification with the format's field numbers; the
 * generated classes live in {@code dev.silica.workloads.onnx.proto}. Every failure is an {@link
 * dev.silica.workloads.onnx.OnnxException} with a one-line message naming the file and, for graph
 * problems, the node and op.
 */
package dev.silica.workloads.onnx;
