package dev.silica.simulator.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silica.simulator.energy.AreaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Messages are part of the interface: every file under {@code src/test/resources/bad-specs/} starts
 * with {@code # expect: <message>}, and loading and binding it must throw exactly that message.
 * Files named {@code energy-*} are bound as energy tables (energy and area sections), the others as
 * the small accelerator of {@link TestArch}.
 */
class SpecErrorMessagesTest {

  static Stream<String> badSpecs() throws IOException, URISyntaxException {
    Path dir = Path.of(SpecErrorMessagesTest.class.getResource("/bad-specs").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSpecs")
  void badSpecFailsWithItsExpectedMessage(String fileName) throws Exception {
    Path file = Path.of(SpecErrorMessagesTest.class.getResource("/bad-specs/" + fileName).toURI());
    String text = Files.readString(file, StandardCharsets.UTF_8);
    String firstLine = text.lines().findFirst().orElseThrow();
    assertThat(firstLine).as("first line of %s", fileName).startsWith("# expect: ");
    String expected = firstLine.substring("# expect: ".length());
    String display = "bad-specs/" + fileName;

    assertThatThrownBy(() -> bind(display, text))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessage(expected);
  }

  private static void bind(String display, String text) {
    try {
      if (display.startsWith("bad-specs/energy-")) {
        AreaTable.fromSpec(SpecLoader.load(display, text, SpecKind.ENERGY_TABLE));
      } else {
        TestArch.fromSpec(SpecLoader.parse(display, text));
      }
    } catch (UncheckedIOException e) {
      throw new AssertionError(e);
    }
  }
}
