package dev.silica.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** How a command prints its result: aligned text for people, CSV or JSON for scripts. */
enum OutputFormat {
  TABLE,
  CSV,
  JSON;

  /** The option value, lower case. */
  String text() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Converts {@code --format} values, case-insensitively. */
  static final class Converter implements ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      for (OutputFormat f : values()) {
        if (f.text().equalsIgnoreCase(value)) {
          return f;
        }
      }
      throw new TypeConversionException(
          "unknown format '"
              + value
              + "' (expected one of: "
              + Arrays.stream(values()).map(OutputFormat::text).collect(Collectors.joining(", "))
              + ")");
    }
  }

  /** The format names, for the help text. */
  static final class Names implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(values()).map(OutputFormat::text).iterator();
    }
  }
}
