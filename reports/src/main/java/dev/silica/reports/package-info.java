/**
 * Reports of simulation results: one model, several renderers.
 *
 * <p>{@link dev.silica.reports.RunReport#of} derives every metric of a run once (per layer and
 * total: cycles and stall breakdown, time, throughput, TOPS, utilization, energy by component and
 * action, area, TOPS/W, inferences/J, bytes per memory level, the roofline); {@link
 * dev.silica.reports.ComparisonReport#of} puts several runs side by side. {@link
 * dev.silica.reports.ReportTables} turns them into {@link dev.silica.reports.Table}s whose columns
 * carry units, and the renderers only format those: {@link dev.silica.reports.TextTableRenderer}
 * (console), {@link dev.silica.reports.CsvRenderer}, {@link dev.silica.reports.JsonRenderer},
 * {@link dev.silica.reports.MarkdownRenderer} and {@link dev.silica.reports.HtmlReport} (a
 * self-contained page with inline SVG charts, PNGs beside it).
 *
 * <p>Reports read only the simulator's result model ({@code dev.silica.simulator.result} and its
 * energy rows), so a new accelerator needs no report code; charts live in {@code
 * dev.silica.reports.charts}, which knows nothing of reports.
 */
package dev.silica.reports;
