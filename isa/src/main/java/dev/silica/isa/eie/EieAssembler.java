package dev.silica.isa.eie;

import dev.silica.isa.AssemblyException;
import dev.silica.isa.InvalidOperandException;
import dev.silica.isa.Program;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the EIE PE-program text form that {@link EieDisassembler} prints.
 *
 * <h2>Grammar</h2>
 *
 * <pre>{@code
 * line     = [ ".program" WORD | ".meta" KEY "=" WORD | instr ] [ "#" any-text ]
 * instr    = "codebook" INT { INT }            # raw 16-bit values, entry 0 must be 0, at most 16
 *          | "batch" "first=" DIGITS "rows=" DIGITS
 *          | "column" DIGITS ENTRY { ENTRY }    # ENTRY = DIGITS ":" DIGITS  (v:x, 4 bits each)
 * }</pre>
 *
 * <p>Tokens are separated by blanks (spaces, tabs, carriage returns). Structure: exactly one {@code
 * codebook}, first; every {@code column} follows a {@code batch}; within a batch, columns strictly
 * increase. Every problem is an {@link AssemblyException} {@code source:line:col: message} pointing
 * at the token at fault; operand rules use the records' own messages.
 */
public final class EieAssembler {
  private EieAssembler() {}

  private record Token(String text, int column) {}

  /** Assembles {@code text}; {@code source} labels error messages (a file name). */
  public static Program<EieInstr> assemble(String text, String source) {
    List<EieInstr> out = new ArrayList<>();
    Map<String, String> meta = new LinkedHashMap<>();
    String name = null;
    int lastColumn = -1;
    boolean inBatch = false;
    String[] lines = text.split("\n", -1);
    for (int ln = 0; ln < lines.length; ln++) {
      List<Token> toks = tokens(lines[ln]);
      if (toks.isEmpty()) {
        continue;
      }
      int lineNo = ln + 1;
      Token head = toks.get(0);
      switch (head.text()) {
        case ".program" -> {
          expectCount(source, lineNo, toks, 2, "'.program NAME'");
          if (name != null) {
            throw err(source, lineNo, head, ".program may appear only once");
          }
          name = word(source, lineNo, toks.get(1), "program name");
        }
        case ".meta" -> {
          expectCount(source, lineNo, toks, 2, "'.meta KEY=VALUE'");
          Token kv = toks.get(1);
          int eq = kv.text().indexOf('=');
          if (eq <= 0) {
            throw err(
                source,
                lineNo,
                kv,
                "expected KEY=VALUE, got " + AssemblyException.quote(kv.text()));
          }
          String key = kv.text().substring(0, eq);
          try {
            Program.checkMetadataKey(key);
            Program.checkWord("metadata value of '" + key + "'", kv.text().substring(eq + 1));
          } catch (IllegalArgumentException e) {
            throw err(source, lineNo, kv, e.getMessage());
          }
          if (meta.put(key, kv.text().substring(eq + 1)) != null) {
            throw err(source, lineNo, kv, "duplicate metadata key '" + key + "'");
          }
        }
        case Codebook.MNEMONIC -> {
          if (!out.isEmpty()) {
            throw err(source, lineNo, head, "codebook must come first and only once");
          }
          if (toks.size() < 2) {
            throw err(source, lineNo, head, "codebook needs at least 1 value");
          }
          int[] v = new int[toks.size() - 1];
          for (int i = 1; i < toks.size(); i++) {
            v[i - 1] = integer(source, lineNo, toks.get(i), true);
          }
          out.add(
              operands(
                  source, lineNo, toks.get(Math.min(toks.size() - 1, 17)), () -> new Codebook(v)));
        }
        case Batch.MNEMONIC -> {
          needCodebook(source, lineNo, head, out);
          expectCount(source, lineNo, toks, 3, "'batch first=F rows=R'");
          int first = named(source, lineNo, toks.get(1), "first");
          int rows = named(source, lineNo, toks.get(2), "rows");
          out.add(operands(source, lineNo, toks.get(1), () -> new Batch(first, rows)));
          inBatch = true;
          lastColumn = -1;
        }
        case Column.MNEMONIC -> {
          needCodebook(source, lineNo, head, out);
          if (!inBatch) {
            throw err(source, lineNo, head, "column must follow a batch");
          }
          if (toks.size() < 3) {
            throw err(source, lineNo, head, "column needs an index and at least 1 entry v:x");
          }
          int col = integer(source, lineNo, toks.get(1), false);
          if (col <= lastColumn) {
            throw err(
                source,
                lineNo,
                toks.get(1),
                "columns must increase within a batch: " + col + " after " + lastColumn);
          }
          byte[] entries = new byte[toks.size() - 2];
          for (int i = 2; i < toks.size(); i++) {
            Token t = toks.get(i);
            int colon = t.text().indexOf(':');
            if (colon <= 0 || colon == t.text().length() - 1) {
              throw err(
                  source, lineNo, t, "entry must be v:x, got " + AssemblyException.quote(t.text()));
            }
            int v = digits(source, lineNo, t, t.text().substring(0, colon));
            int x = digits(source, lineNo, t, t.text().substring(colon + 1));
            entries[i - 2] = operands(source, lineNo, t, () -> Column.pack(v, x));
          }
          out.add(new Column(col, entries));
          lastColumn = col;
        }
        default ->
            throw err(
                source,
                lineNo,
                head,
                "unknown instruction "
                    + AssemblyException.quote(head.text())
                    + " (expected one of: codebook, batch, column, .program, .meta)");
      }
    }
    return new Program<>(name == null ? Program.DEFAULT_NAME : name, out, meta);
  }

  private interface Build<T> {
    T get();
  }

  private static <T> T operands(String source, int line, Token at, Build<T> b) {
    try {
      return b.get();
    } catch (InvalidOperandException e) {
      throw err(source, line, at, e.getMessage());
    }
  }

  private static void needCodebook(String source, int line, Token head, List<EieInstr> out) {
    if (out.isEmpty()) {
      throw err(source, line, head, head.text() + " must follow the codebook");
    }
  }

  private static void expectCount(String source, int line, List<Token> toks, int n, String form) {
    if (toks.size() != n) {
      Token at = toks.size() > n ? toks.get(n) : toks.get(0);
      throw err(source, line, at, "expected " + form + ", got " + (toks.size() - 1) + " operands");
    }
  }

  private static String word(String source, int line, Token t, String what) {
    try {
      Program.checkWord(what, t.text());
    } catch (IllegalArgumentException e) {
      throw err(source, line, t, e.getMessage());
    }
    return t.text();
  }

  private static int named(String source, int line, Token t, String name) {
    String prefix = name + "=";
    if (!t.text().startsWith(prefix)) {
      throw err(
          source, line, t, "expected " + prefix + "N, got " + AssemblyException.quote(t.text()));
    }
    return digits(source, line, t, t.text().substring(prefix.length()));
  }

  private static int integer(String source, int line, Token t, boolean signed) {
    String s = t.text();
    if (signed && s.startsWith("-")) {
      return -digits(source, line, t, s.substring(1));
    }
    return digits(source, line, t, s);
  }

  private static int digits(String source, int line, Token t, String s) {
    if (s.isEmpty() || s.length() > 9) {
      throw err(
          source, line, t, "expected a number of 1 to 9 digits, got " + AssemblyException.quote(s));
    }
    int v = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw err(source, line, t, "expected a number, got " + AssemblyException.quote(s));
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static AssemblyException err(String source, int line, Token t, String detail) {
    return new AssemblyException(source, line, t.column(), detail);
  }

  private static List<Token> tokens(String line) {
    List<Token> out = new ArrayList<>();
    int n = line.length();
    int i = 0;
    while (i < n) {
      char c = line.charAt(i);
      if (c == '#') {
        break;
      }
      if (c == ' ' || c == '\t' || c == '\r') {
        i++;
        continue;
      }
      int start = i;
      while (i < n
          && line.charAt(i) != ' '
          && line.charAt(i) != '\t'
          && line.charAt(i) != '\r'
          && line.charAt(i) != '#') {
        i++;
      }
      out.add(new Token(line.substring(start, i), start + 1));
    }
    return out;
  }
}
