/**
 * Reports of simulation results: text tables, CSV, JSON and HTML with JFreeChart charts.
 *
 * <p>Reports read only the simulator result model, so a new accelerator needs no report code.
 */
package dev.silica.reports;
