package dev.silica.cli;

import dev.silica.workloads.ir.DType;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --element-bytes N | --dtype TYPE} choice of how many bytes a stored value takes, for
 * activation and parameter bytes. The graph's own element type does not change; this is a what-if
 * for the memory columns. The default is 4 bytes (f32). Commands use it as an exclusive
 * {@code @ArgGroup}, so giving both options is a usage error.
 */
final class ElementSize {
  @Option(
      names = "--element-bytes",
      paramLabel = "N",
      description = "Bytes per stored value for the byte columns, 1 to 8 (default: 4).")
  Integer elementBytes;

  @Option(
      names = "--dtype",
      paramLabel = "TYPE",
      converter = DTypeConverter.class,
      completionCandidates = DTypeNames.class,
      description = "Element type for the byte columns: ${COMPLETION-CANDIDATES} (default: f32).")
  DType dtype;

  /**
   * Bytes per value of the chosen group (null when neither option was given: 4).
   *
   * @throws ParameterException for an out-of-range {@code --element-bytes}
   */
  static int bytes(ElementSize chosen, CommandSpec spec) {
    if (chosen == null) {
      return 4;
    }
    if (chosen.dtype != null) {
      return chosen.dtype.bytes();
    }
    int n = chosen.elementBytes;
    if (n < 1 || n > 8) {
      throw new ParameterException(
          spec.commandLine(), "--element-bytes must be between 1 and 8, got " + n);
    }
    return n;
  }

  /** {@code 2 bytes per value (f16)} or {@code 3 bytes per value}. */
  static String describe(ElementSize chosen, CommandSpec spec) {
    int n = bytes(chosen, spec);
    String per = n + (n == 1 ? " byte per value" : " bytes per value");
    if (chosen == null) {
      return per + " (f32)";
    }
    return chosen.dtype != null ? per + " (" + chosen.dtype.text() + ")" : per;
  }

  /** Parses {@code f16} etc. with the IR's own names and message. */
  static final class DTypeConverter implements ITypeConverter<DType> {
    @Override
    public DType convert(String value) {
      try {
        return DType.parse(value.toLowerCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** The element type names, for the help text. */
  static final class DTypeNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(DType.values()).map(DType::text).iterator();
    }
  }
}
