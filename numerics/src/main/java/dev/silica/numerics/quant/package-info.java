/**
 * Tensor-level quantization on top of the scalar formats of {@code dev.silica.numerics}: ONNX
 * {@code QuantizeLinear} / {@code DequantizeLinear} per tensor and per channel, with min-max and
 * symmetric calibration ({@link dev.silica.numerics.quant.AffineQuantizer}).
 *
 * <p>Ternary (TWN, TTQ) and binary fitting live on the {@link dev.silica.numerics.Ternary} and
 * {@link dev.silica.numerics.Binary} formats themselves, since their parameters are the format.
 * This package depends only on the parent package.
 */
package dev.silica.numerics.quant;
