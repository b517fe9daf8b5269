package dev.silica.workloads.ir;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Accounting of a graph, per node and in total.
 *
 * <ul>
 *   <li><b>Parameters</b>: elements of {@link ValueKind#PARAMETER} values; a weight read by several
 *       nodes counts once, at the first. Buffers (batch-norm running statistics) are not
 *       parameters, as in torchvision's counts.
 *   <li><b>MACs</b>: multiply-accumulates from each op's iteration space (convolutions, matrix
 *       products, recurrent gates); bias adds, pooling and normalization are not MACs.
 *   <li><b>Activation values</b>: elements of every node result that needs new memory (in-place
 *       activations and reshape views add none), plus the graph inputs. This is what the CS231n
 *       VGG-16 table counts.
 * </ul>
 *
 * @param graph the graph's name
 * @param nodes one row per node, in execution order
 * @param inputValues elements of the graph inputs
 * @param parameters total trainable parameters
 * @param buffers total non-trainable initializer elements
 * @param macs total multiply-accumulates
 * @param ops total other element operations
 * @param activationValues graph inputs plus every allocating node result
 */
public record GraphStats(
    String graph,
    List<NodeStats> nodes,
    long inputValues,
    long parameters,
    long buffers,
    long macs,
    long ops,
    long activationValues) {

  public GraphStats {
    nodes = List.copyOf(nodes);
  }

  /**
   * One node's accounting.
   *
   * @param node the node name
   * @param kind the op kind
   * @param output the type of its first result
   * @param parameters parameters first read by this node
   * @param macs multiply-accumulates
   * @param ops other element operations
   * @param activationValues elements of new results (0 for in-place ops and views)
   */
  public record NodeStats(
      String node,
      String kind,
      TensorType output,
      long parameters,
      long macs,
      long ops,
      long activationValues) {
    /** Activation memory at {@code elementBytes} bytes per element. */
    public long activationBytes(int elementBytes) {
      return activationValues * elementBytes;
    }
  }

  /** Activation memory (inputs plus allocating results) at {@code elementBytes} per element. */
  public long activationBytes(int elementBytes) {
    return activationValues * elementBytes;
  }

  /** Parameter memory at {@code elementBytes} bytes per element. */
  public long parameterBytes(int elementBytes) {
    return parameters * elementBytes;
  }

  static GraphStats of(Graph g) {
    Set<ValueId> counted = new HashSet<>();
    List<NodeStats> rows = new ArrayList<>();
    long macs = 0;
    long ops = 0;
    long acts = 0;
    for (Node n : g.nodes()) {
      long params = 0;
      for (ValueId in : n.inputs()) {
        Value v = g.value(in);
        if (v.kind() == ValueKind.PARAMETER && counted.add(in)) {
          params += v.type().size();
        }
      }
      IterationSpace space = g.iterationSpace(n);
      long a = 0;
      if (n.op().allocatesOutput()) {
        for (ValueId o : n.outputs()) {
          a += g.type(o).size();
        }
      }
      rows.add(
          new NodeStats(
              n.name(), n.op().kind(), g.type(n.output()), params, space.macs(), space.ops(), a));
      macs += space.macs();
      ops += space.ops();
      acts += a;
    }
    long inputs = 0;
    long parameters = 0;
    long buffers = 0;
    for (Value v : g.values()) {
      switch (v.kind()) {
        case INPUT -> inputs += v.type().size();
        case PARAMETER -> parameters += v.type().size();
        case BUFFER -> buffers += v.type().size();
        case ACTIVATION -> {}
      }
    }
    return new GraphStats(g.name(), rows, inputs, parameters, buffers, macs, ops, inputs + acts);
  }
}
