package com.example.silica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.reports.RunReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompareAcceleratorsTest {

  @Test
  void runsTheMlpOnBothAcceleratorsAndPrintsTheComparison() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    List<RunReport> reports =
        CompareAccelerators.compare(
            CompareAccelerators.mlp(1), List.of("tpu-v1", "eyeriss-like"), out);
    String text = bytes.toString(StandardCharsets.UTF_8);
    System.out.print(text); // the program's output, in the build log

    assertEquals(2, reports.size());
    // 784*256 + 256*10 multiply-accumulates, whatever the accelerator
    for (RunReport r : reports) {
      assertEquals(784L * 256 + 256 * 10, r.total().macs());
      assertTrue(r.total().timeS() > 0 && r.total().energyPj() > 0, r.accelerator());
    }
    assertTrue(text.contains("mlp-784-256-10 on tpu-v1:"), text);
    assertTrue(text.contains("mlp-784-256-10 on eyeriss-like:"), text);
    assertTrue(text.contains("tpu-v1 vs eyeriss-like:"), text);
  }
}
