package dev.silica.workloads.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable, validated network: named values and the nodes that compute them, in topological
 * order. Built only by {@link GraphBuilder}, which has checked every operand type, so code that
 * reads a graph may rely on its shapes.
 *
 * <p>Two graphs are equal when they have the same name, the same values (in any declaration order),
 * the same nodes in the same order and the same outputs; {@code IrParser.parse(
 * IrPrinter.print(g)).equals(g)} holds for every graph.
 */
public final class Graph {
  private final String name;
  private final Map<ValueId, Value> values;
  private final List<Node> nodes;
  private final List<ValueId> outputs;
  private final Map<ValueId, Node> producers;
  private final Map<String, Node> byName;

  Graph(String name, Map<ValueId, Value> values, List<Node> nodes, List<ValueId> outputs) {
    this.name = name;
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    this.nodes = List.copyOf(nodes);
    this.outputs = List.copyOf(outputs);
    Map<ValueId, Node> producers = new LinkedHashMap<>();
    Map<String, Node> byName = new LinkedHashMap<>();
    for (Node n : this.nodes) {
      byName.put(n.name(), n);
      for (ValueId o : n.outputs()) {
        producers.put(o, n);
      }
    }
    this.producers = Collections.unmodifiableMap(producers);
    this.byName = Collections.unmodifiableMap(byName);
  }

  public String name() {
    return name;
  }

  /** Every value, in declaration order. */
  public List<Value> values() {
    return List.copyOf(values.values());
  }

  /** Nodes in topological (execution) order. */
  public List<Node> nodes() {
    return nodes;
  }

  public List<ValueId> outputs() {
    return outputs;
  }

  /** The values the caller feeds, in declaration order. */
  public List<Value> inputs() {
    return values.values().stream().filter(v -> v.kind() == ValueKind.INPUT).toList();
  }

  /** Parameters and buffers, in declaration order. */
  public List<Value> initializers() {
    return values.values().stream().filter(Value::isInitializer).toList();
  }

  /**
   * The value called {@code id}.
   *
   * @throws IrException when there is none
   */
  public Value value(ValueId id) {
    Value v = values.get(id);
    if (v == null) {
      throw new IrException(name + ": no value " + id);
    }
    return v;
  }

  public TensorType type(ValueId id) {
    return value(id).type();
  }

  /** Operand types of a node of this graph. */
  public List<TensorType> inputTypes(Node n) {
    return n.inputs().stream().map(this::type).toList();
  }

  /** Result types of a node of this graph. */
  public List<TensorType> outputTypes(Node n) {
    return n.outputs().stream().map(this::type).toList();
  }

  /**
   * The node called {@code nodeName}.
   *
   * @throws IrException listing a few valid names when there is none
   */
  public Node node(String nodeName) {
    Node n = byName.get(nodeName);
    if (n == null) {
      List<String> some = new ArrayList<>(byName.keySet()).subList(0, Math.min(8, byName.size()));
      throw new IrException(
          name
              + ": no node '"
              + nodeName
              + "' (nodes include: "
              + String.join(", ", some)
              + (byName.size() > 8 ? ", ..." : "")
              + ")");
    }
    return n;
  }

  /** The node computing {@code id}, or {@code null} for inputs and initializers. */
  public Node producer(ValueId id) {
    return producers.get(id);
  }

  /** The loop nest of node {@code n}. */
  public IterationSpace iterationSpace(Node n) {
    return n.op().iterationSpace(inputTypes(n), outputTypes(n));
  }

  /** Parameters, MACs and activation memory per node and in total. */
  public GraphStats stats() {
    return GraphStats.of(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Graph g
        && name.equals(g.name)
        && values.equals(g.values)
        && nodes.equals(g.nodes)
        && outputs.equals(g.outputs);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, values, nodes, outputs);
  }

  @Override
  public String toString() {
    return "Graph[" + name + ": " + nodes.size() + " nodes, " + values.size() + " values]";
  }
}
