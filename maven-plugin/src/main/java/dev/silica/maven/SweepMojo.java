package dev.silica.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs a design-space sweep file ({@code silica sweep}): one JSON line per point in {@code
 * outputDirectory/<file name>.jsonl}, infeasible points with their reason, the best point or the
 * Pareto front in the build log, and every point as CSV with an HTML page of the Pareto chart in
 * {@code outputDirectory}.
 */
@Mojo(name = "sweep", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class SweepMojo extends SilicaMojo {

  /** The sweep file ({@code kind: sweep}), relative to the project. */
  @Parameter(property = "silica.sweepFile", required = true)
  File sweepFile;

  /** Worker threads (default: the available processors); results do not depend on it. */
  @Parameter(property = "silica.threads")
  Integer threads;

  /**
   * Keeps the points of an earlier run's results file and runs only the others; without it the
   * results file is started over.
   */
  @Parameter(property = "silica.resume", defaultValue = "false")
  boolean resume;

  /** Creates the goal; Maven sets its parameters. */
  public SweepMojo() {}

  @Override
  public void execute() throws MojoExecutionException {
    if (skip) {
      getLog().info("silica:sweep skipped");
      return;
    }
    File spec = sweepFile.isAbsolute() ? sweepFile : new File(basedir, sweepFile.getPath());
    String stem = spec.getName().replaceFirst("\\.[^.]*$", "");
    Path results = outputDirectory.toPath().resolve(stem + ".jsonl");
    if (!resume) {
      try {
        Files.deleteIfExists(results);
      } catch (IOException e) {
        throw new MojoExecutionException("cannot remove " + results + ": " + e.getMessage(), e);
      }
    }
    List<String> a = new ArrayList<>();
    a.add("sweep");
    a.add(spec.getAbsolutePath());
    a.add("--results");
    a.add(results.toAbsolutePath().toString());
    a.add("--report");
    a.add(outputDirectory.getAbsolutePath());
    if (threads != null) {
      a.add("--threads");
      a.add(threads.toString());
    }
    if (resume) {
      a.add("--resume");
    }
    runCommandLine(a);
  }
}
