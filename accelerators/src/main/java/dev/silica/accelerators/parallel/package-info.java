/**
 * N devices of one CPU or GPU model: data parallelism (batch split plus gradient all-reduce), a
 * layer pipeline and the output split of AlexNet's two-GPU layout ({@link
 * dev.silica.accelerators.parallel.Parallelism}), over an {@link
 * dev.silica.accelerators.parallel.Interconnect} (link bandwidth, latency, ring or all-to-all).
 */
package dev.silica.accelerators.parallel;
