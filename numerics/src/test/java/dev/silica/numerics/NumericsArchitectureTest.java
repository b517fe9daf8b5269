package dev.silica.numerics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.silica.testkit.ModuleRules;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * numerics is the bottom of the module graph: it may use no other Silica module, and its
 * sub-packages ({@code arith}, {@code quant}) depend on the root package, never the reverse.
 */
class NumericsArchitectureTest {
  private static final JavaClasses CLASSES = importMainClasses();

  /** Imports the module's own class folder only (scanning the whole class path is slow). */
  private static JavaClasses importMainClasses() {
    try {
      Path classes =
          Path.of(NumberFormat.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPath(classes);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void usesNoOtherSilicaModule() {
    ModuleRules.moduleGraph().check(CLASSES);
    noClasses()
        .that()
        .resideInAPackage("dev.silica.numerics..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.silica.workloads..",
            "dev.silica.isa..",
            "dev.silica.simulator..",
            "dev.silica.accelerators..",
            "dev.silica.reports..",
            "dev.silica.explore..",
            "dev.silica.cli..")
        .check(CLASSES);
  }

  @Test
  void rootPackageDoesNotDependOnSubPackages() {
    noClasses()
        .that()
        .resideInAPackage("dev.silica.numerics")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.silica.numerics.arith..", "dev.silica.numerics.quant..")
        .check(CLASSES);
    ModuleRules.noPackageCycles().check(CLASSES);
  }
}
