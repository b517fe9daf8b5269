/**
 * The compression toolbox ("Efficient Methods" of the course notes): algorithms on primitive
 * arrays, no IR.
 *
 * <ul>
 *   <li>{@link dev.silica.numerics.compress.MagnitudePruning}: keep-ratio and quality×σ pruning
 *       (LWC), with an iterative schedule hook;
 *   <li>{@link dev.silica.numerics.compress.WeightSharing}: per-layer 1-D k-means (linear, density,
 *       random init; Lloyd to a fixed point) and DC's rate {@code n·b / (n·log2 k + k·b)};
 *   <li>{@link dev.silica.numerics.compress.HuffmanCode}: canonical Huffman with exact bit counts
 *       and encode/decode;
 *   <li>{@link dev.silica.numerics.compress.RelativeIndexSparse}: CSR/CSC and flat streams with
 *       {@code b}-bit relative indexes and filler zeros (DC / EIE);
 *   <li>{@link dev.silica.numerics.compress.Winograd}: F(2×2,3×3) and F(4×4,3×3) tile convolution
 *       with multiply counts and emulated FP32 rounding;
 *   <li>{@link dev.silica.numerics.compress.LowRank}: truncated-SVD factorization of FC and conv
 *       weights.
 * </ul>
 *
 * <p>Whole-model storage reports over zoo graphs live in {@code dev.silica.workloads.compress}.
 */
package dev.silica.numerics.compress;
