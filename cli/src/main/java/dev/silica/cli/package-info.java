/**
 * The {@code silica} command line (picocli): {@code zoo list|show|report} for the model zoo's
 * accounting and {@code ir print|check} for the IR text form. {@link dev.silica.cli.SilicaCli} is
 * the entry point; {@code Errors} turns every failure into one line on standard error with exit
 * code 2 (bad input) or 1 (a bug). Output is deterministic and formatted with {@code Locale.ROOT}.
 */
package dev.silica.cli;
