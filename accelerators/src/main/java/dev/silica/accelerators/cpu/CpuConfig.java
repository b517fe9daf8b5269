package dev.silica.accelerators.cpu;

import dev.silica.accelerators.kernels.MathFormat;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One CPU: cores, sustained clock, SIMD, cache hierarchy, DRAM, GEMM blocking and efficiency.
 *
 * <h2>Peak rate per format (gpu-cpu-specs §3.1)</h2>
 *
 * <pre>
 * MACs/cycle/core   fp64  fmaUnits · simd/64          fp32  fmaUnits · simd/32
 *                   fp16  fmaUnits · simd/16 with AVX512-FP16, else converted to fp32 (F16C): fp32 rate
 *                   bf16  fmaUnits · simd/16 with AVX512-BF16 (vdpbf16ps: 2 products per fp32 lane),
 *                         else fp32 rate
 *                   int8  fmaUnits · simd/8 with VNNI (vpdpbusd: 4 products per 32-bit lane), else
 *                         simd/8 (one vpmaddubsw per cycle; its widening adds go to other ports)
 * peak FLOP/s = cores · MACs/cycle/core · 2 · f_sustained
 * </pre>
 *
 * <p>TF32 and FP8 have no CPU instructions: asking for them is an error. AMX tiles (Sapphire
 * Rapids) are not modelled.
 *
 * @param name preset name
 * @param cores physical cores
 * @param clockGhz sustained all-core (AVX) clock
 * @param simdBits vector register width
 * @param fmaUnits FMA ports per core
 * @param fp16Native AVX512-FP16 arithmetic
 * @param bf16Dot AVX512-BF16 dot products
 * @param int8Vnni VNNI int8 dot products
 * @param caches L1, L2, L3 in that order
 * @param dramGBps peak DRAM bandwidth, GB/s (10^9 B/s)
 * @param dramEfficiency sustained fraction of {@code dramGBps} a streaming kernel reaches
 * @param blocking Goto/BLIS fp32 blocking
 * @param gemmEfficiency sustained fraction of the peak a large GEMM micro-kernel reaches
 * @param syncOverheadUs fork/join cost per parallel kernel, µs
 * @param tdpW thermal design power (reported, and for TDP-based energy bounds)
 * @param energyNodeNm technology node of the energy table (a row of TechnologyScaling)
 * @param provenance source and flag of each number, for the resolved-config echo
 */
public record CpuConfig(
    String name,
    int cores,
    double clockGhz,
    int simdBits,
    int fmaUnits,
    boolean fp16Native,
    boolean bf16Dot,
    boolean int8Vnni,
    List<CacheLevel> caches,
    double dramGBps,
    double dramEfficiency,
    Blocking blocking,
    double gemmEfficiency,
    double syncOverheadUs,
    double tdpW,
    int energyNodeNm,
    String provenance) {

  public CpuConfig {
    Objects.requireNonNull(name, "name");
    caches = List.copyOf(caches);
    if (cores <= 0 || !(clockGhz > 0) || simdBits < 128 || fmaUnits <= 0) {
      throw new IllegalArgumentException(
          name + ": cores, clock_ghz, simd_bits (>= 128) and fma_units must be positive");
    }
    if (caches.size() != 3) {
      throw new IllegalArgumentException(name + ": caches must list l1, l2, l3, got " + caches);
    }
    if (!(dramGBps > 0) || !(dramEfficiency > 0 && dramEfficiency <= 1)) {
      throw new IllegalArgumentException(name + ": dram bandwidth and efficiency out of range");
    }
    if (!(gemmEfficiency > 0 && gemmEfficiency <= 1) || syncOverheadUs < 0) {
      throw new IllegalArgumentException(name + ": gemm_efficiency must be in (0, 1]");
    }
  }

  public double clockHz() {
    return clockGhz * 1e9;
  }

  public CacheLevel l1() {
    return caches.get(0);
  }

  public CacheLevel l2() {
    return caches.get(1);
  }

  public CacheLevel l3() {
    return caches.get(2);
  }

  /** Formats this CPU computes in. */
  public Set<MathFormat> formats() {
    return EnumSet.of(
        MathFormat.FP64, MathFormat.FP32, MathFormat.FP16, MathFormat.BF16, MathFormat.INT8);
  }

  /** MACs per cycle per core in {@code f} (see the class comment). */
  public long macsPerCyclePerCore(MathFormat f) {
    return switch (f) {
      case FP64 -> (long) fmaUnits * simdBits / 64;
      case FP32 -> (long) fmaUnits * simdBits / 32;
      case FP16 -> (long) fmaUnits * simdBits / (fp16Native ? 16 : 32);
      case BF16 -> (long) fmaUnits * simdBits / (bf16Dot ? 16 : 32);
      case INT8 -> (long) (int8Vnni ? fmaUnits : 1) * simdBits / 8;
      case TF32, FP8 ->
          throw new IllegalArgumentException(
              name
                  + ": numerics "
                  + f.key()
                  + " has no CPU instructions (expected one of: "
                  + String.join(", ", formats().stream().map(MathFormat::key).toList())
                  + ")");
    };
  }

  /** Peak MACs per cycle over all cores. */
  public long peakMacsPerCycle(MathFormat f) {
    return cores * macsPerCyclePerCore(f);
  }

  /** Peak operations per second ({@code 2 ·} MACs). */
  public double peakFlops(MathFormat f) {
    return 2.0 * peakMacsPerCycle(f) * clockHz();
  }

  /** Vector loads per cycle per core: L1 bandwidth / vector bytes. */
  public double loadPorts() {
    return l1().bytesPerCyclePerCore() / (simdBits / 8.0);
  }

  /** Aggregate bandwidth of cache {@code level} over all cores, bytes per second. */
  public double cacheBytesPerS(CacheLevel level) {
    return level.bytesPerCyclePerCore() * cores * clockHz();
  }

  /** Sustained DRAM bandwidth, bytes per second. */
  public double dramBytesPerS() {
    return dramGBps * 1e9 * dramEfficiency;
  }

  /** The resolved configuration, ordered, with units in the keys. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("model", "cpu.analytical");
    m.put("cores", cores);
    m.put("clock_ghz", clockGhz);
    m.put("simd_bits", simdBits);
    m.put("fma_units", fmaUnits);
    m.put("fp16_native", fp16Native);
    m.put("bf16_dot", bf16Dot);
    m.put("int8_vnni", int8Vnni);
    for (CacheLevel c : caches) {
      m.put(c.name() + "_bytes", c.bytes());
      m.put(c.name() + "_bytes_per_cycle_per_core", c.bytesPerCyclePerCore());
    }
    m.put("dram_gbps", dramGBps);
    m.put("dram_efficiency", dramEfficiency);
    m.put(
        "blocking_mr_nr_mc_kc_nc",
        blocking.mr()
            + "/"
            + blocking.nr()
            + "/"
            + blocking.mc()
            + "/"
            + blocking.kc()
            + "/"
            + blocking.nc());
    m.put("gemm_efficiency", gemmEfficiency);
    m.put("sync_overhead_us", syncOverheadUs);
    m.put("tdp_w", tdpW);
    m.put("energy_node_nm", energyNodeNm);
    m.put("provenance", provenance);
    return m;
  }
}
