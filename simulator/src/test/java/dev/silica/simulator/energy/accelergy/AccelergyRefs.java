package dev.silica.simulator.energy.accelergy;

import dev.silica.testkit.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The Accelergy inputs: the verbatim copies shipped as resources, and the originals in {@code
 * shared/refs/accelergy} next to the repository (found by walking up from the working directory;
 * missing data skips, or fails under {@code CI=true}).
 */
final class AccelergyRefs {
  private AccelergyRefs() {}

  static final String RELATIVE = "shared/refs/accelergy";

  /** A shipped copy, e.g. {@code ERT.csv}. */
  static String resource(String name) {
    return AccelergyTables.resource(AccelergyTables.ACCELERGY_45NM_DIR + name);
  }

  static Ert ert() {
    return AccelergyTables.parseErt("ERT.yaml", resource("ERT.yaml"));
  }

  static Art art() {
    return AccelergyTables.parseArt("ART.yaml", resource("ART.yaml"));
  }

  static AccelergySummary ertCsv() {
    return AccelergySummary.parse("ERT.csv", resource("ERT.csv"));
  }

  static AccelergySummary artCsv() {
    return AccelergySummary.parse("ART.csv", resource("ART.csv"));
  }

  /** The shared reference folder, or a skipped (CI: failed) test. */
  static Path shared() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(RELATIVE);
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    String message = RELATIVE + " not found in " + start + " or any parent";
    if (TestData.isCi()) {
      throw new AssertionError("CI=true and " + message);
    }
    Assumptions.abort(message);
    return start;
  }
}
