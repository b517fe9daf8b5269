package dev.silica.simulator;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.silica.testkit.ModuleRules;
import org.junit.jupiter.api.Test;

/** The simulator's sub-packages depend on each other in one direction only. */
class SimulatorPackagesTest {
  @Test
  void noCyclesBetweenSubPackages() {
    // only this module's compiled classes (scanning the whole class path is slow)
    JavaClasses classes =
        new ClassFileImporter()
            .importUrl(AcceleratorModel.class.getProtectionDomain().getCodeSource().getLocation());
    ModuleRules.noPackageCycles().check(classes);
  }
}
