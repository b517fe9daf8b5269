package dev.silica.workloads.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.silica.testkit.TextMutator;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.IrException;
import dev.silica.workloads.zoo.Zoo;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Seeded random mutations of printed graphs (characters deleted, inserted, replaced, spans deleted
 * or duplicated, lines swapped, the text truncated): whatever the damage, the parser either returns
 * a graph or throws an {@link IrException} whose message starts with {@code source:line:col: }
 * pointing inside the text. Never a stack trace from a {@code NullPointerException}, an index error
 * or a number-format error.
 */
class IrParserFuzzTest {
  private static final long SEED = 0x5111CA_2026L;
  private static final Pattern POSITION = Pattern.compile("fuzz\\.sir:(\\d+):(\\d+): \\S");

  /** Characters the mutations insert: the grammar's punctuation, letters, digits and oddities. */
  private static final String ALPHABET =
      "%[]{}(),:=#\"-+.0123456789 \t\n\rabcdefinxyzEfi_/é\u0000\u00a0\uFEFF";

  @Test
  void mutatedHandBuiltGraphsFailWithAPosition() {
    List<String> bases = new ArrayList<>();
    for (Graph g : IrTestGraphs.all()) {
      bases.add(IrPrinter.print(g));
    }
    int failures = run(bases, 3000, new SplittableRandom(SEED));
    // most mutations break something; if none did, the mutations would not be testing anything
    assertThat(failures).isGreaterThan(1500);
  }

  @Test
  void mutatedZooGraphFailsWithAPosition() {
    String base = IrPrinter.print(Zoo.build(Zoo.names().getFirst()));
    int failures = run(List.of(base), 200, new SplittableRandom(SEED + 1));
    assertThat(failures).isGreaterThan(100);
  }

  private static int run(List<String> bases, int cases, SplittableRandom random) {
    int failures = 0;
    for (int i = 0; i < cases; i++) {
      String base = bases.get(random.nextInt(bases.size()));
      String text = TextMutator.mutate(base, ALPHABET, random);
      try {
        Graph g = IrParser.parse(text, "fuzz.sir");
        assertThat(g).isNotNull();
      } catch (IrException e) {
        failures++;
        checkPosition(e, text, i);
      } catch (RuntimeException e) {
        fail("case %d: %s on input:%n%s", i, e, text, e);
      }
    }
    return failures;
  }

  private static void checkPosition(IrException e, String text, int i) {
    Matcher m = POSITION.matcher(e.getMessage());
    if (!m.lookingAt()) {
      fail("case %d: message lacks source:line:col: %s%ninput:%n%s", i, e.getMessage(), text);
    }
    int line = Integer.parseInt(m.group(1));
    int col = Integer.parseInt(m.group(2));
    String[] lines = text.split("\n", -1);
    assertThat(line).as("case %d line of %s", i, e.getMessage()).isBetween(1, lines.length);
    assertThat(col)
        .as("case %d column of %s", i, e.getMessage())
        .isBetween(1, lines[line - 1].length() + 1);
  }
}
