package dev.silica.explore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DesignPointTest {
  @Test
  void hashIsSixteenHexDigitsAndStable() {
    DesignPoint p = DesignPoint.of("array.rows", 128, "clock_ghz", 0.7, "dataflow", "ws");
    assertThat(p.canonicalText()).isEqualTo("array.rows=128\nclock_ghz=0.7d\ndataflow=\"ws\"\n");
    assertThat(p.hash()).hasSize(16).matches("[0-9a-f]{16}");
    assertThat(p.hash())
        .isEqualTo(DesignPoint.of("array.rows", 128L, "clock_ghz", 0.7, "dataflow", "ws").hash());
  }

  @Test
  void integerAndDoubleValuesHashDifferently() {
    assertThat(DesignPoint.of("x", 1).hash()).isNotEqualTo(DesignPoint.of("x", 1.0).hash());
    assertThat(DesignPoint.of("x", "1").hash()).isNotEqualTo(DesignPoint.of("x", 1).hash());
  }
}
