package dev.silica.simulator.spec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small accelerator binding used by the spec tests, written the way real models bind their specs:
 * header check, unknown keys rejected per mapping, optional preset, typed getters.
 */
record TestArch(
    int rows, int cols, Dataflow dataflow, double clockMhz, int weightsKib, int ifmapKib) {
  enum Dataflow {
    OS,
    WS,
    IS
  }

  static final Presets PRESETS =
      Presets.builder("test.systolic")
          .add("tpu-small", SpecNode.fromPlain("preset:tpu-small", plain(32, 32, "ws", 700)))
          .add("tpu-large", SpecNode.fromPlain("preset:tpu-large", plain(256, 256, "ws", 700)))
          .build();

  private static Map<String, Object> plain(int rows, int cols, String dataflow, double clockMhz) {
    Map<String, Object> array = new LinkedHashMap<>();
    array.put("rows", rows);
    array.put("cols", cols);
    array.put("dataflow", dataflow);
    Map<String, Object> sram = new LinkedHashMap<>();
    sram.put("weights_kib", 256);
    sram.put("ifmap_kib", 256);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("array", array);
    m.put("sram", sram);
    m.put("clock_mhz", clockMhz);
    return m;
  }

  static TestArch fromSpec(SpecNode spec) {
    SpecLoader.checkHeader(spec, SpecKind.ACCELERATOR);
    spec.allowOnly("version", "kind", "preset", "array", "sram", "clock_mhz");
    SpecNode s = spec.has("preset") ? PRESETS.resolve(spec) : spec;
    SpecNode array = s.get("array").allowOnly("rows", "cols", "dataflow");
    int rows = array.positiveInt("rows");
    int cols = array.positiveInt("cols");
    Dataflow dataflow = array.enumValue("dataflow", Dataflow.class);
    s.optional("sram").ifPresent(n -> n.allowOnly("weights_kib", "ifmap_kib"));
    int weights = s.positiveInt("sram.weights_kib", 256);
    int ifmap = s.positiveInt("sram.ifmap_kib", 256);
    double clock = s.doubleInRange("clock_mhz", 1, 5000);
    return new TestArch(rows, cols, dataflow, clock, weights, ifmap);
  }
}
