package dev.silica.isa.tpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.silica.isa.AssemblyException;
import dev.silica.isa.Program;
import dev.silica.testkit.TextMutator;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random damage to printed programs (characters deleted, inserted or replaced, spans deleted
 * or duplicated, lines swapped, the text truncated): the assembler either returns a program or
 * throws an {@link AssemblyException} whose message starts with {@code source:line:col: } pointing
 * inside the text. Never a {@code NullPointerException}, an index error, a number-format error or
 * an exception from a record.
 */
class TpuAssemblerFuzzTest {
  private static final Pattern POSITION = Pattern.compile("fuzz\\.tpu:(\\d+):(\\d+): \\S");

  /** Characters the mutations insert: the grammar's punctuation, digits, letters and oddities. */
  private static final String ALPHABET =
      "=#.-+_0123456789xXabcdefgACFmnopqrstuvw \t\n\r\u0000\u00a0\uFEFF\u0661é";

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 8);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void mutatedProgramsFailWithAPosition(long seed) {
    SplittableRandom random = new SplittableRandom(0x7E0_2017L * 31 + seed);
    List<String> bases = new ArrayList<>();
    bases.add(TpuPrograms.FULLY_CONNECTED_TEXT);
    for (int i = 0; i < 4; i++) {
      bases.add(
          TpuDisassembler.print(TpuPrograms.random(random.nextLong(), TpuIsaLimits.TPU_V1, 12)));
    }
    int failures = 0;
    int cases = 1500;
    for (int i = 0; i < cases; i++) {
      String text = TextMutator.mutate(bases.get(random.nextInt(bases.size())), ALPHABET, random);
      try {
        Program<TpuInstr> p = TpuAssembler.parse(text, "fuzz.tpu");
        // whatever parsed prints and reads back to itself
        assertThat(TpuAssembler.parse(TpuDisassembler.print(p), "fuzz.tpu")).isEqualTo(p);
      } catch (AssemblyException e) {
        failures++;
        checkPosition(e, text, i);
      } catch (RuntimeException e) {
        fail("seed %d case %d: %s on input:%n%s", seed, i, e, text, e);
      }
    }
    // most mutations break something; if none did, the mutations would not be testing anything
    assertThat(failures).isGreaterThan(cases / 2);
  }

  private static void checkPosition(AssemblyException e, String text, int i) {
    Matcher m = POSITION.matcher(e.getMessage());
    if (!m.lookingAt()) {
      fail("case %d: message lacks source:line:col: %s%ninput:%n%s", i, e.getMessage(), text);
    }
    int line = Integer.parseInt(m.group(1));
    int col = Integer.parseInt(m.group(2));
    assertThat(e.line()).isEqualTo(line);
    assertThat(e.column()).isEqualTo(col);
    String[] lines = text.split("\n", -1);
    assertThat(line).as("case %d line of %s", i, e.getMessage()).isBetween(1, lines.length);
    assertThat(col)
        .as("case %d column of %s", i, e.getMessage())
        .isBetween(1, lines[line - 1].length() + 1);
    assertThat(e.detail()).doesNotContain("\n").doesNotContain("\u0000");
  }
}
