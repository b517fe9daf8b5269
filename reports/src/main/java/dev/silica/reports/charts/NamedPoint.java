package dev.silica.reports.charts;

/**
 * A labelled point of a scatter chart.
 *
 * @param name the label drawn next to the point
 * @param x x in the axis unit
 * @param y y in the axis unit
 */
public record NamedPoint(String name, double x, double y) {}
