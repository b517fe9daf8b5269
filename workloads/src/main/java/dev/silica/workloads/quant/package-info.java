/**
 * Quantized execution: a {@link dev.silica.workloads.quant.NumericsPlan} assigns number formats to
 * the weights, activations and accumulators of every layer; {@link
 * dev.silica.workloads.quant.QuantizedExecutor} calibrates radix points and scales on the FP32
 * reference executor, runs the graph with those formats (bit-exact {@code Mac} emulation of
 * convolutions and matrix products) and reports per-layer SQNR and max abs error against FP32 in a
 * {@link dev.silica.workloads.quant.QuantizationReport}.
 */
package dev.silica.workloads.quant;
