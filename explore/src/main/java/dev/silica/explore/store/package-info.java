/**
 * Crash-safe JSON Lines result store keyed by design-point hash: append and flush per point, reload
 * skipping finished points, deterministic final order.
 */
package dev.silica.explore.store;
