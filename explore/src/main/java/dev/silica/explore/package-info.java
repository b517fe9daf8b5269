/**
 * Design-space exploration: sweep specs expanded into design points, objectives and Pareto fronts,
 * and executors that run the points locally or on a Hazelcast cluster, resumably.
 *
 * <p>The only module below the command line that sees both the accelerators and the reports.
 */
package dev.silica.explore;
