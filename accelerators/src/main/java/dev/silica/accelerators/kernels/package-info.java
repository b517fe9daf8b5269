/**
 * What the CPU and GPU models share: {@link dev.silica.accelerators.kernels.Kernel} descriptors
 * (GEMM, convolution, CSR sparse product, streaming) and the {@link
 * dev.silica.accelerators.kernels.Lowering} from graph nodes to them, the {@link
 * dev.silica.accelerators.kernels.KernelTime} roofline record (compute vs each memory level, plus
 * overhead), {@link dev.silica.accelerators.kernels.MathFormat} ({@code --numerics}), the
 * functional path through the reference executor ({@link
 * dev.silica.accelerators.kernels.Functional}), the {@code gemm:}/{@code gemv:} graphs and the
 * energy tables scaled to a node.
 */
package dev.silica.accelerators.kernels;
