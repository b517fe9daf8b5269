package dev.silica.reports;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.silica.testkit.ModuleRules;
import org.junit.jupiter.api.Test;

/** Reports see only the simulator's result model; no package cycles (charts never see reports). */
class ReportsPackagesTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .importUrl(RunReport.class.getProtectionDomain().getCodeSource().getLocation());

  @Test
  void noCyclesBetweenSubPackages() {
    ModuleRules.noPackageCycles().check(CLASSES);
  }

  @Test
  void followsTheModuleGraph() {
    ModuleRules.moduleGraph().check(CLASSES);
  }
}
