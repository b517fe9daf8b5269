/**
 * Per-target instruction sets: one sealed interface of instruction records per machine (CPU, GPU,
 * TPU-style systolic array, EIE), programs that sequence them, and an assembler/disassembler text
 * form.
 *
 * <p>Lowering from the graph IR ({@code dev.silica.workloads}) to these instructions lives with
 * each accelerator model; this module only defines the instructions, so it depends on the IR and
 * nothing above it.
 */
package dev.silica.isa;
