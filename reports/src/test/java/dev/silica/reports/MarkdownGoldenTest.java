package dev.silica.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The Markdown report of the synthetic 3-layer run against a golden file. Regenerate with {@code
 * ./mvnw -pl testkit,numerics,workloads,isa,simulator,reports test -Dtest=MarkdownGoldenTest
 * -Dgolden.update=true -Dsurefire.failIfNoSpecifiedTests=false} and review the diff.
 */
class MarkdownGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/tiny3-array4x4.md");

  @Test
  void markdownMatchesTheGoldenFile() throws IOException {
    String actual = MarkdownRenderer.render(RunReport.of(SyntheticRuns.threeLayers()));
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(GOLDEN, actual);
    }
    assertThat(GOLDEN).exists();
    assertThat(actual).isEqualTo(Files.readString(GOLDEN));
  }
}
