/**
 * Number formats and their bit-exact conversions.
 *
 * <p>{@link dev.silica.numerics.NumberFormat} is the sealed root, one record per family: {@link
 * dev.silica.numerics.FloatingPoint} (FP32, FP16, BF16, FP8 E4M3 and E5M2), {@link
 * dev.silica.numerics.FixedPoint} ({@code Qm.n}, signed or unsigned, up to 32 bits), {@link
 * dev.silica.numerics.IntegerFormat} (affine intN with scale and zero point, ONNX {@code
 * QuantizeLinear} semantics), {@link dev.silica.numerics.Ternary} (TWN, TTQ) and {@link
 * dev.silica.numerics.Binary}. {@code NumberFormat.parse("q8.8")} reads the spec names; its class
 * comment states the formulas and assumptions shared by all formats.
 *
 * <p>Rounding is chosen per conversion through a {@link dev.silica.numerics.Rounder} (nearest-even,
 * toward zero, down, up, seeded stochastic); overflow (saturate, wrap, IEEE infinity) is part of
 * the format. {@link dev.silica.numerics.Fp16} and {@link dev.silica.numerics.Bf16} are {@code
 * short} views for kernels, {@link dev.silica.numerics.Checks} words the error messages.
 *
 * <p>Sub-packages: {@code arith} (MAC unit and dot kernels with separate operand, product and
 * accumulator formats), {@code quant} (per-tensor and per-channel affine quantization of whole
 * tensors) and {@code compress} (magnitude pruning, k-means weight sharing, canonical Huffman
 * coding, relative-index sparse storage, Winograd convolution, low-rank factorization, on primitive
 * arrays). They depend on this package, never the reverse.
 *
 * <p>This module sits at the bottom of the dependency graph: it imports no other Silica module.
 */
package dev.silica.numerics;
