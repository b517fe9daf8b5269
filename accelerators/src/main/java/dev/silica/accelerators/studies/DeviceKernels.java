package dev.silica.accelerators.studies;

import dev.silica.accelerators.cpu.CpuModel;
import dev.silica.accelerators.gpu.GpuModel;
import dev.silica.accelerators.kernels.Kernel;
import dev.silica.accelerators.kernels.KernelTime;
import dev.silica.accelerators.kernels.Tables;
import dev.silica.simulator.AcceleratorModel;
import dev.silica.simulator.energy.ActionCounts;
import dev.silica.simulator.energy.EnergyModel;
import java.util.List;

/** A CPU or GPU model seen as something that prices kernels: time, energy, TDP. */
public record DeviceKernels(AcceleratorModel model) {
  public DeviceKernels {
    if (!(model instanceof CpuModel) && !(model instanceof GpuModel)) {
      throw new IllegalArgumentException(
          model.name() + ": kernel studies need a CPU or GPU model (e.g. i7-5930k, a100)");
    }
  }

  public List<KernelTime> price(Kernel k) {
    return switch (model) {
      case CpuModel c -> c.price(k);
      case GpuModel g -> List.of(g.price(k));
      default -> throw new IllegalStateException(model.name());
    };
  }

  public double seconds(Kernel k) {
    double s = 0;
    for (KernelTime t : price(k)) {
      s += t.seconds();
    }
    return s;
  }

  /** Energy of the kernels' actions, pJ, priced at the device's node. */
  public double energyPj(List<KernelTime> ts) {
    ActionCounts a = new ActionCounts();
    ts.forEach(t -> a.addAll(t.actions()));
    return EnergyModel.evaluate(a, Tables.at(node())).totalPj();
  }

  public double tdpW() {
    return switch (model) {
      case CpuModel c -> c.config().tdpW();
      case GpuModel g -> g.config().tdpW();
      default -> 0;
    };
  }

  public double peakFlops() {
    return switch (model) {
      case CpuModel c -> c.config().peakFlops(c.format());
      case GpuModel g -> g.config().peakFlops(g.format());
      default -> 0;
    };
  }

  /** Peak DRAM bandwidth, bytes per second. */
  public double dramBytesPerS() {
    return switch (model) {
      case CpuModel c -> c.config().dramGBps() * 1e9;
      case GpuModel g -> g.config().dramGBps() * 1e9;
      default -> 0;
    };
  }

  /** Bytes per activation element in the model's format. */
  public int elementBytes() {
    return switch (model) {
      case CpuModel c -> c.format().bytes();
      case GpuModel g -> g.format().bytes();
      default -> 4;
    };
  }

  private int node() {
    return switch (model) {
      case CpuModel c -> c.config().energyNodeNm();
      case GpuModel g -> g.config().energyNodeNm();
      default -> 45;
    };
  }
}
