/**
 * The GPU model: {@link dev.silica.accelerators.gpu.GpuModel} (CTA tiles, wave quantization,
 * occupancy, memory-bound kernels at achievable bandwidth; formulas in its design comment), the
 * occupancy calculator {@link dev.silica.accelerators.gpu.Occupancy}, {@link
 * dev.silica.accelerators.gpu.GpuConfig} and the presets {@link
 * dev.silica.accelerators.gpu.GpuPresets} ({@code gtx-580} to {@code h200}) with the calibration of
 * the efficiency factor.
 */
package dev.silica.accelerators.gpu;
