package dev.silica.simulator.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecLoaderTest {
  private static final String TPU_SMALL =
      """
      # arch/tpu-small.yaml
      version: 1
      kind: accelerator
      array: { rows: 32, cols: 16, dataflow: ws }
      sram:
        weights_kib: 256
        ifmap_kib: 128
      clock_mhz: 700.5
      """;

  @Test
  void everyNodeKnowsItsFileLineAndPath() {
    SpecNode root = SpecLoader.load("arch/tpu-small.yaml", TPU_SMALL, SpecKind.ACCELERATOR);
    assertThat(root.get("array.rows").line()).isEqualTo(4);
    assertThat(root.get("array.rows").path()).isEqualTo("array.rows");
    assertThat(root.get("sram.ifmap_kib").line()).isEqualTo(7);
    assertThat(root.get("sram.ifmap_kib").location()).isEqualTo("arch/tpu-small.yaml:7");
    assertThat(root.get("clock_mhz").file()).isEqualTo("arch/tpu-small.yaml");
    assertThat(root.keys()).containsExactly("version", "kind", "array", "sram", "clock_mhz");
  }

  @Test
  void typedGettersReadValues() {
    TestArch arch = TestArch.fromSpec(SpecLoader.parse("arch/tpu-small.yaml", TPU_SMALL));
    assertThat(arch).isEqualTo(new TestArch(32, 16, TestArch.Dataflow.WS, 700.5, 256, 128));
  }

  @Test
  void optionalGettersFallBackToDefaults() {
    SpecNode root = SpecLoader.parse("x.yaml", "a: 1\nb: { c: true }\n");
    assertThat(root.positiveInt("z", 7)).isEqualTo(7);
    assertThat(root.string("b.d", "none")).isEqualTo("none");
    assertThat(root.bool("b.c", false)).isTrue();
    assertThat(root.doubleInRange("a", 0, 2, 5)).isEqualTo(1.0);
    assertThat(root.has("b.c")).isTrue();
    assertThat(root.has("b.x")).isFalse();
    assertThat(root.optional("a")).isPresent();
  }

  @Test
  void quotedNumbersStayStrings() {
    SpecNode root = SpecLoader.parse("x.yaml", "a: \"4\"\nb: 4\nc: 4.0\nd: null\ne: yes\n");
    assertThat(root.get("a").scalarKind()).isEqualTo(SpecNode.ScalarKind.STRING);
    assertThat(root.get("b").scalarKind()).isEqualTo(SpecNode.ScalarKind.INT);
    assertThat(root.get("c").scalarKind()).isEqualTo(SpecNode.ScalarKind.FLOAT);
    assertThat(root.get("d").scalarKind()).isEqualTo(SpecNode.ScalarKind.NULL);
    // YAML 1.2 core schema: "yes" is a string, not a boolean
    assertThat(root.get("e").scalarKind()).isEqualTo(SpecNode.ScalarKind.STRING);
    assertThatThrownBy(() -> root.positiveInt("a"))
        .hasMessage("x.yaml:1: a: must be a positive integer, got '4'");
    assertThatThrownBy(() -> root.string("d"))
        .hasMessage("x.yaml:4: d: must be a string, got nothing");
  }

  @Test
  void listsKeepElementLinesAndIndexedPaths() {
    SpecNode root = SpecLoader.parse("s.yaml", "axes:\n  - rows\n  - cols\n");
    List<SpecNode> axes = root.get("axes").elements();
    assertThat(axes).extracting(SpecNode::asString).containsExactly("rows", "cols");
    assertThat(axes.get(1).line()).isEqualTo(3);
    assertThat(axes.get(1).path()).isEqualTo("axes[1]");
  }

  @Test
  void dottedKeysAreReachedLiterallyThroughChild() {
    SpecNode root = SpecLoader.parse("e.yaml", "energy_pj:\n  add.int8: { value: 0.03 }\n");
    SpecNode e = root.get("energy_pj").child("add.int8");
    assertThat(e.get("value").asDouble()).isEqualTo(0.03);
    assertThat(e.path()).isEqualTo("energy_pj.add.int8");
  }

  @Test
  void emptyAndMultiDocumentFilesAreRejected() {
    assertThatThrownBy(() -> SpecLoader.parse("e.yaml", "# nothing\n"))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessage("e.yaml: empty spec file");
    assertThatThrownBy(() -> SpecLoader.parse("m.yaml", "a: 1\n---\nb: 2\n"))
        .hasMessage("m.yaml:3: must hold one YAML document, got 2");
  }

  @Test
  void exceptionCarriesFileLineAndPath() {
    SpecNode root = SpecLoader.parse("arch/t.yaml", "version: 1\narray:\n  rows: 0\n");
    InvalidSpecException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            InvalidSpecException.class, () -> root.positiveInt("array.rows"));
    assertThat(e.file()).isEqualTo("arch/t.yaml");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.path()).isEqualTo("array.rows");
    assertThat(e).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void writerRoundTripsAnOrderedMap() {
    Map<String, Object> array = new LinkedHashMap<>();
    array.put("rows", 32);
    array.put("cols", 16);
    array.put("dataflow", "ws");
    Map<String, Object> resolved = new LinkedHashMap<>();
    resolved.put("version", 1);
    resolved.put("kind", "accelerator");
    resolved.put("array", array);
    resolved.put("clock_mhz", 700.5);
    resolved.put("levels", List.of("rf", "sram", "dram"));
    String yaml = SpecWriter.toYaml(resolved);
    assertThat(yaml)
        .isEqualTo(
            """
            version: 1
            kind: accelerator
            array:
              rows: 32
              cols: 16
              dataflow: ws
            clock_mhz: 700.5
            levels:
            - rf
            - sram
            - dram
            """);
    SpecNode back = SpecLoader.load("echo.yaml", yaml, SpecKind.ACCELERATOR);
    Map<String, Object> arrayBack = new LinkedHashMap<>();
    arrayBack.put("rows", 32L); // integers come back as Long
    arrayBack.put("cols", 16L);
    arrayBack.put("dataflow", "ws");
    Map<String, Object> expected = new LinkedHashMap<>(resolved);
    expected.put("version", 1L);
    expected.put("array", arrayBack);
    assertThat(back.toPlain()).isEqualTo(expected);
    assertThat(SpecWriter.toYaml(back)).isEqualTo(yaml);
  }

  @Test
  void levenshteinSuggestsOnlyPlausibleTypos() {
    assertThat(SpecMessages.levenshtein("rowz", "rows")).isEqualTo(1);
    assertThat(SpecMessages.levenshtein("", "abc")).isEqualTo(3);
    assertThat(SpecMessages.levenshtein("kitten", "sitting")).isEqualTo(3);
    assertThat(SpecMessages.nearest("rowz", List.of("rows", "cols", "dataflow"))).contains("rows");
    assertThat(SpecMessages.nearest("pipeline_depth", List.of("rows", "cols"))).isEmpty();
    assertThat(SpecMessages.nearestN("mac.bf16", List.of("mac.fp16", "add.fp32", "mult.fp16"), 2))
        .containsExactly("mac.fp16", "mult.fp16");
  }
}
