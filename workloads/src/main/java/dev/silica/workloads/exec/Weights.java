package dev.silica.workloads.exec;

import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.TensorType;
import dev.silica.workloads.ir.Value;
import dev.silica.workloads.ir.ValueId;
import dev.silica.workloads.tensor.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The initializers of a graph: a tensor for each parameter and buffer, by value name. Filled by an
 * importer (real weights) or by {@link SeededInit} (deterministic random weights).
 */
public final class Weights {
  private final Map<ValueId, Tensor> tensors = new LinkedHashMap<>();

  public Weights() {}

  /** Weights holding a copy of {@code map}'s entries. */
  public static Weights of(Map<ValueId, Tensor> map) {
    Weights w = new Weights();
    map.forEach(w::put);
    return w;
  }

  /** Sets the tensor of {@code id}, replacing any earlier one. */
  public Weights put(ValueId id, Tensor t) {
    tensors.put(id, t);
    return this;
  }

  /**
   * The tensor of {@code id}.
   *
   * @throws ExecException when there is none
   */
  public Tensor get(ValueId id) {
    Tensor t = tensors.get(id);
    if (t == null) {
      throw new ExecException(id + ": no weight given");
    }
    return t;
  }

  public boolean contains(ValueId id) {
    return tensors.containsKey(id);
  }

  public Set<ValueId> ids() {
    return Collections.unmodifiableSet(tensors.keySet());
  }

  public Map<ValueId, Tensor> asMap() {
    return Collections.unmodifiableMap(tensors);
  }

  public int size() {
    return tensors.size();
  }

  /**
   * Checks that every initializer of {@code g} has a tensor of its declared shape and a supported
   * element type of the same kind (floating or integer).
   *
   * @throws ExecException naming the first value that does not fit
   */
  public void check(Graph g) {
    for (Value v : g.initializers()) {
      Tensor t = tensors.get(v.id());
      if (t == null) {
        throw new ExecException(v.id() + ": no weight given for " + v.kind() + " " + v.type());
      }
      checkType(v.id(), v.type(), t);
    }
  }

  static void checkType(ValueId id, TensorType declared, Tensor t) {
    if (!t.shape().equals(declared.shape())
        || t.dtype().isIntegral() != declared.dtype().isIntegral()) {
      throw new ExecException(id + ": declared " + declared + ", given " + t.type());
    }
  }
}
