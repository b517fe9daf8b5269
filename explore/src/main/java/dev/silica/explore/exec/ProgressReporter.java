package dev.silica.explore.exec;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A progress line: {@code name: 120/200 points (60%), 35.2 points/s, ETA 0:00:02}. On a terminal
 * the line is redrawn in place (carriage return, at most ten times a second); when output is piped
 * a new line is printed at most once per {@code interval} and at the end, so logs stay readable.
 */
public final class ProgressReporter {
  private final PrintStream out;
  private final boolean interactive;
  private final LongSupplier nanoClock;
  private final long intervalNanos;
  private String name = "sweep";
  private long total;
  private long done;
  private long startNanos;
  private long lastPrintNanos;

  /**
   * @param out where lines go (null for silence)
   * @param interactive redraw in place with carriage returns
   * @param nanoClock time source (System::nanoTime)
   * @param intervalNanos minimum time between non-interactive lines
   */
  public ProgressReporter(
      PrintStream out, boolean interactive, LongSupplier nanoClock, long intervalNanos) {
    this.out = out;
    this.interactive = interactive;
    this.nanoClock = nanoClock;
    this.intervalNanos = intervalNanos;
  }

  /**
   * Redraws in place when standard input and output are a terminal, else prints one line per
   * second.
   */
  public static ProgressReporter forTerminal(PrintStream out) {
    return new ProgressReporter(out, isTerminal(), System::nanoTime, 1_000_000_000L);
  }

  /**
   * Whether this JVM talks to a terminal. From JDK 22 {@link System#console()} returns a console
   * even when output is redirected, and only {@code Console.isTerminal()} (called reflectively, as
   * the code targets Java 21) tells; on JDK 21 a non-null console means a terminal.
   */
  public static boolean isTerminal() {
    java.io.Console c = System.console();
    if (c == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  /** Prints nothing. */
  public static ProgressReporter silent() {
    return new ProgressReporter(null, false, System::nanoTime, Long.MAX_VALUE);
  }

  /** Starts counting {@code total} points. */
  public synchronized void start(String name, long total) {
    this.name = name;
    this.total = total;
    this.done = 0;
    this.startNanos = nanoClock.getAsLong();
    this.lastPrintNanos = startNanos;
  }

  /** Adds {@code more} points to the total (next evolutionary generation). */
  public synchronized void addTotal(long more) {
    total += more;
  }

  /** One more point finished. */
  public synchronized void step() {
    done++;
    long now = nanoClock.getAsLong();
    long gap = interactive ? 100_000_000L : intervalNanos;
    if (done == total || now - lastPrintNanos >= gap) {
      print(now, done == total);
    }
  }

  /** Prints the final line (if the last step did not). */
  public synchronized void finish() {
    if (out != null && interactive) {
      out.println();
    }
  }

  /** The current line text. */
  public synchronized String line() {
    return line(nanoClock.getAsLong());
  }

  private String line(long now) {
    double secs = (now - startNanos) / 1e9;
    double rate = secs > 0 ? done / secs : 0;
    String pct = total > 0 ? String.format(Locale.ROOT, "%d%%", done * 100 / total) : "-";
    String eta = rate > 0 ? clock((total - done) / rate) : "?";
    return String.format(
        Locale.ROOT,
        "%s: %d/%d points (%s), %.1f points/s, ETA %s",
        name,
        done,
        total,
        pct,
        rate,
        eta);
  }

  private void print(long now, boolean last) {
    lastPrintNanos = now;
    if (out == null) {
      return;
    }
    if (interactive) {
      out.print("\r" + line(now));
    } else {
      out.println(line(now));
    }
    out.flush();
  }

  static String clock(double seconds) {
    long s = Math.round(seconds);
    return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
  }
}
