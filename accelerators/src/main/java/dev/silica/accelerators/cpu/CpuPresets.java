package dev.silica.accelerators.cpu;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The CPU presets. Every number is from gpu-cpu-specs (flags V, V2, D as there) or papers-inputs,
 * except those marked (U): assumptions stated here because the reference sheet has no source for
 * them (cache bandwidths per cycle, sustained DRAM fraction, fork/join overhead).
 *
 * <ul>
 *   <li>{@code i7-5930k}, the EIE paper's CPU baseline (gpu-cpu-specs §3.1): 6 Haswell-E cores,
 *       AVX2 + FMA3 with 2 FMA ports, 3.5 GHz (672 GF SP peak, D), L1 32 KiB and L2 256 KiB per
 *       core (the sizes BLIS's Haswell blocking is checked against, §3.3), 15 MB L3 (V),
 *       quad-channel DDR4-2133 = 68.3 GB/s (D), 140 W (U), 22 nm (energy priced at the 20 nm row,
 *       the nearest tabulated node). Blocking: BLIS Haswell SGEMM 6/16/168/256/4080 (V). GEMM
 *       efficiency 0.78: MKL SGEMM on 24 Haswell threads, ~77 GF of 99.2 GF per core (§3.2, V
 *       approx).
 *   <li>{@code xeon-e5-2699v3}, the TPU paper's CPU (papers-inputs §2.4, V): 18 cores, 2.3 GHz, 51
 *       GB/s, 145 W die TDP; 45 MiB L3 (U; with 18 × 288 KiB of L1+L2 it makes the paper's 51 MiB
 *       of on-chip memory); Haswell core as above.
 *   <li>{@code xeon-platinum-8480}, a modern AVX-512 server part (Sapphire Rapids 8480+, §3.1): 56
 *       cores (V), 1.9 GHz (ES leak, V), AVX-512 with 2 FMA ports, AVX512-FP16, AVX512-BF16 and
 *       VNNI; L1 48 KiB and L2 2 MiB per core (U), 105 MB L3 (V), 8 × DDR5-4800 = 307.2 GB/s (D
 *       from the U speed grade), 350 W (V), Intel 7 priced at the 10 nm row. Blocking: BLIS
 *       Skylake-X SGEMM 32/12/480/384/3072 (V); GEMM efficiency 0.77 (MKL SGEMM on Skylake-SP,
 *       §3.2, V approx).
 *   <li>{@code host}: this machine, read from {@code /proc/cpuinfo} and sysfs ({@link HostCpu}).
 * </ul>
 *
 * <p>Assumed for every preset (U): L1 delivers two vector loads per cycle (64 B on AVX2, 128 B on
 * AVX-512), L2 32 B/cycle/core, L3 16 B/cycle/core; DRAM sustains 80% of its peak; 2 µs of
 * fork/join per parallel kernel.
 */
public final class CpuPresets {
  private CpuPresets() {}

  private static final double SYNC_US = 2.0;
  private static final double DRAM_EFF = 0.8;

  private static final Map<String, Supplier<CpuConfig>> PRESETS = new LinkedHashMap<>();

  static {
    PRESETS.put("i7-5930k", CpuPresets::i75930k);
    PRESETS.put("xeon-e5-2699v3", CpuPresets::xeonE52699v3);
    PRESETS.put("xeon-platinum-8480", CpuPresets::xeon8480);
    PRESETS.put("host", HostCpu::detect);
  }

  /** Preset names in registration order. */
  public static Set<String> names() {
    return PRESETS.keySet();
  }

  /** The preset called {@code name}. */
  public static CpuConfig preset(String name) {
    Supplier<CpuConfig> s = PRESETS.get(name);
    if (s == null) {
      throw new IllegalArgumentException(
          "unknown cpu preset '"
              + name
              + "' (expected one of: "
              + String.join(", ", PRESETS.keySet())
              + ")");
    }
    return s.get();
  }

  static List<CacheLevel> caches(int simdBits, long l1, long l2, long l3) {
    return List.of(
        new CacheLevel("l1", l1, false, 64, 2 * simdBits / 8.0),
        new CacheLevel("l2", l2, false, 64, 32),
        new CacheLevel("l3", l3, true, 64, 16));
  }

  static CpuConfig i75930k() {
    return new CpuConfig(
        "i7-5930k",
        6,
        3.5,
        256,
        2,
        false,
        false,
        false,
        caches(256, 32 * 1024, 256 * 1024, 15L * 1024 * 1024),
        68.256,
        DRAM_EFF,
        new Blocking(6, 16, 168, 256, 4080),
        0.78,
        SYNC_US,
        140,
        20,
        "gpu-cpu-specs §3.1 (i7-5930K: 6 cores, 3.5 GHz, 15 MB L3, 4x DDR4-2133 = 68.3 GB/s D, 140 W U),"
            + " §3.3 BLIS Haswell blocking (V), §3.2 MKL efficiency (V approx); cache bandwidths U");
  }

  static CpuConfig xeonE52699v3() {
    return new CpuConfig(
        "xeon-e5-2699v3",
        18,
        2.3,
        256,
        2,
        false,
        false,
        false,
        caches(256, 32 * 1024, 256 * 1024, 45L * 1024 * 1024),
        51,
        DRAM_EFF,
        new Blocking(6, 16, 168, 256, 4080),
        0.78,
        SYNC_US,
        145,
        20,
        "papers-inputs §2.4 TPU paper Table 2 (18 cores, 2300 MHz, 51 GB/s, 145 W; V), 45 MiB L3 (U),"
            + " Haswell core as i7-5930k");
  }

  static CpuConfig xeon8480() {
    return new CpuConfig(
        "xeon-platinum-8480",
        56,
        1.9,
        512,
        2,
        true,
        true,
        true,
        caches(512, 48 * 1024, 2L * 1024 * 1024, 105L * 1024 * 1024),
        307.2,
        DRAM_EFF,
        new Blocking(32, 12, 480, 384, 3072),
        0.77,
        SYNC_US,
        350,
        10,
        "gpu-cpu-specs §3.1 (56 cores, 1.9 GHz ES, 105 MB L3, 350 W: V leak; DDR5-4800 x 8: U),"
            + " §3.3 BLIS Skylake-X blocking (V), §3.2 MKL Skylake-SP efficiency (V approx)");
  }
}
