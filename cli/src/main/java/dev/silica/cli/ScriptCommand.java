package dev.silica.cli;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code silica script FILE.java [ARGS...]}: compiles a single-file Java program against Silica's
 * own classpath (the jar the command runs from) with the JDK's compiler and runs its {@code
 * main(String[])} in this JVM, so scripts use the whole Java API (sweeps, studies, models, reports)
 * without a build. The class run is the top-level class named like the file, else the first class
 * with a {@code main} method. The script's standard output and error go to the command's.
 */
@Command(
    name = "script",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Compiles and runs a single-file Java program (e.g. scripts/AdaptiveArraySearch.java)"
          + " against the Silica API. Put -- before arguments meant for the script that start"
          + " with a dash."
    })
final class ScriptCommand implements Runnable {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The Java source file.")
  Path file;

  @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments passed to main.")
  List<String> args = new ArrayList<>();

  @Override
  public void run() {
    if (!Files.isRegularFile(file)) {
      throw new UncheckedIOException(new NoSuchFileException(file.toString()));
    }
    if (!file.toString().endsWith(".java")) {
      throw new CliException(file + ": a script must be a .java source file");
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new CliException(
          "silica script needs a JDK (no Java compiler in "
              + System.getProperty("java.home")
              + ")");
    }
    Path classes;
    try {
      classes = Files.createTempDirectory("silica-script");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      compile(javac, classes);
      run(classes);
    } finally {
      delete(classes);
    }
  }

  private void compile(JavaCompiler javac, Path classes) {
    DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
    try (StandardJavaFileManager fm =
        javac.getStandardFileManager(diags, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options =
          List.of(
              "-classpath",
              System.getProperty("java.class.path"),
              "-d",
              classes.toString(),
              "-proc:none",
              "-Xlint:none",
              "--release",
              Integer.toString(Math.max(21, Runtime.version().feature())));
      Boolean ok =
          javac
              .getTask(null, fm, diags, options, null, fm.getJavaFileObjects(file.toFile()))
              .call();
      if (!ok) {
        List<Diagnostic<? extends JavaFileObject>> errors =
            diags.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .toList();
        if (errors.isEmpty()) {
          throw new CliException(file + ": does not compile");
        }
        Diagnostic<? extends JavaFileObject> d = errors.getFirst();
        throw new CliException(
            String.format(
                Locale.ROOT,
                "%s:%d:%d: %s%s",
                file,
                d.getLineNumber(),
                d.getColumnNumber(),
                d.getMessage(Locale.ROOT).lines().findFirst().orElse("error"),
                errors.size() > 1 ? " (and " + (errors.size() - 1) + " more errors)" : ""));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void run(Path classes) {
    String stem = file.getFileName().toString().replaceFirst("\\.java$", "");
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {classes.toUri().toURL()}, ScriptCommand.class.getClassLoader())) {
      Method main = mainMethod(loader, classes, stem);
      System.setOut(new PrintStream(new WriterOutput(out), true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(new WriterOutput(err), true, StandardCharsets.UTF_8));
      main.invoke(null, (Object) args.toArray(String[]::new));
    } catch (InvocationTargetException e) {
      Throwable t = e.getCause();
      throw new CliException(file + ": the script failed: " + t);
    } catch (IllegalAccessException e) {
      throw new CliException(file + ": main must be public: " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      System.out.flush();
      System.err.flush();
      System.setOut(oldOut);
      System.setErr(oldErr);
      out.flush();
      err.flush();
    }
  }

  private Method mainMethod(ClassLoader loader, Path classes, String stem) throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> s = Files.walk(classes)) {
      s.filter(p -> p.toString().endsWith(".class"))
          .map(p -> classes.relativize(p).toString())
          .map(p -> p.substring(0, p.length() - 6).replace(File.separatorChar, '.'))
          .filter(n -> !n.contains("$"))
          .sorted(Comparator.comparing((String n) -> !simpleName(n).equals(stem)))
          .forEach(names::add);
    }
    for (String n : names) {
      try {
        Method m = Class.forName(n, false, loader).getDeclaredMethod("main", String[].class);
        if (Modifier.isStatic(m.getModifiers())) {
          m.setAccessible(true);
          return m;
        }
      } catch (ClassNotFoundException | NoSuchMethodException e) {
        // not this class
      }
    }
    throw new CliException(file + ": no class with a static main(String[]) method");
  }

  private static String simpleName(String binary) {
    return binary.substring(binary.lastIndexOf('.') + 1);
  }

  private static void delete(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
  }

  /** Bytes written as UTF-8 text into a writer. */
  private static final class WriterOutput extends OutputStream {
    private final PrintWriter w;
    private final java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();

    WriterOutput(PrintWriter w) {
      this.w = w;
    }

    @Override
    public synchronized void write(int b) {
      buf.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      buf.write(b, off, len);
    }

    @Override
    public synchronized void flush() {
      w.write(buf.toString(StandardCharsets.UTF_8));
      buf.reset();
      w.flush();
    }
  }
}
