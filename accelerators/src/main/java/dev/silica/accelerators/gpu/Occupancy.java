package dev.silica.accelerators.gpu;

/**
 * The CUDA occupancy calculator's logic (gpu-cpu-specs §1.4, NVIDIA's spreadsheet as reimplemented
 * in the public occupancy.h): how many CTAs of a kernel fit on one SM.
 *
 * <pre>
 * warps_blk  = ⌈threads_blk / 32⌉
 * by_warps   = min(maxCTAs_SM, ⌊maxWarps_SM / warps_blk⌋)
 * regs_warp  = roundup(regs_thread · 32, reg_alloc_unit)
 * warps_regs = rounddown(⌊regs_SM / regs_warp⌋, warp_alloc_gran)
 * by_regs    = ⌊warps_regs / warps_blk⌋       (0 if regs_thread > max regs per thread)
 * smem_blk   = roundup(smem + reserved_per_blk, smem_alloc_unit)
 * by_smem    = ⌊smem_SM / smem_blk⌋
 * CTAs_SM    = min(by_warps, by_regs, by_smem);  occupancy = CTAs_SM · warps_blk / maxWarps_SM
 * </pre>
 *
 * @param computeCapability e.g. {@code 8.0}
 * @param maxWarpsPerSm resident warps per SM
 * @param maxCtasPerSm resident CTAs per SM
 * @param regsPerSm 32-bit registers per SM
 * @param regAllocUnit register allocation granularity (registers per warp)
 * @param maxRegsPerThread registers one thread may use
 * @param smemPerSm shared memory per SM, bytes
 * @param smemAllocUnit shared memory allocation granularity, bytes
 * @param warpAllocGranularity warp allocation granularity for registers
 * @param reservedSmemPerCta shared memory the system reserves per CTA, bytes
 */
public record Occupancy(
    String computeCapability,
    int maxWarpsPerSm,
    int maxCtasPerSm,
    int regsPerSm,
    int regAllocUnit,
    int maxRegsPerThread,
    int smemPerSm,
    int smemAllocUnit,
    int warpAllocGranularity,
    int reservedSmemPerCta) {

  /** CC 2.0 (Fermi), gpu-cpu-specs §1.4 table (V). */
  public static final Occupancy CC_2_0 =
      new Occupancy("2.0", 48, 8, 32768, 64, 63, 49152, 128, 2, 0);

  /** CC 3.5 (Kepler), §1.4 (V); used for CC 3.2 (Tegra K1) and 3.7 (K80) too (U). */
  public static final Occupancy CC_3_5 =
      new Occupancy("3.5", 64, 16, 65536, 256, 255, 49152, 256, 4, 0);

  /** CC 5.2 (Maxwell), §1.4 (V). */
  public static final Occupancy CC_5_2 =
      new Occupancy("5.2", 64, 32, 65536, 256, 255, 98304, 256, 2, 0);

  /** CC 7.0 (Volta), §1.4 (V). */
  public static final Occupancy CC_7_0 =
      new Occupancy("7.0", 64, 32, 65536, 256, 255, 98304, 256, 4, 0);

  /** CC 8.0 (A100), §1.4 (V). */
  public static final Occupancy CC_8_0 =
      new Occupancy("8.0", 64, 32, 65536, 256, 255, 167936, 128, 4, 1024);

  /**
   * CC 9.0 (H100): 64 warps and 232,448 B of shared memory per SM (V, §1.4); the other fields
   * (unverified there) are taken from CC 8.0 (U).
   */
  public static final Occupancy CC_9_0 =
      new Occupancy("9.0", 64, 32, 65536, 256, 255, 232448, 128, 4, 1024);

  /** CTAs of one kernel resident on an SM; 0 when one CTA does not fit. */
  public int ctasPerSm(int threadsPerCta, int regsPerThread, int smemPerCta) {
    int warpsBlk = ceilDiv(threadsPerCta, 32);
    int byWarps = Math.min(maxCtasPerSm, maxWarpsPerSm / warpsBlk);
    int byRegs;
    if (regsPerThread > maxRegsPerThread) {
      byRegs = 0;
    } else if (regsPerThread == 0) {
      byRegs = maxCtasPerSm;
    } else {
      int regsWarp = roundUp(regsPerThread * 32, regAllocUnit);
      int warpsRegs = (regsPerSm / regsWarp) / warpAllocGranularity * warpAllocGranularity;
      byRegs = warpsRegs / warpsBlk;
    }
    int smemBlk = roundUp(smemPerCta + reservedSmemPerCta, smemAllocUnit);
    int bySmem = smemBlk == 0 ? maxCtasPerSm : smemPerSm / smemBlk;
    return Math.max(0, Math.min(byWarps, Math.min(byRegs, bySmem)));
  }

  /** Resident warps / maximum warps for that kernel. */
  public double occupancy(int threadsPerCta, int regsPerThread, int smemPerCta) {
    return (double) ctasPerSm(threadsPerCta, regsPerThread, smemPerCta)
        * ceilDiv(threadsPerCta, 32)
        / maxWarpsPerSm;
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  private static int roundUp(int a, int unit) {
    return ceilDiv(a, unit) * unit;
  }
}
