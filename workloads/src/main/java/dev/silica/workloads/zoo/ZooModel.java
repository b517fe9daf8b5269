package dev.silica.workloads.zoo;

import dev.silica.workloads.ir.Graph;
import java.util.function.Supplier;

/**
 * One model of the zoo.
 *
 * @param name the registry key, lower case ({@code resnet50})
 * @param description one line: what it is and its input
 * @param source where the architecture is specified (paper, table, reference implementation)
 * @param factory builds a fresh graph
 */
public record ZooModel(String name, String description, String source, Supplier<Graph> factory) {
  public Graph build() {
    return factory.get();
  }
}
