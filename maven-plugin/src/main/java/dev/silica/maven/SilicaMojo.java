package dev.silica.maven;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What the goals share: the output folder, {@code skip}, paths resolved against the project, and
 * the command line's streams turned into the Maven log.
 */
public abstract class SilicaMojo extends AbstractMojo {

  /** The project's folder; relative paths of specs and workloads are resolved against it. */
  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  File basedir;

  /** Where the reports (HTML with charts, CSV, JSON) are written. */
  @Parameter(
      property = "silica.outputDirectory",
      defaultValue = "${project.build.directory}/silica")
  File outputDirectory;

  /** Skips the goal. */
  @Parameter(property = "silica.skip", defaultValue = "false")
  boolean skip;

  /** Creates the goal; Maven sets its parameters. */
  protected SilicaMojo() {}

  /** Prefixes of the command line's workload and accelerator forms that are followed by a file. */
  private static final List<String> FILE_PREFIXES = List.of("ir:", "onnx:", "scalesim:");

  /**
   * {@code spec} with a relative file path made absolute against {@link #basedir}: a plain path or
   * one after {@code ir:}, {@code onnx:} or {@code scalesim:}, when that file exists; anything else
   * (a zoo or preset name, {@code gemm:M,N,K}) as it is.
   */
  String resolve(String spec) {
    if (spec == null) {
      return null;
    }
    for (String p : FILE_PREFIXES) {
      if (spec.startsWith(p)) {
        return p + resolvePath(spec.substring(p.length()));
      }
    }
    return resolvePath(spec);
  }

  private String resolvePath(String path) {
    if (basedir == null || path.isEmpty()) {
      return path;
    }
    try {
      Path p = Path.of(path);
      if (!p.isAbsolute() && Files.exists(basedir.toPath().resolve(p))) {
        return basedir.toPath().resolve(p).toString();
      }
    } catch (java.nio.file.InvalidPathException e) {
      // not a path: a name or a shorthand
    }
    return path;
  }

  /** Charts render without a display. */
  static void headless() {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** A writer sending each complete line to {@code sink} (the Maven log). */
  static PrintWriter lines(Consumer<String> sink) {
    return new PrintWriter(
        new Writer() {
          private final StringBuilder line = new StringBuilder();

          @Override
          public void write(char[] buf, int off, int len) {
            for (int i = off; i < off + len; i++) {
              char c = buf[i];
              if (c == '\n') {
                emit();
              } else if (c == '\r') {
                line.setLength(0); // a progress line rewritten in place: keep the last state only
              } else {
                line.append(c);
              }
            }
          }

          private void emit() {
            sink.accept(line.toString());
            line.setLength(0);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {
            if (!line.isEmpty()) {
              emit();
            }
          }
        },
        true);
  }

  /**
   * Runs {@code silica ARGS} in-process, its output into the log at info level.
   *
   * @throws MojoExecutionException with the command's one-line error when it exits non-zero
   */
  void runCommandLine(List<String> args) throws MojoExecutionException {
    headless();
    getLog().debug("silica " + String.join(" ", args));
    StringWriter err = new StringWriter();
    int code;
    try (PrintWriter out = lines(getLog()::info)) {
      code = dev.silica.cli.SilicaCli.run(args.toArray(String[]::new), out, new PrintWriter(err));
    }
    if (code != 0) {
      throw new MojoExecutionException(failure(args.get(0), err.toString()));
    }
  }

  /** The message for a failed command: its last non-blank error line. */
  static String failure(String command, String err) {
    String last = "";
    for (String l : err.split("\\R")) {
      if (!l.isBlank()) {
        last = l.strip();
      }
    }
    return "silica " + command + " failed: " + (last.isEmpty() ? "(no message)" : last);
  }
}
