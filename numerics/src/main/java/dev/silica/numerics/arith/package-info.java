/**
 * Bit-exact arithmetic on the formats of {@code dev.silica.numerics}: the {@link
 * dev.silica.numerics.arith.Mac} unit (operand, product and accumulator formats; FP16×FP16→FP32 as
 * in tensor cores, int8×int8→int32, fixed point with a chosen accumulator) and its dot-product
 * kernels over primitive arrays.
 *
 * <p>This package depends only on the parent package; nothing in the parent depends on it.
 */
package dev.silica.numerics.arith;
