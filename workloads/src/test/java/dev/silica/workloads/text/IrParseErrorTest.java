package dev.silica.workloads.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silica.workloads.ir.IrException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Error messages are part of the interface: each file under {@code ir/bad/} is one bad {@code .sir}
 * snippet whose first line, {@code # expect: <message>}, is the exact message the parser must give,
 * with the file name as the source.
 */
class IrParseErrorTest {
  private static final String EXPECT = "# expect: ";

  static List<Path> badFiles() throws IOException, URISyntaxException {
    Path dir = Path.of(IrParseErrorTest.class.getResource("/ir/bad").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".sir")).sorted().toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void badInputGivesItsExactMessage(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text).as("first line of %s", file).startsWith(EXPECT);
    String expected = text.substring(EXPECT.length(), text.indexOf('\n'));
    String source = file.getFileName().toString();
    assertThatThrownBy(() -> IrParser.parse(text, source))
        .isInstanceOf(IrException.class)
        .hasMessage(expected);
  }

  @Test
  void theTableCoversEveryKindOfError() throws Exception {
    // one file per message kind listed in IrParser's class comment and the text-form brief
    assertThat(badFiles()).hasSizeGreaterThanOrEqualTo(48);
  }
}
