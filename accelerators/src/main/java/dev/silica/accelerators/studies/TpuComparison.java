package dev.silica.accelerators.studies;

import dev.silica.accelerators.Accelerators;
import dev.silica.simulator.AcceleratorModel;
import dev.silica.simulator.result.RunResult;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.Value;
import dev.silica.workloads.ir.ValueKind;
import dev.silica.workloads.zoo.Zoo;
import java.util.ArrayList;
import java.util.List;

/**
 * The TPU paper's comparison (papers-inputs §2.3–2.4): its apps as the zoo builds them ({@code
 * tpu-mlp0}, {@code tpu-lstm0}, {@code tpu-cnn0}, at the paper's batch sizes 200, 64 and 8) on
 * {@code xeon-e5-2699v3} and {@code k80} (FP32, as the paper's CPU and GPU ran) and {@code tpu-v1}
 * (int8), with the achieved TOPS and each app's roofline position: operational intensity in MACs
 * per weight byte (the paper's "TPU ops / weight byte"), and the roofline bound {@code min(peak, 2
 * · intensity · weight bandwidth)} in TOPS, the weights read at the device's format width.
 */
public final class TpuComparison {
  private TpuComparison() {}

  public static final List<String> APPS = List.of("tpu-mlp0", "tpu-lstm0", "tpu-cnn0");
  public static final List<String> PLATFORMS = List.of("xeon-e5-2699v3", "k80", "tpu-v1");

  /** One app on one platform. */
  public record Row(
      String platform,
      String app,
      int batch,
      double timeUs,
      double tops,
      double peakTops,
      double macsPerWeightByte,
      double rooflineTops,
      double energyUj) {}

  public static List<Row> rows() {
    List<Row> out = new ArrayList<>();
    for (String app : APPS) {
      Graph g = Zoo.build(app);
      long weights = 0;
      for (Value v : g.values()) {
        if (v.kind() == ValueKind.PARAMETER) {
          weights += v.type().size();
        }
      }
      int batch = g.inputs().get(0).type().dim(g.inputs().get(0).type().rank() == 3 ? 1 : 0);
      for (String p : PLATFORMS) {
        AcceleratorModel m = Accelerators.create(p);
        RunResult r = m.run(g);
        double peak;
        double bw;
        int wBytes;
        if (p.equals("tpu-v1")) {
          peak = 92e12; // papers-inputs §2.1/§2.4: 65,536 MACs at 700 MHz
          bw = 34e9; // Table 2 weight memory
          wBytes = 1;
        } else {
          DeviceKernels d = new DeviceKernels(m);
          peak = d.peakFlops();
          bw = d.dramBytesPerS();
          wBytes = d.elementBytes();
        }
        double intensity = (double) r.totals().macs() / (weights * (double) wBytes);
        double roofline = Math.min(peak, 2 * intensity * bw);
        out.add(
            new Row(
                p,
                app,
                batch,
                r.timeSeconds() * 1e6,
                2.0 * r.totals().macs() / r.timeSeconds() / 1e12,
                peak / 1e12,
                intensity,
                roofline / 1e12,
                r.energyPj() / 1e6));
      }
    }
    return out;
  }
}
