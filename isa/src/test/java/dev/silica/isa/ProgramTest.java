package dev.silica.isa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Programs are immutable, validated, and equal by name, instructions and metadata. */
class ProgramTest {
  private record Op(int n) implements Instr {}

  @Test
  void copiesItsInputs() {
    List<Op> ops = new ArrayList<>(List.of(new Op(1), new Op(2)));
    Map<String, String> meta = new LinkedHashMap<>(Map.of("batch", "8"));
    Program<Op> p = new Program<>("p", ops, meta);
    ops.add(new Op(3));
    meta.put("extra", "x");
    assertThat(p.size()).isEqualTo(2);
    assertThat(p.get(1)).isEqualTo(new Op(2));
    assertThat(p.metadata()).containsOnlyKeys("batch");
    assertThatThrownBy(() -> p.instructions().add(new Op(4)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> p.metadata().put("k", "v"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void metadataKeepsInsertionOrderButEqualityIgnoresIt() {
    Program<Op> a = Program.<Op>of("p").withMetadata("b", "1").withMetadata("a", "2");
    Program<Op> b = Program.<Op>of("p").withMetadata("a", "2").withMetadata("b", "1");
    assertThat(a.metadata().keySet()).containsExactly("b", "a");
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.withMetadata("b", "3").metadata()).containsEntry("b", "3").hasSize(2);
  }

  @Test
  void namesAndMetadataMustBeWords() {
    assertThatThrownBy(() -> Program.of("two words"))
        .hasMessage(
            "program name must be one word without blanks, '#' or control characters, got 'two"
                + " words'");
    assertThatThrownBy(() -> Program.<Op>of("p").withMetadata("Key", "v"))
        .hasMessage("metadata key must be a lower-case word ([a-z][a-z0-9_.]*), got 'Key'");
    assertThatThrownBy(() -> Program.<Op>of("p").withMetadata("k", "a#b"))
        .hasMessage(
            "metadata value of 'k' must be one word without blanks, '#' or control characters,"
                + " got 'a#b'");
    assertThatThrownBy(() -> Program.<Op>of("p").withMetadata("k", "tab\there"))
        .hasMessageEndingWith("got 'tab\\u0009here'");
    assertThatThrownBy(() -> new Program<>("p", List.of(new Op(1)), Map.of("", "v")))
        .hasMessage("metadata key must be a lower-case word ([a-z][a-z0-9_.]*), got ''");
  }

  @Test
  void assemblyExceptionFormatsItsPosition() {
    AssemblyException e = new AssemblyException("a.tpu", 3, 7, "bad");
    assertThat(e).hasMessage("a.tpu:3:7: bad");
    assertThat(AssemblyException.quote("a\u0000b\u00a0c")).isEqualTo("'a\\u0000b\\u00a0c'");
  }
}
