package dev.silica.accelerators.cpu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code host} preset: this machine's cores, SIMD width and caches, read from the OS.
 *
 * <ul>
 *   <li>cores: {@code cpu cores} × distinct {@code physical id}s of {@code /proc/cpuinfo} (falls
 *       back to the JVM's available processors);
 *   <li>SIMD: 512 bits with {@code avx512f}, 256 with {@code avx2} or {@code avx}, else 128; two
 *       FMA ports with {@code fma} (AVX2 cores since Haswell and Zen 2 have two), else one; {@code
 *       avx512_fp16}, {@code avx512_bf16}, {@code avx512_vnni}/{@code avx_vnni} flags;
 *   <li>clock: {@code cpufreq/cpuinfo_max_freq} when present, else the first {@code cpu MHz};
 *   <li>caches: {@code /sys/devices/system/cpu/cpu0/cache/index*} (level, type, size, line); L3
 *       defaults to 8 MiB when absent;
 *   <li>DRAM: not readable from the OS; assumed 51.2 GB/s (two channels of DDR4-3200, U).
 * </ul>
 *
 * <p>Blocking is derived from the cache sizes ({@link Blocking#derive}); the efficiency and energy
 * node (14 nm) are assumptions (U), as for the other presets.
 */
public final class HostCpu {
  private HostCpu() {}

  /** Reads this machine. */
  public static CpuConfig detect() {
    return detect(Path.of("/proc/cpuinfo"), Path.of("/sys/devices/system/cpu/cpu0"));
  }

  /** Reads a cpuinfo file and a sysfs cpu directory (tests pass copies). */
  public static CpuConfig detect(Path cpuinfo, Path sysCpu) {
    String info = read(cpuinfo);
    int coresPerSocket = 0;
    Set<String> sockets = new HashSet<>();
    Set<String> flags = new HashSet<>();
    double mhz = 0;
    for (String line : info.split("\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).strip();
      String value = line.substring(colon + 1).strip();
      switch (key) {
        case "cpu cores" -> coresPerSocket = parseInt(value, coresPerSocket);
        case "physical id" -> sockets.add(value);
        case "flags" -> {
          if (flags.isEmpty()) {
            flags.addAll(Set.of(value.split("\\s+")));
          }
        }
        case "cpu MHz" -> {
          if (mhz == 0) {
            mhz = parseDouble(value);
          }
        }
        default -> {}
      }
    }
    int cores =
        coresPerSocket > 0
            ? coresPerSocket * Math.max(1, sockets.size())
            : Runtime.getRuntime().availableProcessors();
    String maxFreq = read(sysCpu.resolve("cpufreq/cpuinfo_max_freq")).strip();
    double ghz = !maxFreq.isEmpty() ? parseDouble(maxFreq) / 1e6 : mhz / 1e3;
    if (!(ghz > 0)) {
      ghz = 2.0;
    }
    int simd =
        flags.contains("avx512f")
            ? 512
            : flags.contains("avx2") || flags.contains("avx") ? 256 : 128;
    int fma = flags.contains("fma") || flags.contains("avx512f") ? 2 : 1;
    long l1 = 32 * 1024;
    long l2 = 256 * 1024;
    long l3 = 8L * 1024 * 1024;
    for (int i = 0; i < 8; i++) {
      Path idx = sysCpu.resolve("cache/index" + i);
      if (!Files.isDirectory(idx)) {
        continue;
      }
      String type = read(idx.resolve("type")).strip();
      if (type.equals("Instruction")) {
        continue;
      }
      long size = parseSize(read(idx.resolve("size")).strip());
      if (size <= 0) {
        continue;
      }
      switch (read(idx.resolve("level")).strip()) {
        case "1" -> l1 = size;
        case "2" -> l2 = size;
        case "3" -> l3 = size;
        default -> {}
      }
    }
    return new CpuConfig(
        "host",
        cores,
        ghz,
        simd,
        fma,
        flags.contains("avx512_fp16"),
        flags.contains("avx512_bf16"),
        flags.contains("avx512_vnni") || flags.contains("avx_vnni"),
        CpuPresets.caches(simd, l1, l2, l3),
        51.2,
        0.8,
        Blocking.derive(simd, l1, l2, l3 / cores, 4),
        0.78,
        2.0,
        0,
        14,
        "read from /proc/cpuinfo and sysfs; DRAM 51.2 GB/s, efficiencies and node assumed (U)");
  }

  /** {@code 32K}, {@code 1M}, {@code 32768K} → bytes; 0 when unreadable. */
  static long parseSize(String s) {
    if (s.isEmpty()) {
      return 0;
    }
    String u = s.toUpperCase(Locale.ROOT);
    long mult = 1;
    if (u.endsWith("K")) {
      mult = 1024;
      u = u.substring(0, u.length() - 1);
    } else if (u.endsWith("M")) {
      mult = 1024 * 1024;
      u = u.substring(0, u.length() - 1);
    }
    try {
      return Long.parseLong(u.strip()) * mult;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String read(Path p) {
    try {
      return Files.isRegularFile(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static int parseInt(String s, int dflt) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return dflt;
    }
  }

  private static double parseDouble(String s) {
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
