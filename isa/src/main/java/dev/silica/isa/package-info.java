/**
 * Per-target instruction sets: instruction records behind a marker {@link dev.silica.isa.Instr},
 * ordered {@link dev.silica.isa.Program}s of them, and the errors an assembler reports.
 *
 * <p>Each target has a sub-package holding one sealed interface of instruction records plus its
 * text assembler and disassembler. Today that is {@code tpu} (the TPU v1 CISC instructions, Jouppi
 * et al., ISCA 2017); other targets get a sub-package when their accelerator model needs one.
 *
 * <p>Lowering from the graph IR ({@code dev.silica.workloads}) to these instructions lives with
 * each accelerator model; this module only defines the instructions, so it depends on the IR and
 * nothing above it. This root package depends on none of its sub-packages.
 */
package dev.silica.isa;
