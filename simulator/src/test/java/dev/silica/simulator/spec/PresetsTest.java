package dev.silica.simulator.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PresetsTest {
  @Test
  void overridesWinAndOtherKeysKeepThePresetValues() {
    String text =
        """
        version: 1
        kind: accelerator
        preset: tpu-small
        array: { rows: 64 }
        clock_mhz: 940
        """;
    TestArch arch = TestArch.fromSpec(SpecLoader.parse("arch/mine.yaml", text));
    assertThat(arch).isEqualTo(new TestArch(64, 32, TestArch.Dataflow.WS, 940, 256, 256));
  }

  @Test
  void mergedValuesRememberWhereTheyCameFrom() {
    SpecNode spec =
        SpecLoader.parse(
            "arch/mine.yaml",
            "version: 1\nkind: accelerator\npreset: tpu-large\narray:\n  rows: 8\n");
    SpecNode merged = TestArch.PRESETS.resolve(spec);
    assertThat(merged.get("array.rows").location()).isEqualTo("arch/mine.yaml:5");
    assertThat(merged.get("array.cols").file()).isEqualTo("preset:tpu-large");
    assertThat(merged.has("preset")).isFalse();
    assertThat(merged.keys()).containsExactly("array", "sram", "clock_mhz");
    assertThat(merged.toMap().get("clock_mhz")).isEqualTo(700.0);
    assertThat(merged.toMap().get("array"))
        .isEqualTo(java.util.Map.of("rows", 8L, "cols", 256L, "dataflow", "ws"));
  }

  @Test
  void unknownPresetInCodeListsTheValidOnes() {
    assertThatThrownBy(() -> TestArch.PRESETS.preset("tpu-huge"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown test.systolic preset 'tpu-huge' (expected one of: tpu-small, tpu-large)");
    assertThat(TestArch.PRESETS.names()).containsExactly("tpu-small", "tpu-large");
  }

  @Test
  void aMappingCannotReplaceAScalar() {
    SpecNode overrides = SpecLoader.parse("o.yaml", "clock_mhz: { value: 3 }\n");
    assertThatThrownBy(() -> TestArch.PRESETS.resolve("tpu-small", overrides))
        .hasMessage("o.yaml:1: clock_mhz: must be a single value, got a mapping");
  }

  @Test
  void aPresetIsRegisteredOnce() {
    SpecNode p = SpecNode.fromPlain("p", java.util.Map.of("a", 1));
    assertThatThrownBy(() -> Presets.builder("x").add("a", p).add("a", p))
        .hasMessage("x: preset 'a' registered twice");
  }
}
