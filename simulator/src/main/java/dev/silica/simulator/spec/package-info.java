/**
 * Spec files: the one path-aware YAML loader ({@link dev.silica.simulator.spec.SpecLoader}), the
 * {@link dev.silica.simulator.spec.SpecNode} tree whose typed getters report {@code file:line: key:
 * must …, got …}, unknown-key rejection with a nearest-key suggestion, {@link
 * dev.silica.simulator.spec.Presets} (a named base plus overrides), and {@link
 * dev.silica.simulator.spec.SpecWriter} for echoing the resolved spec next to a result.
 *
 * <p>Every spec file starts with {@code version: 1} and {@code kind:} (one of {@link
 * dev.silica.simulator.spec.SpecKind}). A user error is an {@link
 * dev.silica.simulator.spec.InvalidSpecException}; its messages live in {@link
 * dev.silica.simulator.spec.SpecMessages}.
 */
package dev.silica.simulator.spec;
