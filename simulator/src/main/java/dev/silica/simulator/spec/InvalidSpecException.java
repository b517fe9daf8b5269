package dev.silica.simulator.spec;

/**
 * A user's spec is wrong: unknown key, value out of range, wrong kind of file. Thrown while loading
 * or binding a spec, before anything is simulated. The message starts with {@code file:line:} and
 * names the dotted key, e.g. {@code arch/tpu-small.yaml:4: array.rows: must be a positive integer,
 * got 0}.
 */
public final class InvalidSpecException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final String path;

  /**
   * @param file the file as the user named it (display name)
   * @param line 1-based line, or 0 when unknown
   * @param path the dotted key the error is about ({@code ""} for the whole file)
   * @param message the message without location
   */
  public InvalidSpecException(String file, int line, String path, String message) {
    super(SpecMessages.locate(file, line) + message);
    this.file = file;
    this.line = line;
    this.path = path;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  public String path() {
    return path;
  }
}
