package dev.silica.numerics.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silica.numerics.IntegerFormat;
import org.junit.jupiter.api.Test;

/** Per-tensor and per-channel ONNX QuantizeLinear / DequantizeLinear, and calibration. */
class AffineQuantizerTest {

  @Test
  void perTensorOnnxExample() {
    // ONNX QuantizeLinear example: scale 2, zp 128, uint8.
    AffineQuantizer q = AffineQuantizer.perTensor(IntegerFormat.UINT8, 2f, 128);
    int[] shape = {6};
    assertThat(q.quantize(new float[] {0, 2, 3, 1000, -254, -1000}, shape))
        .containsExactly(128, 129, 130, 255, 1, 0);
    assertThat(q.dequantize(new int[] {0, 3, 128, 255, 0, 0}, shape))
        .containsExactly(-256, -250, 0, 254, -256, -256);
  }

  @Test
  void perChannelOnnxAxis1Example() {
    // ONNX QuantizeLinear per-axis example: x of shape 1 x 3 x 3 x 2, axis 1, scales [1, 2, 4],
    // zero points [0, 2, 3] (uint8). Expected values from the ONNX operator documentation.
    float[] x = {
      -162, 10, -100, 232, -20, -50, //
      -76, 0, 0, 252, 32, -44, //
      245, -485, -960, -270, -375, -470
    };
    AffineQuantizer q =
        AffineQuantizer.perChannel(
            IntegerFormat.UINT8, 1, new float[] {1, 2, 4}, new long[] {0, 2, 3});
    int[] shape = {1, 3, 3, 2};
    assertThat(q.quantize(x, shape))
        .containsExactly(
            0, 10, 0, 232, 0, 0, //
            0, 2, 2, 128, 18, 0, //
            64, 0, 0, 0, 0, 0);
  }

  @Test
  void perChannelOnLastAxis() {
    // 2 x 2 tensor, axis 1: column 0 scale 0.5, column 1 scale 0.25 (int8, zp 0).
    AffineQuantizer q =
        AffineQuantizer.perChannel(IntegerFormat.INT8, 1, new float[] {0.5f, 0.25f}, new long[2]);
    int[] shape = {2, 2};
    assertThat(q.quantize(new float[] {1, 1, -1, 100}, shape)).containsExactly(2, 4, -2, 127);
    assertThat(q.fakeQuantize(new float[] {1, 1, -1, 100}, shape))
        .containsExactly(1f, 1f, -1f, 31.75f);
  }

  @Test
  void calibration() {
    // Range [-1, 3] (includes 0) onto uint8: scale 4 / 255, zp = round(0 - (-1) / scale) = 64.
    float[] x = {-1, 0, 3, 2};
    AffineQuantizer mm = AffineQuantizer.minMax(IntegerFormat.UINT8, x);
    assertThat(mm.scales()[0]).isEqualTo(4f / 255f);
    assertThat(mm.zeroPoints()[0]).isEqualTo(64);
    // Symmetric int8: scale = 3 / 127, zp 0.
    AffineQuantizer sym = AffineQuantizer.symmetric(IntegerFormat.INT8, x);
    assertThat(sym.scales()[0]).isEqualTo(3f / 127f);
    assertThat(sym.zeroPoints()[0]).isZero();
    // Per channel along axis 0 of a 2 x 2 tensor: rows [-1, 0] and [3, 2]; an all-zero channel
    // gets scale 1.
    AffineQuantizer rows =
        AffineQuantizer.symmetric(
            IntegerFormat.INT8, new float[] {-1, 0, 0, 0}, new int[] {2, 2}, 0);
    assertThat(rows.scales()).containsExactly(1f / 127f, 1f);
    AffineQuantizer rowsMm = AffineQuantizer.minMax(IntegerFormat.UINT8, x, new int[] {2, 2}, 0);
    assertThat(rowsMm.zeroPoints()).containsExactly(255L, 0L);
  }

  @Test
  void badShapes() {
    AffineQuantizer q =
        AffineQuantizer.perChannel(IntegerFormat.INT8, 1, new float[] {1, 1}, new long[2]);
    assertThatThrownBy(() -> q.quantize(new float[6], new int[] {2, 3}))
        .hasMessage(
            "affine quantizer: channel count along axis 1 must equal the number of scales 2, got 3");
    assertThatThrownBy(() -> q.quantize(new float[5], new int[] {2, 3}))
        .hasMessage(
            "affine quantizer: tensor length must equal the shape's element count 6 [2, 3], got 5");
    assertThatThrownBy(() ->
            AffineQuantizer.perChannel(IntegerFormat.INT8, 0, new float[] {1, -1}, new long[2]))
        .hasMessage("numeric format 'int8': scale must be finite and > 0, got -1.0");
  }
}
