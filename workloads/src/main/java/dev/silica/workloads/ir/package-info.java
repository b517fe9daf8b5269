/**
 * The workload graph IR: a sealed {@link dev.silica.workloads.ir.Op} hierarchy of records, named
 * typed values, nodes, and an immutable {@link dev.silica.workloads.ir.Graph} built and validated
 * by {@link dev.silica.workloads.ir.GraphBuilder}. Each op states its iteration space (loop
 * dimensions, operand projections, MACs) so analytical models need no per-op code; {@link
 * dev.silica.workloads.ir.GraphStats} turns that into parameters, MACs and activation memory.
 */
package dev.silica.workloads.ir;
