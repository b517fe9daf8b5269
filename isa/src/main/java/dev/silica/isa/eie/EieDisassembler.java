package dev.silica.isa.eie;

import dev.silica.isa.Program;
import java.util.Map;

/**
 * Prints an EIE PE program in the text form {@link EieAssembler} reads back: {@code .program},
 * {@code .meta} lines, then one instruction per line. {@code parse(print(p)).equals(p)}.
 */
public final class EieDisassembler {
  private EieDisassembler() {}

  /** The text form of {@code program}, one instruction per line, ending with a newline. */
  public static String print(Program<EieInstr> program) {
    StringBuilder b = new StringBuilder();
    b.append(".program ").append(program.name()).append('\n');
    for (Map.Entry<String, String> e : program.metadata().entrySet()) {
      b.append(".meta ").append(e.getKey()).append('=').append(e.getValue()).append('\n');
    }
    for (EieInstr i : program.instructions()) {
      print(b, i);
      b.append('\n');
    }
    return b.toString();
  }

  /** One instruction without a newline. */
  public static String print(EieInstr instr) {
    StringBuilder b = new StringBuilder();
    print(b, instr);
    return b.toString();
  }

  private static void print(StringBuilder b, EieInstr instr) {
    b.append(instr.mnemonic());
    switch (instr) {
      case Codebook c -> {
        for (int i = 0; i < c.size(); i++) {
          b.append(' ').append(c.value(i));
        }
      }
      case Batch bt -> b.append(" first=").append(bt.firstRow()).append(" rows=").append(bt.rows());
      case Column col -> {
        b.append(' ').append(col.column());
        for (int i = 0; i < col.size(); i++) {
          byte e = col.entry(i);
          b.append(' ').append(Column.weightIndex(e)).append(':').append(Column.relativeIndex(e));
        }
      }
    }
  }
}
