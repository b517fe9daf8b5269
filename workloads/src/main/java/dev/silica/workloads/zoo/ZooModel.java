package dev.silica.workloads.zoo;

import dev.silica.workloads.ir.Graph;
import java.util.List;
import java.util.function.Supplier;

/**
 * One model of the zoo.
 *
 * @param name the registry key, lower case ({@code resnet50})
 * @param description one line: what it is and its input
 * @param source where the architecture is specified (paper, table, reference implementation)
 * @param factory builds a fresh graph
 * @param notes remarks a user should see next to the model's accounting, such as where a published
 *     figure disagrees with the model and why
 */
public record ZooModel(
    String name, String description, String source, Supplier<Graph> factory, List<String> notes) {
  public ZooModel {
    notes = List.copyOf(notes);
  }

  public ZooModel(String name, String description, String source, Supplier<Graph> factory) {
    this(name, description, source, factory, List.of());
  }

  public Graph build() {
    return factory.get();
  }
}
