package dev.silica.workloads.onnx;

import com.google.protobuf.ByteString;
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
import dev.silica.workloads.onnx.proto.OnnxWire;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes IR graphs as ONNX models that Netron opens and ONNX runtimes run.
 *
 * <h2>Format</h2>
 *
 * Operator set 17 of the default domain ({@code ir_version} 8), or 20 ({@code ir_version} 9) when
 * the graph has a {@link Gelu}, the first set that defines Gelu. Producer name {@code silica}.
 * Every value gets its type: graph inputs and outputs, and a {@code value_info} entry for each
 * intermediate value. IR value and node names are kept as they are.
 *
 * <h2>Initializers</h2>
 *
 * A parameter or buffer with elements in the given map (or an inline literal) is written as an
 * initializer. One without elements is, by {@link MissingData#GRAPH_INPUTS} (the default), declared
 * as a graph input, so the file stays small and a runtime takes the weights as inputs; with {@link
 * MissingData#ZEROS} it is written as an all-zero initializer, so the file runs as it is. Either
 * way its doc string records the IR kind ({@code silica:parameter}, {@code silica:buffer}, {@code
 * silica:literal}) so that {@link OnnxImporter} restores the same graph.
 *
 * <h2>Ops that need more than one ONNX node</h2>
 *
 * <pre>
 * IR                 ONNX
 * Lstm / Gru / Rnn   LSTM / GRU / RNN named like the IR node, outputs name/Y, name/Y_h, name/Y_c,
 *                    then Squeeze nodes producing the IR results name, name.1, name.2 (ONNX adds a
 *                    num_directions axis). Weights are written in ONNX layout under the IR names:
 *                    W[1,G·H,D], R[1,G·H,H]; LSTM gates reordered i,f,o,g → i,o,f,c; the LSTM/RNN
 *                    bias as B = [b, 0]; GRU biases as Concat(Unsqueeze(bx), Unsqueeze(bh)). Initial
 *                    states go through Unsqueeze. Recurrent weights must be parameters or buffers.
 * CausalMask         Where(name/mask, X, name/fill) with a lower-triangular bool constant [T,T]
 *                    (true on and below the diagonal) and the fill value as a scalar constant
 * Upsample           Resize(X, "", scales [1,1,sh,sw]), mode nearest, asymmetric, floor
 * Embedding          Gather(table, indices), axis 0
 * Reshape, Dropout   the target shape / the ratio as a constant initializer name/shape, name/ratio
 * </pre>
 *
 * <p>Index convention: the IR's MaxPool indices are ONNX's ({@code storage_order = 0}, flat over
 * the whole input tensor, {@code ((n·C + c)·H + h)·W + w}), so they are written unchanged; the ONNX
 * Runtime cross-check compares them.
 */
public final class OnnxExporter {
  /** What to write for a parameter or buffer whose elements are not given. */
  public enum MissingData {
    /** Declare it as a graph input (with its kind in the doc string). */
    GRAPH_INPUTS,
    /** Write an all-zero initializer. */
    ZEROS
  }

  static final String PRODUCER = "silica";

  private OnnxExporter() {}

  /** Writes {@code graph} with no initializer data: every weight becomes a graph input. */
  public static void write(Graph graph, Path file) {
    write(graph, Map.of(), file, MissingData.GRAPH_INPUTS);
  }

  /** Writes {@code graph}; weights without data become graph inputs. */
  public static void write(Graph graph, Map<ValueId, InitializerData> data, Path file) {
    write(graph, data, file, MissingData.GRAPH_INPUTS);
  }

  /**
   * Writes {@code graph} as an ONNX model file.
   *
   * @param data elements of parameters and buffers, in the IR layout; may be partial
   * @param missing what to write for weights without elements
   * @throws OnnxException naming the file when the graph cannot be expressed or written
   */
  public static void write(
      Graph graph, Map<ValueId, InitializerData> data, Path file, MissingData missing) {
    byte[] bytes;
    try {
      bytes = toBytes(graph, data, missing);
    } catch (OnnxException e) {
      throw new OnnxException(file.getFileName() + ": " + e.getMessage(), e);
    }
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new OnnxException(file.getFileName() + ": cannot write (" + e + ")", e);
    }
  }

  /** The serialized model (see {@link #write(Graph, Map, Path, MissingData)}). */
  public static byte[] toBytes(
      Graph graph, Map<ValueId, InitializerData> data, MissingData missing) {
    return new Writer(graph, data, missing).model().toByteArray();
  }

  /** Builds one model. */
  private static final class Writer {
    final Graph g;
    final Map<ValueId, InitializerData> data;
    final MissingData missing;
    final OnnxWire.Graph.Builder out = OnnxWire.Graph.newBuilder();
    final Set<String> names = new HashSet<>();

    /** Recurrent weights written in ONNX layout: value → conversion. */
    final Map<ValueId, Layout> layouts = new HashMap<>();

    int opset = 17;

    /** How a recurrent weight is stored in ONNX. */
    record Layout(String role, int gates, int hidden, int[] perm, Node user) {}

    Writer(Graph g, Map<ValueId, InitializerData> data, MissingData missing) {
      this.g = g;
      this.data = data;
      this.missing = missing;
      for (Value v : g.values()) {
        names.add(v.id().name());
      }
    }

    OnnxException error(Node n, String message) {
      return new OnnxException("node '" + n.name() + "' (" + n.op().kind() + "): " + message);
    }

    OnnxWire.Model model() {
      for (Node n : g.nodes()) {
        if (n.op() instanceof Gelu) {
          opset = 20;
        }
        switch (n.op()) {
          case Lstm l -> recurrentLayouts(n, 4, l.hiddenSize(), new int[] {0, 2, 1, 3}, true);
          case Gru gr -> recurrentLayouts(n, 3, gr.hiddenSize(), OnnxImporter.identity(3), false);
          case Rnn r -> recurrentLayouts(n, 1, r.hiddenSize(), OnnxImporter.identity(1), true);
          default -> {}
        }
      }
      for (Node n : g.nodes()) {
        for (ValueId in : n.inputs()) {
          Layout l = layouts.get(in);
          if (l != null && l.user() != n) {
            throw error(
                n,
                "reads "
                    + in
                    + ", which recurrent node '"
                    + l.user().name()
                    + "' also reads as its "
                    + l.role()
                    + "; ONNX stores that weight in another layout, so give each its own copy");
          }
        }
      }
      out.setName(g.name());
      for (Value v : g.values()) {
        switch (v.kind()) {
          case INPUT -> out.addInput(info(v.id().name(), v.type(), ""));
          case PARAMETER, BUFFER -> initializer(v);
          case ACTIVATION -> {
            if (!g.outputs().contains(v.id())) {
              out.addValueInfo(info(v.id().name(), v.type(), ""));
            }
          }
        }
      }
      for (Node n : g.nodes()) {
        node(n);
      }
      for (ValueId o : g.outputs()) {
        out.addOutput(info(o.name(), g.type(o), ""));
      }
      return OnnxWire.Model.newBuilder()
          .setIrVersion(opset >= 20 ? 9 : 8)
          .setProducerName(PRODUCER)
          .setProducerVersion("0.1")
          .addOpsetImport(OnnxWire.OpsetId.newBuilder().setDomain("").setVersion(opset))
          .setGraph(out)
          .build();
    }

    void recurrentLayouts(Node n, int gates, int hidden, int[] perm, boolean singleBias) {
      String[] roles = singleBias ? new String[] {"W", "R", "B"} : new String[] {"W", "R"};
      for (int i = 0; i < roles.length; i++) {
        ValueId w = n.inputs().get(1 + i);
        Value v = g.value(w);
        if (!v.isInitializer()) {
          throw error(
              n,
              "operand "
                  + w
                  + " ("
                  + roles[i]
                  + ") must be a parameter or buffer: ONNX stores recurrent weights in its own"
                  + " layout, got "
                  + v.kind().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (layouts.put(w, new Layout(roles[i], gates, hidden, perm, n)) != null) {
          throw error(n, "operand " + w + " is used by more than one recurrent node or role");
        }
      }
    }

    String fresh(String base) {
      String name = base;
      for (int k = 1; names.contains(name); k++) {
        name = base + "_" + k;
      }
      names.add(name);
      return name;
    }

    static OnnxWire.ValueInfo info(String name, TensorType t, String doc) {
      OnnxWire.Dims.Builder dims = OnnxWire.Dims.newBuilder();
      for (int d : t.shape().dims()) {
        dims.addDim(OnnxWire.Dims.Dim.newBuilder().setDimValue(d));
      }
      OnnxWire.ValueInfo.Builder v =
          OnnxWire.ValueInfo.newBuilder()
              .setName(name)
              .setType(
                  OnnxWire.TypeInfo.newBuilder()
                      .setTensorType(
                          OnnxWire.TypeInfo.TensorInfo.newBuilder()
                              .setElemType(OnnxTensors.code(t.dtype()))
                              .setShape(dims)));
      if (!doc.isEmpty()) {
        v.setDocString(doc);
      }
      return v.build();
    }

    void initializer(Value v) {
      String mark =
          !v.literal().isEmpty()
              ? OnnxImporter.MARK_LITERAL
              : v.kind() == ValueKind.PARAMETER
                  ? OnnxImporter.MARK_PARAMETER
                  : OnnxImporter.MARK_BUFFER;
      InitializerData d = elements(v);
      Layout l = layouts.get(v.id());
      TensorType type = v.type();
      if (l != null) {
        int gh = l.gates() * l.hidden();
        int k = type.dim(0);
        if (l.role().equals("B")) {
          type = TensorType.of(type.dtype(), 1, 2 * gh);
          if (d != null) {
            d = biasToOnnx(floaty(d, v), l);
          }
        } else {
          type = TensorType.of(type.dtype(), 1, gh, k);
          if (d != null) {
            d = OnnxImporter.toOnnx(floaty(d, v), l.gates(), l.hidden(), k, l.perm());
          }
        }
      }
      if (d == null && missing == MissingData.GRAPH_INPUTS) {
        out.addInput(info(v.id().name(), type, mark));
        return;
      }
      if (d == null) {
        d = InitializerData.zeros(type);
      }
      out.addInitializer(OnnxTensors.encode(v.id().name(), d).toBuilder().setDocString(mark));
    }

    InitializerData elements(Value v) {
      if (!v.literal().isEmpty()) {
        return literal(v);
      }
      InitializerData d = data.get(v.id());
      if (d == null) {
        return null;
      }
      if (d.dtype() != v.type().dtype() || !d.dims().equals(v.type().shape().dims())) {
        throw new OnnxException(
            "initializer data for "
                + v.id()
                + " is "
                + d.dtype().text()
                + d.dims()
                + ", the graph declares "
                + v.type());
      }
      return d;
    }

    static InitializerData literal(Value v) {
      List<Integer> dims = v.type().shape().dims();
      int n = v.literal().size();
      return switch (InitializerData.storage(v.type().dtype())) {
        case FLOAT -> {
          float[] f = new float[n];
          for (int i = 0; i < n; i++) {
            f[i] = v.literal().get(i);
          }
          yield new InitializerData(v.type().dtype(), dims, f, null, null);
        }
        case DOUBLE -> {
          double[] f = new double[n];
          for (int i = 0; i < n; i++) {
            f[i] = v.literal().get(i);
          }
          yield new InitializerData(v.type().dtype(), dims, null, null, f);
        }
        case LONG -> {
          long[] f = new long[n];
          for (int i = 0; i < n; i++) {
            f[i] = (long) (float) v.literal().get(i);
          }
          yield new InitializerData(v.type().dtype(), dims, null, f, null);
        }
      };
    }

    static InitializerData floaty(InitializerData d, Value v) {
      if (d.floats() == null) {
        throw new OnnxException(
            v.id() + ": recurrent weights must be f32, f16 or bf16, got " + d.dtype().text());
      }
      return d;
    }

    /** IR bias {@code b[G·H]} to ONNX {@code B[1, 2·G·H] = [b (ONNX gate order), 0]}. */
    static InitializerData biasToOnnx(InitializerData b, Layout l) {
      int h = l.hidden();
      int gh = l.gates() * h;
      float[] src = b.floats();
      float[] dst = new float[2 * gh];
      for (int gate = 0; gate < l.gates(); gate++) {
        for (int j = 0; j < h; j++) {
          dst[gate * h + j] = src[l.perm()[gate] * h + j];
        }
      }
      return new InitializerData(b.dtype(), List.of(1, 2 * gh), dst, null, null);
    }

    // ---------------------------------------------------------------- nodes

    OnnxWire.Node.Builder onnx(String opType, String name, List<String> inputs, String... outputs) {
      OnnxWire.Node.Builder n =
          OnnxWire.Node.newBuilder().setOpType(opType).setName(name).addAllInput(inputs);
      for (String o : outputs) {
        n.addOutput(o);
      }
      return n;
    }

    void add(OnnxWire.Node.Builder n) {
      out.addNode(n);
    }

    List<String> ins(Node n) {
      return n.inputs().stream().map(ValueId::name).toList();
    }

    String[] outs(Node n) {
      return n.outputs().stream().map(ValueId::name).toArray(String[]::new);
    }

    /** A constant initializer that exists only in the ONNX file. */
    String constant(String base, InitializerData d) {
      String name = fresh(base);
      out.addInitializer(OnnxTensors.encode(name, d));
      return name;
    }

    void node(Node n) {
      String name = n.name();
      switch (n.op()) {
        case Conv2d c -> conv(n, "Conv", c, 1);
        case ConvInteger c -> conv(n, "ConvInteger", c.conv(), 1);
        case QLinearConv c -> conv(n, "QLinearConv", c.conv(), 3);
        case PRelu p -> add(onnx("PRelu", name, ins(n), outs(n)));
        case LogSoftmax s ->
            add(onnx("LogSoftmax", name, ins(n), outs(n)).addAttribute(integer("axis", s.axis())));
        case Cast c ->
            add(
                onnx("Cast", name, ins(n), outs(n))
                    .addAttribute(integer("to", OnnxTensors.code(c.to()))));
        case QuantizeLinear q ->
            add(
                onnx("QuantizeLinear", name, ins(n), outs(n))
                    .addAttribute(integer("axis", q.axis())));
        case DequantizeLinear q ->
            add(
                onnx("DequantizeLinear", name, ins(n), outs(n))
                    .addAttribute(integer("axis", q.axis())));
        case MatMulInteger m -> add(onnx("MatMulInteger", name, ins(n), outs(n)));
        case QLinearMatMul m -> add(onnx("QLinearMatMul", name, ins(n), outs(n)));
        case ConvTranspose2d c -> {
          TensorType w = g.type(n.inputs().get(1));
          OnnxWire.Node.Builder o = onnx("ConvTranspose", name, ins(n), outs(n));
          o.addAttribute(ints("kernel_shape", w.dim(2), w.dim(3)));
          o.addAttribute(ints("strides", c.strideH(), c.strideW()));
          padding(o, c.padding());
          o.addAttribute(ints("output_padding", c.outputPadH(), c.outputPadW()));
          o.addAttribute(ints("dilations", c.dilationH(), c.dilationW()));
          o.addAttribute(integer("group", c.groups()));
          add(o);
        }
        case Gemm m ->
            add(
                onnx("Gemm", name, ins(n), outs(n))
                    .addAttribute(real("alpha", m.alpha()))
                    .addAttribute(real("beta", m.beta()))
                    .addAttribute(integer("transA", m.transA() ? 1 : 0))
                    .addAttribute(integer("transB", m.transB() ? 1 : 0)));
        case MatMul m -> add(onnx("MatMul", name, ins(n), outs(n)));
        case MaxPool p -> {
          OnnxWire.Node.Builder o = onnx("MaxPool", name, ins(n), outs(n));
          o.addAttribute(ints("kernel_shape", p.kernelH(), p.kernelW()));
          o.addAttribute(ints("strides", p.strideH(), p.strideW()));
          padding(o, p.padding());
          o.addAttribute(integer("ceil_mode", p.ceilMode() ? 1 : 0));
          add(o);
        }
        case AvgPool p -> {
          OnnxWire.Node.Builder o = onnx("AveragePool", name, ins(n), outs(n));
          o.addAttribute(ints("kernel_shape", p.kernelH(), p.kernelW()));
          o.addAttribute(ints("strides", p.strideH(), p.strideW()));
          padding(o, p.padding());
          o.addAttribute(integer("ceil_mode", p.ceilMode() ? 1 : 0));
          o.addAttribute(integer("count_include_pad", p.countIncludePad() ? 1 : 0));
          add(o);
        }
        case GlobalAvgPool p -> add(onnx("GlobalAveragePool", name, ins(n), outs(n)));
        case Relu r -> add(onnx("Relu", name, ins(n), outs(n)));
        case LeakyRelu r ->
            add(onnx("LeakyRelu", name, ins(n), outs(n)).addAttribute(real("alpha", r.alpha())));
        case Sigmoid s -> add(onnx("Sigmoid", name, ins(n), outs(n)));
        case Tanh t -> add(onnx("Tanh", name, ins(n), outs(n)));
        case Gelu ge ->
            add(
                onnx("Gelu", name, ins(n), outs(n))
                    .addAttribute(text("approximate", ge.tanhApproximation() ? "tanh" : "none")));
        case dev.silica.workloads.ir.Add a -> add(onnx("Add", name, ins(n), outs(n)));
        case Mul m -> add(onnx("Mul", name, ins(n), outs(n)));
        case Concat c ->
            add(onnx("Concat", name, ins(n), outs(n)).addAttribute(integer("axis", c.axis())));
        case BatchNorm bn ->
            add(
                onnx("BatchNormalization", name, ins(n), outs(n))
                    .addAttribute(real("epsilon", bn.epsilon())));
        case Lrn l ->
            add(
                onnx("LRN", name, ins(n), outs(n))
                    .addAttribute(integer("size", l.size()))
                    .addAttribute(real("alpha", l.alpha()))
                    .addAttribute(real("beta", l.beta()))
                    .addAttribute(real("bias", l.bias())));
        case Softmax s ->
            add(onnx("Softmax", name, ins(n), outs(n)).addAttribute(integer("axis", s.axis())));
        case LayerNorm l ->
            add(
                onnx("LayerNormalization", name, ins(n), outs(n))
                    .addAttribute(integer("axis", l.axis()))
                    .addAttribute(real("epsilon", l.epsilon())));
        case Flatten f ->
            add(onnx("Flatten", name, ins(n), outs(n)).addAttribute(integer("axis", f.axis())));
        case Reshape r -> {
          long[] shape = r.shape().stream().mapToLong(Integer::longValue).toArray();
          String s =
              constant(name + "/shape", InitializerData.ofLongs(List.of(shape.length), shape));
          add(onnx("Reshape", name, List.of(ins(n).getFirst(), s), outs(n)));
        }
        case Transpose t -> {
          OnnxWire.Node.Builder o = onnx("Transpose", name, ins(n), outs(n));
          o.addAttribute(
              OnnxWire.Attribute.newBuilder()
                  .setName("perm")
                  .setType(OnnxWire.Attribute.Kind.INTS)
                  .addAllInts(t.perm().stream().map(Integer::longValue).toList()));
          add(o);
        }
        case Dropout d -> {
          String ratio = constant(name + "/ratio", InitializerData.ofFloats(List.of(), d.ratio()));
          add(onnx("Dropout", name, List.of(ins(n).getFirst(), ratio), outs(n)));
        }
        case Lstm l -> recurrent(n, "LSTM", l.hiddenSize(), 2);
        case Gru gr -> recurrent(n, "GRU", gr.hiddenSize(), 1);
        case Rnn r -> recurrent(n, "RNN", r.hiddenSize(), 1);
        case MaxUnpool u -> {
          List<String> ins = new ArrayList<>(ins(n));
          if (u.outputH() > 0) {
            TensorType x = g.type(n.inputs().getFirst());
            ins.add(
                constant(
                    name + "/output_shape",
                    InitializerData.ofLongs(
                        List.of(4), x.dim(0), x.dim(1), u.outputH(), u.outputW())));
          }
          OnnxWire.Node.Builder o = onnx("MaxUnpool", name, ins, outs(n));
          o.addAttribute(ints("kernel_shape", u.kernelH(), u.kernelW()));
          o.addAttribute(ints("strides", u.strideH(), u.strideW()));
          padding(o, u.padding());
          add(o);
        }
        case Resize r -> {
          TensorType x = g.type(n.inputs().getFirst());
          List<String> ins =
              r.scaleH() > 0
                  ? List.of(
                      ins(n).getFirst(),
                      "",
                      constant(
                          name + "/scales",
                          InitializerData.ofFloats(List.of(4), 1, 1, r.scaleH(), r.scaleW())))
                  : List.of(
                      ins(n).getFirst(),
                      "",
                      "",
                      constant(
                          name + "/sizes",
                          InitializerData.ofLongs(
                              List.of(4), x.dim(0), x.dim(1), r.outH(), r.outW())));
          add(
              onnx("Resize", name, ins, outs(n))
                  .addAttribute(text("mode", "nearest"))
                  .addAttribute(
                      text(
                          "coordinate_transformation_mode",
                          r.coordinate().name().toLowerCase(java.util.Locale.ROOT)))
                  .addAttribute(
                      text("nearest_mode", r.nearest().name().toLowerCase(java.util.Locale.ROOT))));
        }
        case Upsample u -> {
          String scales =
              constant(
                  name + "/scales",
                  InitializerData.ofFloats(List.of(4), 1, 1, u.scaleH(), u.scaleW()));
          add(
              onnx("Resize", name, List.of(ins(n).getFirst(), "", scales), outs(n))
                  .addAttribute(text("mode", "nearest"))
                  .addAttribute(text("coordinate_transformation_mode", "asymmetric"))
                  .addAttribute(text("nearest_mode", "floor")));
        }
        case Embedding e ->
            add(
                onnx("Gather", name, List.of(ins(n).get(1), ins(n).get(0)), outs(n))
                    .addAttribute(integer("axis", 0)));
        case OneHot h -> {
          String depth = constant(name + "/depth", InitializerData.ofLongs(List.of(), h.depth()));
          String values = constant(name + "/values", InitializerData.ofFloats(List.of(2), 0f, 1f));
          add(
              onnx("OneHot", name, List.of(ins(n).getFirst(), depth, values), outs(n))
                  .addAttribute(integer("axis", -1)));
        }
        case CausalMask c -> {
          TensorType x = g.type(n.inputs().getFirst());
          int t = x.dim(-1);
          long[] mask = new long[t * t];
          for (int i = 0; i < t; i++) {
            for (int j = 0; j <= i; j++) {
              mask[i * t + j] = 1;
            }
          }
          String m =
              constant(
                  name + "/mask", new InitializerData(DType.BOOL, List.of(t, t), null, mask, null));
          String fill = constant(name + "/fill", fillScalar(x.dtype(), c.fill()));
          add(onnx("Where", name, List.of(m, ins(n).getFirst(), fill), outs(n)));
        }
      }
    }

    static InitializerData fillScalar(DType dtype, float fill) {
      return switch (InitializerData.storage(dtype)) {
        case FLOAT -> new InitializerData(dtype, List.of(), new float[] {fill}, null, null);
        case DOUBLE -> new InitializerData(dtype, List.of(), null, null, new double[] {fill});
        case LONG -> new InitializerData(dtype, List.of(), null, new long[] {(long) fill}, null);
      };
    }

    void recurrent(Node n, String opType, int hidden, int states) {
      String name = n.name();
      List<String> in = new ArrayList<>();
      in.add(n.inputs().get(0).name());
      in.add(n.inputs().get(1).name());
      in.add(n.inputs().get(2).name());
      int next;
      if (opType.equals("GRU")) {
        String axes = constant(name + "/axes0", InitializerData.ofLongs(List.of(1), 0));
        String bx = fresh(name + "/bx");
        String bh = fresh(name + "/bh");
        add(
            onnx(
                "Unsqueeze",
                fresh(name + "/unsqueeze_bx"),
                List.of(n.inputs().get(3).name(), axes),
                bx));
        add(
            onnx(
                "Unsqueeze",
                fresh(name + "/unsqueeze_bh"),
                List.of(n.inputs().get(4).name(), axes),
                bh));
        String bias = fresh(name + "/B");
        add(
            onnx("Concat", fresh(name + "/concat_B"), List.of(bx, bh), bias)
                .addAttribute(integer("axis", 1)));
        in.add(bias);
        next = 5;
      } else {
        in.add(n.inputs().get(3).name());
        next = 4;
      }
      if (n.inputs().size() > next) {
        String axes = constant(name + "/axes_state", InitializerData.ofLongs(List.of(1), 0));
        in.add("");
        for (int i = next; i < n.inputs().size(); i++) {
          String s = fresh(name + (i == next ? "/h0" : "/c0"));
          add(
              onnx(
                  "Unsqueeze",
                  fresh(s + "_unsqueeze"),
                  List.of(n.inputs().get(i).name(), axes),
                  s));
          in.add(s);
        }
      }
      String y = fresh(name + "/Y");
      String yh = fresh(name + "/Y_h");
      List<String> outputs = new ArrayList<>(List.of(y, yh));
      if (states == 2) {
        outputs.add(fresh(name + "/Y_c"));
      }
      OnnxWire.Node.Builder o =
          onnx(opType, name, in, outputs.toArray(String[]::new))
              .addAttribute(integer("hidden_size", hidden));
      switch (n.op()) {
        case Gru gr ->
            o.addAttribute(integer("linear_before_reset", gr.linearBeforeReset() ? 1 : 0));
        case Rnn r ->
            o.addAttribute(
                OnnxWire.Attribute.newBuilder()
                    .setName("activations")
                    .setType(OnnxWire.Attribute.Kind.STRINGS)
                    .addStrings(
                        ByteString.copyFrom(
                            r.activation() == Rnn.Activation.RELU ? "Relu" : "Tanh",
                            StandardCharsets.UTF_8)));
        default -> {}
      }
      add(o);
      String axis1 = constant(name + "/axes1", InitializerData.ofLongs(List.of(1), 1));
      String axis0 = constant(name + "/axes0_out", InitializerData.ofLongs(List.of(1), 0));
      for (int k = 0; k < outputs.size(); k++) {
        add(
            onnx(
                "Squeeze",
                fresh(name + "/squeeze" + k),
                List.of(outputs.get(k), k == 0 ? axis1 : axis0),
                n.outputs().get(k).name()));
      }
    }

    /** A convolution node; {@code weight} is the operand index of the weight. */
    void conv(Node n, String opType, Conv2d c, int weight) {
      TensorType w = g.type(n.inputs().get(weight));
      OnnxWire.Node.Builder o = onnx(opType, n.name(), ins(n), outs(n));
      o.addAttribute(ints("kernel_shape", w.dim(2), w.dim(3)));
      o.addAttribute(ints("strides", c.strideH(), c.strideW()));
      padding(o, c.padding());
      o.addAttribute(ints("dilations", c.dilationH(), c.dilationW()));
      o.addAttribute(integer("group", c.groups()));
      add(o);
    }

    void padding(OnnxWire.Node.Builder o, Padding p) {
      switch (p.mode()) {
        case EXPLICIT -> {
          if ((p.top() | p.left() | p.bottom() | p.right()) != 0) {
            o.addAttribute(ints("pads", p.top(), p.left(), p.bottom(), p.right()));
          }
        }
        case SAME_UPPER -> o.addAttribute(text("auto_pad", "SAME_UPPER"));
        case SAME_LOWER -> o.addAttribute(text("auto_pad", "SAME_LOWER"));
        case VALID -> o.addAttribute(text("auto_pad", "VALID"));
      }
    }

    static OnnxWire.Attribute ints(String name, int... values) {
      OnnxWire.Attribute.Builder a =
          OnnxWire.Attribute.newBuilder().setName(name).setType(OnnxWire.Attribute.Kind.INTS);
      for (int v : values) {
        a.addInts(v);
      }
      return a.build();
    }

    static OnnxWire.Attribute integer(String name, long v) {
      return OnnxWire.Attribute.newBuilder()
          .setName(name)
          .setType(OnnxWire.Attribute.Kind.INT)
          .setI(v)
          .build();
    }

    static OnnxWire.Attribute real(String name, float v) {
      return OnnxWire.Attribute.newBuilder()
          .setName(name)
          .setType(OnnxWire.Attribute.Kind.FLOAT)
          .setF(v)
          .build();
    }

    static OnnxWire.Attribute text(String name, String v) {
      return OnnxWire.Attribute.newBuilder()
          .setName(name)
          .setType(OnnxWire.Attribute.Kind.STRING)
          .setS(ByteString.copyFrom(v, StandardCharsets.UTF_8))
          .build();
    }
  }
}
