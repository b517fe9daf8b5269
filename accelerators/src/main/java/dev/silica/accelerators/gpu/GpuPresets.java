package dev.silica.accelerators.gpu;

import dev.silica.accelerators.kernels.MathFormat;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The GPU presets, from gpu-cpu-specs §2.1 (chips), §2.2 (MACs per SM per clock) and §6, with that
 * sheet's flags; (U) marks assumptions the sheet has no source for.
 *
 * <h2>Efficiency factor, calibrated once</h2>
 *
 * <p>{@code e_kernel = 0.89} for every preset, calibrated on one published point: A100 SXM bf16
 * MAMF 271.2 TFLOP/s at 1024 × 10240 × 5120 (gpu-cpu-specs §2.3, V). For that shape the model's
 * tiles give {@code η = C / (⌈C/S⌉ · S) = 320 / 324 = 0.98765} (any candidate tile: 256×128 makes
 * 320 CTAs on 108 SMs), no K padding, so {@code t = 2MNK / 271.2 TF = 395.9 µs = t_compute + 5 µs
 * launch} and {@code e = 2MNK / (311.87 TF · 0.98765 · 390.9 µs) = 0.892}, rounded to 0.89. The
 * other published points (H100/H200 bf16 794.5 TF at 2048 × 2048 × 13312, A100 8192³ 257–295 TF)
 * are validations of that one constant, not fitted (GpuPublishedPointsTest). Pre-Volta parts run
 * SIMT SGEMM, for which the sheet has no efficiency figure: they inherit 0.89 (U).
 *
 * <h2>Shared assumptions</h2>
 *
 * <ul>
 *   <li>{@code e_bw = 0.88}: A100 80 GB streaming read 1.80 of 2.04 TB/s (§2.3, V); used for all.
 *   <li>L2 → SM bandwidth 5120 B/clock over 108 SMs = 47.4 B/clock/SM (A100, LLMCompass, §1.4, V);
 *       the same per SM for the other parts (U).
 *   <li>5 µs per kernel launch (U).
 * </ul>
 *
 * <h2>Parts</h2>
 *
 * <ul>
 *   <li>{@code gtx-580}: GF110, 16 SMs × 32 FP32 lanes at the 1544 MHz shader clock (1.581 TF, D),
 *       192.4 GB/s, 768 KB L2 (U), 244 W, CC 2.0, 40 nm priced at 45 nm. FP64 at 1/8 rate (U).
 *   <li>{@code titan-x-maxwell}: GM200, 24 × 128 lanes at 1075 MHz boost (6.60 TF, D), 336.5 GB/s,
 *       3 MB L2, 250 W, CC 5.2, 28 nm; FP16 stored, computed at the FP32 rate; FP64 1/32 (U).
 *   <li>{@code tegra-k1}: one Kepler SMX of 192 lanes at 852 MHz, 64-bit LPDDR3-1866 = 14.9 GB/s,
 *       128 KB L2, CC 3.2 with CC 3.5 limits, 28 nm (all U: the sheet has no Tegra K1 row).
 *   <li>{@code k80}: one GK210 die as the TPU paper measured it (papers-inputs §2.4, V): 13 SMX ×
 *       192 lanes at 560 MHz (boost off: 2.8 TF), 160 GB/s (ECC on), 150 W per die; 1.5 MB L2 (K40,
 *       V), 28 nm. FP64 1/3 (U).
 *   <li>{@code v100}: 80 SMs, 64 FP32 lanes, 1530 MHz, 512 FP16 tensor MACs/SM/clock (125.3 TF),
 *       900 GB/s, 6 MB L2, 300 W (U), CC 7.0, 12 nm priced at 14 nm; INT8 by dp4a on the CUDA cores
 *       (4 per lane, U); FP64 32/SM (U).
 *   <li>{@code a100}: 108 SMs, 64 lanes, 1410 MHz, tensor FP16/BF16 1024, TF32 512, INT8 2048, FP64
 *       64 MACs/SM/clock (V/D), 1555 GB/s (40 GB), 40 MB L2, 400 W, CC 8.0, 7 nm.
 *   <li>{@code h100}: 132 SMs, 128 lanes, 1830 MHz, FP16/BF16 2048, TF32 1024, FP8 and INT8 4096,
 *       FP64 128 (V/D), 3.35 TB/s, 50 MB L2, 700 W, CC 9.0, TSMC 4N priced at 7 nm (the smallest
 *       tabulated node).
 *   <li>{@code h200}: the H100 die with 4.8 TB/s of HBM3e (V).
 * </ul>
 */
public final class GpuPresets {
  private GpuPresets() {}

  /** {@code e_kernel}, calibrated on A100 MAMF as the class comment derives. */
  public static final double GEMM_EFFICIENCY = 0.89;

  /** {@code e_bw}, A100 streaming read 1.80 / 2.04 TB/s (gpu-cpu-specs §2.3, V). */
  public static final double DRAM_EFFICIENCY = 0.88;

  /** L2 → SM bytes per clock per SM, A100's 5120 B/clock / 108 SMs (LLMCompass, §1.4). */
  public static final double L2_BYTES_PER_CLOCK_PER_SM = 5120.0 / 108;

  /** Launch overhead per kernel, µs (U). */
  public static final double LAUNCH_US = 5.0;

  private static final Map<String, Supplier<GpuConfig>> PRESETS = new LinkedHashMap<>();

  static {
    PRESETS.put("gtx-580", GpuPresets::gtx580);
    PRESETS.put("titan-x-maxwell", GpuPresets::titanX);
    PRESETS.put("tegra-k1", GpuPresets::tegraK1);
    PRESETS.put("k80", GpuPresets::k80);
    PRESETS.put("v100", GpuPresets::v100);
    PRESETS.put("a100", GpuPresets::a100);
    PRESETS.put("h100", () -> hopper("h100", 3350));
    PRESETS.put("h200", () -> hopper("h200", 4800));
  }

  public static Set<String> names() {
    return PRESETS.keySet();
  }

  public static GpuConfig preset(String name) {
    Supplier<GpuConfig> s = PRESETS.get(name);
    if (s == null) {
      throw new IllegalArgumentException(
          "unknown gpu preset '"
              + name
              + "' (expected one of: "
              + String.join(", ", PRESETS.keySet())
              + ")");
    }
    return s.get();
  }

  private static Map<MathFormat, Long> rates(Object... kv) {
    Map<MathFormat, Long> m = new EnumMap<>(MathFormat.class);
    for (int i = 0; i < kv.length; i += 2) {
      m.put((MathFormat) kv[i], ((Number) kv[i + 1]).longValue());
    }
    return m;
  }

  private static GpuConfig simt(
      String name,
      int sms,
      double mhz,
      int lanes,
      int fp64PerSm,
      Occupancy occ,
      long l2,
      double gbps,
      double tdp,
      int node,
      String provenance) {
    return new GpuConfig(
        name,
        sms,
        mhz,
        rates(MathFormat.FP32, lanes, MathFormat.FP16, lanes, MathFormat.FP64, fp64PerSm),
        Set.of(),
        occ,
        l2,
        L2_BYTES_PER_CLOCK_PER_SM,
        gbps,
        DRAM_EFFICIENCY,
        GEMM_EFFICIENCY,
        LAUNCH_US,
        tdp,
        node,
        provenance);
  }

  static GpuConfig gtx580() {
    return simt(
        "gtx-580",
        16,
        1544,
        32,
        4,
        Occupancy.CC_2_0,
        768 * 1024,
        192.4,
        244,
        45,
        "gpu-cpu-specs §2.1 GTX 580 (V/D; L2 U), §1.4 CC 2.0");
  }

  static GpuConfig titanX() {
    return simt(
        "titan-x-maxwell",
        24,
        1075,
        128,
        4,
        Occupancy.CC_5_2,
        3L * 1024 * 1024,
        336.5,
        250,
        28,
        "gpu-cpu-specs §2.1 GTX Titan X (V/D), §1.4 CC 5.2");
  }

  static GpuConfig tegraK1() {
    return simt(
        "tegra-k1",
        1,
        852,
        192,
        8,
        Occupancy.CC_3_5,
        128 * 1024,
        14.928,
        0,
        28,
        "not in gpu-cpu-specs: 1 SMX x 192 lanes, 852 MHz, LPDDR3-1866 x64, 128 KB L2 (all U)");
  }

  static GpuConfig k80() {
    return simt(
        "k80",
        13,
        560,
        192,
        64,
        Occupancy.CC_3_5,
        1536 * 1024,
        160,
        150,
        28,
        "papers-inputs §2.4 TPU paper Table 2, one K80 die, boost off, ECC on (V); L2 as K40 (V)");
  }

  static GpuConfig v100() {
    return new GpuConfig(
        "v100",
        80,
        1530,
        rates(MathFormat.FP32, 64, MathFormat.FP16, 512, MathFormat.INT8, 256, MathFormat.FP64, 32),
        Set.of(MathFormat.FP16),
        Occupancy.CC_7_0,
        6L * 1024 * 1024,
        L2_BYTES_PER_CLOCK_PER_SM,
        900,
        DRAM_EFFICIENCY,
        GEMM_EFFICIENCY,
        LAUNCH_US,
        300,
        14,
        "gpu-cpu-specs §2.1/§2.2 V100 SXM2 (V; TDP U), §1.4 CC 7.0");
  }

  static GpuConfig a100() {
    return new GpuConfig(
        "a100",
        108,
        1410,
        rates(
            MathFormat.FP32, 64,
            MathFormat.FP16, 1024,
            MathFormat.BF16, 1024,
            MathFormat.TF32, 512,
            MathFormat.INT8, 2048,
            MathFormat.FP64, 64),
        Set.of(MathFormat.FP16, MathFormat.BF16, MathFormat.TF32, MathFormat.INT8, MathFormat.FP64),
        Occupancy.CC_8_0,
        40L * 1024 * 1024,
        L2_BYTES_PER_CLOCK_PER_SM,
        1555,
        DRAM_EFFICIENCY,
        GEMM_EFFICIENCY,
        LAUNCH_US,
        400,
        7,
        "gpu-cpu-specs §2.1/§2.2 A100 SXM4 40 GB (V/D), §1.4 CC 8.0");
  }

  static GpuConfig hopper(String name, double gbps) {
    return new GpuConfig(
        name,
        132,
        1830,
        rates(
            MathFormat.FP32, 128,
            MathFormat.FP16, 2048,
            MathFormat.BF16, 2048,
            MathFormat.TF32, 1024,
            MathFormat.FP8, 4096,
            MathFormat.INT8, 4096,
            MathFormat.FP64, 128),
        Set.of(
            MathFormat.FP16,
            MathFormat.BF16,
            MathFormat.TF32,
            MathFormat.FP8,
            MathFormat.INT8,
            MathFormat.FP64),
        Occupancy.CC_9_0,
        50L * 1024 * 1024,
        L2_BYTES_PER_CLOCK_PER_SM,
        gbps,
        DRAM_EFFICIENCY,
        GEMM_EFFICIENCY,
        LAUNCH_US,
        700,
        7,
        "gpu-cpu-specs §2.1/§2.2 "
            + name.toUpperCase(java.util.Locale.ROOT)
            + " SXM (V/D), §1.4 CC 9.0");
  }
}
