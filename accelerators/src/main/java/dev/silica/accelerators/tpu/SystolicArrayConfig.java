package dev.silica.accelerators.tpu;

import dev.silica.simulator.spec.InvalidSpecException;
import dev.silica.simulator.spec.Presets;
import dev.silica.simulator.spec.SpecNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One systolic-array design point: array shape and dataflow, the three double-buffered SRAMs
 * (SCALE-Sim's IFMAP, FILTER and OFMAP scratchpads), DRAM bandwidth and how it limits the run,
 * clock and number formats.
 *
 * <h2>Units</h2>
 *
 * <p>SRAM sizes are KiB of bytes; an SRAM holds {@code kib · 1024 / format bytes} words
 * (SCALE-Sim's word is one byte, which is what {@code int8} operands give). Each SRAM is double
 * buffered: half holds the working tile, half the next one (SCALE-Sim's {@code active_buf_frac =
 * 0.5}). The IFMAP and OFMAP SRAMs hold activations in the activation format, the FILTER SRAM
 * weights in the weight format. DRAM bandwidth is bytes per cycle.
 *
 * <h2>Formats and speed (TPU v1 rules)</h2>
 *
 * <p>The PEs multiply {@code mac}-format operands. Integer operands wider than the MAC take several
 * passes: {@code passes = ⌈weight bits / mac bits⌉ · ⌈activation bits / mac bits⌉}, so on TPU v1's
 * 8-bit array 8×16 runs at half speed and 16×16 at quarter speed (papers-inputs §2.1). Floating
 * operands must be no wider than the MAC format (fp16 on an fp32 array: one pass). Integer and
 * floating formats do not mix.
 *
 * <h2>Spec</h2>
 *
 * <pre>
 * name: tpu-v1
 * array: { rows: 256, cols: 256, dataflow: ws }
 * sram: { ifmap_kib: 24576, filter_kib: 256, ofmap_kib: 4096 }
 * dram: { bandwidth_bytes_per_cycle: 48.57, mode: user }
 * clock_mhz: 700
 * formats: { mac: int8, weights: int8, activations: int8 }
 * timing: scalesim_v2
 * hierarchy: { ... }        # optional, weight stationary only: see MemoryHierarchy
 * </pre>
 *
 * <p>Presets ({@link #presetNames()}): {@code tpu-v1} (TPU v1, papers-inputs §2.1/§2.4: 256×256 WS,
 * 700 MHz, 34 GB/s = 48.57 B/cycle DDR3 weight memory; the 24 MiB Unified Buffer is the IFMAP SRAM,
 * the 4 MiB of accumulators the OFMAP SRAM, the FILTER SRAM is the Weight FIFO of four 64 KiB tiles
 * = 256 KiB; activations and outputs share the Unified Buffer in the real chip, here the UB is
 * given wholly to the inputs and outputs go to the accumulators), {@code eyeriss-like} (SCALE-Sim's
 * {@code eyeriss.cfg}: 12×14 WS, 36/36/36 kB), {@code scalesim-google} ({@code google.cfg}: 256×256
 * WS 6144/6144/2048 kB) and {@code scalesim-scale} ({@code scale.cfg}: 32×32 OS 64/64/64 kB). The
 * SCALE-Sim presets are CALC mode with 10 B/cycle (their {@code Bandwidth}) and a 1 GHz clock
 * (SCALE-Sim has none). {@code ws-16x16-int8} is the accelerator of {@code
 * shared/refs/accelergy/architecture.yaml} with a {@link MemoryHierarchy} (see {@link
 * #WS_16X16_INT8}).
 *
 * @param name the configuration's name
 * @param rows PE rows R
 * @param cols PE columns C
 * @param dataflow which operand stays in the PEs
 * @param ifmapSramKib IFMAP SRAM, KiB (both halves)
 * @param filterSramKib FILTER SRAM, KiB
 * @param ofmapSramKib OFMAP SRAM, KiB
 * @param dramBytesPerCycle DRAM bandwidth, bytes per cycle
 * @param bandwidthMode whether the bandwidth stalls the array
 * @param clockMhz clock frequency, MHz
 * @param macFormat the PEs' multiplier format
 * @param weightFormat the FILTER operand's format
 * @param activationFormat the IFMAP and OFMAP format
 * @param timing the cycle convention
 * @param hierarchy the storage levels to account per level and operand, or empty for SCALE-Sim's
 *     three SRAMs
 */
public record SystolicArrayConfig(
    String name,
    int rows,
    int cols,
    Dataflow dataflow,
    int ifmapSramKib,
    int filterSramKib,
    int ofmapSramKib,
    double dramBytesPerCycle,
    BandwidthMode bandwidthMode,
    double clockMhz,
    OperandFormat macFormat,
    OperandFormat weightFormat,
    OperandFormat activationFormat,
    Timing timing,
    Optional<MemoryHierarchy> hierarchy) {

  /** The model family name in specs ({@code model: tpu.systolic}). */
  public static final String FAMILY = "tpu.systolic";

  /** Top-level spec keys. */
  public static final Set<String> KEYS =
      Set.of("name", "array", "sram", "dram", "clock_mhz", "formats", "timing", "hierarchy");

  public SystolicArrayConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dataflow, "dataflow");
    Objects.requireNonNull(bandwidthMode, "bandwidthMode");
    Objects.requireNonNull(macFormat, "macFormat");
    Objects.requireNonNull(weightFormat, "weightFormat");
    Objects.requireNonNull(activationFormat, "activationFormat");
    Objects.requireNonNull(timing, "timing");
    Objects.requireNonNull(hierarchy, "hierarchy");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name: must not be blank");
    }
    positive("array.rows", rows);
    positive("array.cols", cols);
    positive("sram.ifmap_kib", ifmapSramKib);
    positive("sram.filter_kib", filterSramKib);
    positive("sram.ofmap_kib", ofmapSramKib);
    if (!(dramBytesPerCycle > 0) || Double.isInfinite(dramBytesPerCycle)) {
      throw new IllegalArgumentException(
          "dram.bandwidth_bytes_per_cycle: must be a positive number, got " + dramBytesPerCycle);
    }
    if (!(clockMhz > 0) || Double.isInfinite(clockMhz)) {
      throw new IllegalArgumentException("clock_mhz: must be a positive number, got " + clockMhz);
    }
    for (OperandFormat f : new OperandFormat[] {weightFormat, activationFormat}) {
      if (f.isFloating() != macFormat.isFloating()) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "formats: operand format %s must be %s like the mac format %s",
                f.key(),
                macFormat.isFloating() ? "floating point" : "integer",
                macFormat.key()));
      }
      if (f.isFloating() && f.bits() > macFormat.bits()) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "formats: floating operand format %s must be no wider than the mac format %s",
                f.key(),
                macFormat.key()));
      }
    }
    hierarchy.ifPresent(
        h -> checkHierarchy(h, dataflow, ifmapSramKib, filterSramKib, ofmapSramKib, weightFormat));
  }

  /** A configuration without a {@link MemoryHierarchy} (SCALE-Sim's three-SRAM accounting). */
  public SystolicArrayConfig(
      String name,
      int rows,
      int cols,
      Dataflow dataflow,
      int ifmapSramKib,
      int filterSramKib,
      int ofmapSramKib,
      double dramBytesPerCycle,
      BandwidthMode bandwidthMode,
      double clockMhz,
      OperandFormat macFormat,
      OperandFormat weightFormat,
      OperandFormat activationFormat,
      Timing timing) {
    this(
        name,
        rows,
        cols,
        dataflow,
        ifmapSramKib,
        filterSramKib,
        ofmapSramKib,
        dramBytesPerCycle,
        bandwidthMode,
        clockMhz,
        macFormat,
        weightFormat,
        activationFormat,
        timing,
        Optional.empty());
  }

  private static void checkHierarchy(
      MemoryHierarchy h,
      Dataflow dataflow,
      int ifmapKib,
      int filterKib,
      int ofmapKib,
      OperandFormat weightFormat) {
    if (dataflow != Dataflow.WS) {
      throw new IllegalArgumentException(
          "hierarchy: the per-level accounting models a weight-stationary array, so"
              + " array.dataflow must be ws, got "
              + dataflow.name().toLowerCase(Locale.ROOT));
    }
    long partitions = (long) ifmapKib + filterKib + ofmapKib;
    if (partitions != h.globalBufferKib()) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "hierarchy.global_buffer.kib: the ifmap, filter and ofmap SRAMs are partitions of"
                  + " the global buffer, so their sum %d + %d + %d = %d must equal it, got %d",
              ifmapKib,
              filterKib,
              ofmapKib,
              partitions,
              h.globalBufferKib()));
    }
    if (h.weightRfWidthBits() != weightFormat.bits()) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "hierarchy.weight_rf.width_bits: must equal the weight format's %d bits (%s), got %d",
              weightFormat.bits(),
              weightFormat.key(),
              h.weightRfWidthBits()));
    }
  }

  private static void positive(String key, int v) {
    if (v <= 0) {
      throw new IllegalArgumentException(key + ": must be a positive integer, got " + v);
    }
  }

  // ---- derived ----

  /** PEs: {@code R · C}, the peak MACs per cycle. */
  public long peCount() {
    return (long) rows * cols;
  }

  /**
   * Passes per MAC: {@code ⌈w/mac⌉ · ⌈a/mac⌉} for integers (TPU v1: 8×16 half speed, 16×16 quarter
   * speed), 1 for floating point.
   */
  public int passes() {
    if (macFormat.isFloating()) {
      return 1;
    }
    int m = macFormat.bits();
    return ceilDiv(weightFormat.bits(), m) * ceilDiv(activationFormat.bits(), m);
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  public long ifmapSramBytes() {
    return ifmapSramKib * 1024L;
  }

  public long filterSramBytes() {
    return filterSramKib * 1024L;
  }

  public long ofmapSramBytes() {
    return ofmapSramKib * 1024L;
  }

  /**
   * Bytes of one partial sum between row folds: the hierarchy's {@code psum_bits}, or the
   * activation format when the configuration declares no hierarchy.
   */
  public int psumBytes() {
    return hierarchy.map(h -> h.psumBits() / 8).orElse(activationFormat.bytes());
  }

  /** Clock in Hz. */
  public double clockHz() {
    return clockMhz * 1e6;
  }

  // ---- copiers for sweeps ----

  public SystolicArrayConfig withName(String n) {
    return new SystolicArrayConfig(
        n,
        rows,
        cols,
        dataflow,
        ifmapSramKib,
        filterSramKib,
        ofmapSramKib,
        dramBytesPerCycle,
        bandwidthMode,
        clockMhz,
        macFormat,
        weightFormat,
        activationFormat,
        timing,
        hierarchy);
  }

  public SystolicArrayConfig withArray(int r, int c) {
    return new SystolicArrayConfig(
        name,
        r,
        c,
        dataflow,
        ifmapSramKib,
        filterSramKib,
        ofmapSramKib,
        dramBytesPerCycle,
        bandwidthMode,
        clockMhz,
        macFormat,
        weightFormat,
        activationFormat,
        timing,
        hierarchy);
  }

  public SystolicArrayConfig withDataflow(Dataflow d) {
    return new SystolicArrayConfig(
        name,
        rows,
        cols,
        d,
        ifmapSramKib,
        filterSramKib,
        ofmapSramKib,
        dramBytesPerCycle,
        bandwidthMode,
        clockMhz,
        macFormat,
        weightFormat,
        activationFormat,
        timing,
        hierarchy);
  }

  public SystolicArrayConfig withSramKib(int ifmap, int filter, int ofmap) {
    return new SystolicArrayConfig(
        name,
        rows,
        cols,
        dataflow,
        ifmap,
        filter,
        ofmap,
        dramBytesPerCycle,
        bandwidthMode,
        clockMhz,
        macFormat,
        weightFormat,
        activationFormat,
        timing,
        hierarchy);
  }

  public SystolicArrayConfig withDram(double bytesPerCycle, BandwidthMode mode) {
    return new SystolicArrayConfig(
        name,
        rows,
        cols,
        dataflow,
        ifmapSramKib,
        filterSramKib,
        ofmapSramKib,
        bytesPerCycle,
        mode,
        clockMhz,
        macFormat,
        weightFormat,
        activationFormat,
        timing,
        hierarchy);
  }

  public SystolicArrayConfig withFormats(
      OperandFormat mac, OperandFormat weights, OperandFormat activations) {
    return new SystolicArrayConfig(
        name,
        rows,
        cols,
        dataflow,
        ifmapSramKib,
        filterSramKib,
        ofmapSramKib,
        dramBytesPerCycle,
        bandwidthMode,
        clockMhz,
        mac,
        weights,
        activations,
        timing,
        hierarchy);
  }

  public SystolicArrayConfig withTiming(Timing t) {
    return new SystolicArrayConfig(
        name,
        rows,
        cols,
        dataflow,
        ifmapSramKib,
        filterSramKib,
        ofmapSramKib,
        dramBytesPerCycle,
        bandwidthMode,
        clockMhz,
        macFormat,
        weightFormat,
        activationFormat,
        t,
        hierarchy);
  }

  /** The same design with {@code h} as its storage levels (empty: SCALE-Sim's accounting). */
  public SystolicArrayConfig withHierarchy(Optional<MemoryHierarchy> h) {
    return new SystolicArrayConfig(
        name,
        rows,
        cols,
        dataflow,
        ifmapSramKib,
        filterSramKib,
        ofmapSramKib,
        dramBytesPerCycle,
        bandwidthMode,
        clockMhz,
        macFormat,
        weightFormat,
        activationFormat,
        timing,
        h);
  }

  // ---- specs ----

  /**
   * Binds a spec mapping (the keys in the class comment; {@code timing} and {@code formats} are
   * optional: {@code scalesim_v2}, all {@code int8}). A {@code preset:} key makes the other keys
   * overrides of that preset; a {@code model:} key must be {@value #FAMILY}. Unknown keys are
   * rejected with the nearest valid key suggested; every error names {@code file:line} and the
   * dotted key.
   *
   * @throws InvalidSpecException on any bad value
   */
  public static SystolicArrayConfig fromSpec(SpecNode spec) {
    if (spec.has("model") && !spec.string("model").equals(FAMILY)) {
      throw spec.get("model")
          .error("model: must be " + FAMILY + ", got " + spec.get("model").describe());
    }
    if (spec.has("preset")) {
      return fromSpec(PRESETS.resolve(spec));
    }
    spec.allowOnly(
        "name",
        "array",
        "sram",
        "dram",
        "clock_mhz",
        "formats",
        "timing",
        "hierarchy",
        "version",
        "kind",
        "model",
        "preset");
    SpecNode array = spec.get("array").allowOnly("rows", "cols", "dataflow");
    SpecNode sram = spec.get("sram").allowOnly("ifmap_kib", "filter_kib", "ofmap_kib");
    SpecNode dram = spec.get("dram").allowOnly("bandwidth_bytes_per_cycle", "mode");
    OperandFormat mac = OperandFormat.INT8;
    OperandFormat weights = OperandFormat.INT8;
    OperandFormat acts = OperandFormat.INT8;
    SpecNode formatsNode = spec.optional("formats").orElse(null);
    if (formatsNode != null) {
      formatsNode.allowOnly("mac", "weights", "activations");
      mac = formatsNode.enumValue("mac", OperandFormat.class, OperandFormat.INT8);
      weights = formatsNode.enumValue("weights", OperandFormat.class, mac);
      acts = formatsNode.enumValue("activations", OperandFormat.class, mac);
    }
    String name = spec.string("name");
    int rows = array.positiveInt("rows");
    int cols = array.positiveInt("cols");
    Dataflow df = array.enumValue("dataflow", Dataflow.class);
    int ifmap = sram.positiveInt("ifmap_kib");
    int filter = sram.positiveInt("filter_kib");
    int ofmap = sram.positiveInt("ofmap_kib");
    double bw = dram.positiveDouble("bandwidth_bytes_per_cycle");
    BandwidthMode mode = dram.enumValue("mode", BandwidthMode.class);
    double mhz = spec.positiveDouble("clock_mhz");
    Timing timing = spec.enumValue("timing", Timing.class, Timing.SCALESIM_V2);
    SystolicArrayConfig plain;
    try {
      plain =
          new SystolicArrayConfig(
              name, rows, cols, df, ifmap, filter, ofmap, bw, mode, mhz, mac, weights, acts,
              timing);
    } catch (IllegalArgumentException e) {
      throw (formatsNode != null ? formatsNode : spec).error(e.getMessage());
    }
    SpecNode h = spec.optional("hierarchy").orElse(null);
    if (h == null) {
      return plain;
    }
    MemoryHierarchy levels = MemoryHierarchy.fromSpec(h);
    try {
      return plain.withHierarchy(Optional.of(levels));
    } catch (IllegalArgumentException e) {
      throw h.error(e.getMessage());
    }
  }

  /** This configuration as a spec tree (the inverse of {@link #fromSpec}). */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("array", ordered("rows", rows, "cols", cols, "dataflow", lower(dataflow)));
    m.put(
        "sram",
        ordered("ifmap_kib", ifmapSramKib, "filter_kib", filterSramKib, "ofmap_kib", ofmapSramKib));
    m.put(
        "dram",
        ordered("bandwidth_bytes_per_cycle", dramBytesPerCycle, "mode", lower(bandwidthMode)));
    m.put("clock_mhz", clockMhz);
    m.put(
        "formats",
        ordered(
            "mac",
            macFormat.key(),
            "weights",
            weightFormat.key(),
            "activations",
            activationFormat.key()));
    m.put("timing", lower(timing));
    hierarchy.ifPresent(h -> m.put("hierarchy", h.toMap()));
    return m;
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  private static Map<String, Object> ordered(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  // ---- presets ----

  /** TPU v1 weight-memory bandwidth: 34 GB/s (S-TPU Table 2) at 700 MHz = 48.57 B/cycle. */
  public static final double TPU_V1_BYTES_PER_CYCLE = 34e9 / 700e6;

  /** The name of the Accelergy reference preset. */
  public static final String WS_16X16_INT8 = "ws-16x16-int8";

  /** LPDDR4-3200 on a 64-bit bus: 3200 MT/s · 8 B = 25.6 GB/s (JESD209-4), at 1 GHz. */
  public static final double LPDDR4_X64_BYTES_PER_CYCLE = 3200e6 * 8 / 1e9;

  private static final Presets PRESETS =
      Presets.builder(FAMILY)
          .add(
              "tpu-v1",
              preset(
                  "tpu-v1",
                  256,
                  256,
                  Dataflow.WS,
                  24 * 1024,
                  256,
                  4 * 1024,
                  TPU_V1_BYTES_PER_CYCLE,
                  BandwidthMode.USER,
                  700.0))
          .add(
              "eyeriss-like",
              preset(
                  "eyeriss-like", 12, 14, Dataflow.WS, 36, 36, 36, 10.0, BandwidthMode.CALC, 1000))
          .add(
              "scalesim-google",
              preset(
                  "scalesim-google",
                  256,
                  256,
                  Dataflow.WS,
                  6144,
                  6144,
                  2048,
                  10.0,
                  BandwidthMode.CALC,
                  1000))
          .add(
              "scalesim-scale",
              preset(
                  "scalesim-scale",
                  32,
                  32,
                  Dataflow.OS,
                  64,
                  64,
                  64,
                  10.0,
                  BandwidthMode.CALC,
                  1000))
          .add(WS_16X16_INT8, ws16x16Int8())
          .build();

  /**
   * {@code ws-16x16-int8}: the accelerator of {@code shared/refs/accelergy/architecture.yaml} —
   * 16×16 int8 PEs, weight stationary, an 8 b × 16 weight register file per PE, a 128 KiB global
   * buffer with 64-bit accesses, LPDDR4 with 64-bit accesses, 1 GHz ({@code global_cycle_seconds:
   * 1e-9}), 32-bit partial sums. Assumptions beyond that file: the buffer is split 64 / 32 / 32 KiB
   * between inputs, weights and partial sums (the file has one undivided buffer); DRAM bandwidth is
   * one LPDDR4-3200 x64 channel, counted but not stalling (CALC; {@code dram.mode: user} stalls);
   * CORRECTED timing (this is not a SCALE-Sim configuration).
   */
  private static SpecNode ws16x16Int8() {
    SystolicArrayConfig c =
        new SystolicArrayConfig(
            WS_16X16_INT8,
            16,
            16,
            Dataflow.WS,
            64,
            32,
            32,
            LPDDR4_X64_BYTES_PER_CYCLE,
            BandwidthMode.CALC,
            1000,
            OperandFormat.INT8,
            OperandFormat.INT8,
            OperandFormat.INT8,
            Timing.CORRECTED,
            Optional.of(new MemoryHierarchy(128, 64, 16, 8, "lpddr4", 64, 32)));
    return SpecNode.fromPlain("preset:" + WS_16X16_INT8, c.toMap());
  }

  private static SpecNode preset(
      String name,
      int rows,
      int cols,
      Dataflow df,
      int ifmap,
      int filter,
      int ofmap,
      double bw,
      BandwidthMode mode,
      double mhz) {
    SystolicArrayConfig c =
        new SystolicArrayConfig(
            name,
            rows,
            cols,
            df,
            ifmap,
            filter,
            ofmap,
            bw,
            mode,
            mhz,
            OperandFormat.INT8,
            OperandFormat.INT8,
            OperandFormat.INT8,
            Timing.SCALESIM_V2);
    return SpecNode.fromPlain("preset:" + name, c.toMap());
  }

  /** The preset names, in registration order. */
  public static Set<String> presetNames() {
    return PRESETS.names();
  }

  /** A preset; unknown names list the valid ones. */
  public static SystolicArrayConfig preset(String name) {
    return fromSpec(PRESETS.preset(name));
  }

  /** A spec naming a {@code preset:} with overrides merged in. */
  public static SystolicArrayConfig fromPresetSpec(SpecNode spec) {
    return fromSpec(PRESETS.resolve(spec));
  }
}
