package dev.silica.workloads.scalesim;

import dev.silica.testkit.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds SCALE-Sim's reference runs, {@code shared/refs/scalesim}, which sit next to the repository
 * (the checkout is {@code <work>/main}, the data {@code <work>/shared}): walks up from the working
 * directory looking for {@code shared/refs/scalesim}. Missing data skips the test, or fails it when
 * {@code CI=true}, as {@link TestData#require} does.
 */
final class ScaleSimRefs {
  private ScaleSimRefs() {}

  static final String RELATIVE = "shared/refs/scalesim";

  /** The reference folder, or a skipped (CI: failed) test. */
  static Path root() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(RELATIVE);
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    String message =
        RELATIVE
            + " not found in "
            + start
            + " or any parent: check out shared/ next to the repository (as ../shared)";
    if (TestData.isCi()) {
      throw new AssertionError("CI=true and " + message);
    }
    Assumptions.abort(message);
    return start;
  }

  /** Every case folder that has a {@code topology.csv}, sorted by name. */
  static List<Path> cases() {
    Path cases = root().resolve("cases");
    try (Stream<Path> s = Files.list(cases)) {
      List<Path> found =
          s.filter(d -> Files.isRegularFile(d.resolve("topology.csv"))).sorted().toList();
      if (found.isEmpty()) {
        throw new AssertionError(cases + ": no case folder with a topology.csv");
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
