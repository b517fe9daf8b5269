package dev.silica.workloads.zoo;

import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.GraphStats;
import dev.silica.workloads.ir.GraphStats.NodeStats;
import dev.silica.workloads.ir.Shape;
import dev.silica.workloads.ir.Value;
import dev.silica.workloads.ir.ValueKind;
import java.util.Arrays;
import java.util.List;

/**
 * Per-layer accounting of a zoo model for the accounting tests. A "layer" is a set of nodes given
 * by name: a name selects the node of that name and every node whose name starts with it followed
 * by a dot ({@code inception3a} selects {@code inception3a.1x1}, ...), so one published table row
 * can span several IR nodes.
 */
final class ZooLayers {
  final Graph graph;
  final GraphStats stats;

  ZooLayers(String model) {
    this.graph = Zoo.build(model);
    this.stats = graph.stats();
  }

  private static boolean selects(String[] layers, String name) {
    for (String l : layers) {
      if (name.equals(l) || name.startsWith(l + ".")) {
        return true;
      }
    }
    return false;
  }

  private List<NodeStats> rows(String... layers) {
    List<NodeStats> rows = stats.nodes().stream().filter(n -> selects(layers, n.node())).toList();
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("no node named " + Arrays.toString(layers));
    }
    return rows;
  }

  /** Trainable parameters (weights and biases) first read by the layers' nodes. */
  long params(String... layers) {
    return rows(layers).stream().mapToLong(NodeStats::parameters).sum();
  }

  /** Elements of the parameters named {@code <node>.weight} of the layers' nodes. */
  long weights(String... layers) {
    long sum = 0;
    for (Value v : graph.values()) {
      String name = v.id().name();
      if (v.kind() == ValueKind.PARAMETER && name.endsWith(".weight")) {
        String node = name.substring(0, name.length() - ".weight".length());
        if (selects(layers, node)) {
          sum += v.type().size();
        }
      }
    }
    return sum;
  }

  long macs(String... layers) {
    return rows(layers).stream().mapToLong(NodeStats::macs).sum();
  }

  /** Non-MAC element operations (bias additions, pooling additions, activations). */
  long ops(String... layers) {
    return rows(layers).stream().mapToLong(NodeStats::ops).sum();
  }

  /** Elements of the first result of the nodes of the given kinds. */
  long outputElements(String kind) {
    return stats.nodes().stream()
        .filter(n -> n.kind().equals(kind))
        .mapToLong(n -> n.output().size())
        .sum();
  }

  /** The output shape of one node. */
  Shape shape(String node) {
    return graph.type(graph.node(node).output()).shape();
  }
}
