package dev.silica.workloads.zoo;

import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.IrException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The registry of built-in models: every architecture the seed notes discuss, plus the transformer
 * layers users of peer tools ask for. Models are built on demand; a name lookup is case-insensitive
 * and an unknown name fails listing the valid ones.
 */
public final class Zoo {
  private static final Map<String, ZooModel> MODELS = new LinkedHashMap<>();

  static {
    List<ZooModel> all = new ArrayList<>();
    all.addAll(ImageNetModels.all());
    all.addAll(ResidualModels.all());
    all.addAll(SequenceModels.all());
    all.addAll(TaskModels.all());
    for (ZooModel m : all) {
      if (MODELS.put(m.name(), m) != null) {
        throw new IllegalStateException("zoo: duplicate model name " + m.name());
      }
    }
  }

  private Zoo() {}

  /** Every model, in registry order. */
  public static List<ZooModel> models() {
    return List.copyOf(MODELS.values());
  }

  /** Model names in registry order. */
  public static List<String> names() {
    return List.copyOf(MODELS.keySet());
  }

  /**
   * The model called {@code name}.
   *
   * @throws IrException listing the valid names when there is none
   */
  public static ZooModel model(String name) {
    ZooModel m = MODELS.get(name.toLowerCase(Locale.ROOT));
    if (m == null) {
      throw new IrException(
          "unknown model '" + name + "' (expected one of: " + String.join(", ", names()) + ")");
    }
    return m;
  }

  /** Builds the model called {@code name}. */
  public static Graph build(String name) {
    return model(name).build();
  }
}
