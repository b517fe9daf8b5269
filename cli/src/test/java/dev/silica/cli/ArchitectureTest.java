package dev.silica.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.silica.testkit.ModuleRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Enforces the module graph on every production class of Silica. It runs in {@code cli}, the top
 * module, because only there are all modules on the class path; the rules live in {@code testkit}.
 *
 * <p>Jars are imported on purpose: in {@code ./mvnw verify} the other modules reach this test as
 * their packaged jars ({@code <module>/target/*.jar}), not as class folders, so excluding jars
 * would leave only this module's own classes to check. Only {@code dev.silica} classes are
 * imported, so third-party jars add nothing.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ModuleRules.BASE);
  }

  @Test
  void seesEveryModuleOnTheClassPath() {
    // The module below cli that has code today; without it every rule would pass vacuously.
    assertThat(classes.containPackage("dev.silica.workloads.ir")).isTrue();
    assertThat(classes.containPackage("dev.silica.cli")).isTrue();
  }

  @Test
  void modulesOnlyDependDownward() {
    ModuleRules.moduleGraph().check(classes);
  }

  @Test
  void noPackageCycles() {
    ModuleRules.noPackageCycles().check(classes);
  }
}
