package dev.silica.simulator.energy;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Energy and area factors relative to 45 nm, from Stillmaker &amp; Baas 2017 as tabulated in
 * gpu-cpu-specs §4.4 (energy: f(node) = a·Vdd² + b·Vdd + c evaluated at the same Vdd for both
 * nodes, ratio f_y / f_45 [D]; area: the published matrix row [V]). 28 nm is the table's linear
 * interpolation between 32 and 20 nm.
 *
 * <p>Caveat from the source: evaluating both nodes at the same Vdd understates savings when the
 * newer node also runs at a lower Vdd.
 */
public enum TechnologyScaling {
  NM_130(130, 3.07, 3.31, 6.4),
  NM_90(90, 1.90, 2.04, 2.8),
  NM_65(65, 1.24, 1.31, 1.5),
  NM_45(45, 1.00, 1.00, 1.0),
  NM_32(32, 0.66, 0.63, 0.46),
  NM_28(28, 0.51, 0.51, 0.38),
  NM_20(20, 0.22, 0.25, 0.21),
  NM_16(16, 0.17, 0.20, 0.19),
  NM_14(14, 0.14, 0.16, 0.17),
  NM_10(10, 0.12, 0.14, 0.10),
  NM_7(7, 0.094, 0.11, 0.059);

  /** Which same-Vdd row of the energy table to use. */
  public enum Vdd {
    /** Both nodes at 0.8 V (the default; the row the reference sheet highlights). */
    V0_8,
    /** Both nodes at 1.0 V. */
    V1_0
  }

  private final int nanometres;
  private final double energyAt08;
  private final double energyAt10;
  private final double area;

  TechnologyScaling(int nanometres, double energyAt08, double energyAt10, double area) {
    this.nanometres = nanometres;
    this.energyAt08 = energyAt08;
    this.energyAt10 = energyAt10;
    this.area = area;
  }

  public int nanometres() {
    return nanometres;
  }

  /** Energy at this node / energy at 45 nm, same Vdd. */
  public double energyVs45(Vdd vdd) {
    return vdd == Vdd.V0_8 ? energyAt08 : energyAt10;
  }

  /** Area at this node / area at 45 nm. */
  public double areaVs45() {
    return area;
  }

  /** Energy at {@code to} / energy at {@code from}. */
  public static double energyFactor(int fromNm, int toNm, Vdd vdd) {
    return of(toNm).energyVs45(vdd) / of(fromNm).energyVs45(vdd);
  }

  /** Area at {@code to} / area at {@code from}. */
  public static double areaFactor(int fromNm, int toNm) {
    return of(toNm).areaVs45() / of(fromNm).areaVs45();
  }

  /** The row for {@code nm}; unknown nodes list the known ones. */
  public static TechnologyScaling of(int nm) {
    for (TechnologyScaling t : values()) {
      if (t.nanometres == nm) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "technology node must be one of "
            + Arrays.stream(values())
                .map(t -> t.nanometres + " nm")
                .collect(Collectors.joining(", "))
            + ", got "
            + nm
            + " nm");
  }

  /** A factor to 4 significant digits without trailing zeros: {@code 0.094}, {@code 1.824}. */
  static String format(double factor) {
    return new java.math.BigDecimal(factor)
        .round(new java.math.MathContext(4))
        .stripTrailingZeros()
        .toPlainString();
  }

  /** The citation carried into scaled tables' sources. */
  public static final String SOURCE = "Stillmaker & Baas 2017 via gpu-cpu-specs §4.4";
}
