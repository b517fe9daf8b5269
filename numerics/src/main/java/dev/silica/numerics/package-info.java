/**
 * Number formats and bit-exact arithmetic: FP32, FP16, BF16, FP8, fixed point Qm.n, integer affine
 * formats, ternary and binary weights, rounding and overflow modes, MAC emulation and the
 * compression toolbox (pruning, weight sharing, Huffman coding, sparse encodings).
 *
 * <p>This module sits at the bottom of the dependency graph: it imports no other Silica module.
 */
package dev.silica.numerics;
