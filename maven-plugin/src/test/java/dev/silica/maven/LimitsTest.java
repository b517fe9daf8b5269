package dev.silica.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LimitsTest {

  private static Metrics metrics(Map<String, Double> values, Map<String, String> missing) {
    return new Metrics("net on acc", values, missing);
  }

  private static List<Limits.Outcome> check(Limits l, Metrics m) {
    return List.copyOf(l.check(m).values());
  }

  @Test
  void anUpperLimitHoldsUpToAndIncludingItsBound() {
    Limits l = new Limits().max("maxLatencyUs", Metrics.LATENCY_US, 10.0);
    assertThat(check(l, metrics(Map.of(Metrics.LATENCY_US, 10.0), Map.of())))
        .containsExactly(new Limits.Outcome(true, "latency_us = 10 <= maxLatencyUs = 10"));
    assertThat(check(l, metrics(Map.of(Metrics.LATENCY_US, 10.5), Map.of())))
        .containsExactly(new Limits.Outcome(false, "latency_us = 10.5 exceeds maxLatencyUs = 10"));
  }

  @Test
  void aLowerLimitFailsBelowItsBound() {
    Limits l = new Limits().min("minTops", Metrics.TOPS, 2.0);
    assertThat(check(l, metrics(Map.of(Metrics.TOPS, 1.25), Map.of())))
        .containsExactly(new Limits.Outcome(false, "tops = 1.25 is below minTops = 2"));
    assertThat(check(l, metrics(Map.of(Metrics.TOPS, 2.0), Map.of())))
        .containsExactly(new Limits.Outcome(true, "tops = 2 >= minTops = 2"));
  }

  @Test
  void aLimitOnAMissingMetricFailsWithTheReason() {
    Limits l = new Limits().max("maxAreaMm2", Metrics.AREA_MM2, 5.0);
    assertThat(check(l, metrics(Map.of(), Map.of(Metrics.AREA_MM2, "no area"))))
        .containsExactly(
            new Limits.Outcome(
                false, "maxAreaMm2 = 5 cannot be checked: area_mm2 is missing (no area)"));
  }

  @Test
  void unsetLimitsAreNotChecked() {
    Limits l = new Limits().max("maxAreaMm2", Metrics.AREA_MM2, null).min("minTops", "tops", null);
    assertThat(l.limits()).isEmpty();
    assertThat(l.check(metrics(Map.of(), Map.of()))).isEmpty();
  }

  @Test
  void everyLimitIsReportedInOrder() {
    Limits l =
        new Limits()
            .max("maxLatencyUs", Metrics.LATENCY_US, 1.0)
            .min("minTops", Metrics.TOPS, 1.0)
            .max("maxOutputErrorVsFp32", Metrics.OUTPUT_ERROR_VS_FP32, 0.01);
    List<Limits.Outcome> o =
        check(
            l,
            metrics(
                Map.of(Metrics.LATENCY_US, 35.123456789, Metrics.TOPS, 3.0),
                Map.of(Metrics.OUTPUT_ERROR_VS_FP32, "no outputs")));
    assertThat(o)
        .extracting(Limits.Outcome::message)
        .containsExactly(
            "latency_us = 35.1235 exceeds maxLatencyUs = 1",
            "tops = 3 >= minTops = 1",
            "maxOutputErrorVsFp32 = 0.01 cannot be checked: output_error_vs_fp32 is missing (no"
                + " outputs)");
  }

  @Test
  void numbersHaveSixSignificantDigitsAndNoExponent() {
    assertThat(Limits.number(1234567.0)).isEqualTo("1234570");
    assertThat(Limits.number(0.000012345678)).isEqualTo("0.0000123457");
    assertThat(Limits.number(2.5)).isEqualTo("2.5");
    assertThat(Limits.number(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
  }

  @Test
  void aNanLimitIsRejected() {
    assertThatThrownBy(() -> new Limits().max("maxLatencyUs", Metrics.LATENCY_US, Double.NaN))
        .hasMessage("maxLatencyUs: must be a number, got NaN");
  }
}
