package dev.silica.workloads.ir;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Graph} node by node. Each node's operand types are checked and its result types
 * inferred when it is added, so an error names the node at fault ({@code conv3: weight channels 64
 * != input channels 32}) and the zoo can size the next layer's weights from the current shape.
 * {@link #build()} checks the graph as a whole once and freezes it.
 *
 * <p>Not thread-safe; one builder makes one graph.
 */
public final class GraphBuilder {
  private final String name;
  private final Map<ValueId, Value> values = new LinkedHashMap<>();
  private final List<Node> nodes = new ArrayList<>();
  private final List<ValueId> outputs = new ArrayList<>();
  private boolean built;

  public GraphBuilder(String name) {
    if (!ValueId.isValidName(name)) {
      throw new IrException("graph name must be an identifier, got '" + name + "'");
    }
    this.name = name;
  }

  public String name() {
    return name;
  }

  /** Declares a run-time input. */
  public ValueId input(String valueName, TensorType type) {
    return declare(new Value(id(valueName), type, ValueKind.INPUT));
  }

  /** Declares a trainable weight. */
  public ValueId parameter(String valueName, TensorType type) {
    return declare(new Value(id(valueName), type, ValueKind.PARAMETER));
  }

  /** Declares a non-trainable initializer (running statistics, masks). */
  public ValueId buffer(String valueName, TensorType type) {
    return declare(new Value(id(valueName), type, ValueKind.BUFFER));
  }

  /** Declares a small constant with its elements in row-major order. */
  public ValueId constant(String valueName, TensorType type, float... elements) {
    List<Float> literal = new ArrayList<>(elements.length);
    for (float e : elements) {
      literal.add(e);
    }
    return declare(new Value(id(valueName), type, ValueKind.BUFFER, literal));
  }

  /** Adds an already-made value declaration (used by the text parser). */
  public ValueId declare(Value value) {
    checkOpen();
    if (value.kind() == ValueKind.ACTIVATION) {
      throw new IrException(
          value.id() + ": activations are declared by the node that computes them");
    }
    unique(value.id());
    values.put(value.id(), value);
    return value.id();
  }

  /**
   * Adds a node, checking its operands, and returns its results.
   *
   * @throws IrException prefixed with the node name when an operand is unknown or does not fit
   */
  public List<ValueId> node(String nodeName, Op op, List<ValueId> inputs) {
    checkOpen();
    if (!ValueId.isValidName(nodeName)) {
      throw new IrException("node name must be an identifier, got '" + nodeName + "'");
    }
    List<TensorType> types = new ArrayList<>(inputs.size());
    for (ValueId in : inputs) {
      Value v = values.get(in);
      if (v == null) {
        throw new IrException(nodeName + ": unknown operand " + in);
      }
      types.add(v.type());
    }
    List<TensorType> outTypes;
    try {
      outTypes = op.infer(types);
    } catch (IllegalArgumentException e) {
      // IrException from the op, or a bad Shape built while inferring
      throw new IrException(nodeName + ": " + e.getMessage(), e);
    }
    List<ValueId> outs = new ArrayList<>(outTypes.size());
    for (int k = 0; k < outTypes.size(); k++) {
      ValueId out = Node.outputName(nodeName, k);
      unique(out);
      outs.add(out);
    }
    for (int k = 0; k < outs.size(); k++) {
      values.put(outs.get(k), new Value(outs.get(k), outTypes.get(k), ValueKind.ACTIVATION));
    }
    nodes.add(new Node(nodeName, op, inputs, outs));
    return outs;
  }

  /** Adds a node and returns its first result. */
  public ValueId apply(String nodeName, Op op, ValueId... inputs) {
    return node(nodeName, op, Arrays.asList(inputs)).getFirst();
  }

  /** The type of a value declared so far. */
  public TensorType type(ValueId id) {
    Value v = values.get(id);
    if (v == null) {
      throw new IrException(name + ": no value " + id);
    }
    return v.type();
  }

  /** True when a value or node of this name exists. */
  public boolean has(String valueName) {
    return values.containsKey(new ValueId(valueName));
  }

  /** Marks values as graph outputs, in order. */
  public GraphBuilder output(ValueId... ids) {
    checkOpen();
    for (ValueId id : ids) {
      if (!values.containsKey(id)) {
        throw new IrException(name + ": output " + id + " is not a value of the graph");
      }
      if (outputs.contains(id)) {
        throw new IrException(name + ": output " + id + " is listed twice");
      }
      outputs.add(id);
    }
    return this;
  }

  /**
   * Checks the whole graph and freezes it: at least one output, at least one node, and every input
   * reachable only through declared values (guaranteed by construction).
   */
  public Graph build() {
    checkOpen();
    if (nodes.isEmpty()) {
      throw new IrException(name + ": a graph must have at least one node");
    }
    if (outputs.isEmpty()) {
      throw new IrException(name + ": a graph must declare at least one output");
    }
    built = true;
    return new Graph(name, values, nodes, outputs);
  }

  private ValueId id(String valueName) {
    if (!ValueId.isValidName(valueName)) {
      throw new IrException("value name must be an identifier, got '" + valueName + "'");
    }
    return new ValueId(valueName);
  }

  private void unique(ValueId id) {
    if (values.containsKey(id)) {
      throw new IrException(
          id.name()
              + ": name already defined ("
              + values.get(id).kind().name().toLowerCase(java.util.Locale.ROOT)
              + ")");
    }
  }

  private void checkOpen() {
    if (built) {
      throw new IllegalStateException(name + ": builder already built its graph");
    }
  }
}
