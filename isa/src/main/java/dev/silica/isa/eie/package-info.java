/**
 * The EIE per-PE program (Han et al., ISCA 2016, §III–IV): the sealed {@link
 * dev.silica.isa.eie.EieInstr} records ({@link dev.silica.isa.eie.Codebook}, {@link
 * dev.silica.isa.eie.Batch}, {@link dev.silica.isa.eie.Column}) that hold one processing element's
 * slice of a compressed layer in interleaved CSC, and a text assembler ({@link
 * dev.silica.isa.eie.EieAssembler}) and disassembler ({@link dev.silica.isa.eie.EieDisassembler})
 * that round-trip.
 */
package dev.silica.isa.eie;
