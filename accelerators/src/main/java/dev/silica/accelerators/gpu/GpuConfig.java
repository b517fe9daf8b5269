package dev.silica.accelerators.gpu;

import dev.silica.accelerators.kernels.MathFormat;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One GPU: SMs, clock, MAC rates per format, occupancy limits, L2, DRAM/HBM, efficiencies, TDP.
 *
 * @param name preset name
 * @param sms streaming multiprocessors S
 * @param clockMhz the clock the MAC rates are counted in (shader clock on Fermi, boost or tensor
 *     spec clock on later parts)
 * @param macsPerSmPerClock dense MACs per SM per clock for each supported format (FP32 on the CUDA
 *     cores; FP16/BF16/TF32/FP8/INT8 on tensor cores where present)
 * @param tensorFormats formats that run on tensor cores (tile GEMMs use them; GEMV stays on CUDA
 *     cores)
 * @param occupancy the compute capability's occupancy limits
 * @param l2Bytes L2 capacity
 * @param l2BytesPerClockPerSm L2 → SM bandwidth per SM per clock
 * @param dramGBps peak DRAM/HBM bandwidth, GB/s
 * @param dramEfficiency achievable fraction of the peak for streaming kernels ({@code e_bw})
 * @param gemmEfficiency in-SM efficiency of a GEMM tile ({@code e_kernel}), calibrated as stated in
 *     {@link GpuPresets}
 * @param launchOverheadUs fixed time per kernel launch, µs
 * @param tdpW thermal design power
 * @param energyNodeNm technology node of the energy table (a row of TechnologyScaling)
 * @param provenance sources and flags
 */
public record GpuConfig(
    String name,
    int sms,
    double clockMhz,
    Map<MathFormat, Long> macsPerSmPerClock,
    Set<MathFormat> tensorFormats,
    Occupancy occupancy,
    long l2Bytes,
    double l2BytesPerClockPerSm,
    double dramGBps,
    double dramEfficiency,
    double gemmEfficiency,
    double launchOverheadUs,
    double tdpW,
    int energyNodeNm,
    String provenance) {

  public GpuConfig {
    Objects.requireNonNull(name, "name");
    macsPerSmPerClock = Collections.unmodifiableMap(new EnumMap<>(macsPerSmPerClock));
    tensorFormats = Set.copyOf(tensorFormats);
    if (sms <= 0 || !(clockMhz > 0) || l2Bytes <= 0 || !(dramGBps > 0)) {
      throw new IllegalArgumentException(name + ": sms, clock, l2 and dram must be positive");
    }
    if (!macsPerSmPerClock.containsKey(MathFormat.FP32)) {
      throw new IllegalArgumentException(name + ": an fp32 MAC rate is required");
    }
    if (!(dramEfficiency > 0 && dramEfficiency <= 1)
        || !(gemmEfficiency > 0 && gemmEfficiency <= 1)) {
      throw new IllegalArgumentException(name + ": efficiencies must be in (0, 1]");
    }
  }

  public double clockHz() {
    return clockMhz * 1e6;
  }

  /** MACs per SM per clock in {@code f}; unsupported formats list the supported ones. */
  public long macsPerSmPerClock(MathFormat f) {
    Long v = macsPerSmPerClock.get(f);
    if (v == null) {
      throw new IllegalArgumentException(
          name
              + ": numerics "
              + f.key()
              + " is not supported (expected one of: "
              + macsPerSmPerClock.keySet().stream()
                  .map(MathFormat::key)
                  .collect(Collectors.joining(", "))
              + ")");
    }
    return v;
  }

  /** MACs per clock of the CUDA cores (fp32 lanes). */
  public long simtMacsPerSmPerClock() {
    return macsPerSmPerClock.get(MathFormat.FP32);
  }

  public long peakMacsPerCycle(MathFormat f) {
    return sms * macsPerSmPerClock(f);
  }

  /** {@code S · MACs/SM/clock · 2 · f}. */
  public double peakFlops(MathFormat f) {
    return 2.0 * peakMacsPerCycle(f) * clockHz();
  }

  public double l2BytesPerS() {
    return l2BytesPerClockPerSm * sms * clockHz();
  }

  public double dramBytesPerS() {
    return dramGBps * 1e9 * dramEfficiency;
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("model", "gpu.analytical");
    m.put("sms", sms);
    m.put("clock_mhz", clockMhz);
    macsPerSmPerClock.forEach((f, v) -> m.put("macs_per_sm_per_clock_" + f.key(), v));
    m.put(
        "tensor_formats",
        tensorFormats.stream().map(MathFormat::key).sorted().collect(Collectors.joining(",")));
    m.put("compute_capability", occupancy.computeCapability());
    m.put("l2_bytes", l2Bytes);
    m.put("l2_bytes_per_clock_per_sm", l2BytesPerClockPerSm);
    m.put("dram_gbps", dramGBps);
    m.put("dram_efficiency", dramEfficiency);
    m.put("gemm_efficiency", gemmEfficiency);
    m.put("launch_overhead_us", launchOverheadUs);
    m.put("tdp_w", tdpW);
    m.put("energy_node_nm", energyNodeNm);
    m.put("provenance", provenance);
    return m;
  }
}
