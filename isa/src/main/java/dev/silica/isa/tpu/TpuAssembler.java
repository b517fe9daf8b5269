package dev.silica.isa.tpu;

import dev.silica.isa.AssemblyException;
import dev.silica.isa.InvalidOperandException;
import dev.silica.isa.Program;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the TPU text form that {@link TpuDisassembler} prints.
 *
 * <h2>Grammar</h2>
 *
 * <pre>{@code
 * file     = { line "\n" } [ line ]
 * line     = [ ".program" WORD | ".meta" KEY "=" WORD | MNEMONIC { operand } ] [ "#" any-text ]
 * operand  = NAME "=" VALUE | FLAG
 * VALUE    = DIGITS | ("0x" | "0X") HEXDIGITS | ENUM-WORD          # no sign, no underscores
 * }</pre>
 *
 * <p>Tokens are separated by spaces, tabs and carriage returns (so CRLF text reads), {@code #}
 * starts a comment. Operands may come in any order, each at most once; {@code repeat} defaults to
 * 1, flags to absent, {@code pool} to none (then {@code window} and {@code stride} must be absent
 * too). {@code .program} gives the name (default {@value Program#DEFAULT_NAME}) and may appear
 * once; {@code .meta} lines add metadata, each key once. The instructions and their operands:
 *
 * <pre>{@code
 * read_host_memory  host=ADDR ub=ROW rows=N [repeat=N]
 * read_weights      dram=ADDR tiles=N [repeat=N]
 * matmul            ub=ROW acc=ROW rows=N [repeat=N] [accumulate] [convolve]
 * activate          acc=ROW ub=ROW rows=N [repeat=N] fn=none|relu|sigmoid|tanh
 *                   [pool=max|avg window=N stride=N]
 * write_host_memory ub=ROW host=ADDR rows=N [repeat=N]
 * sync              wait=host|all
 * nop
 * halt
 * }</pre>
 *
 * <h2>Errors</h2>
 *
 * <p>Every problem is an {@link AssemblyException}, {@code source:line:col: message}, pointing at
 * the token at fault: an unknown mnemonic (the valid ones are listed), an unknown operand (the
 * instruction's operands are listed), a duplicate operand, a missing one (pointing at the
 * mnemonic), a bad number or enum word (pointing at the value), an address or range outside the
 * {@link TpuIsaLimits} (naming the limit), and the record rules ({@code rows must be at least 1}).
 * Range and record rules use the messages of {@link TpuIsaLimits#check} and the records'
 * constructors, so a program built in code fails the same way.
 *
 * <p>A single pass over the lines with no regular expressions: linear in the text.
 */
public final class TpuAssembler {
  private TpuAssembler() {}

  private enum Kind {
    NUMBER,
    FLAG,
    ENUM
  }

  /**
   * One operand of an instruction.
   *
   * @param space the memory an address points into, or null for a count
   * @param intField whether the record stores it as an {@code int}
   * @param words the spellings of an enum operand
   */
  private record OperandSpec(
      String name,
      Kind kind,
      boolean required,
      TpuIsaLimits.Space space,
      boolean intField,
      List<String> words) {}

  private record InstrSpec(
      String mnemonic, List<OperandSpec> operands, Function<Operands, TpuInstr> make) {
    OperandSpec operand(String name) {
      for (OperandSpec o : operands) {
        if (o.name.equals(name)) {
          return o;
        }
      }
      return null;
    }
  }

  private static final Map<String, InstrSpec> SPECS = new LinkedHashMap<>();

  private static final OperandSpec REPEAT = count("repeat", false);

  static {
    add(
        ReadHostMemory.MNEMONIC,
        o ->
            new ReadHostMemory(
                o.longValue("host"), o.intValue("ub"), o.intValue("rows"), o.repeat()),
        address("host", TpuIsaLimits.Space.HOST, false),
        address("ub", TpuIsaLimits.Space.UNIFIED_BUFFER, true),
        count("rows", true),
        REPEAT);
    add(
        ReadWeights.MNEMONIC,
        o -> new ReadWeights(o.longValue("dram"), o.intValue("tiles"), o.repeat()),
        address("dram", TpuIsaLimits.Space.WEIGHT_MEMORY, false),
        count("tiles", true),
        REPEAT);
    add(
        MatrixMultiply.MNEMONIC,
        o ->
            new MatrixMultiply(
                o.intValue("ub"),
                o.intValue("acc"),
                o.intValue("rows"),
                o.repeat(),
                o.has("accumulate"),
                o.has("convolve")),
        address("ub", TpuIsaLimits.Space.UNIFIED_BUFFER, true),
        address("acc", TpuIsaLimits.Space.ACCUMULATORS, true),
        count("rows", true),
        REPEAT,
        flag("accumulate"),
        flag("convolve"));
    add(
        Activate.MNEMONIC,
        o -> {
          Optional<Pooling> pooling = Optional.empty();
          if (o.has("pool")) {
            pooling =
                Optional.of(
                    new Pooling(
                        PoolKind.valueOf(o.word("pool").toUpperCase(Locale.ROOT)),
                        o.intValue("window"),
                        o.intValue("stride")));
          }
          return new Activate(
              o.intValue("acc"),
              o.intValue("ub"),
              o.intValue("rows"),
              o.repeat(),
              ActivationFunction.valueOf(o.word("fn").toUpperCase(Locale.ROOT)),
              pooling);
        },
        address("acc", TpuIsaLimits.Space.ACCUMULATORS, true),
        address("ub", TpuIsaLimits.Space.UNIFIED_BUFFER, true),
        count("rows", true),
        REPEAT,
        choice("fn", true, words(ActivationFunction.values())),
        choice("pool", false, words(PoolKind.values())),
        count("window", false),
        count("stride", false));
    add(
        WriteHostMemory.MNEMONIC,
        o ->
            new WriteHostMemory(
                o.intValue("ub"), o.longValue("host"), o.intValue("rows"), o.repeat()),
        address("ub", TpuIsaLimits.Space.UNIFIED_BUFFER, true),
        address("host", TpuIsaLimits.Space.HOST, false),
        count("rows", true),
        REPEAT);
    add(
        Sync.MNEMONIC,
        o -> new Sync(SyncKind.valueOf(o.word("wait").toUpperCase(Locale.ROOT))),
        choice("wait", true, words(SyncKind.values())));
    add(Nop.MNEMONIC, o -> new Nop());
    add(Halt.MNEMONIC, o -> new Halt());
  }

  private static void add(String mnemonic, Function<Operands, TpuInstr> make, OperandSpec... ops) {
    SPECS.put(mnemonic, new InstrSpec(mnemonic, List.of(ops), make));
  }

  private static OperandSpec address(String name, TpuIsaLimits.Space space, boolean intField) {
    return new OperandSpec(name, Kind.NUMBER, true, space, intField, List.of());
  }

  private static OperandSpec count(String name, boolean required) {
    return new OperandSpec(name, Kind.NUMBER, required, null, true, List.of());
  }

  private static OperandSpec flag(String name) {
    return new OperandSpec(name, Kind.FLAG, false, null, false, List.of());
  }

  private static OperandSpec choice(String name, boolean required, List<String> words) {
    return new OperandSpec(name, Kind.ENUM, required, null, false, words);
  }

  private static List<String> words(Enum<?>[] values) {
    List<String> w = new ArrayList<>();
    for (Enum<?> v : values) {
      w.add(v.name().toLowerCase(Locale.ROOT));
    }
    return List.copyOf(w);
  }

  /** The mnemonics in the order of {@link TpuInstr}'s permits clause. */
  public static List<String> mnemonics() {
    return List.copyOf(SPECS.keySet());
  }

  /** Parses {@code text} against the TPU v1 capacities ({@link TpuIsaLimits#TPU_V1}). */
  public static Program<TpuInstr> parse(String text, String source) {
    return parse(text, source, TpuIsaLimits.TPU_V1);
  }

  /**
   * Parses {@code text} against {@code limits}.
   *
   * @param text the assembly text
   * @param source the label errors start with, usually a file name
   * @param limits the capacities addresses are checked against
   * @throws AssemblyException at the first problem, with its position
   */
  public static Program<TpuInstr> parse(String text, String source, TpuIsaLimits limits) {
    return new Parse(text, source, limits).run();
  }

  /** A token of one line and its 1-based column. */
  private record Token(String text, int column) {}

  /** The operands given on one instruction line, by name. */
  private static final class Operands {
    final Map<String, Token> tokens = new LinkedHashMap<>();
    final Map<String, Object> values = new LinkedHashMap<>();

    boolean has(String name) {
      return tokens.containsKey(name);
    }

    int intValue(String name) {
      return (Integer) values.get(name);
    }

    long longValue(String name) {
      return (Long) values.get(name);
    }

    int repeat() {
      return has("repeat") ? intValue("repeat") : 1;
    }

    String word(String name) {
      return (String) values.get(name);
    }
  }

  private static final class Parse {
    private final String text;
    private final String source;
    private final TpuIsaLimits limits;
    private int line;
    private String name;
    private int nameLine;
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private final Map<String, Integer> metadataLines = new LinkedHashMap<>();
    private final List<TpuInstr> instructions = new ArrayList<>();

    Parse(String text, String source, TpuIsaLimits limits) {
      this.text = text;
      this.source = source;
      this.limits = limits;
    }

    Program<TpuInstr> run() {
      int start = 0;
      line = 0;
      while (start <= text.length()) {
        int end = text.indexOf('\n', start);
        if (end < 0) {
          end = text.length();
        }
        line++;
        parseLine(text.substring(start, end));
        start = end + 1;
      }
      return new Program<>(name == null ? Program.DEFAULT_NAME : name, instructions, metadata);
    }

    private AssemblyException error(int column, String message) {
      return new AssemblyException(source, line, column, message);
    }

    private void parseLine(String lineText) {
      int hash = lineText.indexOf('#');
      String code = hash < 0 ? lineText : lineText.substring(0, hash);
      List<Token> tokens = tokenize(code);
      if (tokens.isEmpty()) {
        return;
      }
      Token head = tokens.getFirst();
      if (head.text.startsWith(".")) {
        directive(head, tokens.subList(1, tokens.size()));
      } else {
        instructions.add(instruction(head, tokens.subList(1, tokens.size())));
      }
    }

    private static List<Token> tokenize(String code) {
      List<Token> tokens = new ArrayList<>();
      int i = 0;
      while (i < code.length()) {
        while (i < code.length() && isBlank(code.charAt(i))) {
          i++;
        }
        int s = i;
        while (i < code.length() && !isBlank(code.charAt(i))) {
          i++;
        }
        if (i > s) {
          tokens.add(new Token(code.substring(s, i), s + 1));
        }
      }
      return tokens;
    }

    private static boolean isBlank(char c) {
      return c == ' ' || c == '\t' || c == '\r';
    }

    // -------------------------------------------------------------------------------------------
    // Directives

    private void directive(Token head, List<Token> args) {
      switch (head.text) {
        case ".program" -> {
          Token arg = single(head, args, "a name (.program NAME)");
          if (name != null) {
            throw error(head.column, "duplicate .program (first on line " + nameLine + ")");
          }
          try {
            Program.checkWord("program name", arg.text);
          } catch (IllegalArgumentException e) {
            throw error(arg.column, e.getMessage());
          }
          name = arg.text;
          nameLine = line;
        }
        case ".meta" -> {
          Token arg = single(head, args, "one key=value");
          int eq = arg.text.indexOf('=');
          if (eq < 0) {
            throw error(
                arg.column, ".meta needs key=value, got " + AssemblyException.quote(arg.text));
          }
          String key = arg.text.substring(0, eq);
          String value = arg.text.substring(eq + 1);
          try {
            Program.checkMetadataKey(key);
          } catch (IllegalArgumentException e) {
            throw error(arg.column, e.getMessage());
          }
          try {
            Program.checkWord("metadata value of '" + key + "'", value);
          } catch (IllegalArgumentException e) {
            throw error(arg.column + eq + 1, e.getMessage());
          }
          Integer first = metadataLines.get(key);
          if (first != null) {
            throw error(
                arg.column, "duplicate .meta key '" + key + "' (first on line " + first + ")");
          }
          metadata.put(key, value);
          metadataLines.put(key, line);
        }
        default ->
            throw error(
                head.column,
                "unknown directive "
                    + AssemblyException.quote(head.text)
                    + " (expected one of: .program, .meta)");
      }
    }

    private Token single(Token head, List<Token> args, String what) {
      if (args.isEmpty()) {
        throw error(head.column, head.text + " needs " + what);
      }
      if (args.size() > 1) {
        Token extra = args.get(1);
        throw error(
            extra.column,
            head.text + " takes " + what + ", got extra " + AssemblyException.quote(extra.text));
      }
      return args.getFirst();
    }

    // -------------------------------------------------------------------------------------------
    // Instructions

    private TpuInstr instruction(Token head, List<Token> args) {
      InstrSpec spec = SPECS.get(head.text);
      if (spec == null) {
        throw error(
            head.column,
            "unknown instruction "
                + AssemblyException.quote(head.text)
                + " (expected one of: "
                + String.join(", ", SPECS.keySet())
                + ")");
      }
      String m = spec.mnemonic;
      Operands ops = new Operands();
      for (Token t : args) {
        int eq = t.text.indexOf('=');
        String opName = eq < 0 ? t.text : t.text.substring(0, eq);
        if (eq == 0) {
          throw error(
              t.column, m + ": operand " + AssemblyException.quote(t.text) + " has no name");
        }
        OperandSpec o = spec.operand(opName);
        if (o == null) {
          if (spec.operands.isEmpty()) {
            throw error(t.column, m + " takes no operands, got " + AssemblyException.quote(t.text));
          }
          throw error(
              t.column,
              m
                  + ": unknown operand "
                  + AssemblyException.quote(opName)
                  + " (expected one of: "
                  + String.join(", ", spec.operands.stream().map(OperandSpec::name).toList())
                  + ")");
        }
        if (ops.has(opName)) {
          Token first = ops.tokens.get(opName);
          throw error(
              t.column,
              m + ": duplicate operand '" + opName + "' (first at column " + first.column + ")");
        }
        if (o.kind == Kind.FLAG && eq >= 0) {
          throw error(t.column, m + ": " + opName + " is a flag and takes no value");
        }
        if (o.kind != Kind.FLAG && eq < 0) {
          throw error(
              t.column,
              m + ": operand " + opName + " needs a value (" + opName + "=" + placeholder(o) + ")");
        }
        ops.tokens.put(opName, t);
      }
      for (OperandSpec o : spec.operands) {
        if (o.required && !ops.has(o.name)) {
          throw error(head.column, m + ": missing operand '" + o.name + "'");
        }
      }
      if (spec.operand("pool") != null) {
        poolingOperands(m, ops);
      }
      for (OperandSpec o : spec.operands) {
        Token t = ops.tokens.get(o.name);
        if (t != null && o.kind != Kind.FLAG) {
          ops.values.put(o.name, value(m, o, t));
        }
      }
      try {
        TpuInstr instr = spec.make.apply(ops);
        limits.check(instr);
        return instr;
      } catch (InvalidOperandException e) {
        Token t = ops.tokens.get(e.operand());
        throw error(t == null ? head.column : t.column, e.getMessage());
      }
    }

    /** {@code pool}, {@code window} and {@code stride} come together or not at all. */
    private void poolingOperands(String m, Operands ops) {
      Token pool = ops.tokens.get("pool");
      for (String part : List.of("window", "stride")) {
        Token t = ops.tokens.get(part);
        if (pool == null && t != null) {
          throw error(t.column, m + ": " + part + " needs pool=max|avg");
        }
        if (pool != null && t == null) {
          throw error(
              pool.column, m + ": missing operand '" + part + "' (pool needs window and stride)");
        }
      }
    }

    private static String placeholder(OperandSpec o) {
      return o.kind == Kind.ENUM ? String.join("|", o.words) : "<integer>";
    }

    private Object value(String m, OperandSpec o, Token t) {
      String v = t.text.substring(o.name.length() + 1);
      int column = t.column + o.name.length() + 1;
      if (o.kind == Kind.ENUM) {
        if (!o.words.contains(v)) {
          throw error(
              column,
              m
                  + ": "
                  + o.name
                  + " must be one of "
                  + String.join(", ", o.words)
                  + ", got "
                  + AssemblyException.quote(v));
        }
        return v;
      }
      BigInteger n = number(v);
      if (n == null) {
        throw error(
            column,
            m
                + ": "
                + o.name
                + " must be a decimal or 0x-hex integer, got "
                + AssemblyException.quote(v));
      }
      if (o.space != null) {
        try {
          limits.checkAddress(m, o.name, n, o.space);
        } catch (InvalidOperandException e) {
          throw error(column, e.getMessage());
        }
      }
      long max = o.intField ? Integer.MAX_VALUE : Long.MAX_VALUE;
      if (n.compareTo(BigInteger.valueOf(max)) > 0) {
        throw error(column, m + ": " + o.name + " must be at most " + max + ", got " + n);
      }
      return o.intField ? (Object) n.intValue() : (Object) n.longValue();
    }

    /** Unsigned decimal or {@code 0x} hex with ASCII digits only, or null. */
    private static BigInteger number(String v) {
      int radix = 10;
      String digits = v;
      if (v.length() > 2 && v.charAt(0) == '0' && (v.charAt(1) == 'x' || v.charAt(1) == 'X')) {
        radix = 16;
        digits = v.substring(2);
      }
      if (digits.isEmpty()) {
        return null;
      }
      for (int i = 0; i < digits.length(); i++) {
        char c = digits.charAt(i);
        boolean ok =
            (c >= '0' && c <= '9')
                || (radix == 16 && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
        if (!ok) {
          return null;
        }
      }
      return new BigInteger(digits, radix);
    }
  }
}
