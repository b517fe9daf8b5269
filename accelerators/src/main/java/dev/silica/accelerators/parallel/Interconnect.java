package dev.silica.accelerators.parallel;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The links between N devices: per-link bandwidth (one direction), per-message latency, topology.
 *
 * <h2>Collectives (α = latency, β = link bandwidth, S = bytes, N devices)</h2>
 *
 * <pre>
 * ring        all-reduce  2·(N − 1)·(α + S / (N·β))   (reduce-scatter then all-gather, N − 1 steps
 *                                                     each, every device sending S/N per step:
 *                                                     Patarasuk &amp; Yuan's bandwidth-optimal ring)
 *             all-gather  (N − 1)·(α + S / (N·β))     (S = the gathered total)
 * all-to-all  all-reduce  2·(α + S / (N·β))           (each device has a link to every other and
 *                                                     sends its N − 1 chunks of S/N at once)
 *             all-gather  α + S / (N·β)
 * point to point          α + S / β
 * </pre>
 *
 * <p>Presets (U: standard link figures, not in the reference sheet): {@code pcie2-x16} 8 GB/s, 5
 * µs, ring through the host (the GTX 580 era); {@code pcie3-x16} 15.75 GB/s, 5 µs, ring; {@code
 * nvlink2} 150 GB/s per GPU (V100, 6 links × 25 GB/s), 2 µs, all-to-all within an 8-GPU box; {@code
 * nvlink3} 300 GB/s (A100), {@code nvlink4} 450 GB/s (H100), both 2 µs, all-to-all (NVSwitch).
 *
 * @param name preset name
 * @param linkGBps bandwidth of one link, one direction, GB/s
 * @param latencyUs per-message latency, µs
 * @param topology how the devices are connected
 */
public record Interconnect(String name, double linkGBps, double latencyUs, Topology topology) {
  /** How the devices are connected. */
  public enum Topology {
    RING,
    ALL_TO_ALL;

    public String key() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  public Interconnect {
    if (!(linkGBps > 0) || latencyUs < 0) {
      throw new IllegalArgumentException(
          name + ": link bandwidth must be positive and latency >= 0");
    }
  }

  private static final Map<String, Interconnect> PRESETS = new LinkedHashMap<>();

  static {
    for (Interconnect i :
        new Interconnect[] {
          new Interconnect("pcie2-x16", 8, 5, Topology.RING),
          new Interconnect("pcie3-x16", 15.75, 5, Topology.RING),
          new Interconnect("nvlink2", 150, 2, Topology.ALL_TO_ALL),
          new Interconnect("nvlink3", 300, 2, Topology.ALL_TO_ALL),
          new Interconnect("nvlink4", 450, 2, Topology.ALL_TO_ALL)
        }) {
      PRESETS.put(i.name(), i);
    }
  }

  public static Set<String> names() {
    return PRESETS.keySet();
  }

  public static Interconnect preset(String name) {
    Interconnect i = PRESETS.get(name);
    if (i == null) {
      throw new IllegalArgumentException(
          "unknown interconnect '"
              + name
              + "' (expected one of: "
              + String.join(", ", PRESETS.keySet())
              + ")");
    }
    return i;
  }

  private double alpha() {
    return latencyUs * 1e-6;
  }

  private double beta() {
    return linkGBps * 1e9;
  }

  /** Seconds to all-reduce {@code bytes} over {@code n} devices (0 for one device). */
  public double allReduceSeconds(double bytes, int n) {
    if (n <= 1) {
      return 0;
    }
    double step = alpha() + bytes / (n * beta());
    return topology == Topology.RING ? 2.0 * (n - 1) * step : 2.0 * step;
  }

  /** Seconds to all-gather {@code bytes} in total (each device holds {@code bytes / n}). */
  public double allGatherSeconds(double bytes, int n) {
    if (n <= 1) {
      return 0;
    }
    double step = alpha() + bytes / (n * beta());
    return topology == Topology.RING ? (n - 1) * step : step;
  }

  /** Seconds to send {@code bytes} from one device to another. */
  public double sendSeconds(double bytes) {
    return alpha() + bytes / beta();
  }
}
