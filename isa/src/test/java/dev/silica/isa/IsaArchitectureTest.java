package dev.silica.isa;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.silica.testkit.ModuleRules;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * isa sits above workloads and below the simulator: it uses nothing above it, and its root package
 * ({@link Instr}, {@link Program}) never depends on a target's sub-package.
 */
class IsaArchitectureTest {
  private static final JavaClasses CLASSES = importMainClasses();

  /** Imports the module's own class folder only (scanning the whole class path is slow). */
  private static JavaClasses importMainClasses() {
    try {
      Path classes =
          Path.of(Instr.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPath(classes);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void followsTheModuleGraph() {
    ModuleRules.moduleGraph().check(CLASSES);
    ModuleRules.noPackageCycles().check(CLASSES);
  }

  @Test
  void rootPackageDoesNotDependOnTargets() {
    noClasses()
        .that()
        .resideInAPackage("dev.silica.isa")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.silica.isa.tpu..")
        .check(CLASSES);
  }
}
