package dev.silica.explore.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.explore.DesignPoint;
import dev.silica.explore.PointResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultStoreTest {
  @TempDir Path dir;

  @Test
  void roundTripsDoublesBitExactlyAndDedupesByHash() throws Exception {
    Path file = dir.resolve("r.jsonl");
    ResultStore s = ResultStore.open(file);
    Random rng = new Random(3);
    for (int i = 0; i < 50; i++) {
      Map<String, Double> m = new LinkedHashMap<>();
      m.put("energy_pj", rng.nextDouble() * Math.pow(10, rng.nextInt(30) - 10));
      m.put("tiny", Double.MIN_VALUE * (i + 1));
      DesignPoint p = DesignPoint.of("i", i, "f", i / 3.0, "s", "v\"" + i, "b", i % 2 == 0);
      PointResult r =
          i % 7 == 0 ? PointResult.infeasible(p, "reason " + i, m) : PointResult.feasible(p, m);
      assertThat(s.record(i, r)).isTrue();
      assertThat(s.record(i, r)).isFalse();
    }
    s.close();
    ResultStore back = ResultStore.open(file);
    assertThat(back.skippedLines()).isZero();
    assertThat(back.entries()).isEqualTo(s.entries());
    assertThat(Files.readAllLines(file)).hasSize(50);
    assertThat(Files.readAllLines(file).getFirst())
        .startsWith("{\"hash\":\"")
        .contains("\"index\":0,\"point\":{\"i\":0,\"f\":0.0,\"s\":\"v\\\"0\",\"b\":true}")
        .contains("\"feasible\":false,\"reason\":\"reason 0\"");
    back.close();
  }

  @Test
  void tornLastLineIsSkippedCountedAndRemoved() throws Exception {
    Path file = dir.resolve("torn.jsonl");
    ResultStore s = ResultStore.open(file);
    s.record(0, PointResult.feasible(DesignPoint.of("i", 0), Map.of("m", 1.5)));
    s.close();
    String full = Files.readString(file);
    Files.writeString(file, full + full.substring(0, full.length() / 2));
    ResultStore back = ResultStore.open(file);
    assertThat(back.skippedLines()).isEqualTo(1);
    assertThat(back.size()).isEqualTo(1);
    back.record(1, PointResult.feasible(DesignPoint.of("i", 1), Map.of("m", 2.5)));
    back.close();
    assertThat(Files.readAllLines(file)).hasSize(2);
    assertThat(ResultStore.open(file).skippedLines()).isZero();
  }
}
