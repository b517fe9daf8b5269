/**
 * Chart building blocks for reports, independent of the report model: bar, stacked-bar, roofline
 * and Pareto charts on JFreeChart ({@link dev.silica.reports.charts.Charts}), the Pareto front
 * ({@link dev.silica.reports.charts.ParetoFront}), SI unit scaling for axes ({@link
 * dev.silica.reports.charts.UnitScale}) and rendering to SVG text and PNG files ({@link
 * dev.silica.reports.charts.ChartImage}). Every numeric axis label must carry its unit in
 * parentheses; the factories reject one that does not.
 */
package dev.silica.reports.charts;
