package dev.silica.accelerators.studies;

import dev.silica.accelerators.Accelerators;
import dev.silica.accelerators.kernels.Kernel;
import dev.silica.accelerators.kernels.KernelTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The EIE paper's CPU and GPU baselines, modelled: its nine benchmark layers (papers-inputs §1.2,
 * S-EIE Table III) as dense GEMV/GEMM (MKL SGEMV/SGEMM, cuBLAS) and as CSR sparse products (MKL
 * CSRMV/CSRMM, cuSPARSE) at the paper's weight density, batch 1 and 64, on {@code i7-5930k}, {@code
 * titan-x-maxwell} and {@code tegra-k1}, in FP32 as the paper's baselines ran.
 *
 * <p>Non-zeros are {@code round(density · in · out)}; zero activations are not skipped (neither MKL
 * nor cuSPARSE does). Energy is the models' action-count energy (dynamic, no static or board
 * power); {@code energy_tdp_bound_uj = TDP · time} is the board-level upper bound of gpu-cpu-specs
 * §4.3 (empty where the TDP is unknown).
 */
public final class EieBaselines {
  private EieBaselines() {}

  /** One benchmark layer: input and output length, weight and activation density. */
  public record Layer(String name, int in, int out, double weightDensity, double actDensity) {}

  /** papers-inputs §1.2 (S-EIE Table III), size printed as (input, output). */
  public static final List<Layer> LAYERS =
      List.of(
          new Layer("Alex-6", 9216, 4096, 0.09, 0.351),
          new Layer("Alex-7", 4096, 4096, 0.09, 0.353),
          new Layer("Alex-8", 4096, 1000, 0.25, 0.375),
          new Layer("VGG-6", 25088, 4096, 0.04, 0.183),
          new Layer("VGG-7", 4096, 4096, 0.04, 0.375),
          new Layer("VGG-8", 4096, 1000, 0.23, 0.411),
          new Layer("NT-We", 4096, 600, 0.10, 1.0),
          new Layer("NT-Wd", 600, 8791, 0.11, 1.0),
          new Layer("NT-LSTM", 1201, 2400, 0.10, 1.0));

  public static final List<String> PLATFORMS = List.of("i7-5930k", "titan-x-maxwell", "tegra-k1");

  public static final int[] BATCHES = {1, 64};

  /** One baseline row; {@code energyTdpBoundUj} is NaN when the TDP is unknown. */
  public record Row(
      String platform,
      String layer,
      int batch,
      String matrix,
      double timeUs,
      double energyUj,
      double energyTdpBoundUj,
      String bound,
      String kernel) {}

  public static List<Row> rows() {
    List<Row> out = new ArrayList<>();
    for (String p : PLATFORMS) {
      DeviceKernels d = new DeviceKernels(Accelerators.create(p));
      for (Layer l : LAYERS) {
        for (int b : BATCHES) {
          Kernel dense = Kernel.Gemm.of(b, l.out(), l.in());
          long nnz = Math.round(l.weightDensity() * l.in() * l.out());
          Kernel sparse = new Kernel.Spmv(l.out(), l.in(), nnz, b);
          out.add(row(d, p, l, b, "dense", dense));
          out.add(row(d, p, l, b, "sparse", sparse));
        }
      }
    }
    return out;
  }

  private static Row row(DeviceKernels d, String p, Layer l, int b, String matrix, Kernel k) {
    List<KernelTime> ts = d.price(k);
    double s = 0;
    for (KernelTime t : ts) {
      s += t.seconds();
    }
    double tdp = d.tdpW();
    return new Row(
        p,
        l.name(),
        b,
        matrix,
        s * 1e6,
        d.energyPj(ts) / 1e6,
        tdp > 0 ? tdp * s * 1e6 : Double.NaN,
        ts.get(ts.size() - 1).bound(),
        ts.get(ts.size() - 1).kernel());
  }
}
