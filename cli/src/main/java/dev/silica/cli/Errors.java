package dev.silica.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How the command line reports failures: always one line on standard error, never a stack trace.
 *
 * <ul>
 *   <li><b>Usage errors</b> (unknown option or command, missing argument, bad option value): {@code
 *       silica: <what> (see 'silica zoo show --help')}, exit 2.
 *   <li><b>Bad input</b> ({@code IrException} and other {@code IllegalArgumentException}s such as
 *       an unknown model or a shape mismatch, {@code IOException}s such as a missing file, and
 *       {@link CliException}): {@code silica: <message>}, exit 2. A message that already starts
 *       with a location ({@code net.sir:3:7: ...}, the IR parser's form) is printed as it is, so
 *       editors can jump to it.
 *   <li><b>Anything else is a bug</b>: {@code silica: internal error: <class>: <message> (...)},
 *       exit 1; the stack trace is printed only when {@code SILICA_STACKTRACE=1}.
 * </ul>
 */
final class Errors {
  /** {@code file:line:col: } at the start of a message. */
  private static final Pattern LOCATED = Pattern.compile("^\\S+:\\d+:\\d+: .*");

  private Errors() {}

  /** picocli's {@code IParameterExceptionHandler}. */
  static int handleUsageError(ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    CommandSpec spec = cl.getCommandSpec();
    String what = lowerFirst(oneLine(ex.getMessage()).replaceFirst("^(?i)error: ", ""));
    if (ex instanceof UnmatchedArgumentException u && !u.isUnknownOption() && isGroup(spec)) {
      what = "unknown command '" + u.getUnmatched().getFirst() + "' " + expected(spec);
    }
    if (ex instanceof UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
      what += "; did you mean " + String.join(" or ", quoted(u.getSuggestions())) + "?";
    }
    cl.getErr().println("silica: " + what + " (see '" + spec.qualifiedName() + " --help')");
    cl.getErr().flush();
    return SilicaCli.USAGE;
  }

  /** picocli's {@code IExecutionExceptionHandler}. */
  static int handleExecutionError(Exception ex, CommandLine cl, ParseResult parsed) {
    PrintWriter err = cl.getErr();
    String message = userMessage(ex);
    if (message == null) {
      return reportBug(ex, err);
    }
    err.println(LOCATED.matcher(message).matches() ? message : "silica: " + message);
    err.flush();
    return SilicaCli.USAGE;
  }

  /** The one-line message for a user error, or {@code null} when {@code t} is a bug. */
  static String userMessage(Throwable t) {
    if (t instanceof UncheckedIOException u && u.getCause() != null) {
      t = u.getCause();
    }
    return switch (t) {
      case CliException e -> oneLine(e.getMessage());
      case IllegalArgumentException e -> oneLine(String.valueOf(e.getMessage()));
      case IOException e -> oneLine(io(e));
      default -> null;
    };
  }

  private static String io(IOException e) {
    return switch (e) {
      case NoSuchFileException f -> "no such file or directory: " + f.getFile();
      case AccessDeniedException f -> "permission denied: " + f.getFile();
      case FileAlreadyExistsException f -> f.getFile() + ": already exists";
      case NotDirectoryException f -> "not a directory: " + f.getFile();
      case FileSystemException f ->
          f.getFile()
              + ": "
              + (f.getReason() != null ? f.getReason() : f.getClass().getSimpleName());
      default ->
          e.getMessage() != null
              ? e.getMessage()
              : "input/output error (" + e.getClass().getSimpleName() + ")";
    };
  }

  /** Reports a bug in one line (plus the stack trace if {@code SILICA_STACKTRACE=1}). */
  static int reportBug(Throwable t, PrintWriter err) {
    String msg = t.getMessage() == null ? "" : ": " + oneLine(t.getMessage());
    err.println(
        "silica: internal error: "
            + t.getClass().getName()
            + msg
            + " (a bug in silica, not in your input; rerun with SILICA_STACKTRACE=1 to see where"
            + " it happened, and report it)");
    if ("1".equals(System.getenv("SILICA_STACKTRACE"))) {
      t.printStackTrace(err);
    }
    err.flush();
    return SilicaCli.BUG;
  }

  /** The usage error for a command group called without a command. */
  static ParameterException missingSubcommand(CommandSpec spec) {
    return new ParameterException(spec.commandLine(), "missing command " + expected(spec));
  }

  private static boolean isGroup(CommandSpec spec) {
    return !spec.subcommands().isEmpty() && spec.positionalParameters().isEmpty();
  }

  private static String expected(CommandSpec spec) {
    List<String> names =
        spec.subcommands().entrySet().stream()
            .filter(e -> e.getKey().equals(e.getValue().getCommandName())) // skip aliases
            .map(e -> e.getKey())
            .toList();
    return "(expected one of: " + String.join(", ", names) + ")";
  }

  private static List<String> quoted(List<String> xs) {
    return xs.stream().map(s -> "'" + s + "'").toList();
  }

  /** Joins the lines of a message so that it prints as one line. */
  static String oneLine(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", "; ");
  }

  private static String lowerFirst(String s) {
    if (s.length() > 1
        && Character.isUpperCase(s.charAt(0))
        && Character.isLowerCase(s.charAt(1))) {
      return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }
    return s;
  }
}
