package dev.silica.isa;

/**
 * Marker for one instruction of some target's instruction set. Each target defines a sealed
 * sub-interface whose implementations are immutable records validated in their constructors, so an
 * invalid instruction cannot exist (see {@code dev.silica.isa.tpu.TpuInstr}).
 */
public interface Instr {}
