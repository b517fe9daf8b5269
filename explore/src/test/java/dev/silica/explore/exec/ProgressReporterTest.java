package dev.silica.explore.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {
  @Test
  void pipedOutputPrintsOneLinePerIntervalAndTheLastPoint() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    AtomicLong now = new AtomicLong();
    ProgressReporter p =
        new ProgressReporter(
            new PrintStream(buf, true, StandardCharsets.UTF_8), false, now::get, 1_000_000_000L);
    p.start("toy", 100);
    for (int i = 0; i < 100; i++) {
      now.addAndGet(50_000_000L); // 20 points per second
      p.step();
    }
    p.finish();
    String out = buf.toString(StandardCharsets.UTF_8);
    assertThat(out).doesNotContain("\r");
    assertThat(out.lines())
        .hasSize(5)
        .startsWith("toy: 20/100 points (20%), 20.0 points/s, ETA 0:00:04")
        .endsWith("toy: 100/100 points (100%), 20.0 points/s, ETA 0:00:00");
  }

  @Test
  void terminalOutputRedrawsInPlace() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    AtomicLong now = new AtomicLong();
    ProgressReporter p =
        new ProgressReporter(
            new PrintStream(buf, true, StandardCharsets.UTF_8), true, now::get, 1_000_000_000L);
    p.start("toy", 3);
    for (int i = 0; i < 3; i++) {
      now.addAndGet(500_000_000L);
      p.step();
    }
    p.finish();
    assertThat(buf.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "\rtoy: 1/3 points (33%), 2.0 points/s, ETA 0:00:01"
                + "\rtoy: 2/3 points (66%), 2.0 points/s, ETA 0:00:01"
                + "\rtoy: 3/3 points (100%), 2.0 points/s, ETA 0:00:00"
                + System.lineSeparator());
  }
}
