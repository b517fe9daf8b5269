/**
 * The TPU-style systolic array: {@link dev.silica.accelerators.tpu.SystolicArrayConfig} (validated
 * design point, spec binding and presets), {@link dev.silica.accelerators.tpu.ScaleSimConfig}
 * (SCALE-Sim {@code .cfg} files), and {@link dev.silica.accelerators.tpu.SystolicArrayModel}, whose
 * analytical tier reproduces SCALE-Sim v2's cycle and utilization formulas per dataflow and adds
 * DRAM stalls, non-matrix layers, energy and area. Its design comment states the formulas.
 */
package dev.silica.accelerators.tpu;
