/**
 * Sweep executors: a local thread pool and a Hazelcast cluster, plus the terminal progress line.
 * Executors only evaluate points; ordering, deduplication and recording belong to {@link
 * dev.silica.explore.Sweep} and {@link dev.silica.explore.store.ResultStore}.
 */
package dev.silica.explore.exec;
