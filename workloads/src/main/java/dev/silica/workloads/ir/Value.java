package dev.silica.workloads.ir;

import java.util.List;
import java.util.Objects;

/**
 * A named, typed value of a graph.
 *
 * @param id the name
 * @param type shape and element type
 * @param kind input, parameter, buffer or activation
 * @param literal for a {@link ValueKind#BUFFER} constant, its elements in row-major order (small
 *     constants such as an attention scale); empty otherwise
 */
public record Value(ValueId id, TensorType type, ValueKind kind, List<Float> literal) {
  /** Largest literal the IR carries inline; larger constants are buffers with data elsewhere. */
  public static final int MAX_LITERAL = 256;

  public Value {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(kind, "kind");
    literal = List.copyOf(literal);
    if (!literal.isEmpty()) {
      if (kind != ValueKind.BUFFER) {
        throw new IllegalArgumentException(id + ": only a buffer may carry a literal, got " + kind);
      }
      if (literal.size() != type.size()) {
        throw new IllegalArgumentException(
            id
                + ": literal must have "
                + type.size()
                + " elements for "
                + type
                + ", got "
                + literal.size());
      }
      if (literal.size() > MAX_LITERAL) {
        throw new IllegalArgumentException(
            id + ": literal must have at most " + MAX_LITERAL + " elements, got " + literal.size());
      }
    }
  }

  public Value(ValueId id, TensorType type, ValueKind kind) {
    this(id, type, kind, List.of());
  }

  /** True for parameters and buffers: values that exist before the graph runs. */
  public boolean isInitializer() {
    return kind == ValueKind.PARAMETER || kind == ValueKind.BUFFER;
  }
}
