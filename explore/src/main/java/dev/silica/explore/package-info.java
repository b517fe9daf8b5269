/**
 * Design-space exploration: sweep specs expanded into design points, objectives and Pareto fronts,
 * and executors that run the points locally or on a Hazelcast cluster, resumably.
 *
 * <p>Entry points: {@link dev.silica.explore.SweepSetup} binds a sweep file to the accelerator
 * models through {@link dev.silica.explore.AcceleratorEvaluator}; {@link dev.silica.explore.Sweep}
 * runs it; {@link dev.silica.explore.SweepReportWriter} writes its CSV and HTML report; {@link
 * dev.silica.explore.Study} is the Java API for adaptive and custom searches that a sweep file
 * cannot express ({@code silica script}).
 *
 * <p>The only module below the command line that sees both the accelerators and the reports.
 */
package dev.silica.explore;
