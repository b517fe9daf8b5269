package dev.silica.workloads.onnx;

import com.google.protobuf.InvalidProtocolBufferException;
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
import dev.silica.workloads.onnx.proto.OnnxWire;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Reads ONNX model files into the IR, with their initializers.
 *
 * <h2>Mapping</h2>
 *
 * <pre>
 * ONNX op (attributes honoured)                       IR
 * Conv (kernel_shape strides pads dilations group     Conv2d [X, W, B?]; 1-D convolutions and
 *       auto_pad)                                     pools run as 2-D ones of height 1 (below)
 * ConvTranspose (+ output_padding, output_shape)      ConvTranspose2d; output_shape/auto_pad become
 *                                                     explicit pads (negative padding rejected)
 * Gemm (alpha beta transA transB), MatMul              Gemm, MatMul
 * MaxPool (kernel_shape strides pads auto_pad          MaxPool; a used Indices output sets withIndices;
 *          ceil_mode storage_order=0, dilations=1)     storage_order 1 is rejected
 * AveragePool (+ count_include_pad), GlobalAveragePool AvgPool, GlobalAvgPool
 * Relu Sigmoid Tanh LeakyRelu(alpha) Gelu(approximate) Relu Sigmoid Tanh LeakyRelu Gelu
 * Add Mul Concat(axis)                                 Add Mul Concat (legacy broadcast with axis:
 *                                                     B reshaped with trailing unit dimensions)
 * BatchNormalization (epsilon; inference form)         BatchNorm; mean and var become BUFFER values
 * LRN (size alpha beta bias)                           Lrn
 * Softmax (axis)                                       Softmax; before opset 13 ONNX flattens to 2-D
 *                                                     at axis: same as the IR when axis is the last,
 *                                                     else Reshape → Softmax(1) → Reshape
 * LayerNormalization (axis epsilon)                    LayerNorm (absent B → zero buffer)
 * Flatten(axis), Transpose(perm)                       Flatten, Transpose
 * Reshape (shape: constant input or attribute;         Reshape (allowzero=1 with a 0 entry rejected:
 *          allowzero)                                  IR shapes have no empty dimensions)
 * Dropout (ratio attribute or constant input)          Dropout (mask output and training rejected)
 * LSTM / GRU / RNN (forward, default activations,      Lstm / Gru / Rnn, weights converted (below)
 *          no clip, layout 0, no peepholes)
 * MaxUnpool (kernel_shape strides pads; output_shape  MaxUnpool (with its output size)
 *   as a constant input)
 * Upsample, Resize (mode nearest; scales or sizes on  Upsample for integer scales with asymmetric +
 *   H and W; every coordinate_transformation_mode     floor (Upsample, Resize-10); otherwise Resize
 *   but tf_crop_and_resize; every nearest_mode)       with the modes and the given scales
 * PRelu (slope broadcast; PRelu-6 1-D slope per       PRelu
 *   channel), LogSoftmax (axis, as Softmax)           LogSoftmax
 * Cast (to: float, double, float16, bfloat16, int8,   Cast
 *   uint8, int32, int64, bool)
 * QuantizeLinear, DequantizeLinear (axis)              QuantizeLinear, DequantizeLinear
 * MatMulInteger, ConvInteger (conv attributes)         MatMulInteger, ConvInteger; one absent zero
 *                                                     point becomes a zero scalar constant
 * QLinearMatMul, QLinearConv (conv attributes)         QLinearMatMul, QLinearConv
 * Gather(axis 0) of a 2-D table                        Embedding [indices, table]
 * Where(lower-triangular bool constant, X, scalar)     CausalMask(fill)
 * Identity, Squeeze, Unsqueeze                         nothing: views of their input (below)
 * Constant                                             a BUFFER; an f32 of at most 256 elements
 *                                                     is an inline literal
 * </pre>
 *
 * Every attribute an op does not list is rejected by name, and so is every supported attribute with
 * a value the IR cannot express, with the op type and node name in the message.
 *
 * <h2>Values and names</h2>
 *
 * Each IR node is named after its ONNX node (or, when it has none, its first output or op type),
 * sanitized to an IR identifier and made unique; its results are then {@code name}, {@code name.1},
 * ... as the IR requires, and the importer keeps a map from ONNX value names to IR values.
 * Initializers become {@link ValueKind#PARAMETER} values, except that batch-norm statistics and
 * Constant outputs become {@link ValueKind#BUFFER}s; a graph input that also has an initializer is
 * an initializer, not an input. Initializers are declared when a node first reads one as a tensor
 * operand, so constants consumed as attributes (Reshape shapes, Resize scales, Squeeze axes) leave
 * no IR value; initializers no node reads are declared at the end.
 *
 * <p><b>Views.</b> Identity, Squeeze and Unsqueeze add no IR node: the ONNX value is recorded as a
 * reshaped view of an IR value. A consumer that needs the view's exact shape gets an IR {@link
 * Reshape} made on first use; consumers that know the shape they want (recurrent initial states,
 * recurrent outputs) read the underlying value directly. That is how the {@code [T,1,N,H]}
 * recurrent outputs of ONNX followed by {@code Squeeze} map onto the IR's {@code [T,N,H]}.
 *
 * <p><b>1-D convolution and pooling.</b> The IR's windows are 2-D, so an {@code [N,C,L]} input is
 * viewed as {@code [N,C,1,L]}, weights {@code [M,C/g,k]} as {@code [M,C/g,1,k]} (initializers are
 * declared in that shape), attributes gain a height entry (kernel 1, stride 1, no padding), and the
 * result is viewed back as {@code [N,M,L']}. The height axis of extent 1 changes no value.
 *
 * <p><b>Recurrent weights.</b> ONNX stores {@code W[1,G·H,D]}, {@code R[1,G·H,H]} and {@code
 * B[1,2·G·H]} (input then recurrent bias), LSTM gates in the order {@code i, o, f, c}; the IR wants
 * {@code Wx[D,G·H]}, {@code Wh[H,G·H]}, LSTM gates {@code i, f, o, g}. W and R must be initializers
 * (or weights declared as graph inputs by Silica's exporter, see below): their elements are
 * transposed and gate-reordered into IR values of the same name. For LSTM and RNN the IR bias is
 * {@code b = Wb + Rb}; for GRU ({@code z, r, h} in both) the bias is split into {@code bx} and
 * {@code bh}, or, when B is a Concat of two vectors (as Silica exports it), those two vectors are
 * used as they are. Only forward, single-direction layers with the default activations (RNN: Tanh
 * or Relu), no clip, no peepholes and {@code layout = 0} are supported.
 *
 * <p><b>Silica markers.</b> Files written by {@link OnnxExporter} carry the IR value kind in doc
 * strings: an initializer or graph input with doc string {@code silica:parameter}, {@code
 * silica:buffer} or {@code silica:literal} becomes that kind of IR value, so weights exported
 * without data (as graph inputs) come back as parameters and export→import gives back the same
 * {@link Graph}.
 *
 * <p><b>Frozen inputs.</b> The IR needs shapes, scales and recurrent weights when the graph is
 * built. {@link #read(Path, Map)} treats chosen graph inputs as initializers with given elements
 * (the ONNX node tests feed Reshape shapes and LSTM weights as inputs; their tests freeze them from
 * {@code test_data_set_0}). A message that asks for a constant names the graph input to freeze.
 *
 * <h2>Errors</h2>
 *
 * Every failure is an {@link OnnxException} with a one-line message that starts with the file name:
 * {@code model.onnx: node 'n3' (op Einsum): unsupported op (supported: ...)}, {@code model.onnx:
 * node 'conv1' (op Conv): unsupported attribute 'foo' (supported: ...)}, {@code model.onnx: not a
 * valid ONNX model (...protobuf's reason...)}; an unnamed node is shown as {@code #index ('first
 * output')}. Static shapes are required: a symbolic dimension is an error naming the input.
 * Anything unexpected inside the importer is still reported as one line ({@code cannot import
 * (...)}), never as another exception type; the tests hold that no test file reaches that case.
 */
public final class OnnxImporter {
  static final String MARK_PARAMETER = "silica:parameter";
  static final String MARK_BUFFER = "silica:buffer";
  static final String MARK_LITERAL = "silica:literal";

  /** ONNX ops this importer maps (default domain). */
  static final Set<String> SUPPORTED =
      new TreeSet<>(
          List.of(
              "AveragePool",
              "BatchNormalization",
              "Concat",
              "Constant",
              "Conv",
              "ConvTranspose",
              "Dropout",
              "Flatten",
              "GRU",
              "Gather",
              "Gelu",
              "Gemm",
              "GlobalAveragePool",
              "Identity",
              "LRN",
              "LSTM",
              "LayerNormalization",
              "LeakyRelu",
              "MatMul",
              "MaxPool",
              "MaxUnpool",
              "OneHot",
              "Mul",
              "RNN",
              "Relu",
              "Reshape",
              "Resize",
              "Sigmoid",
              "Softmax",
              "Squeeze",
              "Tanh",
              "Transpose",
              "Unsqueeze",
              "Upsample",
              "Where",
              "Add",
              "PRelu",
              "LogSoftmax",
              "Cast",
              "QuantizeLinear",
              "DequantizeLinear",
              "MatMulInteger",
              "ConvInteger",
              "QLinearMatMul",
              "QLinearConv"));

  private OnnxImporter() {}

  /** The ONNX op types (default domain) the importer maps, sorted. */
  public static Set<String> supportedOps() {
    return java.util.Collections.unmodifiableSet(SUPPORTED);
  }

  /**
   * Reads a model file.
   *
   * @throws OnnxException with a one-line message naming the file when the file cannot be read, is
   *     not a valid ONNX model, or uses an op, attribute or type the IR cannot express
   */
  public static ImportedModel read(Path file) {
    return read(file, Map.of());
  }

  /**
   * Reads a model file, treating the named graph inputs as constants with the given elements: a way
   * to import graphs that feed shapes, scales or weights as run-time inputs (as the ONNX node tests
   * do), since the IR needs those values when the graph is built.
   *
   * @param frozenInputs elements of graph inputs to freeze, by ONNX input name
   * @throws OnnxException as {@link #read(Path)}, and when a name is not a graph input
   */
  public static ImportedModel read(Path file, Map<String, InitializerData> frozenInputs) {
    String source = String.valueOf(file.getFileName());
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new OnnxException(source + ": cannot read (" + OnnxTensors.oneLine(e) + ")", e);
    } catch (OutOfMemoryError e) {
      throw new OnnxException(source + ": file too large to read", e);
    }
    return read(bytes, source, frozenInputs);
  }

  /**
   * Reads a model from its serialized bytes; {@code source} names it in error messages.
   *
   * @throws OnnxException as {@link #read(Path)}
   */
  public static ImportedModel read(byte[] bytes, String source) {
    return read(bytes, source, Map.of());
  }

  /**
   * Reads a model from its serialized bytes with frozen inputs (see {@link #read(Path, Map)}).
   *
   * @throws OnnxException as {@link #read(Path, Map)}
   */
  public static ImportedModel read(
      byte[] bytes, String source, Map<String, InitializerData> frozenInputs) {
    try {
      return parseAndImport(bytes, source, frozenInputs);
    } catch (OnnxException e) {
      String printable = OnnxTensors.printable(e.getMessage());
      throw printable.equals(e.getMessage()) ? e : new OnnxException(printable, e);
    }
  }

  private static ImportedModel parseAndImport(
      byte[] bytes, String source, Map<String, InitializerData> frozenInputs) {
    if (bytes.length == 0) {
      throw new OnnxException(source + ": empty file (not an ONNX model)");
    }
    OnnxWire.Model model;
    try {
      model = OnnxWire.Model.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new OnnxException(
          source + ": not a valid ONNX model (" + OnnxTensors.oneLine(e) + ")", e);
    }
    Session s = new Session(source, model, frozenInputs);
    try {
      return s.run();
    } catch (OnnxException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new OnnxException(s.context() + OnnxTensors.oneLine(e), e);
    } catch (RuntimeException e) {
      throw new OnnxException(s.context() + "cannot import (" + OnnxTensors.oneLine(e) + ")", e);
    }
  }

  /** Failure inside one node; the session adds the file and node to the message. */
  private static final class NodeError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NodeError(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Where an ONNX value's elements come from: a declared IR value, or an initializer or constant
   * still waiting to be declared.
   */
  private static final class Base {
    final String onnxName;
    ValueId id;
    TensorType irType;
    InitializerData data;
    ValueKind kind;
    boolean literal;
    boolean init;
    boolean marked;
    boolean used;

    Base(String onnxName) {
      this.onnxName = onnxName;
    }
  }

  /**
   * An ONNX value: a view with its own dimensions of a {@link Base}.
   *
   * @param name the ONNX value name
   * @param base where the elements are
   * @param dims the dimensions ONNX sees
   * @param dtype the element type
   */
  private record Ref(String name, Base base, List<Integer> dims, DType dtype) {}

  /** State of one import. */
  private static final class Session {
    final String source;
    final OnnxWire.Model model;
    GraphBuilder b;
    int opset;
    final Map<String, Ref> refs = new HashMap<>();
    final Map<String, ValueId> materialized = new HashMap<>();
    final Map<String, Integer> uses = new HashMap<>();
    final Map<String, OnnxWire.Node> producers = new HashMap<>();
    final Set<OnnxWire.Node> fused =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    final List<Base> pending = new ArrayList<>();
    final Map<ValueId, InitializerData> data = new LinkedHashMap<>();
    final Set<String> nodeNames = new HashSet<>();
    OnnxWire.Node node;
    int nodeIndex = -1;

    /** The current node is a 1-D convolution or pooling lifted to 2-D. */
    boolean lift1d;

    final Map<String, InitializerData> frozen;

    Session(String source, OnnxWire.Model model, Map<String, InitializerData> frozen) {
      this.source = source;
      this.model = model;
      this.frozen = frozen;
    }

    String context() {
      if (node == null) {
        return source + ": ";
      }
      return source + ": node " + display(node, nodeIndex) + " (op " + node.getOpType() + "): ";
    }

    static String display(OnnxWire.Node n, int index) {
      if (!n.getName().isEmpty()) {
        return "'" + n.getName() + "'";
      }
      return "#" + index + (n.getOutputCount() > 0 ? " ('" + n.getOutput(0) + "')" : "");
    }

    RuntimeException fail(String message) {
      return new NodeError(message);
    }

    ImportedModel run() {
      if (!model.hasGraph()) {
        throw new OnnxException(source + ": not an ONNX model (no graph)");
      }
      opset = -1;
      for (OnnxWire.OpsetId o : model.getOpsetImportList()) {
        if (o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx")) {
          opset = (int) o.getVersion();
        }
      }
      if (opset < 1) {
        throw new OnnxException(source + ": no opset_import for the default ONNX domain");
      }
      OnnxWire.Graph g = model.getGraph();
      b = new GraphBuilder(uniqueName(g.getName().isEmpty() ? "onnx" : g.getName(), false));
      try {
        for (OnnxWire.Node n : g.getNodeList()) {
          for (String in : n.getInputList()) {
            uses.merge(in, 1, Integer::sum);
          }
          for (String out : n.getOutputList()) {
            producers.put(out, n);
          }
        }
        for (OnnxWire.ValueInfo o : g.getOutputList()) {
          uses.merge(o.getName(), 1, Integer::sum);
        }
        declareInitializersAndInputs(g);
        findFusions(g);
      } catch (NodeError e) {
        throw new OnnxException(source + ": " + e.getMessage(), e);
      }
      for (int i = 0; i < g.getNodeCount(); i++) {
        node = g.getNode(i);
        nodeIndex = i;
        if (fused.contains(node)) {
          continue;
        }
        try {
          importNode(node);
        } catch (NodeError e) {
          throw new OnnxException(context() + e.getMessage(), e);
        }
      }
      node = null;
      if (g.getOutputCount() == 0) {
        throw new OnnxException(source + ": the graph declares no outputs");
      }
      try {
        for (OnnxWire.ValueInfo o : g.getOutputList()) {
          Ref r = refs.get(o.getName());
          if (r == null) {
            throw fail("graph output '" + o.getName() + "' is not computed by any node");
          }
          b.output(operand(r));
        }
        for (Base p : pending) {
          if (!p.used && p.id == null) {
            declare(p, p.kind);
          }
        }
      } catch (NodeError e) {
        throw new OnnxException(source + ": " + e.getMessage(), e);
      }
      Graph graph = b.build();
      return new ImportedModel(graph, data, opset, model.getProducerName());
    }

    // ---------------------------------------------------------------- graph inputs, initializers

    void declareInitializersAndInputs(OnnxWire.Graph g) {
      Set<String> inits = new HashSet<>();
      for (OnnxWire.Tensor t : g.getInitializerList()) {
        String where = "initializer '" + t.getName() + "'";
        if (t.getName().isEmpty()) {
          throw fail("an initializer has no name");
        }
        InitializerData d;
        try {
          d = OnnxTensors.decode(t, where);
        } catch (OnnxException e) {
          throw fail(e.getMessage());
        }
        Base base = new Base(t.getName());
        base.init = true;
        base.data = d;
        base.kind = ValueKind.PARAMETER;
        applyMarker(base, t.getDocString());
        pending.add(base);
        inits.add(t.getName());
        refs.put(t.getName(), new Ref(t.getName(), base, d.dims(), d.dtype()));
      }
      Set<String> inputNames = new HashSet<>();
      for (OnnxWire.ValueInfo v : g.getInputList()) {
        inputNames.add(v.getName());
        if (inits.contains(v.getName())) {
          continue;
        }
        InitializerData frozenData = frozen.get(v.getName());
        if (frozenData != null) {
          Base base = new Base(v.getName());
          base.init = true;
          base.data = frozenData;
          base.kind = ValueKind.PARAMETER;
          pending.add(base);
          refs.put(v.getName(), new Ref(v.getName(), base, frozenData.dims(), frozenData.dtype()));
          continue;
        }
        TensorType type = type(v, "graph input");
        Base base = new Base(v.getName());
        if (applyMarker(base, v.getDocString())) {
          base.init = true;
          base.irType = type;
          pending.add(base);
        } else {
          base.id = b.input(uniqueName(v.getName(), false), type);
          base.irType = type;
        }
        refs.put(v.getName(), new Ref(v.getName(), base, type.shape().dims(), type.dtype()));
      }
      checkFrozen(inputNames);
    }

    void checkFrozen(Set<String> inputNames) {
      for (String name : frozen.keySet()) {
        if (!inputNames.contains(name)) {
          throw fail("cannot freeze '" + name + "': not a graph input");
        }
      }
    }

    boolean applyMarker(Base base, String doc) {
      switch (doc) {
        case MARK_PARAMETER -> base.kind = ValueKind.PARAMETER;
        case MARK_BUFFER -> base.kind = ValueKind.BUFFER;
        case MARK_LITERAL -> {
          base.kind = ValueKind.BUFFER;
          base.literal = true;
        }
        default -> {
          return false;
        }
      }
      base.marked = true;
      return true;
    }

    TensorType type(OnnxWire.ValueInfo v, String what) {
      String where = what + " '" + v.getName() + "'";
      if (!v.hasType() || !v.getType().hasTensorType()) {
        throw fail(where + ": type must be a tensor type");
      }
      OnnxWire.TypeInfo.TensorInfo t = v.getType().getTensorType();
      DType dtype;
      try {
        dtype = OnnxTensors.dtype(t.getElemType(), where);
      } catch (OnnxException e) {
        throw fail(e.getMessage());
      }
      if (!t.hasShape()) {
        throw fail(where + ": shape is unknown; Silica needs static shapes");
      }
      int[] dims = new int[t.getShape().getDimCount()];
      for (int i = 0; i < dims.length; i++) {
        OnnxWire.Dims.Dim d = t.getShape().getDim(i);
        if (!d.hasDimValue()) {
          throw fail(
              where
                  + ": dimension "
                  + i
                  + " is symbolic"
                  + (d.hasDimParam() ? " ('" + d.getDimParam() + "')" : "")
                  + "; Silica needs static shapes");
        }
        if (d.getDimValue() < 1 || d.getDimValue() > Integer.MAX_VALUE) {
          throw fail(where + ": dimension " + i + " must be >= 1, got " + d.getDimValue());
        }
        dims[i] = (int) d.getDimValue();
      }
      return new TensorType(dtype, Shape.of(dims));
    }

    /** GRU biases written as Concat(bx, bh): the Concat is folded into the GRU. */
    void findFusions(OnnxWire.Graph g) {
      for (OnnxWire.Node n : g.getNodeList()) {
        if (n.getOpType().equals("GRU") && n.getInputCount() > 3 && !n.getInput(3).isEmpty()) {
          OnnxWire.Node c = producers.get(n.getInput(3));
          if (c != null
              && c.getOpType().equals("Concat")
              && c.getInputCount() == 2
              && c.getOutputCount() == 1
              && uses.getOrDefault(c.getOutput(0), 0) == 1) {
            fused.add(c);
          }
        }
      }
    }

    // ---------------------------------------------------------------- values

    String uniqueName(String raw, boolean node) {
      StringBuilder sb = new StringBuilder();
      for (char ch : raw.toCharArray()) {
        boolean ok =
            ch < 128
                && (Character.isLetterOrDigit(ch)
                    || ch == '_'
                    || ch == '.'
                    || ch == '/'
                    || ch == ':'
                    || ch == '-');
        sb.append(ok ? ch : '_');
      }
      if (sb.isEmpty() || sb.charAt(0) == '.' || sb.charAt(0) == '-') {
        sb.insert(0, '_');
      }
      String name = sb.toString();
      if (b == null) {
        return name;
      }
      String candidate = name;
      for (int k = 1; taken(candidate, node); k++) {
        candidate = name + "_" + k;
      }
      return candidate;
    }

    private boolean taken(String name, boolean node) {
      if (b.has(name) || (node && nodeNames.contains(name))) {
        return true;
      }
      if (node && this.node != null) {
        for (int k = 1; k < this.node.getOutputCount(); k++) {
          if (b.has(name + "." + k)) {
            return true;
          }
        }
      }
      return false;
    }

    Ref in(int i) {
      if (i >= node.getInputCount() || node.getInput(i).isEmpty()) {
        throw fail("input " + i + " is missing");
      }
      String name = node.getInput(i);
      Ref r = refs.get(name);
      if (r == null) {
        throw fail(
            "input '" + name + "' is not a graph input, initializer or output of an earlier node");
      }
      return r;
    }

    boolean has(int i) {
      return i < node.getInputCount() && !node.getInput(i).isEmpty();
    }

    /** True when output {@code k} exists and something reads it. */
    boolean outputUsed(int k) {
      return k < node.getOutputCount()
          && !node.getOutput(k).isEmpty()
          && uses.getOrDefault(node.getOutput(k), 0) > 0;
    }

    ValueId declare(Base base, ValueKind kind) {
      if (base.id != null) {
        return base.id;
      }
      base.used = true;
      if (base.irType == null) {
        for (int d : base.data.dims()) {
          if (d == 0) {
            throw fail(
                "initializer '"
                    + base.onnxName
                    + "' is empty "
                    + base.data.dims()
                    + "; the IR has no empty tensors");
          }
        }
        base.irType = base.data.type();
      }
      ValueKind k = base.marked ? base.kind : kind;
      String name = uniqueName(base.onnxName, false);
      if (base.literal && base.data != null && base.data.size() <= Value.MAX_LITERAL) {
        float[] lit = new float[base.data.size()];
        for (int i = 0; i < lit.length; i++) {
          lit[i] = (float) base.data.get(i);
        }
        base.id = b.constant(name, base.irType, lit);
        return base.id;
      }
      base.id =
          k == ValueKind.BUFFER ? b.buffer(name, base.irType) : b.parameter(name, base.irType);
      if (base.data != null) {
        data.put(base.id, base.data);
      }
      return base.id;
    }

    ValueId operand(Ref r) {
      return operand(r, ValueKind.PARAMETER);
    }

    /** The IR value of {@code r} with exactly the dimensions ONNX sees. */
    ValueId operand(Ref r, ValueKind kind) {
      ValueId id = declare(r.base(), kind);
      if (r.base().irType.shape().dims().equals(r.dims())) {
        return id;
      }
      ValueId m = materialized.get(r.name());
      if (m == null) {
        m = reshape(r.name(), id, r.dims());
        materialized.put(r.name(), m);
      }
      return m;
    }

    /** The IR value of {@code r} with dimensions {@code want} (same element count). */
    ValueId operandAs(Ref r, List<Integer> want, String what) {
      Base base = r.base();
      List<Integer> natural = base.irType != null ? base.irType.shape().dims() : base.data.dims();
      if (natural.equals(want)) {
        return declare(base, ValueKind.PARAMETER);
      }
      if (r.dims().equals(want)) {
        return operand(r);
      }
      if (InitializerData.count(r.dims()) != InitializerData.count(want)) {
        throw fail(what + " must be " + want + ", got " + r.dims());
      }
      return reshape(r.name() + "/as", operand(r), want);
    }

    ValueId reshape(String name, ValueId x, List<Integer> dims) {
      String n = uniqueName(name, true);
      nodeNames.add(n);
      return b.apply(n, new Reshape(dims), x);
    }

    /** How a non-constant value came to be, for messages: graph input or computed value. */
    String origin(Ref r) {
      return (producers.containsKey(r.name()) ? "computed value '" : "graph input '")
          + r.name()
          + "'";
    }

    InitializerData constant(Ref r, String what) {
      Base base = r.base();
      if (!base.init || base.data == null) {
        throw fail(what + " must be a constant (initializer or Constant node), got " + origin(r));
      }
      base.used = true;
      return base.data.reshaped(r.dims());
    }

    void alias(int outIndex, Ref r) {
      if (outIndex < node.getOutputCount() && !node.getOutput(outIndex).isEmpty()) {
        String name = node.getOutput(outIndex);
        refs.put(name, new Ref(name, r.base(), r.dims(), r.dtype()));
      }
    }

    void view(int outIndex, Ref r, List<Integer> dims) {
      if (InitializerData.count(dims) != InitializerData.count(r.dims())) {
        throw fail("cannot view " + r.dims() + " as " + dims);
      }
      String name = node.getOutput(outIndex);
      if (!name.isEmpty()) {
        refs.put(name, new Ref(name, r.base(), List.copyOf(dims), r.dtype()));
      }
    }

    /** Adds the IR node and binds the ONNX outputs; {@code views} overrides output dimensions. */
    List<ValueId> emit(Op op, List<ValueId> inputs, List<List<Integer>> views) {
      String raw = node.getName().isEmpty() ? firstOutput() : node.getName();
      String name = uniqueName(raw, true);
      nodeNames.add(name);
      List<ValueId> outs = b.node(name, op, inputs);
      for (int k = 0; k < node.getOutputCount(); k++) {
        String o = node.getOutput(k);
        if (o.isEmpty()) {
          continue;
        }
        if (k >= outs.size()) {
          if (uses.getOrDefault(o, 0) > 0) {
            throw fail("output " + k + " ('" + o + "') is not supported");
          }
          continue;
        }
        Base base = new Base(o);
        base.id = outs.get(k);
        base.irType = b.type(base.id);
        List<Integer> dims =
            views != null && k < views.size() && views.get(k) != null
                ? views.get(k)
                : base.irType.shape().dims();
        if (lift1d && dims.size() == 4) {
          dims = new ArrayList<>(dims);
          dims.remove(2);
        }
        refs.put(o, new Ref(o, base, dims, base.irType.dtype()));
      }
      return outs;
    }

    List<ValueId> emit(Op op, ValueId... inputs) {
      return emit(op, Arrays.asList(inputs), null);
    }

    /** Name for an unnamed node: its first output, or its op type when that output is unused. */
    String firstOutput() {
      if (node.getOutputCount() > 0 && !node.getOutput(0).isEmpty()) {
        return node.getOutput(0);
      }
      return node.getOpType().isEmpty() ? "node" : node.getOpType();
    }

    /** A zero-filled buffer made by the importer (an absent optional operand). */
    ValueId zeros(String name, TensorType type) {
      String n = uniqueName(name, false);
      if (type.size() <= Value.MAX_LITERAL) {
        return b.constant(n, type, new float[(int) type.size()]);
      }
      ValueId id = b.buffer(n, type);
      data.put(id, InitializerData.zeros(type));
      return id;
    }

    /** A new parameter made by the importer from converted elements. */
    ValueId newParameter(String name, InitializerData d) {
      ValueId id = b.parameter(uniqueName(name, false), d.type());
      data.put(id, d);
      return id;
    }

    // ---------------------------------------------------------------- ops

    void importNode(OnnxWire.Node n) {
      String domain = n.getDomain();
      if (!domain.isEmpty() && !domain.equals("ai.onnx")) {
        throw fail("unsupported op in domain '" + domain + "' (supported: default ONNX domain)");
      }
      if (!SUPPORTED.contains(n.getOpType())) {
        throw fail("unsupported op (supported: " + String.join(", ", SUPPORTED) + ")");
      }
      if (n.getOutputList().stream().allMatch(String::isEmpty)) {
        throw fail("the node has no outputs");
      }
      Attrs a = new Attrs(n);
      lift1d = false;
      switch (n.getOpType()) {
        case "Conv" -> conv(a);
        case "ConvTranspose" -> convTranspose(a);
        case "Gemm" -> {
          a.only("alpha", "beta", "transA", "transB", "broadcast");
          List<ValueId> ops = new ArrayList<>(List.of(operand(in(0)), operand(in(1))));
          if (has(2)) {
            ops.add(operand(in(2)));
          }
          emit(
              new Gemm(
                  a.i("transA", 0) != 0, a.i("transB", 0) != 0, a.f("alpha", 1f), a.f("beta", 1f)),
              ops,
              null);
        }
        case "MatMul" -> {
          a.only();
          emit(new MatMul(), operand(in(0)), operand(in(1)));
        }
        case "MaxPool" -> maxPool(a);
        case "AveragePool" -> {
          a.only(
              "kernel_shape",
              "strides",
              "pads",
              "auto_pad",
              "ceil_mode",
              "count_include_pad",
              "dilations");
          Ref x = spatial(in(0));
          ones(a, "dilations");
          int[] k = a.pair("kernel_shape", -1);
          int[] s = a.pair("strides", 1);
          emit(
              new AvgPool(
                  k[0],
                  k[1],
                  s[0],
                  s[1],
                  padding(a),
                  a.i("ceil_mode", 0) != 0,
                  a.i("count_include_pad", 0) != 0),
              operand(x));
        }
        case "GlobalAveragePool" -> {
          a.only();
          Ref x = spatial(in(0));
          emit(new GlobalAvgPool(), operand(x));
        }
        case "Relu" -> unary(a, new Relu());
        case "Sigmoid" -> unary(a, new Sigmoid());
        case "Tanh" -> unary(a, new Tanh());
        case "LeakyRelu" -> {
          a.only("alpha");
          emit(new LeakyRelu(a.f("alpha", 0.01f)), operand(in(0)));
        }
        case "Gelu" -> {
          a.only("approximate");
          String approx = a.s("approximate", "none");
          if (!approx.equals("none") && !approx.equals("tanh")) {
            throw fail("approximate must be 'none' or 'tanh', got '" + approx + "'");
          }
          emit(new Gelu(approx.equals("tanh")), operand(in(0)));
        }
        case "Add" -> binary(a, new dev.silica.workloads.ir.Add());
        case "Mul" -> binary(a, new Mul());
        case "Concat" -> {
          a.only("axis");
          if (opset >= 4 && !a.has("axis")) {
            throw fail("attribute 'axis' is required");
          }
          List<ValueId> ops = new ArrayList<>();
          for (int i = 0; i < n.getInputCount(); i++) {
            ops.add(operand(in(i)));
          }
          emit(new Concat((int) a.i("axis", 1)), ops, null);
        }
        case "BatchNormalization" -> batchNorm(a);
        case "LRN" -> {
          a.only("size", "alpha", "beta", "bias");
          if (!a.has("size")) {
            throw fail("attribute 'size' is required");
          }
          emit(
              new Lrn(
                  (int) a.i("size", 0), a.f("alpha", 1e-4f), a.f("beta", 0.75f), a.f("bias", 1f)),
              operand(in(0)));
        }
        case "Softmax" -> softmax(a, Softmax::new);
        case "LayerNormalization" -> layerNorm(a);
        case "Flatten" -> {
          a.only("axis");
          emit(new Flatten((int) a.i("axis", 1)), operand(in(0)));
        }
        case "Reshape" -> reshapeOp(a);
        case "Transpose" -> {
          a.only("perm");
          Ref x = in(0);
          long[] perm = a.ints("perm");
          List<Integer> p = new ArrayList<>();
          if (perm == null) {
            for (int i = x.dims().size() - 1; i >= 0; i--) {
              p.add(i);
            }
          } else {
            for (long v : perm) {
              p.add((int) v);
            }
          }
          emit(new Transpose(p), operand(x));
        }
        case "Dropout" -> dropout(a);
        case "LSTM" -> recurrent(a, 4);
        case "GRU" -> recurrent(a, 3);
        case "RNN" -> recurrent(a, 1);
        case "MaxUnpool" -> maxUnpool(a);
        case "Upsample", "Resize" -> resize(a);
        case "Gather" -> {
          a.only("axis");
          if (a.i("axis", 0) != 0) {
            throw fail("only axis 0 (an embedding lookup) is supported, got " + a.i("axis", 0));
          }
          Ref table = in(0);
          Ref idx = in(1);
          if (table.dims().size() != 2) {
            throw fail("data must be a 2-D table (embedding lookup), got " + table.dims());
          }
          if (!idx.dtype().isIntegral()) {
            throw fail("indices must be integers, got " + idx.dtype().text());
          }
          emit(new Embedding(), operand(idx), operand(table));
        }
        case "OneHot" -> {
          a.only("axis");
          Ref idx = in(0);
          long axis = a.i("axis", -1);
          if (axis != -1 && axis != idx.dims().size()) {
            throw fail("only the new last axis (-1) is supported, got axis " + axis);
          }
          InitializerData depth = constant(in(1), "depth");
          InitializerData values = constant(in(2), "values");
          if (depth.size() != 1 || depth.get(0) < 1 || depth.get(0) > Integer.MAX_VALUE) {
            throw fail("depth must be one positive integer, got " + depth.size() + " elements");
          }
          if (values.dtype() != DType.F32
              || values.size() != 2
              || values.get(0) != 0
              || values.get(1) != 1) {
            throw fail("only f32 values [0, 1] are supported");
          }
          emit(new OneHot((int) depth.getLong(0)), operand(idx));
        }
        case "Identity" -> {
          a.only();
          alias(0, in(0));
        }
        case "Constant" -> constantNode(a);
        case "Squeeze", "Unsqueeze" -> squeeze(a, n.getOpType().equals("Unsqueeze"));
        case "Where" -> where(a);
        case "PRelu" -> {
          a.only();
          Ref x = in(0);
          Ref slope = in(1);
          List<Integer> xd = x.dims();
          if (opset < 7
              && slope.dims().size() == 1
              && xd.size() > 2
              && slope.dims().getFirst().equals(xd.get(1))) {
            // PRelu-6 and earlier apply a 1-D slope per channel (axis 1)
            List<Integer> want = new ArrayList<>(List.of(xd.get(1)));
            for (int i = 2; i < xd.size(); i++) {
              want.add(1);
            }
            emit(new PRelu(), operand(x), operandAs(slope, want, "slope"));
          } else {
            emit(new PRelu(), operand(x), operand(slope));
          }
        }
        case "LogSoftmax" -> softmax(a, LogSoftmax::new);
        case "Cast" -> {
          a.only("to", "saturate");
          if (!a.has("to")) {
            throw fail("attribute 'to' is required");
          }
          DType to;
          try {
            to = OnnxTensors.dtype((int) a.i("to", 0), "to");
          } catch (OnnxException e) {
            throw fail(e.getMessage());
          }
          emit(new Cast(to), operand(in(0)));
        }
        case "QuantizeLinear", "DequantizeLinear" -> {
          a.only("axis", "saturate");
          int axis = (int) a.i("axis", 1);
          List<ValueId> ops = new ArrayList<>(List.of(operand(in(0)), operand(in(1))));
          if (has(2)) {
            ops.add(operand(in(2)));
          }
          emit(
              n.getOpType().equals("QuantizeLinear")
                  ? new QuantizeLinear(axis)
                  : new DequantizeLinear(axis),
              ops,
              null);
        }
        case "MatMulInteger" -> {
          a.only();
          List<ValueId> ops = new ArrayList<>(List.of(operand(in(0)), operand(in(1))));
          zeroPoints(ops, 2, in(0), in(1));
          emit(new MatMulInteger(), ops, null);
        }
        case "QLinearMatMul" -> {
          a.only();
          List<ValueId> ops = new ArrayList<>();
          for (int i = 0; i < 8; i++) {
            ops.add(operand(in(i)));
          }
          emit(new QLinearMatMul(), ops, null);
        }
        case "ConvInteger" -> {
          a.only("kernel_shape", "strides", "pads", "dilations", "group", "auto_pad");
          Ref x = spatial(in(0));
          Ref w = lifted(in(1));
          kernel(a, w);
          List<ValueId> ops = new ArrayList<>(List.of(operand(x), operand(w)));
          zeroPoints(ops, 2, x, w);
          emit(new ConvInteger(convGeometry(a)), ops, null);
        }
        case "QLinearConv" -> {
          a.only("kernel_shape", "strides", "pads", "dilations", "group", "auto_pad");
          Ref x = spatial(in(0));
          Ref w = lifted(in(3));
          kernel(a, w);
          List<ValueId> ops = new ArrayList<>();
          for (int i = 0; i < 8; i++) {
            ops.add(operand(i == 0 ? x : i == 3 ? w : in(i)));
          }
          if (has(8)) {
            ops.add(operand(in(8)));
          }
          emit(new QLinearConv(convGeometry(a)), ops, null);
        }
        default -> throw new IllegalStateException("unmapped supported op " + n.getOpType());
      }
    }

    /**
     * Appends the two optional zero points at inputs {@code first} and {@code first + 1}: none when
     * both are absent, else both, an absent one as a zero scalar of its operand's type.
     */
    void zeroPoints(List<ValueId> ops, int first, Ref x, Ref w) {
      if (!has(first) && !has(first + 1)) {
        return;
      }
      String name = node.getName().isEmpty() ? firstOutput() : node.getName();
      ops.add(
          has(first)
              ? operand(in(first))
              : zeros(name + "/x_zero_point", new TensorType(x.dtype(), Shape.scalar())));
      ops.add(
          has(first + 1)
              ? operand(in(first + 1))
              : zeros(name + "/w_zero_point", new TensorType(w.dtype(), Shape.scalar())));
    }

    Conv2d convGeometry(Attrs a) {
      int[] s = a.pair("strides", 1);
      int[] d = a.pair("dilations", 1);
      return new Conv2d(s[0], s[1], padding(a), d[0], d[1], (int) a.i("group", 1));
    }

    void unary(Attrs a, Op op) {
      a.only();
      emit(op, operand(in(0)));
    }

    void binary(Attrs a, Op op) {
      a.only("broadcast", "axis");
      Ref x = in(0);
      Ref y = in(1);
      if (a.i("broadcast", 0) != 0 && a.has("axis")) {
        // opset < 7: B's dimensions align with A's from `axis` on; append unit dimensions so
        // that NumPy broadcasting (aligned at the end) gives the same result
        int ra = x.dims().size();
        int rb = y.dims().size();
        long axis = a.i("axis", 0);
        int norm = (int) (axis < 0 ? axis + ra : axis);
        int trailing = ra - norm - rb;
        if (norm < 0 || trailing < 0) {
          throw fail(
              "legacy broadcast axis " + axis + " does not fit " + x.dims() + " and " + y.dims());
        }
        List<Integer> dims = new ArrayList<>(y.dims());
        for (int i = 0; i < trailing; i++) {
          dims.add(1);
        }
        emit(op, operand(x), operandAs(y, dims, "B"));
        return;
      }
      emit(op, operand(x), operand(y));
    }

    void only2d(Ref x) {
      if (x.dims().size() != 4) {
        throw fail(
            "only 2-D (N,C,H,W) inputs are supported, got rank "
                + x.dims().size()
                + " "
                + x.dims());
      }
    }

    /**
     * The input of a convolution or pooling as {@code [N,C,H,W]}: 2-D inputs as they are, 1-D
     * inputs {@code [N,C,L]} lifted to {@code [N,C,1,L]} (attributes and results follow, see {@link
     * #lifted}).
     */
    Ref spatial(Ref x) {
      if (x.dims().size() == 3) {
        lift1d = true;
        return lifted(x);
      }
      if (x.dims().size() != 4) {
        throw fail(
            "only 1-D and 2-D (N,C,L or N,C,H,W) inputs are supported, got rank "
                + x.dims().size()
                + " "
                + x.dims());
      }
      return x;
    }

    /**
     * A 1-D operand {@code [A,B,L]} seen as {@code [A,B,1,L]}; a not yet declared initializer is
     * declared in the lifted shape directly, other values get a Reshape on first use.
     */
    Ref lifted(Ref r) {
      if (!lift1d || r.dims().size() != 3) {
        return r;
      }
      List<Integer> dims = new ArrayList<>(r.dims());
      dims.add(2, 1);
      Base base = r.base();
      if (base.init && base.id == null && base.data != null && r.dims().equals(base.data.dims())) {
        base.data = base.data.reshaped(dims);
        return new Ref(r.name(), base, dims, r.dtype());
      }
      return new Ref(r.name() + "/2d", base, dims, r.dtype());
    }

    void ones(Attrs a, String name) {
      long[] v = a.ints(name);
      if (v != null) {
        for (long e : v) {
          if (e != 1) {
            throw fail("'" + name + "' other than 1 is not supported, got " + Arrays.toString(v));
          }
        }
      }
    }

    Padding padding(Attrs a) {
      String auto = a.s("auto_pad", "NOTSET");
      return switch (auto) {
        case "NOTSET", "" -> {
          long[] p = a.ints("pads");
          if (p == null) {
            yield Padding.NONE;
          }
          if (p.length != 4) {
            throw fail("'pads' must have 4 values for 2-D, got " + Arrays.toString(p));
          }
          yield Padding.of((int) p[0], (int) p[1], (int) p[2], (int) p[3]);
        }
        case "SAME_UPPER" -> Padding.SAME;
        case "SAME_LOWER" -> new Padding(Padding.Mode.SAME_LOWER, 0, 0, 0, 0);
        case "VALID" -> new Padding(Padding.Mode.VALID, 0, 0, 0, 0);
        default -> throw fail("unknown auto_pad '" + auto + "'");
      };
    }

    int[] kernel(Attrs a, Ref w) {
      if (w.dims().size() != 4) {
        throw fail("weight must be 4-D for a 2-D convolution, got " + w.dims());
      }
      int[] k = {w.dims().get(2), w.dims().get(3)};
      long[] ks = a.ints("kernel_shape");
      if (ks != null && (ks.length != 2 || ks[0] != k[0] || ks[1] != k[1])) {
        throw fail(
            "kernel_shape " + Arrays.toString(ks) + " differs from the weight's " + w.dims());
      }
      return k;
    }

    void conv(Attrs a) {
      a.only("kernel_shape", "strides", "pads", "dilations", "group", "auto_pad");
      Ref x = spatial(in(0));
      Ref w = lifted(in(1));
      kernel(a, w);
      int[] s = a.pair("strides", 1);
      int[] d = a.pair("dilations", 1);
      List<ValueId> ops = new ArrayList<>(List.of(operand(x), operand(w)));
      if (has(2)) {
        ops.add(operand(in(2)));
      }
      emit(new Conv2d(s[0], s[1], padding(a), d[0], d[1], (int) a.i("group", 1)), ops, null);
    }

    void convTranspose(Attrs a) {
      a.only(
          "kernel_shape",
          "strides",
          "pads",
          "dilations",
          "group",
          "auto_pad",
          "output_padding",
          "output_shape");
      Ref x = spatial(in(0));
      Ref w = lifted(in(1));
      int[] k = kernel(a, w);
      int[] s = a.pair("strides", 1);
      int[] d = a.pair("dilations", 1);
      int[] op = a.pair("output_padding", 0);
      String auto = a.s("auto_pad", "NOTSET");
      long[] outShape = a.ints("output_shape");
      Padding p;
      if (outShape != null || auto.equals("SAME_UPPER") || auto.equals("SAME_LOWER")) {
        int[] pads = new int[4];
        for (int i = 0; i < 2; i++) {
          int inSize = x.dims().get(2 + i);
          long out;
          if (outShape != null) {
            if (outShape.length != 2 && outShape.length != 4) {
              throw fail("output_shape must have 2 values, got " + Arrays.toString(outShape));
            }
            out = outShape[outShape.length - 2 + i];
          } else {
            out = (long) inSize * s[i];
          }
          long total = (long) s[i] * (inSize - 1) + op[i] + (long) (k[i] - 1) * d[i] + 1 - out;
          if (total < 0) {
            // a larger output_shape than the strided size extends the end, as output_padding does
            // (ONNX's test_convtranspose_output_shape: the extra row and column hold only bias)
            op[i] += (int) -total;
            total = 0;
          }
          int begin = (int) (auto.equals("SAME_UPPER") ? total / 2 : total - total / 2);
          pads[i] = begin;
          pads[2 + i] = (int) total - begin;
        }
        p = Padding.of(pads[0], pads[1], pads[2], pads[3]);
      } else if (auto.equals("VALID")) {
        p = Padding.NONE;
      } else {
        p = padding(a);
      }
      List<ValueId> ops = new ArrayList<>(List.of(operand(x), operand(w)));
      if (has(2)) {
        ops.add(operand(in(2)));
      }
      emit(
          new ConvTranspose2d(s[0], s[1], p, op[0], op[1], d[0], d[1], (int) a.i("group", 1)),
          ops,
          null);
    }

    void maxPool(Attrs a) {
      a.only(
          "kernel_shape", "strides", "pads", "auto_pad", "ceil_mode", "dilations", "storage_order");
      Ref x = spatial(in(0));
      ones(a, "dilations");
      boolean indices = node.getOutputCount() > 1 && !node.getOutput(1).isEmpty();
      if (indices && a.i("storage_order", 0) != 0) {
        throw fail("storage_order 1 (column-major indices) is not supported");
      }
      int[] k = a.pair("kernel_shape", -1);
      int[] s = a.pair("strides", 1);
      emit(
          new MaxPool(k[0], k[1], s[0], s[1], padding(a), a.i("ceil_mode", 0) != 0, indices),
          operand(x));
    }

    void maxUnpool(Attrs a) {
      a.only("kernel_shape", "strides", "pads");
      only2d(in(0));
      int[] k = a.pair("kernel_shape", -1);
      int[] s = a.pair("strides", 1);
      int oh = 0;
      int ow = 0;
      if (has(2)) {
        InitializerData shape = constant(in(2), "output_shape");
        List<Integer> xd = in(0).dims();
        if (shape.size() != 4
            || shape.getLong(0) != xd.get(0)
            || shape.getLong(1) != xd.get(1)
            || shape.getLong(2) < 1
            || shape.getLong(3) < 1
            || shape.getLong(2) > Integer.MAX_VALUE
            || shape.getLong(3) > Integer.MAX_VALUE) {
          throw fail(
              "output_shape must be [N,C,H,W] with the input's N and C, got "
                  + Arrays.toString(longs(shape)));
        }
        oh = (int) shape.getLong(2);
        ow = (int) shape.getLong(3);
      }
      emit(
          new MaxUnpool(k[0], k[1], s[0], s[1], padding(a), oh, ow),
          operand(in(0)),
          operand(in(1)));
    }

    void batchNorm(Attrs a) {
      a.only("epsilon", "momentum", "spatial", "training_mode", "is_test", "consumed_inputs");
      if (a.i("spatial", 1) != 1) {
        throw fail("spatial = 0 (per-element statistics) is not supported");
      }
      if (a.i("training_mode", 0) != 0) {
        throw fail("training_mode = 1 is not supported (inference form only)");
      }
      for (int k = 1; k < 5; k++) {
        if (outputUsed(k)) {
          throw fail("training outputs (running statistics) are not supported");
        }
      }
      emit(
          new BatchNorm(a.f("epsilon", 1e-5f)),
          List.of(
              operand(in(0)),
              operand(in(1)),
              operand(in(2)),
              operand(in(3), ValueKind.BUFFER),
              operand(in(4), ValueKind.BUFFER)),
          List.of());
    }

    void softmax(Attrs a, java.util.function.IntFunction<Op> make) {
      a.only("axis");
      Ref x = in(0);
      int rank = x.dims().size();
      if (opset >= 13) {
        emit(make.apply((int) a.i("axis", -1)), operand(x));
        return;
      }
      int axis = (int) a.i("axis", 1);
      int norm = axis < 0 ? axis + rank : axis;
      if (norm < 0 || norm >= rank) {
        throw fail("axis " + axis + " out of range for rank " + rank);
      }
      if (norm == rank - 1) {
        emit(make.apply(axis), operand(x));
        return;
      }
      // opset < 13 normalizes the 2-D coercion [prod(d < axis), prod(d >= axis)] along its columns
      long rows = InitializerData.count(x.dims().subList(0, norm));
      long cols = InitializerData.count(x.dims()) / rows;
      String name = node.getName().isEmpty() ? firstOutput() : node.getName();
      ValueId flat = reshape(name + "/coerce2d", operand(x), List.of((int) rows, (int) cols));
      String sm = uniqueName(name + "/softmax", true);
      nodeNames.add(sm);
      ValueId y = b.apply(sm, make.apply(1), flat);
      Base base = new Base(node.getOutput(0));
      base.id = reshape(name, y, x.dims());
      base.irType = b.type(base.id);
      if (!node.getOutput(0).isEmpty()) {
        refs.put(node.getOutput(0), new Ref(node.getOutput(0), base, x.dims(), x.dtype()));
      }
    }

    void layerNorm(Attrs a) {
      a.only("axis", "epsilon", "stash_type");
      if (outputUsed(1) || outputUsed(2)) {
        throw fail("the Mean and InvStdDev outputs are not supported");
      }
      Ref x = in(0);
      int axis = (int) a.i("axis", -1);
      int rank = x.dims().size();
      int norm = axis < 0 ? axis + rank : axis;
      if (norm < 0 || norm >= rank) {
        throw fail("axis " + axis + " out of range for rank " + rank);
      }
      List<Integer> nd = x.dims().subList(norm, rank);
      ValueId scale = operandAs(in(1), nd, "Scale");
      ValueId bias =
          has(2)
              ? operandAs(in(2), nd, "B")
              : zeros(firstOutput() + "/zero_bias", new TensorType(x.dtype(), new Shape(nd)));
      emit(new LayerNorm(axis, a.f("epsilon", 1e-5f)), List.of(operand(x), scale, bias), null);
    }

    void reshapeOp(Attrs a) {
      a.only("allowzero", "shape", "consumed_inputs");
      long[] shape;
      if (has(1)) {
        InitializerData d = constant(in(1), "shape");
        shape = new long[d.size()];
        for (int i = 0; i < shape.length; i++) {
          shape[i] = d.getLong(i);
        }
      } else {
        shape = a.ints("shape");
        if (shape == null) {
          throw fail("the target shape is missing");
        }
      }
      List<Integer> dims = new ArrayList<>();
      for (long v : shape) {
        if (v == 0 && a.i("allowzero", 0) != 0) {
          throw fail("allowzero = 1 with a 0 dimension (an empty tensor) is not supported");
        }
        if (v < -1 || v > Integer.MAX_VALUE) {
          throw fail("shape entries must be >= -1, got " + Arrays.toString(shape));
        }
        dims.add((int) v);
      }
      emit(new Reshape(dims), operand(in(0)));
    }

    void dropout(Attrs a) {
      a.only("ratio", "is_test", "seed");
      if (outputUsed(1)) {
        throw fail("the mask output is not supported (inference form only)");
      }
      float ratio = a.f("ratio", 0.5f);
      if (has(1)) {
        ratio = (float) constant(in(1), "ratio").get(0);
      }
      if (has(2) && constant(in(2), "training_mode").get(0) != 0) {
        throw fail("training_mode = true is not supported (inference form only)");
      }
      emit(new Dropout(ratio), operand(in(0)));
    }

    void resize(Attrs a) {
      boolean upsample = node.getOpType().equals("Upsample");
      if (upsample) {
        a.only("mode", "scales", "height_scale", "width_scale");
      } else {
        a.only(
            "mode",
            "coordinate_transformation_mode",
            "nearest_mode",
            "cubic_coeff_a",
            "exclude_outside",
            "extrapolation_value",
            "antialias",
            "axes",
            "keep_aspect_ratio_policy");
      }
      String mode = a.s("mode", "nearest");
      if (!mode.equals("nearest")) {
        throw fail("mode '" + mode + "' is not supported (only nearest)");
      }
      // Resize-10 and Upsample select floor(x_out / scale): asymmetric + floor
      Resize.Coordinate ct = Resize.Coordinate.ASYMMETRIC;
      Resize.Nearest nm = Resize.Nearest.FLOOR;
      if (!upsample && opset >= 11) {
        String cts = a.s("coordinate_transformation_mode", "half_pixel");
        String nms = a.s("nearest_mode", "round_prefer_floor");
        ct = word(Resize.Coordinate.values(), cts, "coordinate_transformation_mode");
        nm = word(Resize.Nearest.values(), nms, "nearest_mode");
        if (a.i("antialias", 0) != 0) {
          throw fail("antialias is not supported");
        }
        if (!a.s("keep_aspect_ratio_policy", "stretch").equals("stretch")) {
          throw fail("keep_aspect_ratio_policy other than 'stretch' is not supported");
        }
      }
      Ref x = in(0);
      only2d(x);
      double[] scales = new double[4];
      boolean sizes = false;
      if (upsample && opset < 9) {
        float[] f = a.floats("scales");
        if (f == null) {
          throw fail("attribute 'scales' is required");
        }
        if (f.length != 4) {
          throw fail("scales must have 4 values, got " + Arrays.toString(f));
        }
        for (int i = 0; i < 4; i++) {
          scales[i] = f[i];
        }
      } else {
        int scalesIndex = upsample || opset < 11 ? 1 : 2;
        if (!upsample && opset >= 11 && has(1) && in(1).base().init) {
          constant(in(1), "roi"); // only tf_crop_and_resize reads it (not a nearest mode here)
        }
        InitializerData sc = has(scalesIndex) ? constant(in(scalesIndex), "scales") : null;
        InitializerData sz = !upsample && opset >= 11 && has(3) ? constant(in(3), "sizes") : null;
        long[] axes = a.ints("axes");
        if (sc != null && sc.size() > 0) {
          scales = expand(sc, axes, 1, x, false);
        } else if (sz != null && sz.size() > 0) {
          scales = expand(sz, axes, 1, x, true);
          sizes = true;
        } else {
          throw fail("neither scales nor sizes is given");
        }
      }
      if (scales[0] != 1 || scales[1] != 1) {
        throw fail("only the spatial dimensions may be scaled, got " + Arrays.toString(scales));
      }
      int h = x.dims().get(2);
      int w = x.dims().get(3);
      int oh = (int) Math.floor(h * (sizes ? scales[2] : (float) scales[2]) + (sizes ? 0.5 : 0));
      int ow = (int) Math.floor(w * (sizes ? scales[3] : (float) scales[3]) + (sizes ? 0.5 : 0));
      if (oh < 1 || ow < 1) {
        throw fail("the output must have at least one row and column, got [" + oh + "," + ow + "]");
      }
      int sh = (int) scales[2];
      int sw = (int) scales[3];
      boolean integral = sh == scales[2] && sw == scales[3] && sh >= 1 && sw >= 1;
      if (integral && ct == Resize.Coordinate.ASYMMETRIC && nm == Resize.Nearest.FLOOR) {
        emit(new Upsample(sh, sw), operand(x));
        return;
      }
      emit(
          new Resize(
              oh, ow, sizes ? 0f : (float) scales[2], sizes ? 0f : (float) scales[3], ct, nm),
          operand(x));
    }

    <E extends Enum<E>> E word(E[] values, String text, String attribute) {
      for (E e : values) {
        if (e.name().toLowerCase(Locale.ROOT).equals(text)) {
          return e;
        }
      }
      throw fail(
          attribute
              + " '"
              + text
              + "' is not supported (supported: "
              + String.join(
                  ", ", Arrays.stream(values).map(e -> e.name().toLowerCase(Locale.ROOT)).toList())
              + ")");
    }

    /** Per-dimension scales from a scales or sizes tensor, honouring {@code axes}. */
    double[] expand(InitializerData v, long[] axes, double fill, Ref x, boolean sizes) {
      int rank = x.dims().size();
      double[] out = new double[rank];
      Arrays.fill(out, fill);
      int count = axes == null ? rank : axes.length;
      if (v.size() != count) {
        throw fail(
            (sizes ? "sizes" : "scales") + " must have " + count + " values, got " + v.size());
      }
      for (int i = 0; i < count; i++) {
        int ax = axes == null ? i : (int) (axes[i] < 0 ? axes[i] + rank : axes[i]);
        if (ax < 0 || ax >= rank) {
          throw fail("axes out of range: " + Arrays.toString(axes));
        }
        out[ax] = sizes ? v.get(i) / x.dims().get(ax) : v.get(i);
      }
      return out;
    }

    void constantNode(Attrs a) {
      a.only("value", "value_float", "value_floats", "value_int", "value_ints");
      InitializerData d;
      if (a.has("value")) {
        try {
          d = OnnxTensors.decode(a.t("value"), "value");
        } catch (OnnxException e) {
          throw fail(e.getMessage());
        }
      } else if (a.has("value_float")) {
        d = InitializerData.ofFloats(List.of(), a.f("value_float", 0));
      } else if (a.has("value_floats")) {
        float[] f = a.floats("value_floats");
        d = InitializerData.ofFloats(List.of(f.length), f);
      } else if (a.has("value_int")) {
        d = InitializerData.ofLongs(List.of(), a.i("value_int", 0));
      } else if (a.has("value_ints")) {
        long[] v = a.ints("value_ints");
        d = InitializerData.ofLongs(List.of(v.length), v);
      } else {
        throw fail("no value attribute");
      }
      String out = node.getOutput(0);
      if (out.isEmpty()) {
        return;
      }
      Base base = new Base(out);
      base.init = true;
      base.data = d;
      base.kind = ValueKind.BUFFER;
      base.literal = d.dtype() == DType.F32 && d.size() <= Value.MAX_LITERAL;
      pending.add(base);
      refs.put(out, new Ref(out, base, d.dims(), d.dtype()));
    }

    void squeeze(Attrs a, boolean unsqueeze) {
      a.only("axes");
      Ref x = in(0);
      long[] axes = a.ints("axes");
      if (has(1)) {
        axes = longs(constant(in(1), "axes"));
      }
      List<Integer> dims = new ArrayList<>(x.dims());
      if (unsqueeze) {
        if (axes == null) {
          throw fail("axes are required");
        }
        int rank = dims.size() + axes.length;
        long[] sorted = new long[axes.length];
        for (int i = 0; i < axes.length; i++) {
          sorted[i] = axes[i] < 0 ? axes[i] + rank : axes[i];
        }
        Arrays.sort(sorted);
        for (long ax : sorted) {
          if (ax < 0 || ax > dims.size()) {
            throw fail("axes " + Arrays.toString(axes) + " out of range for rank " + rank);
          }
          dims.add((int) ax, 1);
        }
      } else {
        int rank = dims.size();
        Set<Integer> drop = new HashSet<>();
        if (axes == null) {
          for (int i = 0; i < rank; i++) {
            if (dims.get(i) == 1) {
              drop.add(i);
            }
          }
        } else {
          for (long ax : axes) {
            int n = (int) (ax < 0 ? ax + rank : ax);
            if (n < 0 || n >= rank || dims.get(n) != 1) {
              throw fail("cannot squeeze axis " + ax + " of " + x.dims());
            }
            drop.add(n);
          }
        }
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < rank; i++) {
          if (!drop.contains(i)) {
            kept.add(dims.get(i));
          }
        }
        dims = kept;
      }
      view(0, x, dims);
    }

    void where(Attrs a) {
      a.only();
      Ref cond = in(0);
      Ref x = in(1);
      Ref y = in(2);
      String pattern =
          "only the causal-mask pattern Where(lower-triangular bool constant [T,T], X[..,T,T],"
              + " scalar constant) is supported";
      if (!cond.base().init
          || cond.base().data == null
          || cond.dtype() != DType.BOOL
          || !y.base().init
          || y.base().data == null
          || InitializerData.count(y.dims()) != 1) {
        throw fail(pattern);
      }
      List<Integer> cd = cond.dims();
      int rank = x.dims().size();
      if (cd.size() != 2 || rank < 2 || !cd.get(0).equals(cd.get(1))) {
        throw fail(pattern);
      }
      int t = cd.get(0);
      if (x.dims().get(rank - 1) != t || x.dims().get(rank - 2) != t) {
        throw fail(pattern);
      }
      InitializerData mask = constant(cond, "condition");
      for (int i = 0; i < t; i++) {
        for (int j = 0; j < t; j++) {
          if ((mask.getLong(i * t + j) != 0) != (j <= i)) {
            throw fail(pattern + " (the condition is not lower-triangular)");
          }
        }
      }
      float fill = (float) constant(y, "fill").get(0);
      emit(new CausalMask(fill), operand(x));
    }

    // ---------------------------------------------------------------- recurrent layers

    void recurrent(Attrs a, int gates) {
      String op = node.getOpType();
      List<String> allowed =
          new ArrayList<>(
              List.of(
                  "hidden_size",
                  "direction",
                  "activations",
                  "activation_alpha",
                  "activation_beta",
                  "clip",
                  "layout"));
      if (gates == 4) {
        allowed.add("input_forget");
      }
      if (gates == 3) {
        allowed.add("linear_before_reset");
      }
      a.only(allowed.toArray(String[]::new));
      String dir = a.s("direction", "forward");
      if (!dir.equals("forward")) {
        throw fail(
            "direction '" + dir + "' is not supported (the IR's recurrent ops run forward only)");
      }
      for (String bad : List.of("clip", "activation_alpha", "activation_beta")) {
        if (a.has(bad)) {
          throw fail("attribute '" + bad + "' is not supported");
        }
      }
      if (a.i("layout", 0) != 0) {
        throw fail("layout = 1 (batch-major) is not supported");
      }
      if (a.i("input_forget", 0) != 0) {
        throw fail("input_forget = 1 (coupled gates) is not supported");
      }
      List<String> acts = a.strings("activations");
      Rnn.Activation rnnAct = Rnn.Activation.TANH;
      if (acts != null) {
        List<String> lower = acts.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        List<String> expected =
            switch (gates) {
              case 4 -> List.of("sigmoid", "tanh", "tanh");
              case 3 -> List.of("sigmoid", "tanh");
              default -> lower.equals(List.of("relu")) ? List.of("relu") : List.of("tanh");
            };
        if (!lower.equals(expected)) {
          throw fail(
              "activations "
                  + acts
                  + " are not supported (only the defaults"
                  + (gates == 1 ? ", or Relu" : "")
                  + ")");
        }
        if (gates == 1 && lower.equals(List.of("relu"))) {
          rnnAct = Rnn.Activation.RELU;
        }
      }
      if (has(4)) {
        throw fail("sequence_lens is not supported (all sequences have the full length)");
      }
      if (gates == 4 && has(7)) {
        throw fail("peepholes (input P) are not supported");
      }
      Ref x = in(0);
      if (x.dims().size() != 3) {
        throw fail("X must be [T,N,D], got " + x.dims());
      }
      int t = x.dims().get(0);
      int n = x.dims().get(1);
      int d = x.dims().get(2);
      Ref w = in(1);
      Ref r = in(2);
      if (w.dims().size() != 3 || w.dims().get(0) != 1 || w.dims().get(2) != d) {
        throw fail("W must be [1, " + gates + "·hidden, " + d + "], got " + w.dims());
      }
      int gh = w.dims().get(1);
      if (gh % gates != 0) {
        throw fail("W has " + gh + " rows, not a multiple of " + gates + " gates");
      }
      int h = (int) a.i("hidden_size", gh / gates);
      if (h * gates != gh) {
        throw fail("hidden_size " + h + " does not match W " + w.dims());
      }
      if (!r.dims().equals(List.of(1, gh, h))) {
        throw fail("R must be [1, " + gh + ", " + h + "], got " + r.dims());
      }
      int[] perm = gates == 4 ? new int[] {0, 2, 1, 3} : identity(gates);
      ValueId wx = weight(w, List.of(d, gh), e -> toIr(e, gates, h, d, perm), "W");
      ValueId wh = weight(r, List.of(h, gh), e -> toIr(e, gates, h, h, perm), "R");
      List<ValueId> ops = new ArrayList<>(List.of(operand(x), wx, wh));
      String name = node.getName().isEmpty() ? firstOutput() : node.getName();
      TensorType vec = new TensorType(x.dtype(), Shape.of(gh));
      if (gates == 3) {
        ops.addAll(gruBiases(name, gh, vec));
      } else if (has(3)) {
        Ref bias = in(3);
        if (!bias.dims().equals(List.of(1, 2 * gh))) {
          throw fail("B must be [1, " + 2 * gh + "], got " + bias.dims());
        }
        ops.add(weight(bias, List.of(gh), e -> sumBias(e, gates, h, perm), "B"));
      } else {
        ops.add(zeros(name + "/b", vec));
      }
      TensorType state = new TensorType(x.dtype(), Shape.of(n, h));
      int states = gates == 4 ? 2 : 1;
      boolean anyState = has(5) || (gates == 4 && has(6));
      if (anyState) {
        ops.add(has(5) ? operandAs(in(5), List.of(n, h), "initial_h") : zeros(name + "/h0", state));
        if (gates == 4 && has(6)) {
          ops.add(operandAs(in(6), List.of(n, h), "initial_c"));
        }
      }
      Op irOp =
          switch (gates) {
            case 4 -> new Lstm(h);
            case 3 -> new Gru(h, a.i("linear_before_reset", 0) != 0);
            default -> new Rnn(h, rnnAct);
          };
      List<List<Integer>> views = new ArrayList<>();
      views.add(List.of(t, 1, n, h));
      for (int k = 0; k < states; k++) {
        views.add(List.of(1, n, h));
      }
      emit(irOp, ops, views);
    }

    List<ValueId> gruBiases(String name, int gh, TensorType vec) {
      if (!has(3)) {
        return List.of(zeros(name + "/bx", vec), zeros(name + "/bh", vec));
      }
      OnnxWire.Node concat = producers.get(node.getInput(3));
      if (concat != null && fused.contains(concat)) {
        Ref bx = refs.get(concat.getInput(0));
        Ref bh = refs.get(concat.getInput(1));
        if (bx == null || bh == null) {
          throw fail("the bias Concat reads an undefined value");
        }
        return List.of(operandAs(bx, List.of(gh), "Wb"), operandAs(bh, List.of(gh), "Rb"));
      }
      Ref bias = in(3);
      if (!bias.dims().equals(List.of(1, 2 * gh))) {
        throw fail("B must be [1, " + 2 * gh + "], got " + bias.dims());
      }
      Base base = bias.base();
      if (!base.init || base.id != null) {
        throw fail(
            "B must be a constant (initializer) to split into the IR's bx and bh, got "
                + origin(bias));
      }
      base.used = true;
      if (base.data == null) {
        TensorType t = vec;
        return List.of(
            b.parameter(uniqueName(bias.name() + "/bx", false), t),
            b.parameter(uniqueName(bias.name() + "/bh", false), t));
      }
      InitializerData all = base.data;
      return List.of(
          newParameter(bias.name() + "/bx", slice(all, 0, gh)),
          newParameter(bias.name() + "/bh", slice(all, gh, gh)));
    }

    /**
     * A recurrent weight as an IR value of the same name: the ONNX elements converted by {@code
     * convert}, or, for a weight declared without data, the converted type only.
     */
    ValueId weight(
        Ref r, List<Integer> irDims, UnaryOperator<InitializerData> convert, String what) {
      Base base = r.base();
      if (!base.init) {
        throw fail(
            what
                + " must be a constant (initializer) to convert to the IR layout, got "
                + origin(r));
      }
      if (base.id != null || base.used) {
        throw fail(
            what + " '" + r.name() + "' is also read by another node; give each its own copy");
      }
      base.used = true;
      TensorType type = new TensorType(r.dtype(), new Shape(irDims));
      if (base.data != null) {
        base.data = convert.apply(base.data.reshaped(r.dims()));
      }
      base.irType = type;
      return declare(base, ValueKind.PARAMETER);
    }

    // ---------------------------------------------------------------- attributes

    final class Attrs {
      final Map<String, OnnxWire.Attribute> map = new LinkedHashMap<>();

      Attrs(OnnxWire.Node n) {
        for (OnnxWire.Attribute at : n.getAttributeList()) {
          if (map.put(at.getName(), at) != null) {
            throw fail("attribute '" + at.getName() + "' is given twice");
          }
        }
      }

      void only(String... names) {
        Set<String> ok = new LinkedHashSet<>(List.of(names));
        for (String k : map.keySet()) {
          if (!ok.contains(k)) {
            throw fail(
                "unsupported attribute '"
                    + k
                    + "'"
                    + (ok.isEmpty()
                        ? " (takes none)"
                        : " (supported: " + String.join(", ", ok) + ")"));
          }
        }
      }

      boolean has(String name) {
        return map.containsKey(name);
      }

      OnnxWire.Attribute get(String name, OnnxWire.Attribute.Kind kind) {
        OnnxWire.Attribute at = map.get(name);
        if (at != null
            && at.getType() != OnnxWire.Attribute.Kind.UNDEFINED
            && at.getType() != kind) {
          throw fail(
              "attribute '"
                  + name
                  + "' must be of type "
                  + kind.name().toLowerCase(Locale.ROOT)
                  + ", got "
                  + at.getType().name().toLowerCase(Locale.ROOT));
        }
        return at;
      }

      long i(String name, long def) {
        OnnxWire.Attribute at = get(name, OnnxWire.Attribute.Kind.INT);
        return at == null ? def : at.getI();
      }

      float f(String name, float def) {
        OnnxWire.Attribute at = get(name, OnnxWire.Attribute.Kind.FLOAT);
        return at == null ? def : at.getF();
      }

      String s(String name, String def) {
        OnnxWire.Attribute at = get(name, OnnxWire.Attribute.Kind.STRING);
        return at == null ? def : at.getS().toString(StandardCharsets.UTF_8);
      }

      long[] ints(String name) {
        OnnxWire.Attribute at = get(name, OnnxWire.Attribute.Kind.INTS);
        long[] v =
            at == null ? null : at.getIntsList().stream().mapToLong(Long::longValue).toArray();
        if (v == null || !lift1d) {
          return v;
        }
        // a lifted 1-D node: the added height axis has extent 1, stride 1 and no padding
        return switch (name) {
          case "pads" -> v.length == 2 ? new long[] {0, v[0], 0, v[1]} : v;
          case "output_padding" -> v.length == 1 ? new long[] {0, v[0]} : v;
          case "kernel_shape", "strides", "dilations", "output_shape" ->
              v.length == 1 ? new long[] {1, v[0]} : v;
          default -> v;
        };
      }

      float[] floats(String name) {
        OnnxWire.Attribute at = get(name, OnnxWire.Attribute.Kind.FLOATS);
        if (at == null) {
          return null;
        }
        float[] v = new float[at.getFloatsCount()];
        for (int i = 0; i < v.length; i++) {
          v[i] = at.getFloats(i);
        }
        return v;
      }

      List<String> strings(String name) {
        OnnxWire.Attribute at = get(name, OnnxWire.Attribute.Kind.STRINGS);
        return at == null
            ? null
            : at.getStringsList().stream().map(s -> s.toString(StandardCharsets.UTF_8)).toList();
      }

      OnnxWire.Tensor t(String name) {
        OnnxWire.Attribute at = get(name, OnnxWire.Attribute.Kind.TENSOR);
        return at == null ? null : at.getT();
      }

      /** A two-element spatial attribute ({@code strides}, {@code kernel_shape}, ...). */
      int[] pair(String name, int def) {
        long[] v = ints(name);
        if (v == null) {
          if (def < 0) {
            throw fail("attribute '" + name + "' is required");
          }
          return new int[] {def, def};
        }
        if (v.length != 2) {
          throw fail("'" + name + "' must have 2 values for 2-D, got " + Arrays.toString(v));
        }
        for (long e : v) {
          if (e < 0 || e > Integer.MAX_VALUE) {
            throw fail("'" + name + "' out of range: " + Arrays.toString(v));
          }
        }
        return new int[] {(int) v[0], (int) v[1]};
      }
    }
  }

  // ------------------------------------------------------------------ layout conversions

  static int[] identity(int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    return p;
  }

  /**
   * ONNX {@code W[1, G·H, K]} (gate blocks of rows in ONNX order) to IR {@code Wx[K, G·H]} (gate
   * blocks of columns in IR order): {@code Wx[k][perm[g]·H + j] = W[0][g·H + j][k]}.
   */
  static InitializerData toIr(InitializerData w, int gates, int h, int k, int[] perm) {
    int gh = gates * h;
    float[] src = floatsOf(w);
    float[] dst = new float[src.length];
    for (int g = 0; g < gates; g++) {
      for (int j = 0; j < h; j++) {
        for (int c = 0; c < k; c++) {
          dst[c * gh + perm[g] * h + j] = src[(g * h + j) * k + c];
        }
      }
    }
    return new InitializerData(w.dtype(), List.of(k, gh), dst, null, null);
  }

  /** The inverse of {@link #toIr}: IR {@code [K, G·H]} to ONNX {@code [1, G·H, K]}. */
  static InitializerData toOnnx(InitializerData wx, int gates, int h, int k, int[] perm) {
    int gh = gates * h;
    float[] src = floatsOf(wx);
    float[] dst = new float[src.length];
    for (int g = 0; g < gates; g++) {
      for (int j = 0; j < h; j++) {
        for (int c = 0; c < k; c++) {
          dst[(g * h + j) * k + c] = src[c * gh + perm[g] * h + j];
        }
      }
    }
    return new InitializerData(wx.dtype(), List.of(1, gh, k), dst, null, null);
  }

  /** ONNX {@code B[1, 2·G·H]} = {@code [Wb, Rb]} to the IR bias {@code Wb + Rb}, gate-reordered. */
  static InitializerData sumBias(InitializerData bias, int gates, int h, int[] perm) {
    int gh = gates * h;
    float[] src = floatsOf(bias);
    float[] dst = new float[gh];
    for (int g = 0; g < gates; g++) {
      for (int j = 0; j < h; j++) {
        dst[perm[g] * h + j] = src[g * h + j] + src[gh + g * h + j];
      }
    }
    return new InitializerData(bias.dtype(), List.of(gh), dst, null, null);
  }

  static InitializerData slice(InitializerData d, int from, int n) {
    float[] src = floatsOf(d);
    return new InitializerData(
        d.dtype(), List.of(n), Arrays.copyOfRange(src, from, from + n), null, null);
  }

  private static float[] floatsOf(InitializerData d) {
    if (d.floats() == null) {
      throw new NodeError(
          "recurrent weights must be float, float16 or bfloat16, got " + d.dtype().text());
    }
    return d.floats();
  }

  static long[] longs(InitializerData d) {
    long[] v = new long[d.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = d.getLong(i);
    }
    return v;
  }
}
