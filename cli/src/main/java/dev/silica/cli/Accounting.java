package dev.silica.cli;

import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.GraphStats;
import dev.silica.workloads.ir.Value;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A graph's accounting ({@link GraphStats}) turned into the tables the command line prints.
 *
 * <p>The layer table has one row per graph input (op {@code input}) and one per node, so its {@code
 * params}, {@code macs} and {@code activation_values} columns sum to the totals: the activation
 * total counts the graph inputs plus every node result that needs new memory (in-place activations
 * and reshape views add none).
 */
final class Accounting {
  /** Columns of the per-layer table; the unit is in the name. */
  static final String[] LAYER_COLUMNS = {
    "node", "op", "output", "params", "macs", "activation_values", "activation_bytes"
  };

  private final Graph graph;
  private final GraphStats stats;
  private final int elementBytes;

  /**
   * @param graph the graph
   * @param elementBytes bytes per stored value, for activation and parameter bytes
   */
  Accounting(Graph graph, int elementBytes) {
    this.graph = graph;
    this.stats = graph.stats();
    this.elementBytes = elementBytes;
  }

  GraphStats stats() {
    return stats;
  }

  int elementBytes() {
    return elementBytes;
  }

  /** One row per graph input and per node, in execution order. */
  Table layers() {
    Table t = new Table(LAYER_COLUMNS);
    for (Value in : graph.inputs()) {
      long values = in.type().size();
      t.row(in.id().name(), "input", in.type().toString(), 0L, 0L, values, values * elementBytes);
    }
    for (GraphStats.NodeStats n : stats.nodes()) {
      t.row(
          n.node(),
          n.kind(),
          n.output().toString(),
          n.parameters(),
          n.macs(),
          n.activationValues(),
          n.activationBytes(elementBytes));
    }
    return t;
  }

  long activationBytes() {
    return stats.activationBytes(elementBytes);
  }

  long parameterBytes() {
    return stats.parameterBytes(elementBytes);
  }

  /** The totals as a JSON object (exact numbers; units in the keys). */
  Json.Obj totalsJson() {
    return new Json.Obj()
        .put("params", stats.parameters())
        .put("param_bytes", parameterBytes())
        .put("buffers", stats.buffers())
        .put("macs", stats.macs())
        .put("ops", stats.ops())
        .put("activation_values", stats.activationValues())
        .put("activation_bytes", activationBytes())
        .put("nodes", (long) graph.nodes().size());
  }

  /** The totals as {@code label value (exact)} lines, labels padded to one width. */
  String totalsText() {
    Map<String, String> rows = new LinkedHashMap<>();
    rows.put("parameters", Units.countWithExact(stats.parameters()));
    rows.put("parameter bytes", Units.bytesWithExact(parameterBytes()));
    if (stats.buffers() > 0) {
      rows.put("buffers (not parameters)", Units.countWithExact(stats.buffers()));
    }
    rows.put("MACs", Units.countWithExact(stats.macs()));
    rows.put("other element ops", Units.countWithExact(stats.ops()));
    rows.put("activation values", Units.countWithExact(stats.activationValues()));
    rows.put("activation bytes", Units.bytesWithExact(activationBytes()));
    rows.put("nodes", Units.exact(graph.nodes().size()));
    int width = rows.keySet().stream().mapToInt(String::length).max().orElse(0);
    StringBuilder sb = new StringBuilder();
    rows.forEach((label, value) ->
        sb.append(label).append(" ".repeat(width - label.length() + 2)).append(value).append('\n'));
    return sb.toString();
  }
}
