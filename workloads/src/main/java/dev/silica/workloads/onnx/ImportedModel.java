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
}
