/**
 * SCALE-Sim workloads: its convolution topology CSV and its GEMM ({@code M, N, K}) CSV read into
 * graph IR and written back ({@link dev.silica.workloads.scalesim.ScaleSimTopology}, whose class
 * comment describes the format), and any network's convolution and matrix-multiply layers exported
 * in SCALE-Sim form ({@link dev.silica.workloads.scalesim.ScaleSimExport}).
 */
package dev.silica.workloads.scalesim;
