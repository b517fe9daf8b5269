package dev.silica.cli;

/**
 * A user error found by a command itself (an output file that exists, a path that is neither a file
 * nor a model). The command line prints its message as one line and exits with code 2.
 */
final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CliException(String message) {
    super(message);
  }
}
