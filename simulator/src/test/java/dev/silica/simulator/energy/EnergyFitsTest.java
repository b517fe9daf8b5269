package dev.silica.simulator.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The derivation rules of the built-in table against the published points they were fitted to.
 * Published entries win over rules, so these tests evaluate the rule formulas directly on the
 * published geometries (through {@link #rule}) and state each fit's error.
 */
class EnergyFitsTest {
  private static final EnergyTable E = EnergyTable.horowitz45nm();

  /** Relative error of a fit value against a published value. */
  private static double err(double fit, double published) {
    return fit / published - 1;
  }

  @ParameterizedTest(name = "int{0} add: fit vs {1} pJ, |error| <= {2}")
  @CsvSource({
    // papers-inputs §4.1: 8b 0.03, 16b 0.05, 32b 0.1 pJ; fit E = 0.005 + 0.0029464 N
    "8, 0.03, 0.048", // -4.8 %
    "16, 0.05, 0.043", // +4.3 %
    "32, 0.1, 0.0072" // -0.7 %
  })
  void adderIsLinearInBitsWithinFivePercent(int bits, double published, double tolerance) {
    double fit = 0.005 + 0.0029464285714285714 * bits;
    assertThat(Math.abs(err(fit, published))).isLessThanOrEqualTo(tolerance);
    // the table's rule computes the same line for an unpublished width
    assertThat(E.energyPj(Action.of("add.int" + (bits + 1))))
        .isCloseTo(0.005 + 0.0029464285714285714 * (bits + 1), within(1e-12));
  }

  @Test
  void multiplierIsAboutQuadratic() {
    // papers-inputs §4.1: int8 mult 0.2 pJ, int32 mult 3.1 pJ.
    // Pure quadratic anchored at int32: 3.1 (8/32)^2 = 0.19375 pJ, -3.1 % from 0.2.
    assertThat(err(3.1 * Math.pow(8.0 / 32, 2), 0.2)).isCloseTo(-0.03125, within(1e-12));
    // The chosen fit is the power law through both points: exponent ln(15.5)/ln(4) = 1.977.
    double exponent = Math.log(3.1 / 0.2) / Math.log(4);
    assertThat(exponent).isCloseTo(1.977, within(5e-4));
    // It reproduces both published points (evaluated at 8 b with the int32 anchor):
    assertThat(3.1 * Math.pow(8.0 / 32, exponent)).isCloseTo(0.2, within(1e-12));
    // int16 (not published, [NF] in papers-inputs §4.1): 3.1 (1/2)^1.977 = 0.7874 pJ.
    TableEntry int16 = E.lookup(Action.of("mult.int16")).orElseThrow();
    assertThat(int16.value()).isCloseTo(0.7874007874, within(1e-9));
    assertThat(int16.entry()).isEqualTo("rule power_in_bits: mult.int16");
    assertThat(int16.source()).contains("power law through Horowitz int8/int32 mult");
  }

  @Test
  void macIsMultiplyPlusAccumulatorAdd() {
    // mac.int8 = mult.int8 0.2 + add.int32 0.1 = 0.3 pJ (papers-inputs §4.1 entries)
    assertThat(E.energyPj(Action.mac("int8"))).isCloseTo(0.3, within(1e-12));
    // mac.fp16 = mult.fp16 1.1 + add.fp32 0.9 = 2.0 pJ (fp32 accumulation)
    assertThat(E.energyPj(Action.mac("fp16"))).isCloseTo(2.0, within(1e-12));
    // mac.fp32 = 3.7 + 0.9 = 4.6 pJ
    assertThat(E.energyPj(Action.mac("fp32"))).isCloseTo(4.6, within(1e-12));
    // mac.int16 = mult.int16 (rule) 0.7874 + add.int32 0.1
    assertThat(E.energyPj(Action.mac("int16"))).isCloseTo(0.8874007874, within(1e-9));
    // mac.int32 = 3.1 + add.int64 (affine rule: 0.005 + 0.0029464 * 64 = 0.19357)
    assertThat(E.energyPj(Action.mac("int32")))
        .isCloseTo(3.1 + 0.005 + 0.0029464285714285714 * 64, within(1e-12));
    TableEntry mac = E.lookup(Action.mac("int8")).orElseThrow();
    assertThat(mac.entry()).isEqualTo("rule mult_plus_add: mac.int8 = mult.int8 + add.int32");
    assertThat(mac.source())
        .contains("mult.int8: Horowitz 2014")
        .contains("add.int32: Horowitz 2014");
  }

  /** E = 10 pJ (W/64) (C/8 KiB)^0.4765, the SRAM rule of horowitz-45nm.yaml. */
  private static double sramFit(long capacityBytes, int widthBits) {
    return 10.0 * widthBits / 64 * Math.pow(capacityBytes / 8192.0, 0.4765);
  }

  @ParameterizedTest(name = "SRAM {0} B x {1} b: fit vs {2} pJ, |error| <= {3}")
  @CsvSource({
    // papers-inputs §4.2: 8 KB/32 b 5 pJ, 8 KB/64 b 10 pJ, 32 KB/64 b 20 pJ, 1 MB/64 b 100 pJ
    "8192, 32, 5.0, 1e-12", // anchor (width-linear): exact
    "8192, 64, 10.0, 1e-12", // anchor: exact
    "32768, 64, 20.0, 0.033", // -3.2 %
    "1048576, 64, 100.0, 0.010" // +0.9 %
  })
  void sramEnergyFitReproducesThePublishedPoints(
      long capacity, int width, double published, double tol) {
    assertThat(Math.abs(err(sramFit(capacity, width), published))).isLessThanOrEqualTo(tol);
  }

  @Test
  void sramRuleCoversUnpublishedGeometries() {
    // 256 KiB, 64-bit words: 10 * 32^0.4765 = 52.2 pJ, between the 32 KB and 1 MB points
    TableEntry e = E.lookup(Action.sramRead(262144, 64)).orElseThrow();
    assertThat(e.value()).isCloseTo(sramFit(262144, 64), within(1e-9));
    assertThat(e.value()).isBetween(20.0, 100.0);
    assertThat(e.entry())
        .isEqualTo("rule sram_power_law: sram.read[capacity_bytes=262144,width_bits=64]");
    // writes cost what reads cost
    assertThat(E.energyPj(Action.sramWrite(262144, 128))).isCloseTo(2 * e.value(), within(1e-9));
    // monotone in capacity and width
    assertThat(E.energyPj(Action.sramRead(16384, 64))).isBetween(10.0, 20.0);
  }

  @Test
  void widthLinearRulesScaleTheirThirtyTwoBitEntries() {
    assertThat(E.energyPj(Action.regfileRead(16))).isCloseTo(0.5, within(1e-12));
    assertThat(E.energyPj(Action.regfileWrite(64))).isCloseTo(2.0, within(1e-12));
    assertThat(E.energyPj(Action.of("dram.read", Map.of("width_bits", 64L))))
        .isCloseTo(1280, within(1e-9));
    // Accelergy ERT (shared/refs/accelergy/ERT.csv): hop_w32 1.04128 pJ, hop_w8 0.26032 pJ
    assertThat(E.energyPj(Action.nocHop(32))).isEqualTo(1.04128);
    assertThat(E.energyPj(Action.nocHop(8))).isCloseTo(0.26032, within(1e-12));
  }

  @ParameterizedTest(name = "SRAM area {0} B: fit vs {1} um2, |error| <= {2}")
  @CsvSource({
    // Accelergy 0.4 / CACTI 6.5, 45 nm, 64-bit wide (shared/refs/accelergy/ART.csv)
    "65536, 209046.0, 0.016", // glb_64KB: +1.5 %
    "131072, 429589.0, 0.021", // glb_128KB: -2.0 %
    "1048576, 3262830.0, 0.006" // glb_1MB: +0.5 %
  })
  void sramAreaFitReproducesTheCactiPoints(long capacity, double art, double tol) {
    double fit = AreaTable.horowitz45nm().areaUm2(ComponentKind.sram(capacity, 64));
    assertThat(fit).isCloseTo(3.7267 * Math.pow(capacity, 0.98736), within(1e-6));
    assertThat(Math.abs(err(fit, art))).isLessThanOrEqualTo(tol);
  }

  @Test
  void areaRulesForArithmetic() {
    AreaTable a = AreaTable.horowitz45nm();
    // mac.int8 = mult.int8 282 + add.int32 137 = 419 um2 (papers-inputs §4.1)
    assertThat(a.areaUm2(ComponentKind.of("mac.int8"))).isEqualTo(419.0);
    // int mult area: power law through 282 and 3495 um2, exponent ln(3495/282)/ln 4 = 1.816
    assertThat(a.areaUm2(ComponentKind.of("mult.int16")))
        .isCloseTo(3495 * Math.pow(0.5, Math.log(3495.0 / 282) / Math.log(4)), within(1e-6));
    // int add area: 4.2738 um2/bit through the origin: 36 -> 34.2 (-5.0 %), 67 -> 68.4 (+2.1 %)
    assertThat(a.areaUm2(ComponentKind.of("add.int4")))
        .isCloseTo(4 * 4.2738095238095238, within(1e-9));
    assertThat(Math.abs(err(8 * 4.2738095238095238, 36))).isLessThanOrEqualTo(0.051);
    assertThat(Math.abs(err(16 * 4.2738095238095238, 67))).isLessThanOrEqualTo(0.021);
  }
}
