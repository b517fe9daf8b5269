package dev.silica.accelerators;

import dev.silica.accelerators.cpu.CpuModel;
import dev.silica.accelerators.cpu.CpuPresets;
import dev.silica.accelerators.eie.EieConfig;
import dev.silica.accelerators.eie.EieModel;
import dev.silica.accelerators.gpu.GpuModel;
import dev.silica.accelerators.gpu.GpuPresets;
import dev.silica.accelerators.tpu.SystolicArrayConfig;
import dev.silica.accelerators.tpu.SystolicArrayModel;
import dev.silica.simulator.AcceleratorModel;
import dev.silica.simulator.spec.SpecMessages;
import dev.silica.simulator.spec.SpecNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The registry of named accelerator configurations: {@code Accelerators.create("tpu-v1")}. Names
 * are lower case; an unknown name fails listing the valid ones (and the nearest, when one is
 * close).
 */
public final class Accelerators {
  private Accelerators() {}

  private static final Map<String, Supplier<AcceleratorModel>> FACTORIES = registry();

  private static Map<String, Supplier<AcceleratorModel>> registry() {
    Map<String, Supplier<AcceleratorModel>> m = new LinkedHashMap<>();
    for (String preset : SystolicArrayConfig.presetNames()) {
      m.put(preset, () -> new SystolicArrayModel(SystolicArrayConfig.preset(preset)));
    }
    for (String preset : EieConfig.presetNames()) {
      m.put(preset, () -> new EieModel(EieConfig.preset(preset)));
    }
    for (String preset : CpuPresets.names()) {
      m.put(preset, () -> new CpuModel(CpuPresets.preset(preset)));
    }
    for (String preset : GpuPresets.names()) {
      m.put(preset, () -> new GpuModel(GpuPresets.preset(preset)));
    }
    return Collections.unmodifiableMap(m);
  }

  /** Registered names, in registration order. */
  public static Set<String> names() {
    return FACTORIES.keySet();
  }

  /**
   * A new model for the configuration called {@code name}.
   *
   * @throws IllegalArgumentException for an unknown name, listing the valid ones
   */
  public static AcceleratorModel create(String name) {
    Supplier<AcceleratorModel> f = FACTORIES.get(name);
    if (f == null) {
      String near = nearest(name);
      throw new IllegalArgumentException(
          "unknown accelerator '"
              + name
              + "' ("
              + (near == null ? "" : "did you mean '" + near + "'? ")
              + "expected one of: "
              + String.join(", ", FACTORIES.keySet())
              + ")");
    }
    return f.get();
  }

  /** Model families a spec's {@code model:} key may name. */
  public static Set<String> families() {
    return Collections.unmodifiableSet(
        new java.util.LinkedHashSet<>(
            java.util.List.of(SystolicArrayConfig.FAMILY, EieConfig.FAMILY)));
  }

  /**
   * A model from an accelerator spec: {@code model:} names the family ({@link #families()}), the
   * rest is that family's configuration (optionally a {@code preset:} plus overrides).
   *
   * @throws dev.silica.simulator.spec.InvalidSpecException naming file, line and key
   */
  public static AcceleratorModel fromSpec(SpecNode spec) {
    SpecNode model = spec.get("model");
    String family = model.asString();
    if (family.equals(SystolicArrayConfig.FAMILY)) {
      return new SystolicArrayModel(SystolicArrayConfig.fromSpec(spec));
    }
    if (family.equals(EieConfig.FAMILY)) {
      return new EieModel(EieConfig.fromSpec(spec));
    }
    throw model.error(
        "model: unknown model family "
            + model.describe()
            + " (expected one of: "
            + String.join(", ", families())
            + ")");
  }

  private static String nearest(String name) {
    String best = null;
    int bestD = Math.max(2, name.length() / 3) + 1;
    for (String k : FACTORIES.keySet()) {
      int d = SpecMessages.levenshtein(name, k);
      if (d < bestD) {
        bestD = d;
        best = k;
      }
    }
    return best;
  }
}
