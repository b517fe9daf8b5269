/**
 * The TPU v1 instruction set (Jouppi et al., ISCA 2017, §2): the sealed {@link
 * dev.silica.isa.tpu.TpuInstr} and its records, the capacities addresses are checked against
 * ({@link dev.silica.isa.tpu.TpuIsaLimits}), and a text assembler ({@link
 * dev.silica.isa.tpu.TpuAssembler}) and disassembler ({@link dev.silica.isa.tpu.TpuDisassembler})
 * that round-trip. {@code TpuInstr}'s class comment gives each instruction's semantics and what the
 * systolic-array model charges for it.
 */
package dev.silica.isa.tpu;
