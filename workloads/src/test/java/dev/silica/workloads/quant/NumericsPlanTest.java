package dev.silica.workloads.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silica.numerics.FixedPoint;
import dev.silica.numerics.FloatingPoint;
import dev.silica.numerics.IntegerFormat;
import dev.silica.numerics.Overflow;
import dev.silica.workloads.zoo.Zoo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumericsPlanTest {
  @Test
  void aBareFormatSetsWeightsAndActivationsOfEveryLayer() {
    NumericsPlan p = NumericsPlan.parse("fp16");
    NumericsPlan.LayerFormats f = p.formats("conv1");
    assertThat(f.weights()).isEqualTo(new FormatChoice.Exact(FloatingPoint.FP16));
    assertThat(f.activations()).isEqualTo(new FormatChoice.Exact(FloatingPoint.FP16));
    assertThat(f.accumulator()).isNull();
  }

  @Test
  void layerOverridesWinOverTheDefault() {
    NumericsPlan p = NumericsPlan.parse("q8.8, conv1=q4.4, conv2.acc=q16.16, conv2.w=int4");
    assertThat(p.formats("conv1").weights()).isEqualTo(new FormatChoice.Exact(FixedPoint.q(4, 4)));
    assertThat(p.formats("conv1").activations())
        .isEqualTo(new FormatChoice.Exact(FixedPoint.q(4, 4)));
    assertThat(p.formats("conv2").weights())
        .isEqualTo(new FormatChoice.Affine(IntegerFormat.INT4, false));
    assertThat(p.formats("conv2").activations())
        .isEqualTo(new FormatChoice.Exact(FixedPoint.q(8, 8)));
    assertThat(p.formats("conv2").accumulator()).isEqualTo(FixedPoint.q(16, 16));
    assertThat(p.formats("ip1").weights()).isEqualTo(new FormatChoice.Exact(FixedPoint.q(8, 8)));
    assertThat(p.layers()).containsExactly("conv1", "conv2");
  }

  @Test
  void perChannelAppliesToWeightsAndActivationsStayPerTensor() {
    NumericsPlan.LayerFormats f = NumericsPlan.parse("int8-per-channel").formats("x");
    assertThat(f.weights()).isEqualTo(new FormatChoice.Affine(IntegerFormat.INT8, true));
    assertThat(f.activations()).isEqualTo(new FormatChoice.Affine(IntegerFormat.INT8, false));
  }

  @Test
  void rolesCanBeSetSeparatelyAndUnsetRolesStayFp32() {
    NumericsPlan p = NumericsPlan.parse("w=int4,acc=int32:wrap");
    assertThat(p.defaults().weights())
        .isEqualTo(new FormatChoice.Affine(IntegerFormat.INT4, false));
    assertThat(p.defaults().activations()).isEqualTo(FormatChoice.FP32);
    assertThat(p.defaults().accumulator()).isEqualTo(IntegerFormat.INT32);
    assertThat(NumericsPlan.parse("weights=ternary").defaults().weights())
        .isEqualTo(new FormatChoice.Fitted(true));
    assertThat(NumericsPlan.parse("ternary").defaults().activations()).isEqualTo(FormatChoice.FP32);
  }

  @Test
  void dynamicFixedPointAndBf16Parse() {
    assertThat(NumericsPlan.parse("fixed16").defaults().weights())
        .isEqualTo(new FormatChoice.DynamicFixed(16, true));
    assertThat(NumericsPlan.parse("ufixed8").defaults().weights())
        .isEqualTo(new FormatChoice.DynamicFixed(8, false));
    assertThat(NumericsPlan.parse("BF16").defaults().weights())
        .isEqualTo(new FormatChoice.Exact(FloatingPoint.BF16));
    assertThat(NumericsPlan.parse("q8.8:wrap").defaults().weights())
        .isEqualTo(new FormatChoice.Exact(FixedPoint.q(8, 8).withOverflow(Overflow.WRAP)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "q5.40|numerics plan 'q5.40': item 'q5.40': numeric format 'q5.40': total width must be"
            + " <= 32 bits, got 45",
        "int-3|numerics plan 'int-3': item 'int-3': numeric format 'int-3': width must be >= 1"
            + " bit, got -3",
        "q-2.4|numerics plan 'q-2.4': item 'q-2.4': numeric format 'q-2.4': integer bits must be"
            + " >= 0, got -2",
        "fixed-4|numerics plan 'fixed-4': item 'fixed-4': numeric format 'fixed-4': width must be"
            + " in [2, 32] bits, got -4",
        "fixed64|numerics plan 'fixed64': item 'fixed64': numeric format 'fixed64': width must be"
            + " in [2, 32] bits, got 64",
        "int8x|numerics plan 'int8x': item 'int8x': numeric format 'int8x': unknown format"
            + " (expected one of: fp32, fp16, bf16, fp8e4m3, fp8e5m2, q<m>.<n>, uq<m>.<n>, int<N>,"
            + " uint<N>, int<N>-per-channel, uint<N>-per-channel, fixed<W>, ufixed<W>, ternary,"
            + " binary)",
        "fp16-per-channel|numerics plan 'fp16-per-channel': item 'fp16-per-channel': numeric"
            + " format 'fp16-per-channel': -per-channel applies to int<N> and uint<N> only, got"
            + " fp16",
        "int8,,fp16|numerics plan 'int8,,fp16': item '': empty item",
        "a=int8-per-channel|numerics plan 'a=int8-per-channel': item 'a=int8-per-channel':"
            + " activations: must be quantized per tensor, got int8-per-channel",
        "conv1.a=binary|numerics plan 'conv1.a=binary': item 'conv1.a=binary': activations:"
            + " ternary and binary apply to weights only, got binary",
        "acc=fixed16|numerics plan 'acc=fixed16': item 'acc=fixed16': accumulator: must be a plain"
            + " format (fp32, fp16, bf16, int<N>, q<m>.<n>), got fixed16",
        "=int8|numerics plan '=int8': item '=int8': a layer or role name must come before '='",
      })
  void badSpecsGiveOneClearLine(String spec, String message) {
    assertThatThrownBy(() -> NumericsPlan.parse(spec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void anEmptyPlanIsRejected() {
    assertThatThrownBy(() -> NumericsPlan.parse(" "))
        .hasMessage("numerics plan ' ': must list at least one format");
  }

  @Test
  void unknownLayersAreReportedWithTheValidNames() {
    NumericsPlan p = NumericsPlan.parse("int8,conv9=q4.4");
    assertThatThrownBy(() -> p.check(Zoo.build("lenet5-caffe")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "numerics plan 'int8,conv9=q4.4': layer 'conv9' is not a node of lenet5-caffe"
                + " (expected one of: conv1, ");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"max,max", "MAX,max", "percentile:99.99,percentile:99.99", "percentile:100,max"})
  void calibrationSpecsRoundTrip(String spec, String printed) {
    assertThat(Calibration.parse(spec).spec()).isEqualTo(printed);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "mean|calibration 'mean': unknown method (expected one of: max, percentile:P)",
        "percentile:0|calibration 'percentile:0': percentile must be in (0, 100], got 0",
        "percentile:101|calibration 'percentile:101': percentile must be in (0, 100], got 101",
        "percentile:x|calibration 'percentile:x': percentile must be a number in (0, 100], got"
            + " 'x'",
      })
  void badCalibrationSpecs(String spec, String message) {
    assertThatThrownBy(() -> Calibration.parse(spec)).hasMessage(message);
  }

  @Test
  void percentileIsTheNearestRankOrderStatistic() {
    float[] x = new float[10_000];
    for (int i = 0; i < x.length; i++) {
      x[i] = (i % 2 == 0 ? 1 : -1) * (i + 1); // magnitudes 1..10000
    }
    // nearest rank: k = ceil(p/100 · n): 99.99% of 10^4 is rank 9999, 50% is rank 5000
    assertThat(Calibration.parse("percentile:99.99").range(x)).isEqualTo(9999.0);
    assertThat(Calibration.parse("percentile:50").range(x)).isEqualTo(5000.0);
    assertThat(Calibration.MAX.range(x)).isEqualTo(10000.0);
  }

  @ParameterizedTest(name = "range {1} in {0} bits -> {2}")
  @CsvSource({
    "8,3.0,q3.5", // 2^(3-1) = 4 >= 3
    "8,4.0,q3.5", // exactly 2^2: 3 integer bits, saturates by one step
    "8,4.01,q4.4",
    "8,0.4,q1.7", // would need m = 0: clamped to the sign bit
    "8,200,q8.0", // would need m = 9: clamped to the width
    "16,0.9,q1.15",
    "16,0,q1.15",
  })
  void radixPointCoversTheCalibratedRange(int width, double range, String expected) {
    assertThat(Encoding.radixPoint(width, true, range).name()).isEqualTo(expected);
  }

  @Test
  void unsignedRadixPointHasNoSignBit() {
    assertThat(Encoding.radixPoint(8, false, 3.0).name()).isEqualTo("uq2.6");
    assertThat(Encoding.radixPoint(8, false, 0.3).name()).isEqualTo("uq0.8");
  }
}
