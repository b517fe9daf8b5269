package dev.silica.numerics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Spec names, widths, round trips through {@code name()}, and the error messages (an interface).
 */
class NumberFormatParseTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "fp32, 32, fp32",
    "FP16, 16, fp16",
    "bf16, 16, bf16",
    "fp8e4m3, 8, fp8e4m3",
    "fp8e5m2, 8, fp8e5m2",
    "fp8e4m3:saturate, 8, fp8e4m3:saturate",
    "q8.8, 16, q8.8",
    "uq4.4, 8, uq4.4",
    "q1.15, 16, q1.15",
    "q16.16:wrap, 32, q16.16:wrap",
    "' uq0.8 ', 8, uq0.8",
    "int8, 8, int8",
    "int4, 4, int4",
    "uint8, 8, uint8",
    "int32:wrap, 32, int32:wrap",
    "int12, 12, int12",
    "ternary, 2, ternary",
    "binary, 1, binary"
  })
  void parsesSpecs(String spec, int width, String name) {
    NumberFormat f = NumberFormat.parse(spec);
    assertThat(f.bitWidth()).isEqualTo(width);
    assertThat(f.name()).isEqualTo(name);
    assertThat(NumberFormat.parse(f.name())).isEqualTo(f);
  }

  @Test
  void parsedRecordsAreTheConstants() {
    assertThat(NumberFormat.parse("fp16")).isSameAs(FloatingPoint.FP16);
    assertThat(NumberFormat.parse("q8.8")).isEqualTo(FixedPoint.q(8, 8));
    assertThat(NumberFormat.parse("uint8")).isEqualTo(IntegerFormat.UINT8);
    assertThat(NumberFormat.parse("int32:wrap")).isEqualTo(IntegerFormat.INT32);
    assertThat(NumberFormat.parse("ternary")).isEqualTo(Ternary.UNIT);
    assertThat(NumberFormat.parse("binary")).isEqualTo(Binary.UNIT);
  }

  static List<List<String>> badSpecs() {
    String valid =
        "(expected one of: fp32, fp16, bf16, fp8e4m3, fp8e5m2, q<m>.<n>, uq<m>.<n>, int<N>, uint<N>,"
            + " ternary, binary)";
    return List.of(
        List.of("q5.40", "numeric format 'q5.40': total width must be <= 32 bits, got 45"),
        List.of("Q20.20", "numeric format 'Q20.20': total width must be <= 32 bits, got 40"),
        List.of("q-1.8", "numeric format 'q-1.8': integer bits must be >= 0, got -1"),
        List.of("uq4.-2", "numeric format 'uq4.-2': fraction bits must be >= 0, got -2"),
        List.of(
            "q0.8",
            "numeric format 'q0.8': integer bits of a signed format (they include the sign bit)"
                + " must be >= 1, got 0"),
        List.of("uq0.0", "numeric format 'uq0.0': total width must be >= 1 bit, got 0"),
        List.of(
            "q5.99999999999999999999",
            "numeric format 'q5.99999999999999999999': total width must be <= 32 bits, got"
                + " 100000000000000000004"),
        List.of("int40", "numeric format 'int40': width must be <= 32 bits, got 40"),
        List.of("uint0", "numeric format 'uint0': width must be >= 1 bit, got 0"),
        List.of("int-4", "numeric format 'int-4': width must be >= 1 bit, got -4"),
        List.of("fp12", "numeric format 'fp12': unknown format " + valid),
        List.of("", "numeric format '': unknown format " + valid),
        List.of(
            "fp16:wrap",
            "numeric format 'fp16:wrap': overflow must be one of infinity, saturate, got wrap"),
        List.of(
            "q8.8:infinity",
            "numeric format 'q8.8:infinity': overflow must be one of saturate, wrap, got infinity"),
        List.of(
            "int8:clamp",
            "numeric format 'int8:clamp': overflow suffix must be one of saturate, wrap, infinity,"
                + " got 'clamp'"),
        List.of(
            "ternary:wrap",
            "numeric format 'ternary:wrap': a ternary format must have no overflow suffix, got"
                + " WRAP"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSpecs")
  void rejectsBadSpecsWithClearMessages(List<String> specAndMessage) {
    assertThatThrownBy(() -> NumberFormat.parse(specAndMessage.get(0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(specAndMessage.get(1));
  }

  @Test
  void recordConstructorsValidateToo() {
    assertThatThrownBy(() -> FixedPoint.q(5, 40))
        .hasMessage("numeric format 'q5.40': total width must be <= 32 bits, got 45");
    assertThatThrownBy(
            () -> new FloatingPoint(9, 23, FloatingPoint.Specials.IEEE, Overflow.INFINITY))
        .hasMessage("numeric format 'e9m23': exponent bits must be in [2, 8], got 9");
    assertThatThrownBy(() -> IntegerFormat.UINT8.withAffine(0f, 0))
        .hasMessage("numeric format 'uint8': scale must be finite and > 0, got 0.0");
    assertThatThrownBy(() -> IntegerFormat.UINT8.withAffine(1f, 256))
        .hasMessage("numeric format 'uint8': zero point must be in [0, 255], got 256");
    assertThatThrownBy(() -> Rounder.of(Rounding.STOCHASTIC))
        .hasMessage(
            "rounding: stochastic rounding must be given a seed, use Rounder.stochastic(seed)");
  }
}
