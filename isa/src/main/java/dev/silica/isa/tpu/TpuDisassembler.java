package dev.silica.isa.tpu;

import dev.silica.isa.Program;
import java.util.Locale;
import java.util.Map;

/**
 * Prints TPU programs in the text form {@link TpuAssembler} reads: a {@code .program} line, one
 * {@code .meta} line per metadata entry in insertion order, then one instruction per line with
 * every operand named, in a fixed order. Unified-Buffer addresses are printed as six hex digits
 * (the 3-byte field), host and Weight-Memory byte addresses in hex, everything else in decimal;
 * {@code repeat} is always printed. {@code TpuAssembler.parse(print(p), s).equals(p)} for every
 * program that fits the limits it is parsed with.
 */
public final class TpuDisassembler {
  private TpuDisassembler() {}

  /** The whole program, each line ending in {@code \n}. */
  public static String print(Program<? extends TpuInstr> program) {
    StringBuilder b = new StringBuilder();
    b.append(".program ").append(program.name()).append('\n');
    for (Map.Entry<String, String> e : program.metadata().entrySet()) {
      b.append(".meta ").append(e.getKey()).append('=').append(e.getValue()).append('\n');
    }
    for (TpuInstr instr : program.instructions()) {
      b.append(print(instr)).append('\n');
    }
    return b.toString();
  }

  /** One instruction as a line without its line break. */
  public static String print(TpuInstr instr) {
    return switch (instr) {
      case ReadHostMemory r ->
          r.mnemonic()
              + " host="
              + hex(r.hostAddress())
              + " ub="
              + ub(r.ubAddress())
              + " rows="
              + r.rows()
              + " repeat="
              + r.repeat();
      case ReadWeights r ->
          r.mnemonic()
              + " dram="
              + hex(r.weightAddress())
              + " tiles="
              + r.tiles()
              + " repeat="
              + r.repeat();
      case MatrixMultiply m ->
          m.mnemonic()
              + " ub="
              + ub(m.ubAddress())
              + " acc="
              + m.accAddress()
              + " rows="
              + m.rows()
              + " repeat="
              + m.repeat()
              + (m.accumulate() ? " accumulate" : "")
              + (m.convolve() ? " convolve" : "");
      case Activate a ->
          a.mnemonic()
              + " acc="
              + a.accAddress()
              + " ub="
              + ub(a.ubAddress())
              + " rows="
              + a.rows()
              + " repeat="
              + a.repeat()
              + " fn="
              + a.function().text()
              + a.pooling()
                  .map(p ->
                      " pool="
                          + p.kind().text()
                          + " window="
                          + p.window()
                          + " stride="
                          + p.stride())
                  .orElse("");
      case WriteHostMemory w ->
          w.mnemonic()
              + " ub="
              + ub(w.ubAddress())
              + " host="
              + hex(w.hostAddress())
              + " rows="
              + w.rows()
              + " repeat="
              + w.repeat();
      case Sync s -> s.mnemonic() + " wait=" + s.kind().text();
      case Nop n -> n.mnemonic();
      case Halt h -> h.mnemonic();
    };
  }

  private static String ub(int row) {
    return String.format(Locale.ROOT, "0x%06x", row);
  }

  private static String hex(long address) {
    return "0x" + Long.toHexString(address);
  }
}
