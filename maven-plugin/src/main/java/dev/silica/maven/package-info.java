/**
 * The Silica Maven plugin ({@code dev.silica:silica-maven-plugin}, prefix {@code silica}): goals
 * {@link dev.silica.maven.SimulateMojo simulate}, {@link dev.silica.maven.SweepMojo sweep} and
 * {@link dev.silica.maven.ReportMojo report}, bound to {@code verify}, which run the command line's
 * {@code simulate}, {@code sweep} and {@code compare} in-process and write their reports into
 * {@code target/silica/}. {@link dev.silica.maven.Limits} turns a simulation into a regression
 * check on the {@link dev.silica.maven.Metrics} of the run.
 */
package dev.silica.maven;
