package dev.silica.workloads.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.workloads.ir.Shape;
import org.junit.jupiter.api.Test;

/** ZFNet against Zeiler and Fergus 2014, Fig. 3. */
class ZfNetAccountingTest {
  private final ZooLayers z = new ZooLayers("zfnet");

  @Test
  void outputShapesOfFigure3() {
    // Zeiler & Fergus, ECCV 2014, Fig. 3: 110x110x96 -> 55x55x96 -> 26x26x256 -> 13x13x256 ->
    // 13x13x384 -> 13x13x384 -> 13x13x256 -> 6x6x256 -> 4096 -> 4096 -> 1000
    assertThat(z.shape("conv1")).isEqualTo(Shape.of(1, 96, 110, 110));
    assertThat(z.shape("pool1")).isEqualTo(Shape.of(1, 96, 55, 55));
    assertThat(z.shape("conv2")).isEqualTo(Shape.of(1, 256, 26, 26));
    assertThat(z.shape("pool2")).isEqualTo(Shape.of(1, 256, 13, 13));
    assertThat(z.shape("conv3")).isEqualTo(Shape.of(1, 384, 13, 13));
    assertThat(z.shape("conv4")).isEqualTo(Shape.of(1, 384, 13, 13));
    assertThat(z.shape("conv5")).isEqualTo(Shape.of(1, 256, 13, 13));
    assertThat(z.shape("pool5")).isEqualTo(Shape.of(1, 256, 6, 6));
    assertThat(z.shape("fc6")).isEqualTo(Shape.of(1, 4096));
    assertThat(z.shape("fc8")).isEqualTo(Shape.of(1, 1000));
  }

  @Test
  void parameters() {
    // Per layer, weights + biases (by hand; the same figures appear in a secondary ZFNet table,
    // newlib.net "Table 1.4 Various parameters of ZFNet" [V2]): 96x3x7x7 + 96, 256x96x5x5 + 256,
    // 384x256x9 + 384, 384x384x9 + 384, 256x384x9 + 256, 9216x4096 + 4096, 4096x4096 + 4096,
    // 4096x1000 + 1000
    assertThat(z.params("conv1")).isEqualTo(14_208);
    assertThat(z.params("conv2")).isEqualTo(614_656);
    assertThat(z.params("conv3")).isEqualTo(885_120);
    assertThat(z.params("conv4")).isEqualTo(1_327_488);
    assertThat(z.params("conv5")).isEqualTo(884_992);
    assertThat(z.params("fc6")).isEqualTo(37_752_832);
    assertThat(z.params("fc7")).isEqualTo(16_781_312);
    assertThat(z.params("fc8")).isEqualTo(4_097_000);
    // same secondary table: 62,357,608 in total [V2]
    assertThat(z.stats.parameters()).isEqualTo(62_357_608L);
  }

  @Test
  void macs() {
    // [D] regression oracle: 110²x96x147 + 26²x256x2400 + 13²x384x2304 + 13²x384x3456
    // + 13²x256x3456 + 58,621,952 (FC) = 1,168,032,896 (no published figure was found)
    assertThat(z.macs("conv1")).isEqualTo(170_755_200L);
    assertThat(z.macs("conv2")).isEqualTo(415_334_400L);
    assertThat(z.stats.macs()).isEqualTo(1_168_032_896L);
  }
}
