package dev.silica.testkit;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The module dependency graph of {@code docs/ARCHITECTURE.md} as ArchUnit rules.
 *
 * <pre>
 * numerics ← workloads ← isa ← simulator ← accelerators ← explore ← cli
 *                                    ↖ reports ←───────────┘
 * </pre>
 *
 * <p>Each module owns the package {@code dev.silica.<module>}. A module may use only the modules
 * below it; {@code reports} sees the simulator (its result model) but never the accelerators. The
 * Maven poms express the same graph; these rules catch an import that slipped through a transitive
 * dependency and any package cycle.
 */
public final class ModuleRules {
  private ModuleRules() {}

  /** Base package of every Silica module. */
  public static final String BASE = "dev.silica";

  /** Modules from the bottom of the graph up. */
  public static final List<String> MODULES =
      List.of(
          "numerics", "workloads", "isa", "simulator", "accelerators", "reports", "explore", "cli");

  private static String pkg(String module) {
    return BASE + "." + module + "..";
  }

  /** The layered module graph: who may be accessed by whom. */
  public static ArchRule moduleGraph() {
    return layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .withOptionalLayers(true)
        .layer("numerics")
        .definedBy(pkg("numerics"))
        .layer("workloads")
        .definedBy(pkg("workloads"))
        .layer("isa")
        .definedBy(pkg("isa"))
        .layer("simulator")
        .definedBy(pkg("simulator"))
        .layer("accelerators")
        .definedBy(pkg("accelerators"))
        .layer("reports")
        .definedBy(pkg("reports"))
        .layer("explore")
        .definedBy(pkg("explore"))
        .layer("cli")
        .definedBy(pkg("cli"))
        .whereLayer("cli")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("explore")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("reports")
        .mayOnlyBeAccessedByLayers("explore", "cli")
        .whereLayer("accelerators")
        .mayOnlyBeAccessedByLayers("explore", "cli")
        .whereLayer("simulator")
        .mayOnlyBeAccessedByLayers("accelerators", "reports", "explore", "cli")
        .whereLayer("isa")
        .mayOnlyBeAccessedByLayers("simulator", "accelerators", "reports", "explore", "cli")
        .whereLayer("workloads")
        .mayOnlyBeAccessedByLayers("isa", "simulator", "accelerators", "reports", "explore", "cli")
        .whereLayer("numerics")
        .mayOnlyBeAccessedByLayers(
            "workloads", "isa", "simulator", "accelerators", "reports", "explore", "cli");
  }

  /** No cycles between the sub-packages of any module. */
  public static ArchRule noPackageCycles() {
    return slices().matching(BASE + ".(*).(**)").should().beFreeOfCycles();
  }
}
