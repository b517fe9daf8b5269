package dev.silica.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compares one workload on several accelerators ({@code silica compare}): the side-by-side table in
 * the build log, and {@code <model>-comparison.html} (latency, energy by component, TOPS/W, area,
 * the energy-latency Pareto scatter) with its CSV and JSON in {@code outputDirectory}.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ReportMojo extends SilicaMojo {

  /** The workload, in any form {@code simulate} takes. */
  @Parameter(property = "silica.model", required = true)
  String model;

  /** Two or more accelerators (presets, spec files or {@code scalesim:} configurations). */
  @Parameter(required = true)
  List<String> accelerators;

  /** Creates the goal; Maven sets its parameters. */
  public ReportMojo() {}

  @Override
  public void execute() throws MojoExecutionException {
    if (skip) {
      getLog().info("silica:report skipped");
      return;
    }
    List<String> resolved = new ArrayList<>();
    for (String a : accelerators) {
      resolved.add(resolve(a));
    }
    runCommandLine(
        List.of(
            "compare",
            "--model",
            resolve(model),
            "--accelerators",
            String.join(",", resolved),
            "--report",
            outputDirectory.getAbsolutePath()));
  }
}
