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
   * The model's weights for the reference executor: every initializer the file carries, plus the
   * literals of small constants the IR holds inline.
   *
   * @throws OnnxException naming the first parameter or buffer that has neither (a weight the file
   *     declares only as a graph input)
   */
  public dev.silica.workloads.exec.Weights weights() {
    dev.silica.workloads.exec.Weights w = new dev.silica.workloads.exec.Weights();
    for (dev.silica.workloads.ir.Value v : graph.initializers()) {
      InitializerData d = initializers.get(v.id());
      dev.silica.workloads.ir.Shape shape = v.type().shape();
      dev.silica.workloads.tensor.Tensor t;
      if (d != null) {
        t =
            d.floats() != null
                ? dev.silica.workloads.tensor.Tensor.of(shape, d.floats())
                : d.longs() != null
                    ? dev.silica.workloads.tensor.Tensor.of(shape, d.longs())
                    : dev.silica.workloads.tensor.Tensor.of(shape, d.doubles());
      } else if (v.literal() != null && !v.literal().isEmpty()) {
        float[] f = new float[v.literal().size()];
        for (int i = 0; i < f.length; i++) {
          f[i] = v.literal().get(i);
        }
        t =
            v.type().dtype().isIntegral()
                ? dev.silica.workloads.tensor.Tensor.of(shape, toLongs(f))
                : dev.silica.workloads.tensor.Tensor.of(shape, f);
      } else {
        throw new OnnxException(
            graph.name()
                + ": '"
                + v.id().name()
                + "' has no initializer in the file (it is a graph input); give its data or"
                + " freeze it");
      }
      w.put(v.id(), t);
    }
    return w;
  }

  private static long[] toLongs(float[] f) {
    long[] l = new long[f.length];
    for (int i = 0; i < f.length; i++) {
      l[i] = (long) f[i];
    }
    return l;
  }
}
