/**
 * The multicore CPU model: {@link dev.silica.accelerators.cpu.CpuModel} (Goto/BLIS GEMM traffic per
 * cache level, im2col/direct/Winograd convolution, CSRMV; formulas in its design comment), {@link
 * dev.silica.accelerators.cpu.CpuConfig} and the presets {@link
 * dev.silica.accelerators.cpu.CpuPresets} ({@code i7-5930k}, {@code xeon-e5-2699v3}, {@code
 * xeon-platinum-8480}, {@code host} read from the OS by {@link
 * dev.silica.accelerators.cpu.HostCpu}).
 */
package dev.silica.accelerators.cpu;
