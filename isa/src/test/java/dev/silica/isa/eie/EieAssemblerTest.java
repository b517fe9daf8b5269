package dev.silica.isa.eie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silica.isa.AssemblyException;
import dev.silica.isa.InvalidOperandException;
import dev.silica.isa.Program;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The EIE PE-program text form: round trip, record rules and pinned error messages. */
class EieAssemblerTest {
  private static final String TEXT =
      """
      .program fc7.pe3
      .meta layer=fc7
      codebook 0 -1200 -300 250 4096   # raw Q2.14 values
      batch first=0 rows=64
      column 0 1:2 2:0 0:15 3:2
      column 7 4:63
      batch first=64 rows=12
      column 2 1:0
      """
          .replace("4:63", "4:13");

  @Test
  void printAndAssembleRoundTrip() {
    Program<EieInstr> p = EieAssembler.assemble(TEXT, "fc7.eie");
    assertThat(p.name()).isEqualTo("fc7.pe3");
    assertThat(p.metadata()).containsEntry("layer", "fc7");
    assertThat(p.instructions()).hasSize(6);
    assertThat(p.get(0)).isEqualTo(new Codebook(new int[] {0, -1200, -300, 250, 4096}));
    assertThat(p.get(1)).isEqualTo(new Batch(0, 64));
    Column c = (Column) p.get(2);
    assertThat(c.column()).isZero();
    assertThat(c.size()).isEqualTo(4);
    assertThat(Column.weightIndex(c.entry(2))).isZero();
    assertThat(Column.relativeIndex(c.entry(2))).isEqualTo(15);
    String printed = EieDisassembler.print(p);
    assertThat(EieAssembler.assemble(printed, "again")).isEqualTo(p);
    assertThat(EieDisassembler.print(EieAssembler.assemble(printed, "again"))).isEqualTo(printed);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          codebook 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 | t:1:48: codebook: codebook must have 1 to 16 entries for 4-bit weight indexes, got 17
          codebook 5                                        | t:1:10: codebook: entry 0 must be 0 (the value of filler entries), got 5
          codebook 0 40000                                  | t:1:12: codebook: entry 1 must be a 16-bit value in [-32768, 32767], got 40000
          batch first=0 rows=4                              | t:1:1: batch must follow the codebook
          codebook 0\\ncolumn 1 1:1                         | t:2:1: column must follow a batch
          codebook 0\\nbatch first=0 rows=0                 | t:2:7: batch: rows must be at least 1, got 0
          codebook 0\\nbatch first=0 rows=4\\ncolumn 3 16:0 | t:3:10: column: weight index must fit 4 bits (0 to 15), got 16
          codebook 0\\nbatch first=0 rows=4\\ncolumn 3 1:16 | t:3:10: column: relative index must fit 4 bits (0 to 15), got 16
          codebook 0\\nbatch first=0 rows=4\\ncolumn 3 1    | t:3:10: entry must be v:x, got '1'
          codebook 0\\nbatch first=0 rows=4\\ncolumn 3 1:1\\ncolumn 3 1:1 | t:4:8: columns must increase within a batch: 3 after 3
          codebook 0\\nspmv 3                               | t:2:1: unknown instruction 'spmv' (expected one of: codebook, batch, column, .program, .meta)
          """)
  void badTextGivesOneLineWithItsPosition(String text, String message) {
    assertThatThrownBy(() -> EieAssembler.assemble(text.replace("\\n", "\n"), "t"))
        .isInstanceOf(AssemblyException.class)
        .hasMessage(message);
  }

  @Test
  void recordsCheckTheirOperands() {
    assertThatThrownBy(() -> new Codebook(new int[17]))
        .isInstanceOf(InvalidOperandException.class)
        .hasMessage(
            "codebook: codebook must have 1 to 16 entries for 4-bit weight indexes, got 17");
    assertThatThrownBy(() -> new Column(0, new byte[0]))
        .hasMessage("column: a column must have at least 1 entry (omit empty columns)");
    assertThat(Column.pack(15, 15)).isEqualTo((byte) 0xff);
    assertThat(new Program<>("p", List.of(new Codebook(new int[] {0})))).isNotNull();
  }
}
