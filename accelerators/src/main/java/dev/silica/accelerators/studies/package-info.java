/**
 * The papers' comparisons rerun on the models: the EIE paper's CPU/GPU baselines ({@link
 * dev.silica.accelerators.studies.EieBaselines}) and the TPU paper's apps on its three platforms
 * ({@link dev.silica.accelerators.studies.TpuComparison}).
 */
package dev.silica.accelerators.studies;
