package dev.silica.cli;

import dev.silica.explore.Evaluators;
import dev.silica.explore.Sweep;
import dev.silica.explore.SweepReport;
import dev.silica.explore.SweepReportWriter;
import dev.silica.explore.SweepSetup;
import dev.silica.explore.exec.HazelcastExecutor;
import dev.silica.explore.exec.HazelcastSettings;
import dev.silica.explore.exec.LocalExecutor;
import dev.silica.explore.exec.ProgressReporter;
import dev.silica.explore.exec.SweepExecutor;
import dev.silica.explore.store.ResultStore;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code silica sweep SPEC}: runs a design-space sweep file on the accelerator models, appending
 * one JSON line per point to the results file, with a progress line on standard error (redrawn in
 * place on a terminal, one line a second when redirected); {@code --resume} skips the points an
 * earlier run finished; {@code --report DIR} writes the CSV and the HTML report with the Pareto
 * chart.
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Runs a design-space sweep (a kind: sweep YAML file) and prints the best points or the"
          + " Pareto front. Results are appended as JSON Lines keyed by each point's hash;"
          + " infeasible points are recorded with their reason."
    })
final class SweepCommand implements Runnable {
  enum ExecutorKind {
    local,
    hazelcast
  }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SPEC", description = "The sweep file (kind: sweep).")
  Path file;

  @Option(
      names = {"-r", "--report"},
      paramLabel = "DIR",
      description = "Also write DIR/<sweep>.csv (every point) and DIR/<sweep>.html (Pareto chart).")
  Path report;

  @Option(
      names = {"-o", "--results"},
      paramLabel = "FILE",
      description = "The JSON Lines results file (default: silica-out/sweep/<sweep>.jsonl).")
  Path results;

  @Option(
      names = "--resume",
      description =
          "Reuse an existing results file: points it holds are not evaluated again (without it"
              + " an existing results file is an error).")
  boolean resume;

  @Option(
      names = "--executor",
      paramLabel = "KIND",
      defaultValue = "local",
      description = "local (a thread pool, default) or hazelcast (an embedded cluster member).")
  ExecutorKind executor;

  @Option(
      names = {"-t", "--threads"},
      paramLabel = "N",
      description = "Evaluation threads (default: one per processor).")
  Integer threads;

  @Option(
      names = "--cluster-members",
      paramLabel = "HOST:PORT,...",
      split = ",",
      description =
          "hazelcast: join these members over TCP/IP instead of running alone (each other member"
              + " runs 'silica sweep SPEC --worker' with the same options).")
  List<String> members;

  @Option(
      names = "--cluster-bind",
      paramLabel = "HOST:PORT",
      description = "hazelcast: address this member listens on (default: 127.0.0.1, a free port).")
  String bind;

  @Option(
      names = "--cluster-name",
      paramLabel = "NAME",
      description = "hazelcast: cluster name shared by the members (default: silica-sweep).")
  String clusterName;

  @Option(
      names = "--worker",
      description =
          "hazelcast: only serve evaluations to the cluster (no results file) until stopped.")
  boolean worker;

  @Override
  public void run() {
    if (!Files.isRegularFile(file)) {
      throw new UncheckedIOException(new NoSuchFileException(file.toString()));
    }
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1) {
      throw new CliException("--threads: must be at least 1, got " + n);
    }
    if (executor == ExecutorKind.local
        && (members != null || bind != null || clusterName != null || worker)) {
      throw new CliException(
          "--cluster-members, --cluster-bind, --cluster-name and --worker need --executor"
              + " hazelcast");
    }
    SweepSetup setup = SweepSetup.load(file, IrSources::load);
    PrintWriter out = spec.commandLine().getOut();
    String evaluatorName = "silica-sweep:" + setup.spec().name();
    Evaluators.register(evaluatorName, setup.evaluator());
    try {
      if (worker) {
        serve(n, out);
        return;
      }
      Path store = results != null ? results : defaultResults(setup.spec().name());
      if (!resume && Files.exists(store) && sizeOf(store) > 0) {
        throw new CliException(
            store
                + ": results file exists; pass --resume to skip its finished points, or remove"
                + " it to start over");
      }
      SweepReport r = run(setup, store, n, evaluatorName);
      out.print(r.format());
      out.println("wrote " + store + " (" + r.results().size() + " points, JSON Lines)");
      if (report != null) {
        String stem = setup.spec().name().replaceAll("[^A-Za-z0-9._-]", "_");
        SweepReportWriter.Output o = SweepReportWriter.write(r, report, stem);
        out.println("wrote " + o.html() + " (Pareto chart) and " + o.csv());
      }
      out.flush();
    } finally {
      Evaluators.unregister(evaluatorName);
    }
  }

  private SweepReport run(SweepSetup setup, Path store, int n, String evaluatorName) {
    try {
      if (store.getParent() != null) {
        Files.createDirectories(store.getParent());
      }
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
    ResultStore rs = ResultStore.open(store);
    PrintStream err = new PrintStream(new WriterStream(spec.commandLine().getErr()), true);
    ProgressReporter progress = ProgressReporter.forTerminal(err);
    try (SweepExecutor ex = executor(setup, n, evaluatorName)) {
      return new Sweep(setup.spec(), ex, rs, progress).run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted; rerun with --resume to finish");
    } catch (Exception e) {
      if (e instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e);
    } finally {
      rs.close();
      err.flush();
    }
  }

  private SweepExecutor executor(SweepSetup setup, int n, String evaluatorName) {
    return switch (executor) {
      case local -> new LocalExecutor(setup.evaluator(), n);
      case hazelcast -> HazelcastExecutor.start(settings(n), evaluatorName);
    };
  }

  private HazelcastSettings settings(int n) {
    if (members == null && bind == null && clusterName == null) {
      return HazelcastSettings.embedded(n);
    }
    String host = "127.0.0.1";
    int port;
    if (bind != null) {
      int colon = bind.lastIndexOf(':');
      if (colon <= 0) {
        throw new CliException("--cluster-bind: must be HOST:PORT, got '" + bind + "'");
      }
      host = bind.substring(0, colon);
      try {
        port = Integer.parseInt(bind.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new CliException("--cluster-bind: port must be a number, got '" + bind + "'");
      }
    } else {
      port = HazelcastSettings.freeLoopbackPort();
    }
    List<String> m = members != null ? members : List.of(host + ":" + port);
    String name =
        clusterName != null
            ? clusterName
            : members == null ? "silica-sweep-" + UUID.randomUUID() : "silica-sweep";
    return new HazelcastSettings(name, host, port, m, n);
  }

  private void serve(int n, PrintWriter out) {
    if (executor != ExecutorKind.hazelcast) {
      throw new CliException("--worker needs --executor hazelcast");
    }
    HazelcastSettings s = settings(n);
    var member = HazelcastExecutor.startMember(s);
    out.println(
        String.format(
            Locale.ROOT,
            "worker: member of cluster %s at %s:%d, %d threads; stop with Ctrl-C",
            s.clusterName(),
            s.bindAddress(),
            s.port(),
            n));
    out.flush();
    try {
      Thread.currentThread().join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      member.shutdown();
    }
  }

  private static long sizeOf(Path p) {
    try {
      return Files.size(p);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path defaultResults(String name) {
    return Path.of("silica-out", "sweep", name.replaceAll("[^A-Za-z0-9._-]", "_") + ".jsonl");
  }

  /** An output stream writing UTF-8 text into a writer (the command line's error stream). */
  static final class WriterStream extends java.io.OutputStream {
    private final PrintWriter w;
    private final java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();

    WriterStream(PrintWriter w) {
      this.w = w;
    }

    @Override
    public void write(int b) {
      buf.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      buf.write(b, off, len);
    }

    @Override
    public void flush() {
      w.write(buf.toString(java.nio.charset.StandardCharsets.UTF_8));
      buf.reset();
      w.flush();
    }
  }
}
