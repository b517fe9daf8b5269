package dev.silica.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.silica.testkit.ModuleRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Enforces the module graph on every production class of Silica. It runs in {@code cli}, the top
 * module, because only there are all modules on the class path; the rules live in {@code testkit}.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(ModuleRules.BASE);
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
