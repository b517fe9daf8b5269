/**
 * Analytical memory components: {@link dev.silica.simulator.memory.Sram} (capacity, width, banks,
 * double buffering; accesses counted as {@code sram.read}/{@code sram.write} actions), {@link
 * dev.silica.simulator.memory.DramChannel} (bandwidth, latency, {@code dram.*.bits} actions) and
 * {@link dev.silica.simulator.memory.BandwidthLimiter} (transfer cycles and the double-buffering
 * overlap formulas). Components are immutable; a run binds them to its action counts through a
 * {@code Port}. Every formula is in the Javadoc and checked by a closed-form test.
 */
package dev.silica.simulator.memory;
