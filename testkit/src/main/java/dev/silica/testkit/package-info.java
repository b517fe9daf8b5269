/**
 * Test fixtures shared by every module (used with {@code <scope>test</scope>}): the architecture
 * rules that enforce the module graph ({@link dev.silica.testkit.ModuleRules}), guards for tests
 * that need data installed from Debian packages ({@link dev.silica.testkit.TestData}), and seeded
 * text mutations for parser fuzz tests ({@link dev.silica.testkit.TextMutator}).
 *
 * <p>It depends on no other Silica module, so any module may use it in its tests.
 */
package dev.silica.testkit;
