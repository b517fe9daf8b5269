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
import dev.silica.workloads.ir.DequantizeLinear;
import dev.silica.workloads.ir.Dropout;
import dev.silica.workloads.ir.Embedding;
import dev.silica.workloads.ir.Flatten;
import dev.silica.workloads.ir.Gelu;
import dev.silica.workloads.ir.Gemm;
import dev.silica.workloads.ir.GlobalAvgPool;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.Gru;
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
import java.util.List;
import java.util.Locale;

/**
 * Prints a graph in the IR text form that {@link IrParser} reads (grammar in its class comment).
 *
 * <p>The output is canonical: one declaration or node per line, indented two spaces, in the order
 * the graph declared its values (so a layer's weights sit just above the node that uses them), then
 * one {@code output} line. Every attribute of every op is printed, in a fixed order per op, so the
 * text never depends on defaults. Floats print with {@link Float#toString(float)}, which the parser
 * reads back to the same bits, or as {@code inf}, {@code -inf}, {@code nan} (NaN payloads are not
 * kept, as {@link Float#equals} does not tell them apart). Hence {@code IrParser.parse(print(g),
 * src).equals(g)} and printing the parsed graph gives the same text.
 */
public final class IrPrinter {
  private IrPrinter() {}

  /** One printed attribute: its key and its value's text. */
  record Attribute(String key, String text) {}

  /** The text form of {@code g}; {@code IrParser.parse(print(g), name).equals(g)}. */
  public static String print(Graph g) {
    StringBuilder out = new StringBuilder(64 * g.nodes().size() + 64);
    out.append("graph ").append(name(g.name())).append(" {\n");
    for (Value v : g.values()) {
      if (v.kind() != ValueKind.ACTIVATION) {
        declaration(out, v);
      } else {
        Node n = g.producer(v.id());
        if (n.output().equals(v.id())) {
          node(out, g, n);
        }
      }
    }
    out.append("  output ");
    List<ValueId> outputs = g.outputs();
    for (int i = 0; i < outputs.size(); i++) {
      out.append(i == 0 ? "" : ", ").append(ref(outputs.get(i)));
    }
    return out.append("\n}\n").toString();
  }

  /** Writes {@link #print(Graph)} of {@code g} to {@code file} in UTF-8. */
  public static void write(Graph g, Path file) throws IOException {
    Files.writeString(file, print(g), StandardCharsets.UTF_8);
  }

  /**
   * The attributes of {@code op} in printing order. The switch has no default branch: adding an op
   * to the IR fails compilation here until the text form supports it (and {@link IrParser} lists
   * the same keys).
   */
  static List<Attribute> attributes(Op op) {
    return switch (op) {
      case Conv2d c ->
          List.of(
              pair("stride", c.strideH(), c.strideW()),
              padding(c.padding()),
              pair("dilation", c.dilationH(), c.dilationW()),
              integer("groups", c.groups()));
      case ConvTranspose2d c ->
          List.of(
              pair("stride", c.strideH(), c.strideW()),
              padding(c.padding()),
              pair("output_padding", c.outputPadH(), c.outputPadW()),
              pair("dilation", c.dilationH(), c.dilationW()),
              integer("groups", c.groups()));
      case Gemm m ->
          List.of(
              bool("trans_a", m.transA()),
              bool("trans_b", m.transB()),
              real("alpha", m.alpha()),
              real("beta", m.beta()));
      case MatMul m -> List.of();
      case MaxPool p ->
          List.of(
              pair("kernel", p.kernelH(), p.kernelW()),
              pair("stride", p.strideH(), p.strideW()),
              padding(p.padding()),
              bool("ceil_mode", p.ceilMode()),
              bool("indices", p.withIndices()));
      case AvgPool p ->
          List.of(
              pair("kernel", p.kernelH(), p.kernelW()),
              pair("stride", p.strideH(), p.strideW()),
              padding(p.padding()),
              bool("ceil_mode", p.ceilMode()),
              bool("count_include_pad", p.countIncludePad()));
      case GlobalAvgPool p -> List.of();
      case Relu r -> List.of();
      case LeakyRelu r -> List.of(real("alpha", r.alpha()));
      case Sigmoid s -> List.of();
      case Tanh t -> List.of();
      case Gelu g -> List.of(bool("tanh_approximation", g.tanhApproximation()));
      case Add a -> List.of();
      case Mul m -> List.of();
      case Concat c -> List.of(integer("axis", c.axis()));
      case BatchNorm b -> List.of(real("epsilon", b.epsilon()));
      case Lrn l ->
          List.of(
              integer("size", l.size()),
              real("alpha", l.alpha()),
              real("beta", l.beta()),
              real("bias", l.bias()));
      case Softmax s -> List.of(integer("axis", s.axis()));
      case LayerNorm l -> List.of(integer("axis", l.axis()), real("epsilon", l.epsilon()));
      case Flatten f -> List.of(integer("axis", f.axis()));
      case Reshape r -> List.of(ints("shape", r.shape()));
      case Transpose t -> List.of(ints("perm", t.perm()));
      case Dropout d -> List.of(real("ratio", d.ratio()));
      case Lstm l -> List.of(integer("hidden_size", l.hiddenSize()));
      case Gru g ->
          List.of(
              integer("hidden_size", g.hiddenSize()),
              bool("linear_before_reset", g.linearBeforeReset()));
      case Rnn r ->
          List.of(integer("hidden_size", r.hiddenSize()), word("activation", r.activation()));
      case MaxUnpool p ->
          List.of(
              pair("kernel", p.kernelH(), p.kernelW()),
              pair("stride", p.strideH(), p.strideW()),
              padding(p.padding()),
              pair("output_size", p.outputH(), p.outputW()));
      case Upsample u -> List.of(pair("scale", u.scaleH(), u.scaleW()));
      case Embedding e -> List.of();
      case OneHot h -> List.of(integer("depth", h.depth()));
      case CausalMask m -> List.of(real("fill", m.fill()));
      case PRelu p -> List.of();
      case LogSoftmax s -> List.of(integer("axis", s.axis()));
      case Cast c -> List.of(word("to", c.to()));
      case QuantizeLinear q -> List.of(integer("axis", q.axis()));
      case DequantizeLinear q -> List.of(integer("axis", q.axis()));
      case MatMulInteger m -> List.of();
      case QLinearMatMul m -> List.of();
      case ConvInteger c -> attributes(c.conv());
      case QLinearConv c -> attributes(c.conv());
      case Resize r ->
          List.of(
              pair("size", r.outH(), r.outW()),
              new Attribute("scale", "[" + real(r.scaleH()) + "," + real(r.scaleW()) + "]"),
              word("coordinate", r.coordinate()),
              word("nearest", r.nearest()));
    };
  }

  /**
   * A float as the parser reads it back bit-exactly: {@link Float#toString(float)}, or {@code inf},
   * {@code -inf}, {@code nan}.
   */
  static String real(float f) {
    if (Float.isNaN(f)) {
      return "nan";
    }
    if (Float.isInfinite(f)) {
      return f > 0 ? "inf" : "-inf";
    }
    return Float.toString(f);
  }

  /** A value reference: {@code %name}, or {@code %"name"} when the name ends in {@code ':'}. */
  static String ref(ValueId id) {
    return "%" + name(id.name());
  }

  /**
   * A bare name, quoted when it ends in {@code ':'} (which would otherwise read as the type
   * separator).
   */
  static String name(String name) {
    return name.endsWith(":") ? '"' + name + '"' : name;
  }

  static String type(TensorType t) {
    StringBuilder s = new StringBuilder(t.dtype().text()).append('[');
    for (int i = 0; i < t.rank(); i++) {
      s.append(i == 0 ? "" : ",").append(t.dim(i));
    }
    return s.append(']').toString();
  }

  private static void declaration(StringBuilder out, Value v) {
    String keyword =
        switch (v.kind()) {
          case INPUT -> "input";
          case PARAMETER -> "param";
          case BUFFER -> "buffer";
          case ACTIVATION -> throw new IllegalStateException("activations are printed as nodes");
        };
    out.append("  ").append(keyword).append(' ').append(ref(v.id()));
    out.append(": ").append(type(v.type()));
    if (!v.literal().isEmpty()) {
      out.append(" = [");
      for (int i = 0; i < v.literal().size(); i++) {
        out.append(i == 0 ? "" : ", ").append(real(v.literal().get(i)));
      }
      out.append(']');
    }
    out.append('\n');
  }

  private static void node(StringBuilder out, Graph g, Node n) {
    out.append("  ");
    for (int i = 0; i < n.outputs().size(); i++) {
      out.append(i == 0 ? "" : ", ").append(ref(n.outputs().get(i)));
    }
    out.append(" = ").append(n.op().kind()).append('(');
    for (int i = 0; i < n.inputs().size(); i++) {
      out.append(i == 0 ? "" : ", ").append(ref(n.inputs().get(i)));
    }
    out.append(')');
    List<Attribute> attributes = attributes(n.op());
    if (!attributes.isEmpty()) {
      out.append(" {");
      for (int i = 0; i < attributes.size(); i++) {
        Attribute a = attributes.get(i);
        out.append(i == 0 ? "" : ", ").append(a.key()).append('=').append(a.text());
      }
      out.append('}');
    }
    out.append(": ");
    for (int i = 0; i < n.outputs().size(); i++) {
      out.append(i == 0 ? "" : ", ").append(type(g.type(n.outputs().get(i))));
    }
    out.append('\n');
  }

  private static Attribute integer(String key, int v) {
    return new Attribute(key, Integer.toString(v));
  }

  private static Attribute real(String key, float v) {
    return new Attribute(key, real(v));
  }

  private static Attribute bool(String key, boolean v) {
    return new Attribute(key, Boolean.toString(v));
  }

  private static Attribute word(String key, Enum<?> v) {
    return new Attribute(key, v.name().toLowerCase(Locale.ROOT));
  }

  private static Attribute pair(String key, int h, int w) {
    return new Attribute(key, "[" + h + "," + w + "]");
  }

  private static Attribute ints(String key, List<Integer> v) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < v.size(); i++) {
      s.append(i == 0 ? "" : ",").append(v.get(i));
    }
    return new Attribute(key, s.append(']').toString());
  }

  private static Attribute padding(Padding p) {
    return new Attribute(
        "padding",
        switch (p.mode()) {
          case EXPLICIT ->
              "[" + p.top() + "," + p.left() + "," + p.bottom() + "," + p.right() + "]";
          case SAME_UPPER -> "same_upper";
          case SAME_LOWER -> "same_lower";
          case VALID -> "valid";
        });
  }
}
