/**
 * Workloads: the graph IR ({@code ir}), its text form ({@code text}) and the model zoo ({@code
 * zoo}). Importers and the reference executor join here.
 */
package dev.silica.workloads;
