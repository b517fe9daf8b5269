package dev.silica.accelerators.eie;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One EIE configuration. Defaults are the paper's 64-PE design (Han et al., ISCA 2016; numbers from
 * papers-inputs §1.1, all [V]): 800 MHz, FIFO depth 8, per PE a 128 KB sparse-matrix SRAM read 64
 * bits at a time, a 32 KB pointer SRAM of 16-bit pointers in even/odd banks, a 2 KB activation
 * SRAM, two 64 × 16-bit activation register files, a 4-stage arithmetic pipeline.
 *
 * <p>Number formats (our choice; the paper says only "16-bit fixed point"): activations {@code
 * Q(16−fa).fa}, codebook weights {@code Q(16−fw).fw}, products shifted back to the activation
 * format (rounded to nearest, ties to even; a plain arithmetic shift would floor every product and
 * bias a 300-term sum by −150 ulp) and accumulated in the 16-bit destination register, both
 * saturating.
 *
 * @param name the configuration's name
 * @param pes processing elements N, 1..256
 * @param clockMhz clock in MHz
 * @param fifoDepth activation queue entries per PE, at least 1
 * @param spmatSramBytes sparse-matrix SRAM per PE
 * @param spmatWidthBits sparse-matrix SRAM read width (a multiple of the 8-bit entry)
 * @param ptrSramBytes pointer SRAM per PE (both banks)
 * @param pointerBits width of a column pointer
 * @param actSramBytes activation SRAM per PE
 * @param regfileEntries entries of each activation register file (16 bit)
 * @param activationFractionBits fraction bits of the 16-bit activations
 * @param weightFractionBits fraction bits of the 16-bit codebook weights
 * @param pipelineStages arithmetic pipeline depth
 */
public record EieConfig(
    String name,
    int pes,
    double clockMhz,
    int fifoDepth,
    long spmatSramBytes,
    int spmatWidthBits,
    long ptrSramBytes,
    int pointerBits,
    long actSramBytes,
    int regfileEntries,
    int activationFractionBits,
    int weightFractionBits,
    int pipelineStages) {

  /** Model family name in accelerator specs. */
  public static final String FAMILY = "eie";

  /** Largest PE count the model accepts. */
  public static final int MAX_PES = 256;

  /** Bits of one sparse-matrix entry: 4-bit weight index + 4-bit relative index. */
  public static final int ENTRY_BITS = 8;

  /** Bits of an activation (and of an accumulator). */
  public static final int ACTIVATION_BITS = 16;

  public EieConfig {
    require(pes >= 1 && pes <= MAX_PES, "pes", "be in 1..256", pes);
    require(clockMhz > 0 && Double.isFinite(clockMhz), "clock_mhz", "be positive", clockMhz);
    require(fifoDepth >= 1, "fifo_depth", "be at least 1", fifoDepth);
    require(
        spmatWidthBits >= ENTRY_BITS && spmatWidthBits % ENTRY_BITS == 0,
        "spmat_width_bits",
        "be a positive multiple of 8",
        spmatWidthBits);
    require(
        spmatSramBytes >= spmatWidthBits / 8, "spmat_sram_bytes", "hold one row", spmatSramBytes);
    require(pointerBits >= 1 && pointerBits <= 31, "pointer_bits", "be in 1..31", pointerBits);
    require(
        ptrSramBytes >= 2L * Math.ceilDiv(pointerBits, 8),
        "ptr_sram_bytes",
        "hold two pointers",
        ptrSramBytes);
    require(actSramBytes >= 0, "act_sram_bytes", "be >= 0", actSramBytes);
    require(regfileEntries >= 1, "regfile_entries", "be at least 1", regfileEntries);
    require(
        activationFractionBits >= 0 && activationFractionBits <= 15,
        "activation_fraction_bits",
        "be in 0..15",
        activationFractionBits);
    require(
        weightFractionBits >= 0 && weightFractionBits <= 15,
        "weight_fraction_bits",
        "be in 0..15",
        weightFractionBits);
    require(pipelineStages >= 1, "pipeline_stages", "be at least 1", pipelineStages);
  }

  private static void require(boolean ok, String key, String rule, Object value) {
    if (!ok) {
      throw new IllegalArgumentException("eie: " + key + " must " + rule + ", got " + value);
    }
  }

  /** The paper's 64-PE design, {@code eie-64}. */
  public static EieConfig eie64() {
    return new EieConfig(
        "eie-64", 64, 800, 8, 128 * 1024, 64, 32 * 1024, 16, 2 * 1024, 64, 10, 14, 4);
  }

  /** Registered preset names. */
  public static List<String> presetNames() {
    return List.of("eie-64", "eie-256");
  }

  /**
   * A preset: {@code eie-64} (the paper's design) or {@code eie-256} (256 of the same PEs at 800
   * MHz; the paper's 256-PE design is a 28 nm projection at 1200 MHz, which the 45 nm tables do not
   * model).
   */
  public static EieConfig preset(String name) {
    return switch (name) {
      case "eie-64" -> eie64();
      case "eie-256" -> eie64().withPes(256).withName("eie-256");
      default ->
          throw new IllegalArgumentException(
              "unknown eie preset '"
                  + name
                  + "' (expected one of: "
                  + String.join(", ", presetNames())
                  + ")");
    };
  }

  public EieConfig withName(String n) {
    return new EieConfig(
        n,
        pes,
        clockMhz,
        fifoDepth,
        spmatSramBytes,
        spmatWidthBits,
        ptrSramBytes,
        pointerBits,
        actSramBytes,
        regfileEntries,
        activationFractionBits,
        weightFractionBits,
        pipelineStages);
  }

  /** The same design with {@code n} PEs, named {@code eie-<n>}. */
  public EieConfig withPes(int n) {
    return new EieConfig(
        "eie-" + n,
        n,
        clockMhz,
        fifoDepth,
        spmatSramBytes,
        spmatWidthBits,
        ptrSramBytes,
        pointerBits,
        actSramBytes,
        regfileEntries,
        activationFractionBits,
        weightFractionBits,
        pipelineStages);
  }

  public EieConfig withFifoDepth(int d) {
    return new EieConfig(
        name,
        pes,
        clockMhz,
        d,
        spmatSramBytes,
        spmatWidthBits,
        ptrSramBytes,
        pointerBits,
        actSramBytes,
        regfileEntries,
        activationFractionBits,
        weightFractionBits,
        pipelineStages);
  }

  /** The same design with other memory sizes and pointer width. */
  public EieConfig withMemories(long spmatBytes, int ptrBits, long ptrBytes, long actBytes) {
    return new EieConfig(
        name,
        pes,
        clockMhz,
        fifoDepth,
        spmatBytes,
        spmatWidthBits,
        ptrBytes,
        ptrBits,
        actBytes,
        regfileEntries,
        activationFractionBits,
        weightFractionBits,
        pipelineStages);
  }

  public double clockHz() {
    return clockMhz * 1e6;
  }

  /** Entries per sparse-matrix SRAM read: {@code width / 8}. */
  public int entriesPerRead() {
    return spmatWidthBits / ENTRY_BITS;
  }

  /** Activations the source register files of all PEs hold: {@code N · 64}. */
  public long registerFileCapacity() {
    return (long) pes * regfileEntries;
  }

  /** LNZD quadtree levels: {@code ⌈log4 N⌉} (64 PEs: 3 levels, 16 + 4 + 1 = 21 units). */
  public int lnzdLevels() {
    int levels = 0;
    long reach = 1;
    while (reach < pes) {
      reach *= 4;
      levels++;
    }
    return levels;
  }

  /** LNZD units of the quadtree: {@code Σ_l ⌈N / 4^l⌉} over the levels (64 PEs: 21). */
  public int lnzdUnits() {
    int units = 0;
    long span = 4;
    for (int l = 0; l < lnzdLevels(); l++) {
      units += (int) Math.ceilDiv(pes, span);
      span *= 4;
    }
    return units;
  }

  /** Largest pointer value: {@code 2^pointerBits − 1}. */
  public long maxPointer() {
    return (1L << pointerBits) - 1;
  }

  /** The resolved configuration, ordered, keys with units. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model", FAMILY);
    m.put("name", name);
    m.put("pes", pes);
    m.put("clock_mhz", clockMhz);
    m.put("fifo_depth", fifoDepth);
    m.put("spmat_sram_bytes", spmatSramBytes);
    m.put("spmat_width_bits", spmatWidthBits);
    m.put("ptr_sram_bytes", ptrSramBytes);
    m.put("pointer_bits", pointerBits);
    m.put("act_sram_bytes", actSramBytes);
    m.put("regfile_entries", regfileEntries);
    m.put(
        "activation_format",
        String.format(Locale.ROOT, "q%d.%d", 16 - activationFractionBits, activationFractionBits));
    m.put(
        "weight_format",
        String.format(Locale.ROOT, "q%d.%d", 16 - weightFractionBits, weightFractionBits));
    m.put("pipeline_stages", pipelineStages);
    return m;
  }

  /** Keys of an {@code eie} accelerator spec, as {@link #toMap} echoes them. */
  private static final String[] SPEC_KEYS = {
    "version",
    "kind",
    "model",
    "preset",
    "name",
    "pes",
    "clock_mhz",
    "fifo_depth",
    "spmat_sram_bytes",
    "spmat_width_bits",
    "ptr_sram_bytes",
    "pointer_bits",
    "act_sram_bytes",
    "regfile_entries",
    "activation_format",
    "weight_format",
    "pipeline_stages"
  };

  /**
   * A configuration from an accelerator spec ({@code model: eie}): a {@code preset:} ({@code
   * eie-64}, {@code eie-256}) plus overrides, or every key of {@link #toMap}. Sweeps vary {@code
   * pes} and {@code fifo_depth} this way.
   *
   * @throws dev.silica.simulator.spec.InvalidSpecException naming file, line and key
   */
  public static EieConfig fromSpec(dev.silica.simulator.spec.SpecNode spec) {
    if (spec.has("model") && !spec.string("model").equals(FAMILY)) {
      throw spec.get("model")
          .error("model: must be " + FAMILY + ", got " + spec.get("model").describe());
    }
    if (spec.has("preset")) {
      dev.silica.simulator.spec.SpecNode key = spec.get("preset");
      EieConfig base;
      try {
        base = preset(key.asString());
      } catch (IllegalArgumentException e) {
        throw key.error("preset: " + e.getMessage());
      }
      spec =
          dev.silica.simulator.spec.Presets.merge(
              dev.silica.simulator.spec.SpecNode.fromPlain(base.name(), base.toMap()),
              spec.without(dev.silica.simulator.spec.Presets.HEADER_KEYS.toArray(String[]::new)));
    }
    spec.allowOnly(SPEC_KEYS);
    try {
      return new EieConfig(
          spec.string("name", "eie"),
          spec.positiveInt("pes"),
          spec.positiveDouble("clock_mhz"),
          spec.positiveInt("fifo_depth"),
          spec.positiveLong("spmat_sram_bytes"),
          spec.positiveInt("spmat_width_bits"),
          spec.positiveLong("ptr_sram_bytes"),
          spec.positiveInt("pointer_bits"),
          spec.nonNegativeLong("act_sram_bytes"),
          spec.positiveInt("regfile_entries"),
          fractionBits(spec, "activation_format"),
          fractionBits(spec, "weight_format"),
          spec.positiveInt("pipeline_stages"));
    } catch (IllegalArgumentException e) {
      if (e instanceof dev.silica.simulator.spec.InvalidSpecException) {
        throw e;
      }
      throw spec.error(e.getMessage());
    }
  }

  /** Fraction bits of a 16-bit {@code qM.N} format key. */
  private static int fractionBits(dev.silica.simulator.spec.SpecNode spec, String key) {
    String f = spec.string(key);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("q(\\d+)\\.(\\d+)").matcher(f);
    if (!m.matches() || Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2)) != 16) {
      throw spec.get(key)
          .error(key + ": must be a 16-bit fixed-point format qM.N, got '" + f + "'");
    }
    return Integer.parseInt(m.group(2));
  }
}
