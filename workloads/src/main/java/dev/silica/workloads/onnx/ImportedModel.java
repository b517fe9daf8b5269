package dev.silica.workloads.onnx;

import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.ValueId;
import java.util.Map;
import java.util.Objects;

/**
 * An ONNX model read into the IR.
 *
 * @param graph the validated graph
 * @param initializers the elements of every parameter and buffer the file carries data for, keyed
 *     by IR value, already converted to the IR layout (recurrent weights transposed and
 *     gate-reordered); small constants the IR holds inline as literals are not repeated here, and
 *     weights the file declares only as graph inputs have no entry
 * @param opsetVersion version of the default ONNX operator set the file imports
 * @param producerName the producing tool named in the file, or empty
 */
public record ImportedModel(
    Graph graph,
    Map<ValueId, InitializerData> initializers,
    int opsetVersion,
    String producerName) {
  public ImportedModel {
    Objects.requireNonNull(graph, "graph");
    initializers =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(initializers));
    Objects.requireNonNull(producerName, "producerName");
  }

  /**
   * The model's weights for the reference executor: every initializer the file carries; the weights
   * it declares only as graph inputs, and the small constants the IR holds inline, come from {@link
   * dev.silica.workloads.exec.SeededInit} with {@code seed} (literals keep their values). Only
   * those are drawn.
   */
  public dev.silica.workloads.exec.Weights weights(long seed) {
    dev.silica.workloads.exec.Weights w =
        dev.silica.workloads.exec.SeededInit.forGraph(
            graph, seed, id -> !initializers.containsKey(id));
    initializers.forEach((id, d) -> w.put(id, d.toTensor().reshape(graph.type(id).shape())));
    return w;
  }

  /**
   * The model's weights: every initializer the file carries, plus the literals of the small
   * constants the IR holds inline.
   *
   * @throws OnnxException naming the first weight the file declares only as a graph input
   */
  public dev.silica.workloads.exec.Weights weights() {
    for (dev.silica.workloads.ir.Value v : graph.initializers()) {
      boolean literal = v.literal() != null && !v.literal().isEmpty();
      if (!literal && !initializers.containsKey(v.id())) {
        throw new OnnxException(
            graph.name()
                + ": '"
                + v.id().name()
                + "' has no initializer in the file (it is a graph input); give its data or"
                + " freeze it");
      }
    }
    return weights(0);
  }
}
