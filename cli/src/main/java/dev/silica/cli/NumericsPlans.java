package dev.silica.cli;

import dev.silica.simulator.spec.SpecKind;
import dev.silica.simulator.spec.SpecLoader;
import dev.silica.simulator.spec.SpecNode;
import dev.silica.workloads.quant.NumericsPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where {@code --numerics} gets its plan: a spec string ({@code int8}, {@code q8.8,conv1=q4.4},
 * grammar in {@link NumericsPlan}) or a YAML file of kind {@code numerics}:
 *
 * <pre>
 * version: 1
 * kind: numerics
 * default: int8                 # or a mapping of weights / activations / accumulator
 * layers:                       # optional per-layer overrides (node names)
 *   conv1: q4.4
 *   fc8: {weights: int4, accumulator: int32}
 * </pre>
 *
 * <p>Errors in a file name its line and key: {@code plan.yaml:5: layers.conv1: numeric format
 * 'q5.40': total width must be <= 32 bits, got 45}.
 */
final class NumericsPlans {
  private static final List<String> ROLE_KEYS = List.of("weights", "activations", "accumulator");

  private NumericsPlans() {}

  /** A plan from a {@code .yaml}/{@code .yml} file that exists, else from a spec string. */
  static NumericsPlan load(String specOrFile) {
    if ((specOrFile.endsWith(".yaml") || specOrFile.endsWith(".yml"))) {
      Path p = Path.of(specOrFile);
      if (!Files.isRegularFile(p)) {
        throw new CliException("--numerics: no such file: " + specOrFile);
      }
      return fromSpec(SpecLoader.load(p, SpecKind.NUMERICS), specOrFile);
    }
    return NumericsPlan.parse(specOrFile);
  }

  /** Binds a loaded {@code numerics} spec. */
  static NumericsPlan fromSpec(SpecNode root, String name) {
    root.allowOnly("version", "kind", "default", "layers");
    NumericsPlan.Builder b = new NumericsPlan.Builder();
    root.optional("default").ifPresent(d -> roles(d, null, b));
    root.optional("layers")
        .ifPresent(layers -> {
          if (!layers.isMap()) {
            throw layers.error("layers: must be a mapping of node names, got " + layers.describe());
          }
          for (Map.Entry<String, SpecNode> e : layers.entries().entrySet()) {
            roles(e.getValue(), e.getKey(), b);
          }
        });
    return b.build(name);
  }

  private static void roles(SpecNode node, String layer, NumericsPlan.Builder b) {
    if (node.isScalar()) {
      apply(
          node,
          () -> {
            if (layer == null) {
              b.all(node.asString());
            } else {
              b.layer(layer, node.asString());
            }
          });
      return;
    }
    node.allowOnly(ROLE_KEYS);
    for (String key : ROLE_KEYS) {
      node.optional(key)
          .ifPresent(v ->
              apply(
                  v,
                  () -> {
                    NumericsPlan.Role role =
                        NumericsPlan.Role.valueOf(key.toUpperCase(java.util.Locale.ROOT));
                    if (layer == null) {
                      b.role(role, v.asString());
                    } else {
                      b.layer(layer, role, v.asString());
                    }
                  }));
    }
  }

  private static void apply(SpecNode at, Runnable r) {
    try {
      r.run();
    } catch (dev.silica.simulator.spec.InvalidSpecException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw at.error(at.path() + ": " + e.getMessage());
    }
  }
}
