package dev.silica.workloads.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErfTest {
  /** Reference values: glibc {@code erf} through CPython's {@code math.erf} (correct to 1 ulp). */
  @ParameterizedTest(name = "erf({0}) = {1}")
  @CsvSource({
    "0.1, 0.1124629160182849",
    "-0.3, -0.3286267594591274",
    "0.46875, 0.49261347321793797",
    "0.5, 0.5204998778130465",
    "1, 0.8427007929497149",
    "2, 0.9953222650189527",
    "3, 0.9999779095030014",
    "4, 0.9999999845827421",
    "5, 0.9999999999984626",
    "6, 1.0",
    "0, 0"
  })
  void matchesReferenceToFewUlps(double x, double want) {
    assertThat(Erf.erf(x)).isCloseTo(want, within(4 * Math.ulp(want) + 1e-300));
    assertThat(Erf.erf(-x)).isEqualTo(-Erf.erf(x));
  }
}
