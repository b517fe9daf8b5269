/**
 * The sweep spec ({@code kind: sweep}): base accelerator spec, workloads, axes expanded as a
 * cartesian product or zipped, constraints, objectives, seed, search strategy and budget. Axis
 * names are checked against a caller-supplied {@link dev.silica.explore.spec.ParameterSpace}.
 */
package dev.silica.explore.spec;
