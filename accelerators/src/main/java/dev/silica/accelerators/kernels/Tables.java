package dev.silica.accelerators.kernels;

import dev.silica.simulator.energy.EnergyTable;
import dev.silica.simulator.spec.SpecKind;
import dev.silica.simulator.spec.SpecLoader;

/** The energy tables the CPU and GPU models price their actions with, scaled to a node. */
public final class Tables {
  private static final String EXTRA = "dev/silica/accelerators/kernels/cpugpu-extra-45nm.yaml";

  private Tables() {}

  private static final class Holder {
    static final EnergyTable EXTRA_45 =
        EnergyTable.fromSpec(SpecLoader.loadResource(EXTRA, SpecKind.ENERGY_TABLE));
  }

  /** The format estimates then Horowitz 45 nm, both scaled to {@code nm} (same Vdd, 0.8 V row). */
  public static EnergyTable[] at(int nm) {
    return new EnergyTable[] {
      Holder.EXTRA_45.scaledTo(nm), EnergyTable.horowitz45nm().scaledTo(nm)
    };
  }
}
