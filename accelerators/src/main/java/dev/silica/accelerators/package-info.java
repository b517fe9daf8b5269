/**
 * The accelerator models: a CPU, a GPU, a TPU-style systolic array and the EIE sparse engine, each
 * lowering the graph IR to its own instruction set and producing cycles, energy, area and
 * functionally correct outputs, plus the registry that maps preset names to them.
 *
 * <p>Models implement the SPI of {@code dev.silica.simulator}; nothing below this module may import
 * them.
 */
package dev.silica.accelerators;
