package dev.silica.workloads.text;

import dev.silica.workloads.ir.Add;
import dev.silica.workloads.ir.AvgPool;
import dev.silica.workloads.ir.BatchNorm;
import dev.silica.workloads.ir.Cast;
import dev.silica.workloads.ir.CausalMask;
import dev.silica.workloads.ir.Concat;
import dev.silica.workloads.ir.Conv2d;
import dev.silica.workloads.ir.ConvInteger;
import dev.silica.workloads.ir.ConvTranspose2d;
import dev.silica.workloads.ir.DType;
import dev.silica.workloads.ir.DequantizeLinear;
import dev.silica.workloads.ir.Dropout;
import dev.silica.workloads.ir.Embedding;
import dev.silica.workloads.ir.Flatten;
import dev.silica.workloads.ir.Gelu;
import dev.silica.workloads.ir.Gemm;
import dev.silica.workloads.ir.GlobalAvgPool;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.GraphBuilder;
import dev.silica.workloads.ir.Gru;
import dev.silica.workloads.ir.IrException;
import dev.silica.workloads.ir.LayerNorm;
import dev.silica.workloads.ir.LeakyRelu;
import dev.silica.workloads.ir.LogSoftmax;
import dev.silica.workloads.ir.Lrn;
import dev.silica.workloads.ir.Lstm;
import dev.silica.workloads.ir.MatMul;
import dev.silica.workloads.ir.MatMulInteger;
import dev.silica.workloads.ir.MaxPool;
import dev.silica.workloads.ir.MaxUnpool;
import dev.silica.workloads.ir.Mul;
import dev.silica.workloads.ir.Node;
import dev.silica.workloads.ir.OneHot;
import dev.silica.workloads.ir.Op;
import dev.silica.workloads.ir.PRelu;
import dev.silica.workloads.ir.Padding;
import dev.silica.workloads.ir.QLinearConv;
import dev.silica.workloads.ir.QLinearMatMul;
import dev.silica.workloads.ir.QuantizeLinear;
import dev.silica.workloads.ir.Relu;
import dev.silica.workloads.ir.Reshape;
import dev.silica.workloads.ir.Resize;
import dev.silica.workloads.ir.Rnn;
import dev.silica.workloads.ir.Shape;
import dev.silica.workloads.ir.Sigmoid;
import dev.silica.workloads.ir.Softmax;
import dev.silica.workloads.ir.Tanh;
import dev.silica.workloads.ir.TensorType;
import dev.silica.workloads.ir.Transpose;
import dev.silica.workloads.ir.Upsample;
import dev.silica.workloads.ir.Value;
import dev.silica.workloads.ir.ValueId;
import dev.silica.workloads.ir.ValueKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Parses the IR text form ({@code .sir} files) that {@link IrPrinter} writes.
 *
 * <h2>Grammar</h2>
 *
 * <p>One graph per file, one statement per line; blanks are spaces, tabs and carriage returns (so
 * CRLF files parse), and {@code #} starts a comment that runs to the end of the line.
 *
 * <pre>{@code
 * file      = { EOL } "graph" name "{" EOL { stmt } "}" EOL { EOL } EOF
 * stmt      = [ decl | node | outputs ] EOL
 * decl      = ("input" | "param" | "buffer") value ":" type [ "=" literal ]    # literal: buffer only
 * node      = value { "," value } "=" OPKIND "(" [ value { "," value } ] ")" [ attrs ]
 *             ":" type { "," type }
 * outputs   = "output" value { "," value }
 * attrs     = "{" [ attr { "," attr } ] "}"
 * attr      = KEY "=" ( scalar | "[" [ scalar { "," scalar } ] "]" )
 * scalar    = number | WORD                          # WORD: true, false, same_upper, tanh, ...
 * literal   = "[" [ number { "," number } ] "]"      # row-major, exactly the type's element count
 * type      = DTYPE "[" [ INT { "," INT } ] "]"      # f32[1,3,224,224]; f32[] is a scalar
 * value     = "%" name
 * name      = NAMECHARS | '"' NAMECHARS '"'          # NAMECHARS: [A-Za-z0-9_/:][A-Za-z0-9_./:-]*;
 *                                                    # a trailing ':' needs the quoted form
 * number    = [ "-" | "+" ] ( DIGITS [ "." DIGITS ] [ ("e" | "E") [ "-" | "+" ] DIGITS ]
 *                             | "inf" | "nan" )        # Float.toString's output reads back
 *                                                      # bit-exactly; INT is DIGITS alone
 * EOL       = [ "#" any-text ] ( "\n" | EOF )
 * }</pre>
 *
 * <h2>Meaning</h2>
 *
 * <ul>
 *   <li>Values are declared before use. {@code input} is fed at run time, {@code param} is a
 *       trainable weight, {@code buffer} a non-trainable initializer, which may carry a small
 *       literal ({@code buffer %scale: f32[] = [0.125]}).
 *   <li>A node names all its results: the first is the node's name, the others are {@code name.1},
 *       {@code name.2}, ... ({@code %pool1, %pool1.1 = maxpool(...)}). OPKIND is {@link Op#kind()}.
 *       Every attribute of the op must be given exactly once, in any order; the keys and their
 *       printing order are those of {@link IrPrinter}. Integer lists such as {@code stride=[h,w]}
 *       have fixed lengths; {@code padding} is {@code [top,left,bottom,right]} or {@code
 *       same_upper}, {@code same_lower}, {@code valid}; enums are lower case.
 *   <li>The result types after {@code :} are checked against the inferred ones.
 *   <li>{@code output} lines mark graph outputs in order.
 * </ul>
 *
 * <h2>Errors</h2>
 *
 * <p>Every problem, syntactic or semantic, is an {@link IrException} whose message is {@code
 * source:line:col: message}, columns counted from 1 in UTF-16 units. Shape errors found by the
 * {@link GraphBuilder} point at the start of the node's line and keep the builder's message ({@code
 * net.sir:12:3: conv3: weight channels 64 != input channels 32}).
 *
 * <h2>Implementation</h2>
 *
 * <p>A hand-written recursive descent over the characters with one character of lookahead and no
 * regular expressions, building the graph through {@link GraphBuilder} statement by statement, so
 * it runs in time linear in the text. Line and column are computed only when an error is raised.
 */
public final class IrParser {
  /** How an op's attributes become its record. */
  private record OpSpec(String kind, List<String> keys, Function<Attrs, Op> make) {}

  /**
   * Every op the text form knows, in {@link Op}'s order. The keys must match {@link
   * IrPrinter#attributes}; the round-trip tests check that for every op type.
   */
  private static final Map<String, OpSpec> OPS = new LinkedHashMap<>();

  static {
    spec(
        "conv2d",
        a -> {
          int[] s = a.pair("stride");
          int[] d = a.pair("dilation");
          return new Conv2d(s[0], s[1], a.padding("padding"), d[0], d[1], a.integer("groups"));
        },
        "stride",
        "padding",
        "dilation",
        "groups");
    spec(
        "conv_transpose2d",
        a -> {
          int[] s = a.pair("stride");
          int[] o = a.pair("output_padding");
          int[] d = a.pair("dilation");
          return new ConvTranspose2d(
              s[0], s[1], a.padding("padding"), o[0], o[1], d[0], d[1], a.integer("groups"));
        },
        "stride",
        "padding",
        "output_padding",
        "dilation",
        "groups");
    spec(
        "gemm",
        a -> new Gemm(a.bool("trans_a"), a.bool("trans_b"), a.real("alpha"), a.real("beta")),
        "trans_a",
        "trans_b",
        "alpha",
        "beta");
    spec("matmul", a -> new MatMul());
    spec(
        "maxpool",
        a -> {
          int[] k = a.pair("kernel");
          int[] s = a.pair("stride");
          return new MaxPool(
              k[0], k[1], s[0], s[1], a.padding("padding"), a.bool("ceil_mode"), a.bool("indices"));
        },
        "kernel",
        "stride",
        "padding",
        "ceil_mode",
        "indices");
    spec(
        "avgpool",
        a -> {
          int[] k = a.pair("kernel");
          int[] s = a.pair("stride");
          return new AvgPool(
              k[0],
              k[1],
              s[0],
              s[1],
              a.padding("padding"),
              a.bool("ceil_mode"),
              a.bool("count_include_pad"));
        },
        "kernel",
        "stride",
        "padding",
        "ceil_mode",
        "count_include_pad");
    spec("global_avgpool", a -> new GlobalAvgPool());
    spec("relu", a -> new Relu());
    spec("leaky_relu", a -> new LeakyRelu(a.real("alpha")), "alpha");
    spec("sigmoid", a -> new Sigmoid());
    spec("tanh", a -> new Tanh());
    spec("gelu", a -> new Gelu(a.bool("tanh_approximation")), "tanh_approximation");
    spec("add", a -> new Add());
    spec("mul", a -> new Mul());
    spec("concat", a -> new Concat(a.integer("axis")), "axis");
    spec("batchnorm", a -> new BatchNorm(a.real("epsilon")), "epsilon");
    spec(
        "lrn",
        a -> new Lrn(a.integer("size"), a.real("alpha"), a.real("beta"), a.real("bias")),
        "size",
        "alpha",
        "beta",
        "bias");
    spec("softmax", a -> new Softmax(a.integer("axis")), "axis");
    spec("layernorm", a -> new LayerNorm(a.integer("axis"), a.real("epsilon")), "axis", "epsilon");
    spec("flatten", a -> new Flatten(a.integer("axis")), "axis");
    spec("reshape", a -> new Reshape(a.ints("shape")), "shape");
    spec("transpose", a -> new Transpose(a.ints("perm")), "perm");
    spec("dropout", a -> new Dropout(a.real("ratio")), "ratio");
    spec("lstm", a -> new Lstm(a.integer("hidden_size")), "hidden_size");
    spec(
        "gru",
        a -> new Gru(a.integer("hidden_size"), a.bool("linear_before_reset")),
        "hidden_size",
        "linear_before_reset");
    spec(
        "rnn",
        a -> new Rnn(a.integer("hidden_size"), a.word("activation", Rnn.Activation.values())),
        "hidden_size",
        "activation");
    spec(
        "maxunpool",
        a -> {
          int[] k = a.pair("kernel");
          int[] s = a.pair("stride");
          int[] o = a.pair("output_size");
          return new MaxUnpool(k[0], k[1], s[0], s[1], a.padding("padding"), o[0], o[1]);
        },
        "kernel",
        "stride",
        "padding",
        "output_size");
    spec(
        "upsample",
        a -> {
          int[] s = a.pair("scale");
          return new Upsample(s[0], s[1]);
        },
        "scale");
    spec("embedding", a -> new Embedding());
    spec("one_hot", a -> new OneHot(a.integer("depth")), "depth");
    spec("causal_mask", a -> new CausalMask(a.real("fill")), "fill");
    spec("prelu", a -> new PRelu());
    spec("log_softmax", a -> new LogSoftmax(a.integer("axis")), "axis");
    spec("cast", a -> new Cast(a.word("to", DType.values())), "to");
    spec("quantize_linear", a -> new QuantizeLinear(a.integer("axis")), "axis");
    spec("dequantize_linear", a -> new DequantizeLinear(a.integer("axis")), "axis");
    spec("matmul_integer", a -> new MatMulInteger());
    spec("conv_integer", a -> new ConvInteger(conv(a)), "stride", "padding", "dilation", "groups");
    spec("qlinear_matmul", a -> new QLinearMatMul());
    spec("qlinear_conv", a -> new QLinearConv(conv(a)), "stride", "padding", "dilation", "groups");
    spec(
        "resize",
        a -> {
          int[] size = a.pair("size");
          float[] scale = a.realPair("scale");
          return new Resize(
              size[0],
              size[1],
              scale[0],
              scale[1],
              a.word("coordinate", Resize.Coordinate.values()),
              a.word("nearest", Resize.Nearest.values()));
        },
        "size",
        "scale",
        "coordinate",
        "nearest");
  }

  /** The geometry of a {@code conv2d} (also of {@code conv_integer} and {@code qlinear_conv}). */
  private static Conv2d conv(Attrs a) {
    int[] s = a.pair("stride");
    int[] d = a.pair("dilation");
    return new Conv2d(s[0], s[1], a.padding("padding"), d[0], d[1], a.integer("groups"));
  }

  private static void spec(String kind, Function<Attrs, Op> make, String... keys) {
    OPS.put(kind, new OpSpec(kind, List.of(keys), make));
  }

  private static final String PADDING_WORDS = "same_upper, same_lower, valid";

  private final String text;
  private final String source;
  private int pos;

  /** Where each value name was declared, for "already defined" messages. */
  private final Map<String, Integer> definedAt = new HashMap<>();

  private final Set<ValueId> outputs = new HashSet<>();
  private GraphBuilder builder;

  private IrParser(String text, String source) {
    this.text = text;
    this.source = source;
  }

  /**
   * Parses {@code text}; {@code source} (a file name) prefixes error messages as {@code
   * source:line:col: message}.
   *
   * @throws dev.silica.workloads.ir.IrException on any syntax or graph error
   */
  public static Graph parse(String text, String source) {
    return new IrParser(text, source).file();
  }

  /**
   * Parses the file at {@code file} (UTF-8); error messages start with the path as given.
   *
   * @throws dev.silica.workloads.ir.IrException on any syntax or graph error
   * @throws IOException when the file cannot be read
   */
  public static Graph parse(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  /** The op keywords the text form knows, in {@link Op}'s order. */
  public static List<String> opKinds() {
    return List.copyOf(OPS.keySet());
  }

  /** The attribute keys of op {@code kind}, in printing order. */
  static List<String> attributeKeys(String kind) {
    return OPS.get(kind).keys();
  }

  // ---------------------------------------------------------------------------------------------
  // Statements

  private Graph file() {
    if (text.startsWith("\uFEFF")) {
      pos = 1;
    }
    skipEmptyLines();
    int at = pos;
    String keyword = word();
    if (!keyword.equals("graph")) {
      pos = at;
      throw error(at, "expected 'graph' but found " + found());
    }
    skipBlanks();
    int nameAt = pos;
    String name = name("a graph name");
    try {
      builder = new GraphBuilder(name);
    } catch (IrException e) {
      throw error(nameAt, e.getMessage(), e);
    }
    expect('{');
    endOfLine();
    int closeAt;
    while (true) {
      skipEmptyLines();
      if (pos >= text.length()) {
        throw error(pos, "unterminated graph '" + name + "': expected '}' before end of file");
      }
      if (peek() == '}') {
        closeAt = pos++;
        break;
      }
      statement();
      endOfLine();
    }
    endOfLine();
    skipEmptyLines();
    if (pos < text.length()) {
      int at2 = pos;
      if (word().equals("graph")) {
        throw error(at2, "only one graph per file");
      }
      pos = at2;
      throw error(at2, "expected end of file but found " + found());
    }
    try {
      return builder.build();
    } catch (IrException e) {
      throw error(closeAt, e.getMessage(), e);
    }
  }

  private void statement() {
    int start = pos;
    if (peek() == '%') {
      node(start);
      return;
    }
    String keyword = word();
    switch (keyword) {
      case "input" -> declaration(start, ValueKind.INPUT);
      case "param" -> declaration(start, ValueKind.PARAMETER);
      case "buffer" -> declaration(start, ValueKind.BUFFER);
      case "output" -> outputs();
      default -> {
        pos = start;
        throw error(
            start,
            "expected a declaration (input, param, buffer), a node (%name = op(...)) or 'output'"
                + " but found "
                + found());
      }
    }
  }

  private void declaration(int start, ValueKind kind) {
    skipBlanks();
    int nameAt = pos;
    ValueId id = newValue();
    expect(':');
    TensorType type = type();
    List<Float> literal = List.of();
    skipBlanks();
    if (peek() == '=') {
      int eqAt = pos++;
      if (kind != ValueKind.BUFFER) {
        throw error(eqAt, "only a buffer may have a literal value");
      }
      if (type.size() > Value.MAX_LITERAL) {
        throw error(
            eqAt,
            "a literal may have at most "
                + Value.MAX_LITERAL
                + " elements, "
                + IrPrinter.type(type)
                + " has "
                + type.size());
      }
      skipBlanks();
      int listAt = pos;
      literal = literal();
      if (literal.size() != type.size()) {
        throw error(
            listAt,
            "literal has "
                + literal.size()
                + (literal.size() == 1 ? " element" : " elements")
                + " but "
                + IrPrinter.type(type)
                + " has "
                + type.size());
      }
    }
    try {
      builder.declare(new Value(id, type, kind, literal));
    } catch (IllegalArgumentException e) {
      throw error(start, e.getMessage(), e);
    }
    definedAt.put(id.name(), nameAt);
  }

  private void node(int start) {
    List<ValueId> names = new ArrayList<>();
    List<Integer> nameAts = new ArrayList<>();
    while (true) {
      skipBlanks();
      nameAts.add(pos);
      ValueId id = newValue();
      if (!names.isEmpty()) {
        ValueId expected = Node.outputName(names.getFirst().name(), names.size());
        if (!id.equals(expected)) {
          throw error(
              nameAts.getLast(),
              "result "
                  + names.size()
                  + " of node "
                  + names.getFirst()
                  + " must be named "
                  + IrPrinter.ref(expected)
                  + ", got "
                  + IrPrinter.ref(id));
        }
      }
      names.add(id);
      skipBlanks();
      if (peek() != ',') {
        break;
      }
      pos++;
    }
    expect('=');
    skipBlanks();
    int opAt = pos;
    String kind = word();
    OpSpec spec = OPS.get(kind);
    if (spec == null) {
      pos = opAt;
      String what = kind.isEmpty() ? "expected an op name but found " + found() : null;
      throw error(
          opAt,
          (what != null ? what : "unknown op '" + kind + "'")
              + " (expected one of: "
              + String.join(", ", OPS.keySet())
              + ")");
    }
    expect('(');
    List<ValueId> inputs = new ArrayList<>();
    skipBlanks();
    if (peek() != ')') {
      while (true) {
        skipBlanks();
        inputs.add(use());
        skipBlanks();
        if (peek() == ',') {
          pos++;
          continue;
        }
        break;
      }
    }
    expect(')');
    skipBlanks();
    int attrsAt = pos;
    Attrs attrs = peek() == '{' ? attributes(spec) : new Attrs(Map.of());
    for (String key : spec.keys()) {
      if (!attrs.values.containsKey(key)) {
        throw error(
            attrsAt,
            "missing attribute '"
                + key
                + "' for "
                + kind
                + " (it takes: "
                + String.join(", ", spec.keys())
                + ")");
      }
    }
    Op op;
    try {
      op = spec.make().apply(attrs);
    } catch (ParseError e) {
      throw e;
    } catch (IrException e) {
      throw error(attrsAt, e.getMessage(), e);
    }
    expect(':');
    List<TensorType> declared = new ArrayList<>();
    List<Integer> typeAts = new ArrayList<>();
    while (true) {
      skipBlanks();
      typeAts.add(pos);
      declared.add(type());
      skipBlanks();
      if (peek() != ',') {
        break;
      }
      pos++;
    }
    List<ValueId> results;
    try {
      results = builder.node(names.getFirst().name(), op, inputs);
    } catch (IllegalArgumentException e) {
      throw error(start, e.getMessage(), e);
    }
    if (results.size() != names.size()) {
      throw error(
          start,
          kind
              + " returns "
              + count(results.size(), "value")
              + " ("
              + String.join(", ", results.stream().map(IrPrinter::ref).toList())
              + ") but "
              + count(names.size(), "is", "are")
              + " named");
    }
    if (declared.size() != results.size()) {
      throw error(
          declared.size() > results.size() ? typeAts.get(results.size()) : pos,
          kind
              + " returns "
              + count(results.size(), "value")
              + " but "
              + count(declared.size(), "type is", "types are")
              + " given");
    }
    for (int k = 0; k < results.size(); k++) {
      TensorType inferred = builder.type(results.get(k));
      if (!inferred.equals(declared.get(k))) {
        throw error(
            typeAts.get(k),
            IrPrinter.ref(results.get(k))
                + ": declared type "
                + IrPrinter.type(declared.get(k))
                + " != inferred "
                + IrPrinter.type(inferred));
      }
      definedAt.put(results.get(k).name(), nameAts.get(k));
    }
  }

  private void outputs() {
    while (true) {
      skipBlanks();
      int at = pos;
      ValueId id = use();
      if (!outputs.add(id)) {
        throw error(at, IrPrinter.ref(id) + " is already an output");
      }
      try {
        builder.output(id);
      } catch (IllegalArgumentException e) {
        throw error(at, e.getMessage(), e);
      }
      skipBlanks();
      if (peek() != ',') {
        return;
      }
      pos++;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Attributes

  private Attrs attributes(OpSpec spec) {
    pos++; // '{'
    Map<String, Attr> values = new HashMap<>();
    skipBlanks();
    if (peek() == '}') {
      pos++;
      return new Attrs(values);
    }
    while (true) {
      skipBlanks();
      int keyAt = pos;
      String key = word();
      if (key.isEmpty()) {
        throw error(keyAt, "expected an attribute name but found " + found());
      }
      if (!spec.keys().contains(key)) {
        throw error(
            keyAt,
            "unknown attribute '"
                + key
                + "' for "
                + spec.kind()
                + (spec.keys().isEmpty()
                    ? " (it takes none)"
                    : " (expected one of: " + String.join(", ", spec.keys()) + ")"));
      }
      if (values.containsKey(key)) {
        throw error(keyAt, "duplicate attribute '" + key + "'");
      }
      expect('=');
      skipBlanks();
      values.put(key, attributeValue());
      skipBlanks();
      char c = peek();
      if (c == ',') {
        pos++;
      } else if (c == '}') {
        pos++;
        return new Attrs(values);
      } else {
        throw error(pos, "expected ',' or '}' but found " + found());
      }
    }
  }

  /** A parsed attribute value: a scalar (number or word) or a list of scalars. */
  private record Attr(int at, String text, List<Scalar> elements, boolean list) {}

  /** A number or word with its position and source text. */
  private record Scalar(int at, String text, boolean isWord, boolean isInteger) {}

  private Attr attributeValue() {
    int at = pos;
    if (peek() == '[') {
      pos++;
      List<Scalar> elements = new ArrayList<>();
      skipBlanks();
      if (peek() != ']') {
        while (true) {
          skipBlanks();
          elements.add(scalar());
          skipBlanks();
          if (peek() != ',') {
            break;
          }
          pos++;
        }
      }
      expect(']');
      return new Attr(at, text.substring(at, pos), elements, true);
    }
    Scalar s = scalar();
    return new Attr(at, s.text(), List.of(s), false);
  }

  private Scalar scalar() {
    int at = pos;
    char c = peek();
    if (isLetter(c) && !startsWithWord("inf") && !startsWithWord("nan")) {
      String w = word();
      return new Scalar(at, w, true, false);
    }
    return number();
  }

  private List<Float> literal() {
    if (peek() != '[') {
      throw error(pos, "expected '[' but found " + found());
    }
    pos++;
    List<Float> elements = new ArrayList<>();
    skipBlanks();
    if (peek() != ']') {
      while (true) {
        skipBlanks();
        elements.add(toFloat(number()));
        skipBlanks();
        if (peek() != ',') {
          break;
        }
        pos++;
      }
    }
    expect(']');
    return elements;
  }

  /** Typed access to a node's attributes; each getter reports a wrong type at the value. */
  private final class Attrs {
    final Map<String, Attr> values;

    Attrs(Map<String, Attr> values) {
      this.values = values;
    }

    int integer(String key) {
      Attr a = values.get(key);
      if (a.list() || a.elements().getFirst().isWord() || !a.elements().getFirst().isInteger()) {
        throw error(a.at(), "attribute '" + key + "' must be an integer, got " + a.text());
      }
      return toInt(a.elements().getFirst());
    }

    float real(String key) {
      Attr a = values.get(key);
      if (a.list() || a.elements().getFirst().isWord()) {
        throw error(a.at(), "attribute '" + key + "' must be a number, got " + a.text());
      }
      return toFloat(a.elements().getFirst());
    }

    boolean bool(String key) {
      Attr a = values.get(key);
      String t = a.text();
      if (!a.list() && (t.equals("true") || t.equals("false"))) {
        return t.equals("true");
      }
      throw error(a.at(), "attribute '" + key + "' must be true or false, got " + t);
    }

    <E extends Enum<E>> E word(String key, E[] constants) {
      Attr a = values.get(key);
      if (!a.list() && a.elements().getFirst().isWord()) {
        for (E e : constants) {
          if (e.name().toLowerCase(Locale.ROOT).equals(a.text())) {
            return e;
          }
        }
      }
      List<String> names = new ArrayList<>();
      for (E e : constants) {
        names.add(e.name().toLowerCase(Locale.ROOT));
      }
      throw error(
          a.at(),
          "attribute '"
              + key
              + "' must be one of "
              + String.join(", ", names)
              + ", got "
              + a.text());
    }

    List<Integer> ints(String key) {
      Attr a = values.get(key);
      if (!a.list()) {
        throw error(
            a.at(), "attribute '" + key + "' must be a list of integers [...], got " + a.text());
      }
      List<Integer> out = new ArrayList<>(a.elements().size());
      for (Scalar s : a.elements()) {
        if (s.isWord() || !s.isInteger()) {
          throw error(s.at(), "attribute '" + key + "' must hold integers, got " + s.text());
        }
        out.add(toInt(s));
      }
      return out;
    }

    /** A two-element list such as {@code stride=[h,w]}. */
    int[] pair(String key) {
      Attr a = values.get(key);
      if (!a.list() || a.elements().size() != 2) {
        throw error(a.at(), "attribute '" + key + "' must be [h,w], got " + a.text());
      }
      List<Integer> v = ints(key);
      return new int[] {v.get(0), v.get(1)};
    }

    float[] realPair(String key) {
      Attr a = values.get(key);
      if (!a.list()
          || a.elements().size() != 2
          || a.elements().get(0).isWord()
          || a.elements().get(1).isWord()) {
        throw error(a.at(), "attribute '" + key + "' must be [h,w] numbers, got " + a.text());
      }
      return new float[] {toFloat(a.elements().get(0)), toFloat(a.elements().get(1))};
    }

    Padding padding(String key) {
      Attr a = values.get(key);
      if (!a.list()) {
        switch (a.text()) {
          case "same_upper" -> {
            return Padding.SAME;
          }
          case "same_lower" -> {
            return new Padding(Padding.Mode.SAME_LOWER, 0, 0, 0, 0);
          }
          case "valid" -> {
            return new Padding(Padding.Mode.VALID, 0, 0, 0, 0);
          }
          default -> {}
        }
      }
      if (!a.list() || a.elements().size() != 4) {
        throw error(
            a.at(),
            "attribute '"
                + key
                + "' must be [top,left,bottom,right] or one of "
                + PADDING_WORDS
                + ", got "
                + a.text());
      }
      List<Integer> p = ints(key);
      try {
        return Padding.of(p.get(0), p.get(1), p.get(2), p.get(3));
      } catch (IrException e) {
        throw error(a.at(), e.getMessage(), e);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Types, names and numbers

  private TensorType type() {
    skipBlanks();
    int at = pos;
    String dtypeText = word();
    if (dtypeText.isEmpty()) {
      throw error(at, "expected a type such as f32[1,3,224,224] but found " + found());
    }
    DType dtype;
    try {
      dtype = DType.parse(dtypeText);
    } catch (IllegalArgumentException e) {
      throw error(at, e.getMessage(), e);
    }
    expect('[');
    List<Integer> dims = new ArrayList<>();
    skipBlanks();
    if (peek() != ']') {
      while (true) {
        skipBlanks();
        Scalar s = number();
        if (!s.isInteger()) {
          throw error(s.at(), "dimension must be an integer, got " + s.text());
        }
        int d = toInt(s);
        if (d < 1) {
          throw error(s.at(), "dimension must be >= 1, got " + d);
        }
        dims.add(d);
        skipBlanks();
        if (peek() != ',') {
          break;
        }
        pos++;
      }
    }
    expect(']');
    return new TensorType(dtype, new Shape(dims));
  }

  /** A value reference being defined: a valid name that is not yet taken. */
  private ValueId newValue() {
    int at = pos;
    ValueId id = valueRef();
    Integer previous = definedAt.get(id.name());
    if (previous != null || builder.has(id.name())) {
      throw error(
          at,
          "value "
              + IrPrinter.ref(id)
              + " is already defined"
              + (previous == null ? "" : " at line " + lineOf(previous)));
    }
    return id;
  }

  /** A value reference being used: it must be declared. */
  private ValueId use() {
    int at = pos;
    ValueId id = valueRef();
    if (!builder.has(id.name())) {
      throw error(at, "unknown value " + IrPrinter.ref(id));
    }
    return id;
  }

  private ValueId valueRef() {
    int at = pos;
    if (peek() != '%') {
      throw error(at, "expected a value (%name) but found " + found());
    }
    pos++;
    return new ValueId(name("a value name after '%'"));
  }

  /** A bare or quoted name, checked against {@link ValueId#isValidName}. */
  private String name(String what) {
    int at = pos;
    String name;
    if (peek() == '"') {
      pos++;
      int start = pos;
      while (pos < text.length() && isNameChar(text.charAt(pos))) {
        pos++;
      }
      name = text.substring(start, pos);
      if (peek() != '"') {
        throw error(pos, "expected '\"' to close the name but found " + found());
      }
      pos++;
    } else {
      name = word();
    }
    if (name.isEmpty()) {
      pos = at;
      throw error(at, "expected " + what + " but found " + found());
    }
    if (!ValueId.isValidName(name)) {
      throw error(
          at,
          "bad name '"
              + name
              + "': names start with a letter, digit, '_', '/' or ':' and continue with those,"
              + " '.' or '-'");
    }
    return name;
  }

  /**
   * The longest run of name characters at the current position, less trailing {@code ':'}s (which
   * separate a name from its type). Empty when none.
   */
  private String word() {
    int start = pos;
    int end = pos;
    while (end < text.length() && isNameChar(text.charAt(end))) {
      end++;
    }
    while (end > start && text.charAt(end - 1) == ':') {
      end--;
    }
    pos = end;
    return text.substring(start, end);
  }

  private Scalar number() {
    int at = pos;
    int p = pos;
    if (p < text.length() && (text.charAt(p) == '-' || text.charAt(p) == '+')) {
      p++;
    }
    pos = p;
    if (startsWithWord("inf") || startsWithWord("nan")) {
      pos += 3;
      return new Scalar(at, text.substring(at, pos), false, false);
    }
    int digits = digits();
    boolean integer = true;
    if (peek() == '.') {
      pos++;
      digits += digits();
      integer = false;
    }
    boolean ok = digits > 0;
    if (ok && (peek() == 'e' || peek() == 'E')) {
      pos++;
      integer = false;
      if (peek() == '-' || peek() == '+') {
        pos++;
      }
      ok = digits() > 0;
    }
    if (!ok || (pos < text.length() && isNameChar(text.charAt(pos)))) {
      if (pos == at) {
        throw error(at, "expected a number but found " + found());
      }
      while (pos < text.length() && (isNameChar(text.charAt(pos)) || text.charAt(pos) == '+')) {
        pos++;
      }
      throw error(at, "bad number '" + text.substring(at, pos) + "'");
    }
    return new Scalar(at, text.substring(at, pos), false, integer);
  }

  private int digits() {
    int start = pos;
    while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
      pos++;
    }
    return pos - start;
  }

  private int toInt(Scalar s) {
    try {
      return Integer.parseInt(s.text());
    } catch (NumberFormatException e) {
      throw error(s.at(), "bad number '" + s.text() + "' (out of int range)");
    }
  }

  private float toFloat(Scalar s) {
    if (s.isWord()) {
      throw error(s.at(), "expected a number but found '" + s.text() + "'");
    }
    String t = s.text();
    String unsigned = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
    boolean negative = t.startsWith("-");
    switch (unsigned) {
      case "inf" -> {
        return negative ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
      }
      case "nan" -> {
        return Float.NaN;
      }
      default -> {}
    }
    float f = Float.parseFloat(t);
    if (Float.isInfinite(f)) {
      throw error(s.at(), "bad number '" + t + "' (out of f32 range)");
    }
    return f;
  }

  // ---------------------------------------------------------------------------------------------
  // Characters

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private boolean startsWithWord(String w) {
    return text.startsWith(w, pos)
        && (pos + w.length() >= text.length() || !isNameChar(text.charAt(pos + w.length())));
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '.'
        || c == '/'
        || c == ':'
        || c == '-';
  }

  /** Skips spaces, tabs, carriage returns and a comment, stopping before a newline. */
  private void skipBlanks() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\r') {
        pos++;
      } else if (c == '#') {
        while (pos < text.length() && text.charAt(pos) != '\n') {
          pos++;
        }
      } else {
        return;
      }
    }
  }

  private void skipEmptyLines() {
    while (true) {
      skipBlanks();
      if (peek() != '\n') {
        return;
      }
      pos++;
    }
  }

  /** Ends a line: optional blanks and comment, then a newline or the end of the text. */
  private void endOfLine() {
    skipBlanks();
    if (pos >= text.length()) {
      return;
    }
    if (text.charAt(pos) != '\n') {
      throw error(pos, "expected end of line but found " + found());
    }
    pos++;
  }

  private void expect(char c) {
    skipBlanks();
    if (peek() != c || pos >= text.length()) {
      throw error(pos, "expected '" + c + "' but found " + found());
    }
    pos++;
  }

  /** What is at the current position, for "expected ... but found ..." messages. */
  private String found() {
    if (pos >= text.length()) {
      return "end of file";
    }
    char c = text.charAt(pos);
    if (c == '\n') {
      return "end of line";
    }
    int end = pos;
    if (c == '%') {
      end++;
    }
    while (end < text.length() && end - pos < 40 && isNameChar(text.charAt(end))) {
      end++;
    }
    if (end == pos || (c == '%' && end == pos + 1)) {
      end = pos + 1;
    }
    String s = text.substring(pos, end);
    return "'"
        + (Character.isISOControl(c) ? String.format(Locale.ROOT, "\\u%04x", (int) c) : s)
        + "'";
  }

  // ---------------------------------------------------------------------------------------------
  // Errors

  private int lineOf(int at) {
    int line = 1;
    for (int i = 0; i < at && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** An error that already carries its position; never re-positioned. */
  private static final class ParseError extends IrException {
    private static final long serialVersionUID = 1L;

    ParseError(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private IrException error(int at, String message) {
    return error(at, message, null);
  }

  private IrException error(int at, String message, Throwable cause) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < at && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    String where = source + ":" + line + ":" + (at - lineStart + 1) + ": ";
    return new ParseError(where + message, cause);
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String count(int n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }
}
