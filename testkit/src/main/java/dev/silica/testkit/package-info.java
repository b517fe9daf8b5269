/**
 * Test fixtures shared by every module (used with {@code <scope>test</scope>}): the architecture
 * rules that enforce the module graph, guards for tests that need data installed from Debian
 * packages, and golden-file helpers.
 *
 * <p>It depends on no other Silica module, so any module may use it in its tests.
 */
package dev.silica.testkit;
