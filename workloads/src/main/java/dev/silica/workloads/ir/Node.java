package dev.silica.workloads.ir;

import java.util.List;
import java.util.Objects;

/**
 * One application of an {@link Op}: its name (the layer name, e.g. {@code conv1}), the values it
 * reads and the values it writes. The first output carries the node's name; further outputs are
 * named {@code name.1}, {@code name.2}, ...
 *
 * @param name the node (layer) name
 * @param op the operation with its attributes
 * @param inputs the operands, in the op's documented order
 * @param outputs the results
 */
public record Node(String name, Op op, List<ValueId> inputs, List<ValueId> outputs) {
  public Node {
    Objects.requireNonNull(op, "op");
    if (!ValueId.isValidName(name)) {
      throw new IllegalArgumentException("node name must be an identifier, got '" + name + "'");
    }
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  /** The first (usually only) output. */
  public ValueId output() {
    return outputs.getFirst();
  }

  /** Name of output {@code k} of a node called {@code name}. */
  public static ValueId outputName(String name, int k) {
    return new ValueId(k == 0 ? name : name + "." + k);
  }
}
